//! Coupa's XML read and written exactly: nulls, lists, numbers, dates, booleans, text, unknown
//! elements, names and errors (issue 5), each pinned on a small literal payload.

use coupa::{
    CustomFields, DateTime, Decimal, Invoice, NewSupplier, Record, Supplier, SupplierUpdate, User,
    Value,
};

const DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

fn user(body: &str) -> User {
    let text = format!("{DECL}<user>{body}</user>");
    coupa::xml::from_str(&text).unwrap_or_else(|e| panic!("{text} does not decode: {e}"))
}

fn user_error(body: &str) -> String {
    let text = format!("<user>{body}</user>");
    match coupa::xml::from_str::<User>(&text) {
        Ok(user) => panic!("{text} decoded to {user:?}"),
        Err(error) => error.to_string(),
    }
}

fn decimal(text: &str) -> Decimal {
    text.parse().expect("a valid decimal literal")
}

fn datetime(text: &str) -> DateTime {
    DateTime::parse(text).expect("a valid datetime literal")
}

/// A document with `lines` between the root tags, as `XmlWriter` indents them.
fn document(root: &str, lines: &[&str]) -> String {
    let mut out = format!("{DECL}<{root}>");
    for line in lines {
        out.push_str("\n  ");
        out.push_str(line);
    }
    out.push_str(&format!("\n</{root}>\n"));
    out
}

