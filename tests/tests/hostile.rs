//! Hostile names: Rust keywords (`type`, `ref`, `self`, `match`, `Self`, `crate`), names starting
//! with digits, acronyms with digits (`PO2Number`), dashes with digits (`address-line-1`) and
//! names that are only symbols (`%`, `?!`). The bindings generated for them compile without a
//! warning and read and write the wire names exactly as the schema spells them.
#![deny(warnings)]

mod hostile {
    include!(concat!(env!("OUT_DIR"), "/hostile.rs"));
}

use hostile::{Match, NewType, SelfType, StringRecord, Type, TypeAction, TypeMatch, TypeUpdate};

/// Every wire name of the fixture, as `coupa::json::to_string` writes them: decoding and encoding
/// again gives the same text.
const JSON: &str = r#"{
  "id": 7,
  "type": "t",
  "ref": {
    "id": 3,
    "self": "me"
  },
  "self": "s",
  "match": "Self",
  "PO2Number": "PO-2",
  "address-line-1": "1 Main St",
  "1099-eligible": true,
  "%": "12.5",
  "?!": "what",
  "new": "n",
  "is-empty": false,
  "matches": [
    {
      "Self": "x",
      "crate": 1,
      "super": true,
      "async": "a",
      "_": "u",
      "r#fn": "f",
      "größe": "XL",
      "unknown-value": "v"
    }
  ],
  "custom-fields": {
    "po-2": "x"
  }
}"#;

#[test]
fn json_with_hostile_wire_names_round_trips() {
    let record: Type = coupa::json::from_str(JSON).expect("the payload decodes");
    assert_eq!(record.type_.as_deref(), Some("t"));
    assert_eq!(record.self_.as_deref(), Some("s"));
    assert_eq!(record.match_, Some(TypeMatch::SelfValue));
    assert_eq!(record.po2_number.as_deref(), Some("PO-2"));
    assert_eq!(record.address_line_1.as_deref(), Some("1 Main St"));
    assert_eq!(record._1099_eligible, Some(true));
    assert_eq!(
        record.field_25.as_ref().map(ToString::to_string).as_deref(),
        Some("12.5")
    );
    assert_eq!(record.field_3f21.as_deref(), Some("what"));
    assert_eq!(record.is_empty, Some(false));
    let target = record.ref_.as_deref().expect("the reference decodes");
    assert_eq!(target.self_.as_deref(), Some("me"));
    let line = &record.matches.as_ref().expect("the list decodes")[0];
    assert_eq!(line.self_.as_deref(), Some("x"));
    assert_eq!(line.crate_, Some(1));
    assert_eq!(line.field_5f.as_deref(), Some("u"));
    assert_eq!(line.r_fn.as_deref(), Some("f"));
    assert_eq!(line.gr_e.as_deref(), Some("XL"));
    assert!(record.unknown.is_empty(), "every wire name is known");
    assert_eq!(coupa::json::to_string(&record), JSON);
}

/// XML has no element named `%`, `?!` or `1099-eligible`; every name XML allows is here, as
/// `coupa::xml::to_string` writes it.
const XML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<type>
  <id type="integer">7</id>
  <type>t</type>
  <ref>
    <id type="integer">3</id>
    <self>me</self>
  </ref>
  <self>s</self>
  <match>3-way</match>
  <PO2Number>PO-2</PO2Number>
  <address-line-1>1 Main St</address-line-1>
  <new>n</new>
  <is-empty type="boolean">true</is-empty>
  <matches type="array">
    <match>
      <Self>x</Self>
      <crate type="integer">1</crate>
      <_>u</_>
      <größe>XL</größe>
    </match>
  </matches>
</type>
"#;

#[test]
fn xml_with_hostile_wire_names_round_trips() {
    let record: Type = coupa::xml::from_str(XML).expect("the payload decodes");
    assert_eq!(record.type_.as_deref(), Some("t"));
    assert_eq!(record.match_, Some(TypeMatch::V3Way));
    assert_eq!(record.po2_number.as_deref(), Some("PO-2"));
    assert_eq!(record.address_line_1.as_deref(), Some("1 Main St"));
    assert_eq!(record.new.as_deref(), Some("n"));
    assert_eq!(record.is_empty, Some(true));
    let line = &record.matches.as_ref().expect("the list decodes")[0];
    assert_eq!(line.self_.as_deref(), Some("x"));
    assert_eq!(line.field_5f.as_deref(), Some("u"));
    assert_eq!(line.gr_e.as_deref(), Some("XL"));
    assert!(record.unknown.is_empty(), "every wire name is known");
    assert_eq!(coupa::xml::to_string(&record), XML);
}

