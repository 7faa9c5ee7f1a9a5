#[derive(Clone, Debug, Default, PartialEq, coupa::CoupaResource)]
#[coupa(resource = "widget", path = "widgets", verbs(list, get), path = "gadgets")]
pub struct Widget {
    #[coupa(read_only)]
    pub id: Option<i64>,
}

fn main() {
    let _ = coupa::xml::from_str::<Widget>("<widget/>");
}
