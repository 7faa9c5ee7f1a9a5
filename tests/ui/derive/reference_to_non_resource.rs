// `Part` is an embedded type: it has no path of its own, so nothing can reference it.
#[derive(Clone, Debug, Default, PartialEq, coupa::CoupaResource)]
#[coupa(embedded = "part")]
pub struct Part {
    #[coupa(read_only)]
    pub id: Option<i64>,
}

#[derive(Clone, Debug, Default, PartialEq, coupa::CoupaResource)]
#[coupa(resource = "widget", path = "widgets", verbs(list, get, create))]
pub struct Widget {
    #[coupa(read_only)]
    pub id: Option<i64>,
    #[coupa(reference(to = Part))]
    pub main_part: Option<Box<Part>>,
}

fn main() {}
