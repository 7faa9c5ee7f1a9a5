// A misspelt container attribute: one error, with the near miss, and no second one about the
// `path` it was meant to be.
#[derive(Clone, Debug, Default, PartialEq, coupa::CoupaResource)]
#[coupa(resource = "widget", pth = "widgets", verbs(list, get))]
pub struct Widget {
    #[coupa(read_only)]
    pub id: Option<i64>,
    #[coupa(unknown)]
    pub unknown: coupa::Unknown,
}

fn main() {
    let _ = coupa::xml::from_str::<Widget>("<widget/>");
}
