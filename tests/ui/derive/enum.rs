#[derive(Clone, Debug, PartialEq, coupa::CoupaResource)]
pub enum WidgetStatus {
    Active,
    Inactive,
}

fn main() {}