#[test]
fn payloads_take_keyword_fields_and_renamed_setters() {
    let new = NewType::new("t")
        .self_("s")
        .match_(TypeMatch::Match)
        .with_new("n")
        .with_is_empty(true)
        .ref_(coupa::Ref::<SelfType>::id(3));
    assert_eq!(
        coupa::json::to_string(&new),
        r#"{
  "type": "t",
  "ref": {
    "id": 3
  },
  "self": "s",
  "match": "match",
  "new": "n",
  "is-empty": true
}"#
    );
    let update = TypeUpdate::new().po2_number("PO-3");
    assert_eq!(
        coupa::json::to_string(&update),
        "{\n  \"PO2Number\": \"PO-3\"\n}"
    );
}

#[test]
fn keyword_actions_keep_their_wire_names() {
    use coupa::Action as _;
    assert_eq!(TypeAction::Match.name(), "match");
    assert_eq!(TypeAction::SelfValue.name(), "self");
    assert!(TypeAction::Ref.is_post());
}

#[test]
fn unknown_enum_values_are_kept() {
    let record: Type = coupa::json::from_str(r#"{"match":"super"}"#).expect("decodes");
    assert_eq!(record.match_, Some(TypeMatch::Unrecognized("super".into())));
}

#[test]
fn names_that_would_hide_std_types_are_renamed() {
    let record: StringRecord =
        coupa::json::from_str(r#"{"id":1,"option":{"id":2}}"#).expect("decodes");
    assert_eq!(record.option.and_then(|o| o.id), Some(2));
    let _ = Match::default();
}

#[test]
fn generated_code_for_hostile_names() {
    let code = coupa_codegen::Builder::new()
        .schema_dir("fixtures/hostile")
        .cargo_directives(false)
        .generate()
        .expect("the hostile schema is valid");
    insta::assert_snapshot!(code);
}

/// The derive on a hand-written struct with raw identifiers and keyword actions.
#[derive(Clone, Debug, Default, PartialEq, coupa::CoupaResource)]
#[coupa(
    resource = "kind",
    path = "kinds",
    verbs(list, create),
    actions(r#match, self, type)
)]
pub struct Kind {
    #[coupa(read_only)]
    pub id: Option<i64>,
    #[coupa(required)]
    pub r#type: Option<String>,
    #[coupa(wire = "ref", reference(to = SelfType, by(id, self)))]
    pub r#ref: Option<Box<SelfType>>,
    #[coupa(wire = "1099-eligible")]
    pub eligible_1099: Option<bool>,
    #[coupa(wire = "%", decimal)]
    pub percent: Option<coupa::Decimal>,
    pub new: Option<String>,
    #[coupa(wire = "is-empty")]
    pub is_empty: Option<bool>,
}

#[test]
fn the_derive_takes_raw_identifiers_and_keyword_actions() {
    use coupa::Action as _;
    let new = NewKind::new("t")
        .r#ref(coupa::Ref::<SelfType>::by("self", "me"))
        .eligible_1099(true)
        .with_new("n")
        .with_is_empty(false);
    assert_eq!(
        coupa::json::to_string(&new),
        r#"{
  "type": "t",
  "ref": {
    "self": "me"
  },
  "1099-eligible": true,
  "new": "n",
  "is-empty": false
}"#
    );
    assert_eq!(KindAction::Match.name(), "match");
    assert_eq!(KindAction::SelfValue.name(), "self");
    assert_eq!(KindAction::Type.name(), "type");
    let kind: Kind = coupa::json::from_str(r#"{"type": "x", "%": 1.5}"#).expect("decodes");
    assert_eq!(kind.r#type.as_deref(), Some("x"));
    assert_eq!(
        kind.percent.as_ref().map(ToString::to_string).as_deref(),
        Some("1.5")
    );
}
