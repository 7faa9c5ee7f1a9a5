//! A hand-written quick-xml writer of the invoice page: the encoding an integrator would write
//! without the bindings, in Coupa's shape (dashed elements, `type` attributes, `nil="true"`,
//! two-space indentation). It also writes the XML fixture.

use std::fmt::{Display, Write as _};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use crate::model::{
    AccountRef, AccountTypeRef, CommodityRef, CurrencyRef, Invoice, InvoiceLine, UomRef, UserRef,
};

/// The page as `<invoice-headers type="array">`.
pub fn xml_page(page: &[Invoice]) -> String {
    let mut out = Out::new();
    out.start("invoice-headers", Some("array"));
    for invoice in page {
        out.invoice(invoice);
    }
    out.end("invoice-headers");
    out.finish()
}

/// One invoice as a document under `<invoice-header>`.
pub fn xml_invoice(invoice: &Invoice) -> String {
    let mut out = Out::new();
    out.invoice(invoice);
    out.finish()
}

struct Out {
    writer: Writer<Vec<u8>>,
    scratch: String,
}

impl Out {
    fn new() -> Self {
        let mut writer = Writer::new_with_indent(Vec::with_capacity(1 << 16), b' ', 2);
        writer
            .write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
            .expect("writing to a Vec cannot fail");
        Out {
            writer,
            scratch: String::new(),
        }
    }

    fn finish(self) -> String {
        let mut bytes = self.writer.into_inner();
        bytes.push(b'\n');
        String::from_utf8(bytes).expect("the writer writes UTF-8")
    }

    fn invoice(&mut self, x: &Invoice) {
        self.start("invoice-header", None);
        self.integer("id", x.id);
        self.typed("created-at", "dateTime", &x.created_at);
        self.typed("updated-at", "dateTime", &x.updated_at);
        self.text("invoice-number", &x.invoice_number);
        self.typed("invoice-date", "dateTime", &x.invoice_date);
        self.text("status", &x.status);
        self.text("document-type", &x.document_type);
        self.boolean("line-level-taxation", x.line_level_taxation);
        self.boolean("paid", x.paid);
        self.boolean("exported", x.exported);
        self.boolean("is-credit-note", x.is_credit_note);
        self.typed("gross-total", "decimal", &x.gross_total);
        self.typed("total-with-taxes", "decimal", &x.total_with_taxes);
        self.typed("tax-amount", "decimal", &x.tax_amount);
        self.typed("shipping-amount", "decimal", &x.shipping_amount);
        self.typed("handling-amount", "decimal", &x.handling_amount);
        self.typed("misc-amount", "decimal", &x.misc_amount);
        self.typed("net-due-date", "dateTime", &x.net_due_date);
        self.optional("comments", x.comments.as_deref());
        self.optional("supplier-note", x.supplier_note.as_deref());
        self.currency(&x.currency);
        self.start("supplier", None);
        self.integer("id", x.supplier.id);
        self.text("name", &x.supplier.name);
        self.text("number", &x.supplier.number);
        self.end("supplier");
        self.start("payment-term", None);
        self.integer("id", x.payment_term.id);
        self.text("code", &x.payment_term.code);
        self.end("payment-term");
        self.account_type(&x.account_type);
        self.user("created-by", &x.created_by);
        self.user("updated-by", &x.updated_by);
        let custom = &x.custom_fields;
        self.start("custom-fields", None);
        self.text("cost-center", &custom.cost_center);
        self.text("project-code", &custom.project_code);
        self.typed("approved-budget", "decimal", &custom.approved_budget);
        self.boolean("rush-order", custom.rush_order);
        self.optional("region", custom.region.as_deref());
        self.end("custom-fields");
        self.start("invoice-lines", Some("array"));
        for line in &x.invoice_lines {
            self.line(line);
        }
        self.end("invoice-lines");
        self.end("invoice-header");
    }

