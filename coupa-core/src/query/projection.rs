//! The `fields=[…]` projection: the selected paths as a tree, written as Coupa's JSON array,
//! `["id",{"supplier":["name","number"]}]`.

use serde_json::Value;

/// Selected fields, in the order first selected; a nested path adds to its association's branch.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Projection {
    nodes: Vec<Node>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Node {
    Field(String),
    Branch(String, Projection),
}

impl Projection {
    pub(crate) fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Adds a path of query names (`["supplier", "name"]`).
    pub(crate) fn add(&mut self, mut names: Vec<String>) {
        if names.is_empty() {
            return;
        }
        let first = names.remove(0);
        if names.is_empty() {
            let present = self
                .nodes
                .iter()
                .any(|n| matches!(n, Node::Field(f) if *f == first));
            if !present {
                self.nodes.push(Node::Field(first));
            }
            return;
        }
        let branch = self.nodes.iter_mut().find_map(|node| match node {
            Node::Branch(name, inner) if *name == first => Some(inner),
            _ => None,
        });
        match branch {
            Some(inner) => inner.add(names),
            None => {
                let mut inner = Projection::default();
                inner.add(names);
                self.nodes.push(Node::Branch(first, inner));
            }
        }
    }

    /// The projection as compact JSON.
    pub(crate) fn to_json(&self) -> String {
        self.to_value().to_string()
    }

    fn to_value(&self) -> Value {
        let items = self.nodes.iter().map(|node| match node {
            Node::Field(name) => Value::String(name.clone()),
            Node::Branch(name, inner) => {
                let mut object = serde_json::Map::new();
                object.insert(name.clone(), inner.to_value());
                Value::Object(object)
            }
        });
        Value::Array(items.collect())
    }
}