fn round_trip<T: Record + coupa::xml::Document + PartialEq + std::fmt::Debug>(value: &T) -> T {
    let text = coupa::xml::to_string(value);
    let again: T = coupa::xml::from_str(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
    assert_eq!(&again, value, "changed by an XML round trip through {text}");
    again
}

// 1. Nulls and absence

#[test]
fn nil_in_every_spelling_is_none() {
    let user = user(concat!(
        r#"<login nil="true"/>"#,
        r#"<email xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/>"#,
        r#"<firstname i:nil="true"/>"#,
        r#"<lastname nil="1"></lastname>"#,
        r#"<fullname nil="false">Mira</fullname>"#,
    ));
    assert_eq!(user.login, None);
    assert_eq!(user.email, None);
    assert_eq!(user.firstname, None);
    assert_eq!(user.lastname, None);
    assert_eq!(user.fullname.as_deref(), Some("Mira"));
}

#[test]
fn an_empty_string_element_is_the_empty_string_not_none() {
    let user = user("<login/><email></email><firstname>   </firstname>");
    assert_eq!(user.login.as_deref(), Some(""));
    assert_eq!(user.email.as_deref(), Some(""));
    assert_eq!(user.firstname.as_deref(), Some("   "));
    assert_eq!(user.lastname, None, "a missing element is None");
    let again = round_trip(&user);
    assert_eq!(again.firstname.as_deref(), Some("   "));
}

#[test]
fn an_empty_typed_scalar_is_none() {
    let user = user(concat!(
        r#"<id type="integer"/>"#,
        r#"<active type="boolean"></active>"#,
        r#"<created-at type="dateTime"> </created-at>"#,
    ));
    assert_eq!((user.id, user.active, user.created_at), (None, None, None));
}

#[test]
fn a_nil_reference_is_none_and_an_empty_one_is_an_empty_record() {
    let user = user(r#"<department nil="true"/><manager/>"#);
    assert_eq!(user.department, None);
    assert_eq!(user.manager, Some(Box::default()));
}

#[test]
fn lists_distinguish_nil_empty_and_absent() {
    let user = user(r#"<roles nil="true"/><content-groups type="array"/>"#);
    assert_eq!(user.roles, None);
    assert_eq!(user.content_groups, Some(Vec::new()));
    assert_eq!(user.expenses_delegated_to, None);
    let written = coupa::xml::to_string(&user);
    assert_eq!(
        written,
        document("user", &[r#"<content-groups type="array"/>"#])
    );
}

#[test]
fn a_record_writes_only_the_fields_it_has() {
    let user = User {
        login: Some(String::new()),
        id: Some(7),
        ..User::default()
    };
    assert_eq!(
        coupa::xml::to_string(&user),
        document("user", &["<id type=\"integer\">7</id>", "<login></login>"])
    );
    assert_eq!(
        coupa::xml::to_string(&User::default()),
        format!("{DECL}<user></user>\n")
    );
}

#[test]
fn payloads_never_write_a_value_that_was_not_set() {
    let update = SupplierUpdate::new().custom_fields(CustomFields::new());
    assert_eq!(
        coupa::xml::to_string(&update),
        format!("{DECL}<supplier></supplier>\n"),
        "empty custom fields are left out, not written as `<custom-fields/>`"
    );
    let new = NewSupplier::new("Kestrel").display_name("");
    assert_eq!(
        coupa::xml::to_string(&new),
        document(
            "supplier",
            &["<display-name></display-name>", "<name>Kestrel</name>"]
        )
    );
}

// 2. Lists

#[test]
fn lists_of_one_many_and_none_decode() {
    let one =
        r#"<suppliers type="array"><supplier><id type="integer">1</id></supplier></suppliers>"#;
    let many = concat!(
        r#"<suppliers type="array">"#,
        r#"<supplier><id type="integer">1</id></supplier>"#,
        "<supplier/>",
        r#"<supplier><id type="integer">3</id></supplier>"#,
        "</suppliers>"
    );
    let ids = |text: &str| -> Vec<Option<i64>> {
        let list: Vec<Supplier> = coupa::xml::list_from_str(text).expect("the list decodes");
        list.iter().map(|s| s.id).collect()
    };
    assert_eq!(ids(one), [Some(1)]);
    assert_eq!(ids(many), [Some(1), None, Some(3)]);
    assert_eq!(ids(r#"<suppliers type="array"></suppliers>"#), []);
    assert_eq!(ids(r#"<suppliers type="array"/>"#), []);
}

#[test]
fn rails_nil_classes_root_is_an_empty_list() {
    let text = format!("{DECL}<nil-classes type=\"array\"/>\n");
    let list: Vec<Invoice> = coupa::xml::list_from_str(&text).expect("an empty list");
    assert_eq!(list, []);
}

#[test]
fn a_list_root_without_the_array_type_is_an_error() {
    let error = coupa::xml::list_from_str::<Supplier>("<supplier/>").expect_err("not a list");
    assert_eq!(
        error.to_string(),
        "at `supplier`: expected a list (`type=\"array\"`), found the element `supplier`"
    );
}

#[test]
fn a_list_writes_its_items_under_the_wrapper() {
    let suppliers = vec![
        Supplier {
            id: Some(1),
            ..Supplier::default()
        },
        Supplier::default(),
    ];
    let text = coupa::xml::list_to_string("suppliers", &suppliers);
    assert_eq!(
        text,
        format!(
            "{DECL}<suppliers type=\"array\">\n  <supplier>\n    <id type=\"integer\">1</id>\n  </supplier>\n  <supplier></supplier>\n</suppliers>\n"
        )
    );
    let again: Vec<Supplier> = coupa::xml::list_from_str(&text).expect("decodes");
    assert_eq!(again, suppliers);
}

// 3. Numbers and money

#[test]
fn decimals_keep_every_digit_up_to_decimal_30_6_and_beyond() {
    let text = concat!(
        "<invoice-header>",
        r#"<exchange-rate type="decimal">123456789012345678901.123456789</exchange-rate>"#,
        r#"<discount-amount type="decimal">-123456789012345678901234.123456</discount-amount>"#,
        r#"<handling-amount type="decimal">0.000001</handling-amount>"#,
        r#"<misc-amount type="decimal">42.500000</misc-amount>"#,
        r#"<amount-of-advance-payment type="decimal">12345678901234567890123456.12345678901234567890</amount-of-advance-payment>"#,
        r#"<tax-rate type="decimal"> 7.25 </tax-rate>"#,
        "</invoice-header>"
    );
    let invoice: Invoice = coupa::xml::from_str(text).expect("decodes");
    let shown = |d: &Option<Decimal>| d.as_ref().map(Decimal::to_string);
    assert_eq!(
        shown(&invoice.exchange_rate).as_deref(),
        Some("123456789012345678901.123456789")
    );
    assert_eq!(
        shown(&invoice.discount_amount).as_deref(),
        Some("-123456789012345678901234.123456")
    );
    assert_eq!(shown(&invoice.handling_amount).as_deref(), Some("0.000001"));
    assert_eq!(shown(&invoice.misc_amount).as_deref(), Some("42.500000"));
    assert_eq!(
        shown(&invoice.amount_of_advance_payment).as_deref(),
        Some("12345678901234567890123456.12345678901234567890")
    );
    assert_eq!(invoice.tax_rate, Some(decimal("7.25")));
    let written = coupa::xml::to_string(&invoice);
    assert!(
        written.contains(
            r#"<discount-amount type="decimal">-123456789012345678901234.123456</discount-amount>"#
        ) && written.contains(r#"<misc-amount type="decimal">42.500000</misc-amount>"#),
        "{written}"
    );
    round_trip(&invoice);
}

#[test]
fn a_decimal_converts_to_rust_decimal_when_it_fits() {
    let small = decimal("42.50");
    assert_eq!(
        small.to_rust_decimal(),
        Ok(rust_decimal::Decimal::new(4250, 2))
    );
    let wide = decimal("123456789012345678901234.123456");
    assert_eq!(
        wide.to_rust_decimal().map_err(|e| e.to_string()),
        Err(String::from(
            "decimal `123456789012345678901234.123456` does not fit a rust_decimal::Decimal exactly"
        ))
    );
}

#[test]
fn integers_out_of_range_are_errors_not_wraps() {
    assert_eq!(
        user(r#"<id type="integer">-9223372036854775808</id>"#).id,
        Some(i64::MIN)
    );
    assert_eq!(
        user_error(r#"<id type="integer">9223372036854775808</id>"#),
        "at `user/id`: integer `9223372036854775808` is out of range"
    );
    assert_eq!(
        user_error(r#"<id type="integer">12.0</id>"#),
        "at `user/id`: expected an integer, found `12.0`"
    );
}

#[test]
fn a_malformed_decimal_is_an_error_naming_the_field() {
    let text = "<invoice-header><misc-amount>1,50</misc-amount></invoice-header>";
    let error = coupa::xml::from_str::<Invoice>(text).expect_err("not a decimal");
    assert_eq!(
        error.to_string(),
        "at `invoice-header/misc-amount`: expected a decimal, found `1,50`"
    );
}

// 4. Dates

#[test]
fn datetimes_keep_their_offset_fraction_and_form() {
    let user = user(concat!(
        r#"<created-at type="datetime">2024-03-05T09:14:22Z</created-at>"#,
        r#"<updated-at type="dateTime">2024-03-05T09:14:22.123456-00:30</updated-at>"#,
    ));
    assert_eq!(user.created_at, Some(datetime("2024-03-05T09:14:22Z")));
    let updated = user.updated_at.expect("updated-at is present");
    assert_eq!(updated.offset().local_minus_utc(), -30 * 60);
    assert_eq!(updated.get().timestamp_subsec_micros(), 123_456);
    assert_eq!(
        coupa::xml::to_string(&user),
        document(
            "user",
            &[
                r#"<created-at type="dateTime">2024-03-05T09:14:22Z</created-at>"#,
                r#"<updated-at type="dateTime">2024-03-05T09:14:22.123456-00:30</updated-at>"#,
            ]
        )
    );
}

#[test]
fn a_bare_date_in_a_datetime_field_is_kept_as_a_date() {
    let user = user(r#"<created-at type="date">2024-03-05</created-at>"#);
    let created = user.created_at.expect("created-at is present");
    assert!(created.is_date_only());
    assert_eq!(created.get().to_rfc3339(), "2024-03-05T00:00:00+00:00");
    assert_eq!(created.to_string(), "2024-03-05");
    round_trip(&user);
}

#[test]
fn a_datetime_without_offset_is_an_error() {
    assert_eq!(
        user_error("<created-at>2024-03-05T09:14:22</created-at>"),
        "at `user/created-at`: expected a datetime (`YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)` or `YYYY-MM-DD`), found `2024-03-05T09:14:22`"
    );
}

// 5. Booleans

#[test]
fn booleans_read_true_false_one_and_zero() {
    let user = user(concat!(
        r#"<active type="boolean">true</active>"#,
        r#"<api-user type="boolean">false</api-user>"#,
        r#"<aic-user type="boolean">1</aic-user>"#,
        r#"<ccw-user type="boolean">0</ccw-user>"#,
    ));
    assert_eq!(
        (user.active, user.api_user, user.aic_user, user.ccw_user),
        (Some(true), Some(false), Some(true), Some(false))
    );
}

#[test]
fn any_other_boolean_is_an_error_naming_the_field() {
    assert_eq!(
        user_error(r#"<active type="boolean">yes</active>"#),
        "at `user/active`: expected a boolean (`true`, `false`, `1` or `0`), found `yes`"
    );
}

// 6. Text

#[test]
fn markup_quotes_and_control_whitespace_survive_a_round_trip() {
    let text = "a & b < c > d \"e\" 'f'\r\n\tg\rh\n  ";
    let user = User {
        login: Some(String::from(text)),
        firstname: Some(String::from("Ærøskøbing 東京 🎉")),
        lastname: Some(String::from("  padded  ")),
        fullname: Some(String::from(" \t\n ")),
        ..User::default()
    };
    let written = coupa::xml::to_string(&user);
    assert!(
        written.contains(
            "<login>a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;&#13;\n\tg&#13;h\n  </login>"
        ),
        "{written}"
    );
    round_trip(&user);
}

#[test]
fn cdata_and_character_references_are_read() {
    let user = user(concat!(
        "<login><![CDATA[<b>bold</b> & more]]></login>",
        "<email>before <![CDATA[<inside>]]> after</email>",
        "<firstname>&#65;&#x42;&amp;&lt;&gt;&quot;&apos;</firstname>",
        "<lastname>line&#13;&#10;break</lastname>",
    ));
    assert_eq!(user.login.as_deref(), Some("<b>bold</b> & more"));
    assert_eq!(user.email.as_deref(), Some("before <inside> after"));
    assert_eq!(user.firstname.as_deref(), Some("AB&<>\"'"));
    assert_eq!(user.lastname.as_deref(), Some("line\r\nbreak"));
}

#[test]
fn an_unknown_entity_is_an_error() {
    assert_eq!(
        user_error("<login>&nbsp;</login>"),
        "at `user/login`: unknown entity `&nbsp;`"
    );
}

// 7. Forward compatibility

#[test]
fn unknown_elements_are_kept_and_written_back_in_order() {
    let text = document(
        "user",
        &[
            "<id type=\"integer\">5</id>",
            "<login>mira</login>",
            "<zeta-flag type=\"boolean\">true</zeta-flag>",
            "<alpha-note>first</alpha-note>",
            "<nested-thing>",
            "  <inner-a type=\"integer\">1</inner-a>",
            "  <inner-b nil=\"true\"/>",
            "  <inner-list type=\"array\">",
            "    <entry>x</entry>",
            "    <entry>y</entry>",
            "  </inner-list>",
            "</nested-thing>",
            "<typed-amount type=\"decimal\">5</typed-amount>",
            "<exact-amount type=\"decimal\">5.10</exact-amount>",
            "<symbol-value type=\"symbol\">net_30</symbol-value>",
            "<empty-list type=\"array\"/>",
        ],
    );
    let user: User = coupa::xml::from_str(&text).expect("decodes");
    let names: Vec<&str> = user
        .unknown
        .entries()
        .iter()
        .map(|(k, _)| k.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "zeta-flag",
            "alpha-note",
            "nested-thing",
            "typed-amount",
            "exact-amount",
            "symbol-value",
            "empty-list"
        ]
    );
    assert_eq!(user.unknown.get("zeta_flag"), Some(&Value::Bool(true)));
    assert_eq!(
        user.unknown.get("typed-amount"),
        Some(&Value::Typed {
            kind: String::from("decimal"),
            text: String::from("5")
        })
    );
    assert_eq!(
        user.unknown.get("exact-amount"),
        Some(&Value::Number(String::from("5.10")))
    );
    assert_eq!(
        user.unknown.get("nested-thing"),
        Some(&Value::Object(vec![
            (String::from("inner-a"), Value::Number(String::from("1"))),
            (String::from("inner-b"), Value::Null),
            (
                String::from("inner-list"),
                Value::List {
                    item: Some(String::from("entry")),
                    items: vec![Value::Text("x".into()), Value::Text("y".into())]
                }
            ),
        ]))
    );
    assert_eq!(coupa::xml::to_string(&user), text);
}

#[test]
fn unknown_elements_inside_custom_fields_are_kept_in_order() {
    let text = document(
        "user",
        &[
            "<custom-fields>",
            "  <zz-last>1</zz-last>",
            "  <cost-center>",
            "    <code>CC-1</code>",
            "  </cost-center>",
            "  <budget type=\"decimal\">10.00</budget>",
            "</custom-fields>",
        ],
    );
    let user: User = coupa::xml::from_str(&text).expect("decodes");
    let custom = user.custom_fields.as_ref().expect("custom fields");
    let names: Vec<&str> = custom.entries().iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(names, ["zz-last", "cost-center", "budget"]);
    assert_eq!(
        custom.get("cost_center"),
        Some(&Value::Object(vec![(
            String::from("code"),
            Value::Text(String::from("CC-1"))
        )]))
    );
    assert_eq!(coupa::xml::to_string(&user), text);
}

#[test]
fn unknown_enum_values_are_kept_as_text() {
    let text = "<supplier><po-method>carrier-pigeon</po-method><invoice-matching-level>2-way</invoice-matching-level></supplier>";
    let supplier: Supplier = coupa::xml::from_str(text).expect("decodes");
    assert_eq!(
        supplier.po_method,
        Some(coupa::SupplierPoMethod::Unrecognized(String::from(
            "carrier-pigeon"
        )))
    );
    assert_eq!(
        supplier.invoice_matching_level,
        Some(coupa::SupplierInvoiceMatchingLevel::V2Way)
    );
    assert!(coupa::xml::to_string(&supplier).contains("<po-method>carrier-pigeon</po-method>"));
}

/// A tenant's own field given a type (as an overlay adds it) decodes in both formats.
#[derive(Clone, Debug, Default, PartialEq, coupa::CoupaResource)]
#[coupa(resource = "gadget", path = "gadgets", verbs(get))]
pub struct Gadget {
    #[coupa(wire = "id", integer, read_only)]
    pub id: Option<i64>,
    #[coupa(wire = "custom-budget", decimal(precision = 30, scale = 6))]
    pub custom_budget: Option<Decimal>,
    #[coupa(wire = "custom-due", date)]
    pub custom_due: Option<coupa::NaiveDate>,
    #[coupa(unknown)]
    pub unknown: coupa::Unknown,
}

#[test]
fn typed_tenant_fields_decode_from_xml_and_json_alike() {
    let xml = concat!(
        "<gadget>",
        r#"<custom-budget type="decimal">123456789012345678901234.500000</custom-budget>"#,
        r#"<custom-due type="date">2024-02-29</custom-due>"#,
        "</gadget>"
    );
    let json = r#"{"custom_budget": 123456789012345678901234.500000, "custom-due": "2024-02-29"}"#;
    let from_xml: Gadget = coupa::xml::from_str(xml).expect("xml decodes");
    let from_json: Gadget = coupa::json::from_str(json).expect("json decodes");
    let expected = Gadget {
        custom_budget: Some(decimal("123456789012345678901234.500000")),
        custom_due: coupa::NaiveDate::from_ymd_opt(2024, 2, 29),
        ..Gadget::default()
    };
    assert_eq!(from_xml, expected);
    assert_eq!(from_json, expected);
    assert_eq!(
        coupa::xml::to_string(&from_xml),
        document(
            "gadget",
            &[
                r#"<custom-budget type="decimal">123456789012345678901234.500000</custom-budget>"#,
                r#"<custom-due type="date">2024-02-29</custom-due>"#,
            ]
        )
    );
}

// 8. Names

#[test]
fn underscore_spellings_of_element_names_are_read() {
    let user = user(
        r#"<created_at type="dateTime">2024-03-05T09:14:22Z</created_at><api_user>true</api_user>"#,
    );
    assert_eq!(user.created_at, Some(datetime("2024-03-05T09:14:22Z")));
    assert_eq!(user.api_user, Some(true));
}

// 9. Errors

#[test]
fn an_error_names_the_element_path_with_the_item_number() {
    let text = concat!(
        "<invoice-header>",
        r#"<invoice-lines type="array">"#,
        r#"<invoice-line><total type="decimal">1.00</total></invoice-line>"#,
        r#"<invoice-line><total type="decimal">12.3.4</total></invoice-line>"#,
        "</invoice-lines>",
        "</invoice-header>"
    );
    let error = coupa::xml::from_str::<Invoice>(text).expect_err("a bad total");
    assert_eq!(
        error.path(),
        "invoice-header/invoice-lines/invoice-line[2]/total"
    );
    assert_eq!(error.message(), "expected a decimal, found `12.3.4`");
}

#[test]
fn a_list_item_error_names_the_item() {
    let text = r#"<suppliers type="array"><supplier/><supplier><id>x</id></supplier></suppliers>"#;
    let error = coupa::xml::list_from_str::<Supplier>(text).expect_err("a bad id");
    assert_eq!(
        error.to_string(),
        "at `suppliers/supplier[2]/id`: expected an integer, found `x`"
    );
}

#[test]
fn malformed_documents_are_errors_naming_where() {
    let cases = [
        ("", "the document has no root element"),
        (
            "<user><login>x</user>",
            "at `user/login`: malformed XML: expected `</login>`, found `</user>` (line 1, column 15)",
        ),
        (
            "<user><login>x</login>",
            "at `user`: the document ends inside this element",
        ),
        (
            "<user>text<id>1</id></user>",
            "at `user`: unexpected text beside the child elements of `user`",
        ),
        (
            "<user><login><b>x</b></login></user>",
            "at `user/login`: expected text, found element `b`",
        ),
        ("<user/><user/>", "content after the root element"),
        (
            "<user><a&b/></user>",
            "at `user`: `a&b` is not an XML element name",
        ),
        (
            "<user><id type=integer>1</id></user>",
            "at `user`: malformed XML: an attribute value must be quoted with `\"` or `'` (line 1, column 16)",
        ),
    ];
    for (text, expected) in cases {
        let error = coupa::xml::from_str::<User>(text).expect_err(text);
        assert_eq!(error.to_string(), expected, "for {text}");
    }
}

#[test]
fn a_byte_order_mark_comments_and_instructions_are_passed_over() {
    let text = "\u{feff}<?xml version=\"1.0\"?>\n<!-- a comment --><user><login>a<!-- in -->b<?pi x?></login></user>";
    let user: User = coupa::xml::from_str(text).expect("decodes");
    assert_eq!(user.login.as_deref(), Some("ab"));
}

#[test]
fn entities_declared_in_a_doctype_are_not_expanded() {
    let text = "<!DOCTYPE user [<!ENTITY x \"boom\">]><user><login>&x;</login></user>";
    let error = coupa::xml::from_str::<User>(text).expect_err("undeclared for us");
    assert_eq!(error.to_string(), "at `user/login`: unknown entity `&x;`");
}

fn nested(depth: usize, open: &str, close: &str) -> String {
    let mut text = String::with_capacity(depth * (open.len() + close.len()));
    for _ in 0..depth {
        text.push_str(open);
    }
    for _ in 0..depth {
        text.push_str(close);
    }
    text
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = nested(100_000, "<a>", "</a>");
    let unknown = format!("<user>{deep}</user>");
    let error = coupa::xml::from_str::<User>(&unknown).expect_err("too deep");
    assert_eq!(error.message(), "elements nest deeper than 96 levels");
    let in_custom = format!("<user><custom-fields>{deep}</custom-fields></user>");
    let error = coupa::xml::from_str::<User>(&in_custom).expect_err("too deep");
    assert_eq!(error.message(), "elements nest deeper than 96 levels");
    let list = format!("<a type=\"array\">{deep}</a>");
    assert!(coupa::xml::list_from_str::<User>(&list).is_err());
}

#[test]
fn deeply_nested_typed_records_are_an_error_not_a_stack_overflow() {
    let invoices = nested(100_000, "<inbound-invoice>", "</inbound-invoice>");
    let text = format!("<invoice-header>{invoices}</invoice-header>");
    let error = coupa::xml::from_str::<Invoice>(&text).expect_err("too deep");
    assert_eq!(error.message(), "elements nest deeper than 96 levels");
    let managers = nested(95, "<manager>", "</manager>");
    let user: User = coupa::xml::from_str(&format!("<user>{managers}</user>")).expect("95 levels");
    let mut depth = 0;
    let mut next = user.manager.as_deref();
    while let Some(manager) = next {
        depth += 1;
        next = manager.manager.as_deref();
    }
    assert_eq!(depth, 95);
}

#[test]
fn a_document_over_the_size_limit_is_refused() {
    let huge = " ".repeat(coupa::xml::MAX_DOCUMENT + 1);
    let error = coupa::xml::from_str::<User>(&huge).expect_err("too large");
    assert_eq!(
        error.to_string(),
        "the document is larger than 268435456 bytes"
    );
}

/// `supplier-risk-detail` is an embedded record whose fields are all read-only: its payload
/// type has nothing to set, so a payload leaves it out in both formats.
#[test]
fn a_nested_object_with_only_read_only_fields_is_omitted_from_payloads() {
    use coupa::Nested;
    type Detail = <coupa::SupplierRiskDetail as Nested>::New;
    let new = NewSupplier::new("Kestrel").supplier_risk_detail(Detail::new());
    assert_eq!(
        coupa::xml::to_string(&new),
        document("supplier", &["<name>Kestrel</name>"])
    );
    assert_eq!(
        coupa::json::to_string(&new),
        "{\n  \"name\": \"Kestrel\"\n}"
    );
}
