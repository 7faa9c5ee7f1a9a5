//! Reads schema files into the model, collecting every error instead of stopping at the first.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Loc, did_you_mean};
use crate::model::{Access, ActionDef, Definition, Field, FieldType, ResourceInfo, Verb};
use crate::names;
use crate::yaml::{self, Node, NodeValue};

/// The product areas, each a cargo feature of `coupa`.
pub const AREAS: [&str; 10] = [
    "core",
    "purchasing",
    "invoicing",
    "expense",
    "inventory",
    "sourcing",
    "clm",
    "pay",
    "supplier_risk",
    "supply_chain",
];

const RESOURCE_KEYS: &[&str] = &[
    "resource",
    "rust_name",
    "path",
    "xml_root",
    "list_root",
    "area",
    "doc",
    "verbs",
    "actions",
    "deactivate",
    "fields",
];

const EMBEDDED_KEYS: &[&str] = &["embedded", "rust_name", "xml_root", "area", "doc", "fields"];

const FIELD_KEYS: &[&str] = &[
    "type",
    "access",
    "required",
    "doc",
    "rust_name",
    "max_length",
    "precision",
    "scale",
    "values",
    "to",
    "by",
    "of",
    "item",
    "inline",
];

/// The text of every file read, for rendering reports.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    files: BTreeMap<Arc<str>, String>,
}

impl Sources {
    /// The text of `file`.
    pub fn get(&self, file: &str) -> &str {
        self.files.get(file).map_or("", String::as_str)
    }

    /// Every file read, in order.
    pub fn files(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(|f| &**f)
    }

    /// Renders every diagnostic against its file.
    pub fn render(&self, diagnostics: &[Diagnostic]) -> String {
        diagnostics
            .iter()
            .map(|d| d.render(self.get(&d.loc.file)))
            .collect()
    }
}

