//! Coupa's JSON read and written exactly: nulls, lists, numbers, dates, booleans, text, unknown
//! keys, both key spellings and errors (issue 5), each pinned on a small literal payload.

use coupa::{CustomFields, DateTime, Decimal, Invoice, NewSupplier, Supplier, User, Value};

fn user(text: &str) -> User {
    coupa::json::from_str(text).unwrap_or_else(|e| panic!("{text} does not decode: {e}"))
}

fn user_error(text: &str) -> String {
    match coupa::json::from_str::<User>(text) {
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

fn round_trip(value: &User) -> User {
    let text = coupa::json::to_string(value);
    let again: User = coupa::json::from_str(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
    assert_eq!(&again, value, "changed by a JSON round trip through {text}");
    again
}

// 1. Nulls and absence

#[test]
fn null_is_none_and_the_empty_string_is_kept() {
    let user = user(r#"{"login": null, "email": "", "firstname": "  "}"#);
    assert_eq!(user.login, None);
    assert_eq!(user.email.as_deref(), Some(""));
    assert_eq!(user.firstname.as_deref(), Some("  "));
    assert_eq!(user.lastname, None);
    round_trip(&user);
}

#[test]
fn an_empty_string_for_a_typed_scalar_is_none() {
    let user = user(r#"{"id": "", "active": " ", "created-at": ""}"#);
    assert_eq!((user.id, user.active, user.created_at), (None, None, None));
}

#[test]
fn references_and_lists_distinguish_null_empty_and_absent() {
    let user = user(r#"{"department": null, "manager": {}, "roles": null, "content-groups": []}"#);
    assert_eq!(user.department, None);
    assert_eq!(user.manager, Some(Box::default()));
    assert_eq!(user.roles, None);
    assert_eq!(user.content_groups, Some(Vec::new()));
    assert_eq!(user.expenses_delegated_to, None);
    assert_eq!(
        coupa::json::to_string(&user),
        "{\n  \"content-groups\": [],\n  \"manager\": {}\n}"
    );
}

#[test]
fn writing_never_emits_null_for_an_unset_field() {
    assert_eq!(coupa::json::to_string(&User::default()), "{}");
    let new = NewSupplier::new("Kestrel").custom_fields(CustomFields::new());
    assert_eq!(
        coupa::json::to_string(&new),
        "{\n  \"name\": \"Kestrel\"\n}"
    );
}

// 2. Lists

#[test]
fn lists_of_one_many_and_none_decode() {
    let ids = |text: &str| -> Vec<Option<i64>> {
        let list: Vec<Supplier> = coupa::json::list_from_str(text).expect("the list decodes");
        list.iter().map(|s| s.id).collect()
    };
    assert_eq!(ids(r#"[{"id": 1}]"#), [Some(1)]);
    assert_eq!(
        ids(r#"[{"id": 1}, {}, {"id": "3"}]"#),
        [Some(1), None, Some(3)]
    );
    assert_eq!(ids("[]"), []);
}

#[test]
fn a_list_is_written_as_a_bare_array() {
    let suppliers = vec![
        Supplier {
            id: Some(1),
            ..Supplier::default()
        },
        Supplier::default(),
    ];
    let text = coupa::json::list_to_string(&suppliers);
    assert_eq!(text, "[\n  {\n    \"id\": 1\n  },\n  {}\n]");
    let again: Vec<Supplier> = coupa::json::list_from_str(&text).expect("decodes");
    assert_eq!(again, suppliers);
}

// 3. Numbers and money

#[test]
fn decimals_are_exact_from_strings_and_from_numbers() {
    let text = r#"{
        "exchange-rate": 123456789012345678901.123456789,
        "discount-amount": "-123456789012345678901234.123456",
        "handling-amount": 0.000001,
        "misc-amount": 42.500000,
        "tax-rate": "7.25",
        "price": 1e3,
        "amount-of-advance-payment": "12345678901234567890123456.12345678901234567890"
    }"#;
    let invoice: Invoice = coupa::json::from_str(text).expect("decodes");
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
    assert_eq!(invoice.tax_rate, Some(decimal("7.25")));
    assert_eq!(
        shown(&invoice.amount_of_advance_payment).as_deref(),
        Some("12345678901234567890123456.12345678901234567890")
    );
    let written = coupa::json::to_string(&invoice);
    assert!(
        written.contains(r#""misc-amount": "42.500000""#)
            && written.contains(r#""exchange-rate": "123456789012345678901.123456789""#),
        "decimals are written as exact strings: {written}"
    );
    let again: Invoice = coupa::json::from_str(&written).expect("decodes");
    assert_eq!(again, invoice);
}

#[test]
fn integers_out_of_range_or_fractional_are_errors() {
    assert_eq!(user(r#"{"id": -9223372036854775808}"#).id, Some(i64::MIN));
    assert_eq!(user(r#"{"id": "42"}"#).id, Some(42));
    assert_eq!(
        user_error(r#"{"id": 9223372036854775808}"#),
        "at `id`: integer `9223372036854775808` is out of range (line 1, column 8)"
    );
    assert_eq!(
        user_error(r#"{"id": 1.5}"#),
        "at `id`: expected an integer, found `1.5` (line 1, column 8)"
    );
}

#[test]
fn a_decimal_too_long_to_hold_is_an_error_not_rounded() {
    let text = r#"{"misc-amount": 1e400}"#;
    let error = coupa::json::from_str::<Invoice>(text).expect_err("too many digits");
    assert_eq!(
        error.to_string(),
        "at `misc-amount`: decimal `1e400` has more than 100 digits on one side of the point (line 1, column 17)"
    );
}

// 4. Dates

#[test]
fn datetimes_keep_their_offset_fraction_and_form() {
    let user = user(
        r#"{"created-at": "2024-03-05T09:14:22Z", "updated-at": "2024-03-05T09:14:22.123456-00:30", "manager": {"created-at": "2024-03-05"}}"#,
    );
    assert_eq!(user.created_at, Some(datetime("2024-03-05T09:14:22Z")));
    let written = coupa::json::to_string(&user);
    assert!(
        written.contains(r#""created-at": "2024-03-05T09:14:22Z""#)
            && written.contains(r#""updated-at": "2024-03-05T09:14:22.123456-00:30""#)
            && written.contains(r#""created-at": "2024-03-05""#),
        "{written}"
    );
    round_trip(&user);
}

// 5. Booleans

#[test]
fn booleans_read_true_false_one_and_zero_as_json_or_text() {
    let user = user(
        r#"{"active": true, "api-user": false, "aic-user": 1, "ccw-user": "0", "travel-user": "true"}"#,
    );
    assert_eq!(
        (
            user.active,
            user.api_user,
            user.aic_user,
            user.ccw_user,
            user.travel_user
        ),
        (Some(true), Some(false), Some(true), Some(false), Some(true))
    );
}

#[test]
fn any_other_boolean_is_an_error_naming_the_field() {
    assert_eq!(
        user_error(r#"{"active": "yes"}"#),
        "at `active`: expected a boolean (`true`, `false`, `1` or `0`), found `yes` (line 1, column 12)"
    );
    assert_eq!(
        user_error(r#"{"active": 2}"#),
        "at `active`: expected a boolean (`true`, `false`, `1` or `0`), found `2` (line 1, column 12)"
    );
}

// 6. Text

#[test]
fn escapes_control_characters_and_non_ascii_survive_a_round_trip() {
    let user = user(
        r#"{"login": "a \"q\" \\ / \b\f\n\r\t \u0000 \u00e9 \ud83c\udf89 東京", "lastname": "  padded  "}"#,
    );
    assert_eq!(
        user.login.as_deref(),
        Some("a \"q\" \\ / \u{8}\u{c}\n\r\t \u{0} é 🎉 東京")
    );
    assert_eq!(user.lastname.as_deref(), Some("  padded  "));
    round_trip(&user);
}

// 7. Forward compatibility

#[test]
fn unknown_keys_are_kept_exactly_and_written_back_in_order() {
    let text = r#"{
  "id": 5,
  "zeta-flag": true,
  "alpha_note": "first",
  "big-number": 123456789012345678901234567890,
  "exact-amount": 5.10,
  "nothing": null,
  "nested-thing": {
    "inner-b": [
      1,
      "two",
      {
        "three": 3.0
      }
    ],
    "inner-a": {}
  },
  "empty-list": []
}"#;
    let user: User = coupa::json::from_str(text).expect("decodes");
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
            "alpha_note",
            "big-number",
            "exact-amount",
            "nothing",
            "nested-thing",
            "empty-list"
        ]
    );
    assert_eq!(
        user.unknown.get("big-number"),
        Some(&Value::Number(String::from(
            "123456789012345678901234567890"
        )))
    );
    assert_eq!(
        user.unknown.get("exact-amount"),
        Some(&Value::Number(String::from("5.10")))
    );
    assert_eq!(user.unknown.get("nothing"), Some(&Value::Null));
    assert_eq!(coupa::json::to_string(&user), text);
}

#[test]
fn unknown_keys_inside_custom_fields_are_kept_in_order() {
    let text = "{\n  \"custom-fields\": {\n    \"zz-last\": 1,\n    \"cost-center\": {\n      \"code\": \"CC-1\"\n    },\n    \"budget\": \"10.00\"\n  }\n}";
    let user: User = coupa::json::from_str(text).expect("decodes");
    let custom = user.custom_fields.as_ref().expect("custom fields");
    let names: Vec<&str> = custom.entries().iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(names, ["zz-last", "cost-center", "budget"]);
    assert_eq!(coupa::json::to_string(&user), text);
}

#[test]
fn unknown_enum_values_are_kept_as_text() {
    let supplier: Supplier =
        coupa::json::from_str(r#"{"po-method": "carrier-pigeon"}"#).expect("decodes");
    assert_eq!(
        supplier.po_method,
        Some(coupa::SupplierPoMethod::Unrecognized(String::from(
            "carrier-pigeon"
        )))
    );
    assert_eq!(
        coupa::json::to_string(&supplier),
        "{\n  \"po-method\": \"carrier-pigeon\"\n}"
    );
}

#[test]
fn json_keys_that_are_not_xml_names_are_written_as_well_formed_xml() {
    let user: User = coupa::json::from_str(r#"{"a key<&>": 1, "9lives": "x"}"#).expect("decodes");
    let xml = coupa::xml::to_string(&user);
    assert_eq!(
        xml,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<user>\n  <a_key___ type=\"integer\">1</a_key___>\n  <_9lives>x</_9lives>\n</user>\n"
    );
    let again: User = coupa::xml::from_str(&xml).expect("well-formed");
    assert_eq!(again.unknown.entries().len(), 2);
}

#[test]
fn a_byte_order_mark_before_the_document_is_ignored() {
    assert_eq!(
        user("\u{feff}{\"login\": \"a\"}").login.as_deref(),
        Some("a")
    );
}

// 8. Names

#[test]
fn keys_are_read_in_both_spellings() {
    let dashed = user(r#"{"created-at": "2024-03-05T09:14:22Z", "api-user": true}"#);
    let underscored = user(r#"{"created_at": "2024-03-05T09:14:22Z", "api_user": true}"#);
    assert_eq!(dashed, underscored);
    assert_eq!(dashed.created_at, Some(datetime("2024-03-05T09:14:22Z")));
    assert_eq!(dashed.api_user, Some(true));
    assert!(underscored.unknown.is_empty());
}

// 9. Errors

#[test]
fn an_error_names_the_key_path_with_the_item_number() {
    let text = r#"{"invoice-lines": [{"total": "1.00"}, {"total": "12.3.4"}]}"#;
    let error = coupa::json::from_str::<Invoice>(text).expect_err("a bad total");
    assert_eq!(error.path(), "invoice-lines[2]/total");
    assert_eq!(
        error.message(),
        "expected a decimal, found `12.3.4` (line 1, column 49)"
    );
}

#[test]
fn a_list_item_error_names_the_item() {
    let error = coupa::json::list_from_str::<Supplier>(r#"[{}, {"created-by": {"id": "x"}}]"#)
        .expect_err("a bad id");
    assert_eq!(
        error.to_string(),
        "at `[2]/created-by/id`: expected an integer, found `x` (line 1, column 28)"
    );
}

#[test]
fn malformed_documents_are_errors_naming_where() {
    let cases = [
        (
            "",
            "expected a `user` object, found the end of the document (line 1, column 1)",
        ),
        (
            "[]",
            "expected a `user` object, found a list (line 1, column 1)",
        ),
        (
            r#"{"login": "x""#,
            "the document ends inside an object (line 1, column 14)",
        ),
        (
            r#"{"login": "x"} {}"#,
            "unexpected content after the document (line 1, column 16)",
        ),
        (
            r#"{"login": [1]}"#,
            "at `login`: expected a string, found a list (line 1, column 11)",
        ),
        (
            r#"{"roles": {}}"#,
            "at `roles`: expected a list or null, found an object (line 1, column 11)",
        ),
        (
            r#"{"custom-fields": []}"#,
            "at `custom-fields`: expected an object of custom fields, found a list (line 1, column 19)",
        ),
    ];
    for (text, expected) in cases {
        let error = coupa::json::from_str::<User>(text).expect_err(text);
        assert_eq!(error.to_string(), expected, "for {text}");
    }
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
    for (open, close) in [("[", "]"), (r#"{"a":"#, "}")] {
        let deep = nested(100_000, open, close);
        for text in [
            format!(r#"{{"unknown": {deep}}}"#),
            format!(r#"{{"custom-fields": {{"x": {deep}}}}}"#),
        ] {
            let error = coupa::json::from_str::<User>(&text).expect_err("too deep");
            assert!(
                error
                    .message()
                    .starts_with("values nest deeper than 128 levels (line 1, column "),
                "{error}"
            );
        }
        let list = format!(r#"[{{"x": {deep}}}]"#);
        let error = coupa::json::list_from_str::<User>(&list).expect_err("too deep");
        assert!(error.message().contains("128 levels"), "{error}");
    }
}

#[test]
fn deeply_nested_typed_records_are_an_error_not_a_stack_overflow() {
    let invoices = nested(100_000, r#"{"inbound-invoice":"#, "}");
    let error = coupa::json::from_str::<Invoice>(&invoices).expect_err("too deep");
    assert!(error.message().contains("128 levels"), "{error}");
    let mut managers = nested(126, r#"{"manager":"#, "}");
    managers.insert_str(managers.len() - 126, "{}");
    let user: User = coupa::json::from_str(&managers).expect("127 levels decode");
    let mut depth = 0;
    let mut next = user.manager.as_deref();
    while let Some(manager) = next {
        depth += 1;
        next = manager.manager.as_deref();
    }
    assert_eq!(depth, 126);
}

#[test]
fn a_document_over_the_size_limit_is_refused() {
    let huge = " ".repeat(coupa::xml::MAX_DOCUMENT + 1);
    let error = coupa::json::from_str::<User>(&huge).expect_err("too large");
    assert_eq!(
        error.to_string(),
        "the document is larger than 268435456 bytes"
    );
}
