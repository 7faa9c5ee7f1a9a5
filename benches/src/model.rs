//! Hand-written serde structs for the invoices of the fixture: what an integrator would write
//! without the bindings. They hold exactly the fields the fixture uses, read decimals and
//! timestamps exactly (into the same types the bindings use), and serve both as the generator's
//! output and as the target of the serde_json comparison. The XML comparison needs wrapper
//! elements around lists, so [`xml`] has its own invoice and line types around the shared
//! references.

use coupa::{DateTime, Decimal};
use serde::{Deserialize, Serialize};

/// One invoice of a list page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Invoice {
    pub id: i64,
    #[serde(with = "text")]
    pub created_at: DateTime,
    #[serde(with = "text")]
    pub updated_at: DateTime,
    pub invoice_number: String,
    #[serde(with = "text")]
    pub invoice_date: DateTime,
    pub status: String,
    pub document_type: String,
    pub line_level_taxation: bool,
    pub paid: bool,
    pub exported: bool,
    pub is_credit_note: bool,
    #[serde(with = "text")]
    pub gross_total: Decimal,
    #[serde(with = "text")]
    pub total_with_taxes: Decimal,
    #[serde(with = "text")]
    pub tax_amount: Decimal,
    #[serde(with = "text")]
    pub shipping_amount: Decimal,
    #[serde(with = "text")]
    pub handling_amount: Decimal,
    #[serde(with = "text")]
    pub misc_amount: Decimal,
    #[serde(with = "text")]
    pub net_due_date: DateTime,
    pub comments: Option<String>,
    pub supplier_note: Option<String>,
    pub currency: CurrencyRef,
    pub supplier: SupplierRef,
    pub payment_term: PaymentTermRef,
    pub account_type: AccountTypeRef,
    pub created_by: UserRef,
    pub updated_by: UserRef,
    pub custom_fields: InvoiceCustomFields,
    pub invoice_lines: Vec<InvoiceLine>,
}

/// One line of an invoice.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct InvoiceLine {
    pub id: i64,
    #[serde(with = "text")]
    pub created_at: DateTime,
    #[serde(with = "text")]
    pub updated_at: DateTime,
    #[serde(rename = "type")]
    pub line_type: String,
    pub line_num: i64,
    pub description: String,
    #[serde(with = "text")]
    pub quantity: Decimal,
    #[serde(with = "text")]
    pub price: Decimal,
    #[serde(with = "text")]
    pub total: Decimal,
    pub po_number: Option<String>,
    pub source_part_num: Option<String>,
    pub uom: UomRef,
    pub account: AccountRef,
    pub currency: CurrencyRef,
    pub commodity: Option<CommodityRef>,
}

