#[derive(Clone, Debug, Default, PartialEq, coupa::CoupaResource)]
#[coupa(resource = "widget", path = "widgets", verbs(list, get))]
pub struct Widget(Option<i64>, Option<String>);

fn main() {
    let _ = coupa::xml::from_str::<Widget>("<widget/>");
}
