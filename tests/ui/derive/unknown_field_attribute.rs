#[derive(Clone, Debug, Default, PartialEq, coupa::CoupaResource)]
#[coupa(resource = "widget", path = "widgets", verbs(list, get))]
pub struct Widget {
    #[coupa(read_only)]
    pub id: Option<i64>,
    #[coupa(requried)]
    pub name: Option<String>,
}

fn main() {
    let _ = coupa::json::from_str::<Widget>("{}");
}
