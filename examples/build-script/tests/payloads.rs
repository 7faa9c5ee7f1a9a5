//! The generated bindings read and write payloads that use the tenant's custom fields and
//! custom resource.

use coupa_example_build_script::{
    NewSupplierScorecard, Supplier, SupplierCustomFieldsRiskTier, SupplierScorecard, SupplierStatus,
};

const SUPPLIER_XML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<supplier>
  <id type="integer">301</id>
  <created-at type="dateTime">2024-03-05T09:30:00+01:00</created-at>
  <name>Kestrel Office Goods</name>
  <number>SUP-000301</number>
  <active type="boolean">true</active>
  <status>active</status>
  <payment-term>
    <id type="integer">4</id>
    <code>Net 30</code>
  </payment-term>
  <custom-fields>
    <risk-tier>medium</risk-tier>
    <onboarded-on type="date">2023-11-20</onboarded-on>
    <spend-cap type="decimal">250000.00</spend-cap>
    <account-manager>
      <id type="integer">17</id>
      <login>mreyes</login>
    </account-manager>
    <diversity-certified type="boolean">false</diversity-certified>
  </custom-fields>
</supplier>
"#;

#[test]
fn typed_custom_fields_decode_from_xml() {
    let supplier: Supplier = coupa::xml::from_str(SUPPLIER_XML).expect("the payload decodes");
    assert_eq!(supplier.name.as_deref(), Some("Kestrel Office Goods"));
    assert_eq!(supplier.status, Some(SupplierStatus::Active));
    let custom = supplier.custom_fields.as_deref().expect("custom fields");
    assert_eq!(custom.risk_tier, Some(SupplierCustomFieldsRiskTier::Medium));
    assert_eq!(
        custom.onboarded_on.map(|d| d.to_string()).as_deref(),
        Some("2023-11-20")
    );
    assert_eq!(
        custom
            .spend_cap
            .as_ref()
            .map(ToString::to_string)
            .as_deref(),
        Some("250000.00")
    );
    let manager = custom.account_manager.as_deref().expect("a manager");
    assert_eq!(manager.login.as_deref(), Some("mreyes"));
    assert_eq!(custom.diversity_certified, Some(false));
    assert!(supplier.unknown.is_empty() && custom.unknown.is_empty());
}

#[test]
fn typed_custom_fields_write_back_what_was_read() {
    let supplier: Supplier = coupa::xml::from_str(SUPPLIER_XML).expect("the payload decodes");
    assert_eq!(coupa::xml::to_string(&supplier), SUPPLIER_XML);
    let json = coupa::json::to_string(&supplier);
    let again: Supplier = coupa::json::from_str(&json).expect("the JSON reads back");
    assert_eq!(again, supplier);
}

#[test]
fn the_custom_resource_decodes_from_json() {
    let scorecard: SupplierScorecard = coupa::json::from_str(
        r#"{"id": 9, "supplier": {"id": 301, "number": "SUP-000301"}, "quarter": "2024-Q1",
            "on-time-rate": "97.50", "score": 4, "updated-at": "2024-04-02T08:00:00Z"}"#,
    )
    .expect("the payload decodes");
    assert_eq!(scorecard.quarter.as_deref(), Some("2024-Q1"));
    assert_eq!(scorecard.score, Some(4));
    let supplier = scorecard.supplier.as_deref().expect("a supplier");
    assert_eq!(supplier.number.as_deref(), Some("SUP-000301"));
    assert_eq!(
        <SupplierScorecard as coupa::Resource>::PATH,
        "custom_objects/supplier_scorecards"
    );
}

#[test]
fn the_custom_resource_is_created_by_supplier_number() {
    let new =
        NewSupplierScorecard::new(coupa::Ref::<Supplier>::number("SUP-000301"), "2024-Q2").score(5);
    assert_eq!(
        coupa::xml::to_string(&new),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<supplier-scorecard>\n  <supplier>\n    <number>SUP-000301</number>\n  </supplier>\n  <quarter>2024-Q2</quarter>\n  <score type=\"integer\">5</score>\n</supplier-scorecard>\n"
    );
}
