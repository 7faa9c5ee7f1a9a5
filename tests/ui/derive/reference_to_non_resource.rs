// `Part` is an embedded type: it has no path of its own, so nothing can reference it. (The derive
// is used on `coupa_core` directly so that the expected output does not list `coupa`'s types.)
#[derive(Clone, Debug, Default, PartialEq, coupa_derive::CoupaResource)]
#[coupa(embedded = "part", crate = "::coupa_core")]
pub struct Part {
    #[coupa(read_only)]
    pub id: Option<i64>,
}

#[derive(Clone, Debug, Default, PartialEq, coupa_derive::CoupaResource)]
#[coupa(resource = "widget", path = "widgets", verbs(list, get, create), crate = "::coupa_core")]
pub struct Widget {
    #[coupa(read_only)]
    pub id: Option<i64>,
    #[coupa(reference(to = Part))]
    pub main_part: Option<Box<Part>>,
}

fn main() {}
