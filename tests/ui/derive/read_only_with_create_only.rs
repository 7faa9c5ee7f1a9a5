#[derive(Clone, Debug, Default, PartialEq, coupa::CoupaResource)]
#[coupa(resource = "widget", path = "widgets", verbs(list, get, create))]
pub struct Widget {
    #[coupa(read_only)]
    pub id: Option<i64>,
    #[coupa(read_only, create_only)]
    pub code: Option<String>,
}

fn main() {
    let _ = coupa::xml::from_str::<Widget>("<widget/>");
}