/// Failure to read the schema at all (as opposed to errors in it).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The directory or a file could not be read.
    #[error("cannot read `{path}`: {source}")]
    Io {
        /// What could not be read.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// The `*.yaml` files of `dir`, sorted by name.
pub fn yaml_files(dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let io = |source| LoadError::Io {
        path: dir.to_owned(),
        source,
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.extension().is_some_and(|e| e == "yaml" || e == "yml") && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Reads files into definitions, applying the overlay files on top; errors are pushed to
/// `errors`.
pub fn load_files(
    files: &[PathBuf],
    overlays: &[PathBuf],
    sources: &mut Sources,
    errors: &mut Vec<Diagnostic>,
) -> Result<Vec<Definition>, LoadError> {
    let mut documents = Vec::new();
    for path in files {
        if let Some(document) = read_document(path, sources, errors)? {
            documents.push(document);
        }
    }
    let mut promoted = Vec::new();
    for path in overlays {
        if let Some(overlay) = read_document(path, sources, errors)? {
            promoted.extend(crate::overlay::apply(&mut documents, overlay, errors));
        }
    }
    crate::overlay::promote_references(&mut documents, &promoted);
    let definitions = documents
        .iter()
        .filter_map(|(file, root)| lower(file, sources.get(file), root, errors))
        .collect();
    Ok(definitions)
}

/// A parsed file: its name and its YAML tree.
pub(crate) type Document = (Arc<str>, Node);

fn read_document(
    path: &Path,
    sources: &mut Sources,
    errors: &mut Vec<Diagnostic>,
) -> Result<Option<Document>, LoadError> {
    let text = std::fs::read_to_string(path).map_err(|source| LoadError::Io {
        path: path.to_owned(),
        source,
    })?;
    let name: Arc<str> = Arc::from(path.to_string_lossy().replace('\\', "/"));
    let parsed = yaml::parse(&name, &text);
    sources.files.insert(name.clone(), text);
    match parsed {
        Ok(root) => Ok(Some((name, root))),
        Err(error) => {
            errors.push(error);
            Ok(None)
        }
    }
}

/// Reads one file's text into a definition.
pub fn load_str(file: &Arc<str>, text: &str, errors: &mut Vec<Diagnostic>) -> Option<Definition> {
    let root = match yaml::parse(file, text) {
        Ok(root) => root,
        Err(error) => {
            errors.push(error);
            return None;
        }
    };
    lower(file, text, &root, errors)
}

fn lower(
    file: &Arc<str>,
    text: &str,
    root: &Node,
    errors: &mut Vec<Diagnostic>,
) -> Option<Definition> {
    let file_loc = Loc {
        file: file.clone(),
        line: 1,
        col: 1,
        offset: 0,
        len: text.lines().next().map_or(0, str::len),
    };
    let Some(entries) = Entries::of(root, "the file", errors) else {
        if matches!(root.value, NodeValue::Null) {
            errors.push(
                Diagnostic::new(&file_loc, "empty schema file")
                    .help("start with `resource: name` or `embedded: name`, or delete the file"),
            );
        }
        return None;
    };
    let mut reader = Reader { entries, errors };
    reader.definition(file, &file_loc)
}

/// The entries of one mapping, taken one key at a time; what is left is unknown.
struct Entries<'a> {
    entries: Vec<(&'a str, &'a Node, &'a Node)>,
}

impl<'a> Entries<'a> {
    fn of(node: &'a Node, what: &str, errors: &mut Vec<Diagnostic>) -> Option<Self> {
        let NodeValue::Map(map) = &node.value else {
            errors.push(Diagnostic::new(
                &node.loc,
                format!("{what} must be a mapping, found {}", node.kind()),
            ));
            return None;
        };
        let mut entries: Vec<(&str, &Node, &Node)> = Vec::new();
        for (key, value) in map {
            let Some(name) = key.as_str() else {
                errors.push(Diagnostic::new(
                    &key.loc,
                    format!("keys must be strings, found {}", key.kind()),
                ));
                continue;
            };
            if let Some((_, first, _)) = entries.iter().find(|(n, _, _)| *n == name) {
                let message = match what {
                    "`fields`" => format!("field `{name}` is written twice"),
                    _ => format!("key `{name}` is written twice in {what}"),
                };
                errors.push(
                    Diagnostic::new(&key.loc, message)
                        .help("remove one of the two")
                        .also(&first.loc, "first written at"),
                );
                continue;
            }
            entries.push((name, key, value));
        }
        Some(Entries { entries })
    }

    fn take(&mut self, name: &str) -> Option<(&'a Node, &'a Node)> {
        let at = self.entries.iter().position(|(n, _, _)| *n == name)?;
        let (_, key, value) = self.entries.remove(at);
        Some((key, value))
    }

    fn reject_rest(self, allowed: &[&str], what: &str, errors: &mut Vec<Diagnostic>) {
        for (name, key, _) in self.entries {
            let mut error = Diagnostic::new(&key.loc, format!("unknown key `{name}` in {what}"));
            error = match did_you_mean(name, allowed.iter().copied()) {
                Some(near) => error.help(format!("did you mean `{near}`?")),
                None => error.help(format!("the keys of {what} are: {}", allowed.join(", "))),
            };
            errors.push(error);
        }
    }
}

struct Reader<'a, 'e> {
    entries: Entries<'a>,
    errors: &'e mut Vec<Diagnostic>,
}

impl<'a> Reader<'a, '_> {
    fn definition(&mut self, file: &Arc<str>, file_loc: &Loc) -> Option<Definition> {
        let resource = self.entries.take("resource");
        let embedded = self.entries.take("embedded");
        let (name_node, is_resource) = match (resource, embedded) {
            (Some((_, name)), None) => (name, true),
            (None, Some((_, name))) => (name, false),
            (Some((_, name)), Some((key, _))) => {
                self.errors.push(
                    Diagnostic::new(
                        &key.loc,
                        "a file defines either a `resource` or an `embedded` type, not both",
                    )
                    .help("move the embedded type to a file of its own"),
                );
                (name, true)
            }
            (None, None) => {
                self.errors.push(
                    Diagnostic::new(file_loc, "the file names no `resource` or `embedded` type")
                        .help("start with `resource: name` or `embedded: name`"),
                );
                return None;
            }
        };
        let name = self.snake_name(name_node, "resource name")?;
        let mut definition = Definition {
            rust_name: names::type_name(&name),
            rust_name_loc: name_node.loc.clone(),
            name,
            name_loc: name_node.loc.clone(),
            file: file.to_string(),
            xml_root: String::new(),
            area: String::from("core"),
            doc: None,
            resource: None,
            fields: Vec::new(),
        };
        if let Some(node) = self.value("rust_name")
            && let Some(rust) = self.identifier(node, "a Rust type name")
        {
            definition.rust_name = rust;
            definition.rust_name_loc = node.loc.clone();
        }
        definition.xml_root = self
            .value("xml_root")
            .and_then(|n| self.string(n, "xml_root"))
            .unwrap_or_else(|| definition.name.replace('_', "-"));
        if let Some(node) = self.value("area")
            && let Some(area) = self.string(node, "area")
        {
            if AREAS.contains(&area.as_str()) {
                definition.area = area;
            } else {
                let error = self.unknown_word(node, "area", &area, &AREAS);
                self.errors.push(error);
            }
        }
        definition.doc = self.value("doc").and_then(|n| self.string(n, "doc"));
        if is_resource {
            definition.resource = Some(self.resource_info(&definition.name, file_loc));
        }
        if let Some(node) = self.value("fields") {
            definition.fields = self.fields(node);
        } else {
            self.errors.push(
                Diagnostic::new(
                    &definition.name_loc,
                    format!("`{}` has no `fields`", definition.name),
                )
                .help("list the record's fields under `fields:`, keyed by wire name"),
            );
        }
        let allowed = if is_resource {
            RESOURCE_KEYS
        } else {
            EMBEDDED_KEYS
        };
        let what = if is_resource {
            "a resource"
        } else {
            "an embedded type"
        };
        let entries = std::mem::replace(
            &mut self.entries,
            Entries {
                entries: Vec::new(),
            },
        );
        entries.reject_rest(allowed, what, self.errors);
        Some(definition)
    }

    fn resource_info(&mut self, name: &str, file_loc: &Loc) -> ResourceInfo {
        let path = match self.value("path") {
            Some(node) => self.string(node, "path").unwrap_or_default(),
            None => {
                self.errors.push(
                    Diagnostic::new(file_loc, format!("resource `{name}` has no `path`"))
                        .help("add `path:` with its path under /api/, e.g. `path: suppliers`"),
                );
                String::new()
            }
        };
        let list_root = self
            .value("list_root")
            .and_then(|n| self.string(n, "list_root"))
            .unwrap_or_else(|| {
                path.rsplit('/')
                    .next()
                    .unwrap_or_default()
                    .replace('_', "-")
            });
        let verbs = self
            .value("verbs")
            .map(|n| self.verbs(n))
            .unwrap_or_default();
        let actions = self
            .value("actions")
            .map(|n| self.actions(n))
            .unwrap_or_default();
        let (deactivate, deactivate_loc) = match self.value("deactivate") {
            Some(node) => (self.boolean(node, "deactivate"), node.loc.clone()),
            None => (false, Loc::default()),
        };
        ResourceInfo {
            path,
            list_root,
            verbs,
            actions,
            deactivate,
            deactivate_loc,
        }
    }

    fn verbs(&mut self, node: &Node) -> Vec<(Verb, Loc)> {
        let mut verbs: Vec<(Verb, Loc)> = Vec::new();
        for item in self.sequence(node, "verbs") {
            let Some(word) = self.string(item, "a verb") else {
                continue;
            };
            match Verb::from_name(&word) {
                Some(verb) => {
                    if let Some((_, first)) = verbs.iter().find(|(v, _)| *v == verb) {
                        let error = Diagnostic::new(&item.loc, format!("duplicate verb `{word}`"))
                            .help("remove one of the two")
                            .also(first, "first written at");
                        self.errors.push(error);
                    } else {
                        verbs.push((verb, item.loc.clone()));
                    }
                }
                None if word == "delete" || word == "destroy" => self.errors.push(
                    Diagnostic::new(&item.loc, format!("there is no `{word}` verb: Coupa never deletes records"))
                        .help(format!("remove `{word}`; to retire records, set `deactivate: true` (a PUT of `active: false`)")),
                ),
                None => {
                    let names = Verb::ALL.map(Verb::as_str);
                    let error = self.unknown_word(item, "verb", &word, &names);
                    self.errors.push(error);
                }
            }
        }
        verbs
    }

    fn actions(&mut self, node: &Node) -> Vec<ActionDef> {
        let mut actions: Vec<ActionDef> = Vec::new();
        for item in self.sequence(node, "actions") {
            let action = match &item.value {
                NodeValue::Str(name) => Some(ActionDef {
                    name: name.clone(),
                    post: false,
                    loc: item.loc.clone(),
                }),
                NodeValue::Map(_) => self.action_map(item),
                _ => {
                    self.errors.push(
                        Diagnostic::new(
                            &item.loc,
                            format!("an action must be a name, found {}", item.kind()),
                        )
                        .help("write `submit` or `{ name: submit, method: post }`"),
                    );
                    None
                }
            };
            let Some(action) = action else { continue };
            if let Some(first) = actions.iter().find(|a| a.name == action.name) {
                let error =
                    Diagnostic::new(&action.loc, format!("duplicate action `{}`", action.name))
                        .help("remove one of the two")
                        .also(&first.loc, "first written at");
                self.errors.push(error);
                continue;
            }
            let snake = action.name.starts_with(|c: char| c.is_ascii_lowercase())
                && action
                    .name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if !snake {
                self.errors.push(
                    Diagnostic::new(&action.loc, format!("action `{}` is not a snake_case name", action.name))
                        .help("write the action's sub-path as Coupa spells it: lowercase letters, digits and underscores"),
                );
                continue;
            }
            actions.push(action);
        }
        actions
    }

    fn action_map(&mut self, item: &Node) -> Option<ActionDef> {
        let mut entries = Entries::of(item, "an action", self.errors)?;
        let name = entries.take("name");
        let method = entries.take("method");
        entries.reject_rest(&["name", "method"], "an action", self.errors);
        let Some((_, name)) = name else {
            self.errors.push(
                Diagnostic::new(&item.loc, "an action needs a `name`")
                    .help("write `{ name: submit, method: post }`"),
            );
            return None;
        };
        let name = self.string(name, "an action name")?;
        let post = match method {
            None => false,
            Some((_, node)) => match self.string(node, "method")?.as_str() {
                "put" => false,
                "post" => true,
                other => {
                    let error = self.unknown_word(node, "action method", other, &["put", "post"]);
                    self.errors.push(error);
                    false
                }
            },
        };
        Some(ActionDef {
            name,
            post,
            loc: item.loc.clone(),
        })
    }

    fn fields(&mut self, node: &Node) -> Vec<Field> {
        let Some(entries) = Entries::of(node, "`fields`", self.errors) else {
            return Vec::new();
        };
        let mut fields = Vec::new();
        for (wire, key, value) in entries.entries {
            if wire.is_empty() {
                self.errors
                    .push(Diagnostic::new(&key.loc, "a field needs a wire name"));
                continue;
            }
            if let Some(field) = self.field(wire, key, value) {
                fields.push(field);
            }
        }
        fields
    }

    fn field(&mut self, wire: &str, key: &Node, node: &Node) -> Option<Field> {
        let mut entries = Entries::of(node, &format!("field `{wire}`"), self.errors)?;
        let mut take = |name: &str| entries.take(name).map(|(_, v)| v);
        let ty_node = take("type");
        let access_node = take("access");
        let required_node = take("required");
        let doc_node = take("doc");
        let rust_node = take("rust_name");
        let extras: BTreeMap<&str, &Node> = [
            "max_length",
            "precision",
            "scale",
            "values",
            "to",
            "by",
            "of",
            "item",
            "inline",
        ]
        .into_iter()
        .filter_map(|k| take(k).map(|v| (k, v)))
        .collect();
        entries.reject_rest(FIELD_KEYS, &format!("field `{wire}`"), self.errors);

        let Some(ty_node) = ty_node else {
            self.errors.push(
                Diagnostic::new(&key.loc, format!("field `{wire}` has no `type`")).help(format!(
                    "add `type:` with one of: {}",
                    FieldType::NAMES.join(", ")
                )),
            );
            return None;
        };
        let ty = self.field_type(wire, ty_node, &extras)?;
        let access = match access_node {
            None => Access::ReadWrite,
            Some(node) => match self.string(node, "access")?.as_str() {
                "read_write" => Access::ReadWrite,
                "read_only" => Access::ReadOnly,
                "create_only" => Access::CreateOnly,
                other => {
                    let allowed = ["read_write", "read_only", "create_only"];
                    let error = self.unknown_word(node, "access", other, &allowed);
                    self.errors.push(error);
                    Access::ReadWrite
                }
            },
        };
        let required = required_node.is_some_and(|n| self.boolean(n, "required"));
        let rust_name = match rust_node {
            Some(node) => self.identifier(node, "a Rust field name")?,
            None => names::field_name(wire),
        };
        Some(Field {
            wire: wire.to_owned(),
            loc: key.loc.clone(),
            rust_name,
            ty,
            ty_loc: ty_node.loc.clone(),
            access,
            access_loc: access_node.map_or_else(|| key.loc.clone(), |n| n.loc.clone()),
            required,
            required_loc: required_node.map_or_else(|| key.loc.clone(), |n| n.loc.clone()),
            doc: doc_node.and_then(|n| self.string(n, "doc")),
        })
    }

    fn field_type(
        &mut self,
        wire: &str,
        node: &Node,
        extras: &BTreeMap<&str, &Node>,
    ) -> Option<FieldType> {
        let name = self.string(node, "type")?;
        let allowed: &[&str] = match name.as_str() {
            "string" => &["max_length"],
            "decimal" => &["precision", "scale"],
            "enum" => &["values"],
            "reference" => &["to", "by"],
            "object" => &["of"],
            "list" => &["of", "item", "inline"],
            _ => &[],
        };
        for (key, value) in extras {
            if !allowed.contains(key) && FieldType::NAMES.contains(&name.as_str()) {
                self.errors.push(
                    Diagnostic::new(
                        &value.loc,
                        format!("`{key}` does not apply to a `{name}` field"),
                    )
                    .help(match allowed {
                        [] => format!("a `{name}` field takes no `{key}`; remove it"),
                        keys => format!("a `{name}` field takes: {}", keys.join(", ")),
                    }),
                );
            }
        }
        let ty = match name.as_str() {
            "string" => FieldType::String {
                max_length: extras
                    .get("max_length")
                    .and_then(|n| self.count(n, "max_length")),
            },
            "text" => FieldType::Text,
            "integer" => FieldType::Integer,
            "decimal" => FieldType::Decimal {
                precision: extras
                    .get("precision")
                    .and_then(|n| self.count(n, "precision")),
                scale: extras
                    .get("scale")
                    .and_then(|n| self.count(n, "scale").or_else(|| zero(n))),
            },
            "boolean" => FieldType::Boolean,
            "date" => FieldType::Date,
            "datetime" => FieldType::DateTime,
            "custom" => FieldType::Custom,
            "enum" => {
                let Some(values) = extras.get("values") else {
                    self.errors.push(
                        Diagnostic::new(&node.loc, format!("enum field `{wire}` has no `values`"))
                            .help("add `values: [a, b]` with the wire values"),
                    );
                    return None;
                };
                let values = self
                    .sequence(values, "values")
                    .into_iter()
                    .filter_map(|v| self.string(v, "an enum value").map(|s| (s, v.loc.clone())))
                    .collect();
                FieldType::Enum { values }
            }
            "reference" => {
                let (to, to_loc) =
                    self.target(wire, node, extras.get("to").copied(), "to", "a resource")?;
                let by = match extras.get("by") {
                    Some(by) => self
                        .sequence(by, "by")
                        .into_iter()
                        .filter_map(|k| self.string(k, "a key").map(|s| (s, k.loc.clone())))
                        .collect(),
                    None => Vec::new(),
                };
                FieldType::Reference { to, to_loc, by }
            }
            "object" => {
                let (of, of_loc) = self.target(
                    wire,
                    node,
                    extras.get("of").copied(),
                    "of",
                    "an embedded type",
                )?;
                FieldType::Object { of, of_loc }
            }
            "list" => {
                let (of, of_loc) = self.target(
                    wire,
                    node,
                    extras.get("of").copied(),
                    "of",
                    "a resource or embedded type",
                )?;
                let item = extras
                    .get("item")
                    .and_then(|n| self.string(n, "item"))
                    .unwrap_or_else(|| names::singular(wire));
                let inline = extras
                    .get("inline")
                    .is_some_and(|n| self.boolean(n, "inline"));
                FieldType::List {
                    of,
                    of_loc,
                    item,
                    inline,
                }
            }
            other => {
                let error = self.unknown_word(node, "field type", other, &FieldType::NAMES);
                self.errors.push(error);
                return None;
            }
        };
        Some(ty)
    }

    fn target(
        &mut self,
        wire: &str,
        ty: &Node,
        node: Option<&Node>,
        key: &str,
        what: &str,
    ) -> Option<(String, Loc)> {
        let Some(node) = node else {
            self.errors.push(
                Diagnostic::new(
                    &ty.loc,
                    format!("field `{wire}` does not say `{key}` which type"),
                )
                .help(format!("add `{key}:` naming {what}")),
            );
            return None;
        };
        let name = self.string(node, key)?;
        Some((name, node.loc.clone()))
    }

    fn value(&mut self, key: &str) -> Option<&'a Node> {
        self.entries.take(key).map(|(_, v)| v)
    }

    fn string(&mut self, node: &Node, what: &str) -> Option<String> {
        match &node.value {
            NodeValue::Str(s) => Some(s.clone()),
            _ => {
                self.errors.push(
                    Diagnostic::new(
                        &node.loc,
                        format!("`{what}` must be a string, found {}", node.kind()),
                    )
                    .help("quote the value"),
                );
                None
            }
        }
    }

    fn boolean(&mut self, node: &Node, what: &str) -> bool {
        match node.value {
            NodeValue::Bool(b) => b,
            _ => {
                self.errors.push(Diagnostic::new(
                    &node.loc,
                    format!("`{what}` must be `true` or `false`, found {}", node.kind()),
                ));
                false
            }
        }
    }

    fn count(&mut self, node: &Node, what: &str) -> Option<u32> {
        match node.value {
            NodeValue::Int(i) if i > 0 => u32::try_from(i).ok(),
            NodeValue::Int(0) if what == "scale" => None,
            _ => {
                self.errors.push(Diagnostic::new(
                    &node.loc,
                    format!("`{what}` must be a positive whole number"),
                ));
                None
            }
        }
    }

    fn sequence<'n>(&mut self, node: &'n Node, what: &str) -> Vec<&'n Node> {
        match &node.value {
            NodeValue::Seq(items) => items.iter().collect(),
            _ => {
                self.errors.push(
                    Diagnostic::new(
                        &node.loc,
                        format!("`{what}` must be a list, found {}", node.kind()),
                    )
                    .help(format!("write `{what}: [a, b]`")),
                );
                Vec::new()
            }
        }
    }

    fn snake_name(&mut self, node: &Node, what: &str) -> Option<String> {
        let name = self.string(node, what)?;
        let valid = name.starts_with(|c: char| c.is_ascii_lowercase())
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !valid {
            self.errors.push(
                Diagnostic::new(&node.loc, format!("`{name}` is not a snake_case name"))
                    .help("use lowercase letters, digits and underscores, starting with a letter"),
            );
            return None;
        }
        Some(name)
    }

    fn identifier(&mut self, node: &Node, what: &str) -> Option<String> {
        let name = self.string(node, what)?;
        let valid = name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            && name != "_"
            && !names::is_keyword(&name);
        if !valid {
            self.errors.push(
                Diagnostic::new(&node.loc, format!("`{name}` is not usable as {what}"))
                    .help("use ASCII letters, digits and underscores, not a Rust keyword"),
            );
            return None;
        }
        Some(name)
    }

    fn unknown_word(&self, node: &Node, what: &str, word: &str, allowed: &[&str]) -> Diagnostic {
        let error = Diagnostic::new(&node.loc, format!("unknown {what} `{word}`"));
        match did_you_mean(word, allowed.iter().copied()) {
            Some(near) => error.help(format!("did you mean `{near}`?")),
            None => error.help(format!("expected one of: {}", allowed.join(", "))),
        }
    }
}

fn zero(node: &Node) -> Option<u32> {
    matches!(node.value, NodeValue::Int(0)).then_some(0)
}
