//! The hand-written `ExchangeRate` reads and writes Coupa's payloads like a generated record.

use coupa::{Currency, Ref};
use coupa_example_derive::{ExchangeRate, ExchangeRateUpdate, NewExchangeRate};

/// A record as `coupa::xml::to_string` writes it; the currencies' fields are in `coupa`'s
/// schema order.
const XML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<exchange-rate>
  <id type="integer">88</id>
  <from-currency>
    <code>USD</code>
    <id type="integer">1</id>
  </from-currency>
  <to-currency>
    <code>EUR</code>
    <id type="integer">3</id>
  </to-currency>
  <rate type="decimal">0.9215000000</rate>
  <rate-date type="dateTime">2024-06-01T00:00:00-07:00</rate-date>
  <updated-at type="dateTime">2024-06-01T06:12:44-07:00</updated-at>
</exchange-rate>
"#;

#[test]
fn a_record_decodes_from_xml_and_writes_back_the_same() {
    let rate: ExchangeRate = coupa::xml::from_str(XML).expect("the payload decodes");
    assert_eq!(rate.id, Some(88));
    let from = rate.from_currency.as_deref().expect("a currency");
    assert_eq!(from.code.as_deref(), Some("USD"));
    assert_eq!(
        rate.rate.as_ref().map(ToString::to_string).as_deref(),
        Some("0.9215000000")
    );
    assert_eq!(
        rate.rate_date.as_ref().map(ToString::to_string).as_deref(),
        Some("2024-06-01T00:00:00-07:00")
    );
    assert!(rate.unknown.is_empty());
    assert_eq!(coupa::xml::to_string(&rate), XML);
}

#[test]
fn a_record_round_trips_through_json() {
    let rate: ExchangeRate = coupa::xml::from_str(XML).expect("the payload decodes");
    let json = coupa::json::to_string(&rate);
    assert_eq!(
        coupa::json::from_str::<ExchangeRate>(&json).ok(),
        Some(rate)
    );
}

#[test]
fn the_create_payload_takes_the_required_fields_and_no_read_only_one() {
    let rate_date = "2024-07-01T00:00:00Z".parse().expect("a timestamp");
    let rate = "1.0851".parse().expect("a decimal");
    let new = NewExchangeRate::new(
        Ref::<Currency>::code("EUR"),
        Ref::<Currency>::code("USD"),
        rate,
        rate_date,
    );
    assert_eq!(
        coupa::json::to_string(&new),
        r#"{
  "from-currency": {
    "code": "EUR"
  },
  "to-currency": {
    "code": "USD"
  },
  "rate": "1.0851",
  "rate-date": "2024-07-01T00:00:00Z"
}"#
    );
}

#[test]
fn an_update_sends_only_what_was_set() {
    let update = ExchangeRateUpdate::new().rate("1.0902".parse().expect("a decimal"));
    assert_eq!(
        coupa::xml::to_string(&update),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<exchange-rate>\n  <rate type=\"decimal\">1.0902</rate>\n</exchange-rate>\n"
    );
}

#[test]
fn the_metadata_describes_the_resource() {
    use coupa::{Record, Resource};
    assert_eq!(ExchangeRate::NAME, "exchange_rate");
    assert_eq!(ExchangeRate::PATH, "exchange_rates");
    assert_eq!(ExchangeRate::LIST_ROOT, "exchange-rates");
    let wires: Vec<&str> = ExchangeRate::FIELDS.iter().map(|f| f.wire).collect();
    assert_eq!(
        wires,
        [
            "id",
            "from-currency",
            "to-currency",
            "rate",
            "rate-date",
            "updated-at"
        ]
    );
    assert_eq!(ExchangeRate::VERBS.len(), 4);
}