    fn line(&mut self, x: &InvoiceLine) {
        self.start("invoice-line", None);
        self.integer("id", x.id);
        self.typed("created-at", "dateTime", &x.created_at);
        self.typed("updated-at", "dateTime", &x.updated_at);
        self.text("type", &x.line_type);
        self.integer("line-num", x.line_num);
        self.text("description", &x.description);
        self.typed("quantity", "decimal", &x.quantity);
        self.typed("price", "decimal", &x.price);
        self.typed("total", "decimal", &x.total);
        self.optional("po-number", x.po_number.as_deref());
        self.optional("source-part-num", x.source_part_num.as_deref());
        self.uom(&x.uom);
        self.account(&x.account);
        self.currency(&x.currency);
        self.commodity(x.commodity.as_ref());
        self.end("invoice-line");
    }

    fn currency(&mut self, x: &CurrencyRef) {
        self.start("currency", None);
        self.integer("id", x.id);
        self.text("code", &x.code);
        self.end("currency");
    }

    fn account_type(&mut self, x: &AccountTypeRef) {
        self.start("account-type", None);
        self.integer("id", x.id);
        self.text("name", &x.name);
        self.end("account-type");
    }

    fn user(&mut self, name: &str, x: &UserRef) {
        self.start(name, None);
        self.integer("id", x.id);
        self.text("login", &x.login);
        self.text("email", &x.email);
        self.text("firstname", &x.firstname);
        self.text("lastname", &x.lastname);
        self.end(name);
    }

    fn uom(&mut self, x: &UomRef) {
        self.start("uom", None);
        self.integer("id", x.id);
        self.text("code", &x.code);
        self.text("name", &x.name);
        self.end("uom");
    }

    fn account(&mut self, x: &AccountRef) {
        self.start("account", None);
        self.integer("id", x.id);
        self.text("name", &x.name);
        self.text("code", &x.code);
        self.boolean("active", x.active);
        self.account_type(&x.account_type);
        self.end("account");
    }

    fn commodity(&mut self, x: Option<&CommodityRef>) {
        let Some(x) = x else {
            return self.nil("commodity");
        };
        self.start("commodity", None);
        self.integer("id", x.id);
        self.text("name", &x.name);
        self.end("commodity");
    }

    fn start(&mut self, name: &str, kind: Option<&str>) {
        let mut start = BytesStart::new(name);
        if let Some(kind) = kind {
            start.push_attribute(("type", kind));
        }
        self.event(Event::Start(start));
    }

    fn end(&mut self, name: &str) {
        self.event(Event::End(BytesEnd::new(name)));
    }

    fn text(&mut self, name: &str, value: &str) {
        self.element(name, None, value);
    }

    fn optional(&mut self, name: &str, value: Option<&str>) {
        match value {
            Some(value) => self.text(name, value),
            None => self.nil(name),
        }
    }

    fn nil(&mut self, name: &str) {
        let mut start = BytesStart::new(name);
        start.push_attribute(("nil", "true"));
        self.event(Event::Empty(start));
    }

    fn integer(&mut self, name: &str, value: i64) {
        self.typed(name, "integer", &value);
    }

    fn boolean(&mut self, name: &str, value: bool) {
        self.element(name, Some("boolean"), if value { "true" } else { "false" });
    }

    /// Formats `value` into the scratch buffer, so that no number allocates.
    fn typed(&mut self, name: &str, kind: &str, value: &dyn Display) {
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        write!(scratch, "{value}").expect("formatting into a String cannot fail");
        self.element(name, Some(kind), &scratch);
        self.scratch = scratch;
    }

    fn element(&mut self, name: &str, kind: Option<&str>, value: &str) {
        let mut start = BytesStart::new(name);
        if let Some(kind) = kind {
            start.push_attribute(("type", kind));
        }
        self.event(Event::Start(start));
        self.event(Event::Text(BytesText::new(value)));
        self.event(Event::End(BytesEnd::new(name)));
    }

    fn event(&mut self, event: Event<'_>) {
        self.writer
            .write_event(event)
            .expect("writing to a Vec cannot fail");
    }
}
