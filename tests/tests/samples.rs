//! The sample payloads decode to exact values, in XML and in JSON alike.

use coupa::{CustomFields, DateTime, Supplier, User, Value};

fn fixture(name: &str) -> String {
    let path = format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

fn datetime(text: &str) -> DateTime {
    DateTime::parse(text).expect("a valid datetime literal")
}

fn check_user(user: &User) {
    assert_eq!(user.id, Some(4711));
    assert_eq!(user.created_at, Some(datetime("2024-03-05T09:14:22-08:00")));
    let created_at = user.created_at.expect("created-at is present");
    assert_eq!(created_at.offset().local_minus_utc(), -8 * 3600);
    assert_eq!(created_at.to_string(), "2024-03-05T09:14:22-08:00");
    assert_eq!(
        user.updated_at.map(|d| d.to_string()).as_deref(),
        Some("2024-06-18T16:40:03-07:00")
    );
    assert_eq!(user.login.as_deref(), Some("mira.talvik"));
    assert_eq!(user.email.as_deref(), Some("mira.talvik@example.test"));
    assert_eq!(user.employee_number, None);
    assert_eq!(user.firstname.as_deref(), Some("Mira"));
    assert_eq!(user.lastname.as_deref(), Some("Talvik"));
    assert_eq!(user.fullname.as_deref(), Some("Mira Talvik"));
    assert_eq!(user.active, Some(true));
    assert_eq!(user.api_user, Some(false));
    assert_eq!(user.purchasing_user, Some(true));
    assert_eq!(user.expense_user, Some(false));
    assert_eq!(user.account_security_type, Some(0));
    assert_eq!(
        user.authentication_method.as_deref(),
        Some("coupa_credentials")
    );
    assert_eq!(user.default_locale, None);

    let currency = user
        .default_currency
        .as_deref()
        .expect("default-currency is present");
    assert_eq!(
        (currency.id, currency.code.as_deref()),
        (Some(3), Some("EUR"))
    );
    let department = user.department.as_deref().expect("department is present");
    assert_eq!(
        (department.id, department.name.as_deref()),
        (Some(12), Some("Facilities"))
    );

    let roles = user.roles.as_ref().expect("roles is present");
    assert_eq!(roles.len(), 1);
    assert_eq!(
        (roles[0].id, roles[0].name.as_deref()),
        (Some(3), Some("User"))
    );
    assert_eq!(user.content_groups, Some(Vec::new()));

    let custom = CustomFields::new().with("cost-center-code", "CC-0420");
    assert_eq!(user.custom_fields, Some(custom));
    assert_eq!(
        user.custom_fields
            .as_ref()
            .and_then(|c| c.get("cost-center-code")),
        Some(&Value::Text(String::from("CC-0420")))
    );

    let created_by = user.created_by.as_deref().expect("created-by is present");
    assert_eq!(created_by.id, Some(2));
    assert_eq!(created_by.login.as_deref(), Some("integration.bot"));
    assert_eq!(
        created_by.email.as_deref(),
        Some("integration.bot@example.test")
    );
    assert_eq!(user.updated_by, user.created_by);
    assert!(
        user.unknown.is_empty(),
        "unexpected unknown elements: {:?}",
        user.unknown
    );
}

#[test]
fn user_xml_decodes_to_exact_values() {
    let user: User = coupa::xml::from_str(&fixture("user.xml")).expect("user.xml decodes");
    check_user(&user);
}

#[test]
fn user_json_decodes_to_exact_values() {
    let user: User = coupa::json::from_str(&fixture("user.json")).expect("user.json decodes");
    check_user(&user);
}

#[test]
fn user_xml_and_json_decode_to_equal_values() {
    let from_xml: User = coupa::xml::from_str(&fixture("user.xml")).expect("user.xml decodes");
    let from_json: User = coupa::json::from_str(&fixture("user.json")).expect("user.json decodes");
    assert_eq!(from_xml, from_json);
}

#[test]
fn user_survives_an_xml_round_trip() {
    let user: User = coupa::xml::from_str(&fixture("user.xml")).expect("user.xml decodes");
    let encoded = coupa::xml::to_string(&user);
    let again: User = coupa::xml::from_str(&encoded).expect("re-encoded user decodes");
    assert_eq!(again, user);
}

#[test]
fn user_survives_a_json_round_trip() {
    let user: User = coupa::json::from_str(&fixture("user.json")).expect("user.json decodes");
    let encoded = coupa::json::to_string(&user);
    let again: User = coupa::json::from_str(&encoded).expect("re-encoded user decodes");
    assert_eq!(again, user);
}

#[test]
fn supplier_list_decodes_with_nil_references_as_none() {
    let suppliers: Vec<Supplier> =
        coupa::xml::list_from_str(&fixture("list-of-suppliers.xml")).expect("the list decodes");
    assert_eq!(suppliers.len(), 2);

    let kestrel = &suppliers[0];
    assert_eq!(kestrel.id, Some(301));
    assert_eq!(kestrel.name.as_deref(), Some("Kestrel Office Goods"));
    assert_eq!(kestrel.number.as_deref(), Some("SUP-000301"));
    assert_eq!(kestrel.po_email, None);
    assert_eq!(kestrel.account_number, None);
    assert_eq!(kestrel.tax_id.as_deref(), Some("00-0000000"));
    assert_eq!(kestrel.po_method, Some(coupa::SupplierPoMethod::Cxml));
    assert_eq!(
        kestrel.invoice_matching_level,
        Some(coupa::SupplierInvoiceMatchingLevel::V3Way)
    );
    let term = kestrel
        .payment_term
        .as_deref()
        .expect("payment-term is present");
    assert_eq!((term.id, term.code.as_deref()), (Some(7), Some("Net 30")));
    let address = kestrel
        .primary_address
        .as_deref()
        .expect("primary-address is present");
    assert_eq!((address.id, address.name.clone()), (Some(5120), None));

    let kitewing = &suppliers[1];
    assert_eq!(kitewing.id, Some(318));
    assert_eq!(
        kitewing.po_email.as_deref(),
        Some("orders@kitewing.example.test")
    );
    assert_eq!(kitewing.po_method, Some(coupa::SupplierPoMethod::Email));
    assert_eq!(kitewing.account_number.as_deref(), Some("KW-55"));
    assert_eq!(kitewing.tax_id, None);
    assert_eq!(kitewing.payment_term, None);
    assert_eq!(kitewing.primary_address, None);
    assert_eq!(
        kitewing.created_at.map(|d| d.to_string()).as_deref(),
        Some("2024-01-15T14:30:00-08:00")
    );
}

#[test]
fn error_body_decodes_to_its_messages() {
    let errors = coupa::xml::errors_from_str(&fixture("error.xml")).expect("error.xml decodes");
    assert_eq!(
        errors.texts(),
        [
            "Login has already been taken",
            "Email has already been taken"
        ]
    );
    assert_eq!(
        errors.to_string(),
        "Login has already been taken; Email has already been taken"
    );
}

#[test]
fn json_error_body_decodes_with_the_object_it_is_about() {
    let body = r#"{"errors": {"user": ["Login has already been taken", "Email is invalid"]}}"#;
    let errors = coupa::json::errors_from_str(body).expect("the body decodes");
    assert_eq!(
        errors.texts(),
        ["Login has already been taken", "Email is invalid"]
    );
    assert_eq!(errors.messages[0].about.as_deref(), Some("user"));
    assert_eq!(
        errors.to_string(),
        "user: Login has already been taken; user: Email is invalid"
    );
}