/// The tenant's custom fields on an invoice.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct InvoiceCustomFields {
    pub cost_center: String,
    pub project_code: String,
    #[serde(with = "text")]
    pub approved_budget: Decimal,
    pub rush_order: bool,
    pub region: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CurrencyRef {
    pub id: i64,
    pub code: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SupplierRef {
    pub id: i64,
    pub name: String,
    pub number: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PaymentTermRef {
    pub id: i64,
    pub code: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccountTypeRef {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserRef {
    pub id: i64,
    pub login: String,
    pub email: String,
    pub firstname: String,
    pub lastname: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UomRef {
    pub id: i64,
    pub code: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct AccountRef {
    pub id: i64,
    pub name: String,
    pub code: String,
    pub active: bool,
    pub account_type: AccountTypeRef,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CommodityRef {
    pub id: i64,
    pub name: String,
}

/// Decimals and timestamps as their exact text: parsed on read without an intermediate
/// `String`, written through `Display`.
pub mod text {
    use std::fmt::{self, Display};
    use std::marker::PhantomData;
    use std::str::FromStr;

    use serde::de::{self, Deserializer, Visitor};
    use serde::ser::Serializer;

    pub fn serialize<T: Display, S: Serializer>(
        value: &T,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_str(value)
    }

    pub fn deserialize<'de, T, D>(deserializer: D) -> Result<T, D::Error>
    where
        T: FromStr<Err: Display>,
        D: Deserializer<'de>,
    {
        deserializer.deserialize_str(Parse(PhantomData))
    }

    struct Parse<T>(PhantomData<T>);

    impl<T: FromStr<Err: Display>> Visitor<'_> for Parse<T> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a decimal or a timestamp as text")
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
            text.trim().parse().map_err(E::custom)
        }
    }
}

/// The XML shape of the same page, for quick-xml's serde deserializer: lists sit under a
/// wrapper element (`<invoice-lines type="array"><invoice-line>…`), and a null reference is an
/// element with `nil="true"`.
pub mod xml {
    use coupa::{DateTime, Decimal};
    use serde::Deserialize;

    use super::{
        AccountRef, AccountTypeRef, CurrencyRef, InvoiceCustomFields, PaymentTermRef, SupplierRef,
        UomRef, UserRef, text,
    };

    /// `<invoice-headers type="array">`.
    #[derive(Debug, Deserialize)]
    pub struct Page {
        #[serde(rename = "invoice-header", default)]
        pub invoices: Vec<Invoice>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    pub struct Invoice {
        pub id: i64,
        #[serde(with = "text")]
        pub created_at: DateTime,
        #[serde(with = "text")]
        pub updated_at: DateTime,
        pub invoice_number: String,
        #[serde(with = "text")]
        pub invoice_date: DateTime,
        pub status: String,
        pub document_type: String,
        pub line_level_taxation: bool,
        pub paid: bool,
        pub exported: bool,
        pub is_credit_note: bool,
        #[serde(with = "text")]
        pub gross_total: Decimal,
        #[serde(with = "text")]
        pub total_with_taxes: Decimal,
        #[serde(with = "text")]
        pub tax_amount: Decimal,
        #[serde(with = "text")]
        pub shipping_amount: Decimal,
        #[serde(with = "text")]
        pub handling_amount: Decimal,
        #[serde(with = "text")]
        pub misc_amount: Decimal,
        #[serde(with = "text")]
        pub net_due_date: DateTime,
        pub comments: Option<Nullable>,
        pub supplier_note: Option<Nullable>,
        pub currency: CurrencyRef,
        pub supplier: SupplierRef,
        pub payment_term: PaymentTermRef,
        pub account_type: AccountTypeRef,
        pub created_by: UserRef,
        pub updated_by: UserRef,
        pub custom_fields: CustomFields,
        pub invoice_lines: Lines,
    }

    /// `<invoice-lines type="array">`.
    #[derive(Debug, Deserialize)]
    pub struct Lines {
        #[serde(rename = "invoice-line", default)]
        pub items: Vec<InvoiceLine>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    pub struct InvoiceLine {
        pub id: i64,
        #[serde(with = "text")]
        pub created_at: DateTime,
        #[serde(with = "text")]
        pub updated_at: DateTime,
        #[serde(rename = "type")]
        pub line_type: String,
        pub line_num: i64,
        pub description: String,
        #[serde(with = "text")]
        pub quantity: Decimal,
        #[serde(with = "text")]
        pub price: Decimal,
        #[serde(with = "text")]
        pub total: Decimal,
        pub po_number: Option<Nullable>,
        pub source_part_num: Option<Nullable>,
        pub uom: UomRef,
        pub account: AccountRef,
        pub currency: CurrencyRef,
        pub commodity: NullableCommodity,
    }

    /// `<custom-fields>`, whose `region` may be `nil="true"`.
    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    pub struct CustomFields {
        pub cost_center: String,
        pub project_code: String,
        #[serde(with = "text")]
        pub approved_budget: Decimal,
        pub rush_order: bool,
        pub region: Option<Nullable>,
    }

    /// A text element that may be `<x nil="true"/>`.
    #[derive(Debug, Deserialize)]
    pub struct Nullable {
        #[serde(rename = "@nil", default)]
        pub nil: bool,
        #[serde(rename = "$text", default)]
        pub text: String,
    }

    /// `<commodity>` with its keys, or `<commodity nil="true"/>`.
    #[derive(Debug, Deserialize)]
    pub struct NullableCommodity {
        #[serde(rename = "@nil", default)]
        pub nil: bool,
        pub id: Option<i64>,
        pub name: Option<String>,
    }

    impl Nullable {
        fn into_option(self) -> Option<String> {
            (!self.nil).then_some(self.text)
        }
    }

    impl From<Invoice> for super::Invoice {
        fn from(x: Invoice) -> Self {
            super::Invoice {
                id: x.id,
                created_at: x.created_at,
                updated_at: x.updated_at,
                invoice_number: x.invoice_number,
                invoice_date: x.invoice_date,
                status: x.status,
                document_type: x.document_type,
                line_level_taxation: x.line_level_taxation,
                paid: x.paid,
                exported: x.exported,
                is_credit_note: x.is_credit_note,
                gross_total: x.gross_total,
                total_with_taxes: x.total_with_taxes,
                tax_amount: x.tax_amount,
                shipping_amount: x.shipping_amount,
                handling_amount: x.handling_amount,
                misc_amount: x.misc_amount,
                net_due_date: x.net_due_date,
                comments: x.comments.and_then(Nullable::into_option),
                supplier_note: x.supplier_note.and_then(Nullable::into_option),
                currency: x.currency,
                supplier: x.supplier,
                payment_term: x.payment_term,
                account_type: x.account_type,
                created_by: x.created_by,
                updated_by: x.updated_by,
                custom_fields: InvoiceCustomFields {
                    cost_center: x.custom_fields.cost_center,
                    project_code: x.custom_fields.project_code,
                    approved_budget: x.custom_fields.approved_budget,
                    rush_order: x.custom_fields.rush_order,
                    region: x.custom_fields.region.and_then(Nullable::into_option),
                },
                invoice_lines: x.invoice_lines.items.into_iter().map(Into::into).collect(),
            }
        }
    }

    impl From<InvoiceLine> for super::InvoiceLine {
        fn from(x: InvoiceLine) -> Self {
            let commodity = match x.commodity {
                NullableCommodity {
                    nil: false,
                    id: Some(id),
                    name: Some(name),
                } => Some(super::CommodityRef { id, name }),
                _ => None,
            };
            super::InvoiceLine {
                id: x.id,
                created_at: x.created_at,
                updated_at: x.updated_at,
                line_type: x.line_type,
                line_num: x.line_num,
                description: x.description,
                quantity: x.quantity,
                price: x.price,
                total: x.total,
                po_number: x.po_number.and_then(Nullable::into_option),
                source_part_num: x.source_part_num.and_then(Nullable::into_option),
                uom: x.uom,
                account: x.account,
                currency: x.currency,
                commodity,
            }
        }
    }
}
