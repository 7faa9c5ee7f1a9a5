//! The rendering of queries, on hand-written field tables shaped like the derive's output.

use super::*;

/// Stand-ins for an invoice, its supplier and its lines, with field structs written the way
/// `#[derive(CoupaResource)]` writes them.
struct Invoice;
struct Supplier;
struct OrderLine;
struct Account;

struct InvoiceFields<Root>(Scope<Root>);
struct SupplierFields<Root>(Scope<Root>);
struct OrderLineFields<Root>(Scope<Root>);
struct AccountFields<Root>(Scope<Root>);

impl<Root> Fields<Root> for InvoiceFields<Root> {
    fn from_scope(scope: Scope<Root>) -> Self {
        InvoiceFields(scope)
    }
}

impl<Root> Fields<Root> for SupplierFields<Root> {
    fn from_scope(scope: Scope<Root>) -> Self {
        SupplierFields(scope)
    }
}

impl<Root> Fields<Root> for OrderLineFields<Root> {
    fn from_scope(scope: Scope<Root>) -> Self {
        OrderLineFields(scope)
    }
}

impl<Root> Fields<Root> for AccountFields<Root> {
    fn from_scope(scope: Scope<Root>) -> Self {
        AccountFields(scope)
    }
}

impl Queryable for Invoice {
    type Fields<Root> = InvoiceFields<Root>;
}

impl Queryable for Supplier {
    type Fields<Root> = SupplierFields<Root>;
}

impl Queryable for OrderLine {
    type Fields<Root> = OrderLineFields<Root>;
}

impl Queryable for Account {
    type Fields<Root> = AccountFields<Root>;
}

impl<Root> InvoiceFields<Root> {
    fn id(&self) -> Path<Root, kind::Integer> {
        self.0.field("id")
    }

    fn invoice_date(&self) -> Path<Root, kind::DateTime> {
        self.0.field("invoice-date")
    }

    fn total(&self) -> Path<Root, kind::Decimal> {
        self.0.field("total")
    }

    fn supplier(&self) -> <Supplier as Queryable>::Fields<Root> {
        self.0.reference::<Supplier>("supplier")
    }

    fn order_lines(&self) -> <OrderLine as Queryable>::Fields<Root> {
        self.0.collection::<OrderLine>("order-lines")
    }
}

impl<Root> SupplierFields<Root> {
    fn name(&self) -> Path<Root, kind::Text> {
        self.0.field("name")
    }

    fn number(&self) -> Path<Root, kind::Text> {
        self.0.field("number")
    }
}

impl<Root> OrderLineFields<Root> {
    fn account(&self) -> <Account as Queryable>::Fields<Root> {
        self.0.reference::<Account>("account")
    }
}

impl<Root> AccountFields<Root> {
    fn code(&self) -> Path<Root, kind::Text> {
        self.0.field("code")
    }
}

fn invoice() -> InvoiceFields<Invoice> {
    fields::<Invoice>()
}

#[test]
fn nested_reference_paths_bracket_each_level() {
    let query = Query::new().filter(invoice().supplier().name().starts_with("Ac"));
    assert_eq!(query.to_query_string(), "supplier[name][starts_with]=Ac");
}

#[test]
fn collection_paths_skip_the_singular() {
    let query = Query::new().filter(invoice().order_lines().account().code().equals("A-100"));
    assert_eq!(query.to_query_string(), "order_lines[account][code]=A-100");
}

#[test]
fn dashes_become_underscores_and_datetimes_are_encoded() {
    let when = crate::DateTime::parse("2024-03-25T18:38:00-07:00").unwrap();
    let query = Query::new().filter(invoice().invoice_date().gt_or_eq(when));
    assert_eq!(
        query.to_query_string(),
        "invoice_date[gt_or_eq]=2024-03-25T18%3A38%3A00-07%3A00"
    );
}

#[test]
fn filter_with_hands_out_the_root_fields() {
    let query = Query::<Invoice>::new()
        .filter_with(|f| f.total().lt(100))
        .filter_with(|f| f.supplier().number().in_(["S-1", "S-2"]));
    assert_eq!(
        query.to_query_string(),
        "total[lt]=100&supplier[number][in]=S-1,S-2"
    );
}

#[test]
fn projection_merges_paths_into_one_array() {
    let query = Query::new()
        .select(invoice().id())
        .select(invoice().supplier().name())
        .select(invoice().supplier().number())
        .select(invoice().id());
    let fields = query.to_query_string();
    let json = decode_value(fields.strip_prefix("fields=").unwrap());
    assert_eq!(json, r#"["id",{"supplier":["name","number"]}]"#);
}

#[test]
fn paging_uses_the_query_limit_or_fifty() {
    let query = Query::new().filter(invoice().id().gt(7));
    assert_eq!(query.page_query_string(100), "id[gt]=7&limit=50&offset=100");
    let query = query.limit(Limit::of::<20>());
    assert_eq!(query.page_query_string(20), "id[gt]=7&limit=20&offset=20");
}

#[test]
fn limits_outside_one_to_fifty_are_refused() {
    assert_eq!(Limit::new(0), Err(QueryError::LimitOutOfRange(0)));
    assert_eq!(Limit::new(51), Err(QueryError::LimitOutOfRange(51)));
    assert_eq!(Limit::new(300), Err(QueryError::LimitOutOfRange(300)));
    assert_eq!(Limit::new(1).map(Limit::get), Ok(1));
    assert_eq!(Limit::new(50), Ok(Limit::MAX));
    assert!(Query::<Invoice>::new().try_limit(51).is_err());
}
