#[derive(Clone, Debug, Default, PartialEq, coupa::CoupaResource)]
#[coupa(resource = "widget", verbs(list, get))]
pub struct Widget {
    #[coupa(read_only)]
    pub id: Option<i64>,
}

fn main() {
    let _ = coupa::request::get::<Widget>;
}
