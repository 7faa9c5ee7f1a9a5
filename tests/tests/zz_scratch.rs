#[test]
fn probe() {
    let n: usize = std::env::var("N").unwrap().parse().unwrap();
    let kind = std::env::var("K").unwrap();
    let stack: usize = std::env::var("S").unwrap_or("2097152".into()).parse().unwrap();
    std::thread::Builder::new().stack_size(stack).spawn(move || {
        if kind == "xml" {
            let mut t = String::from("<invoice-header>");
            for _ in 0..n { t.push_str("<inbound-invoice>"); }
            for _ in 0..n { t.push_str("</inbound-invoice>"); }
            t.push_str("</invoice-header>");
            let r = coupa::xml::from_str::<coupa::Invoice>(&t);
            println!("ok {}", r.is_ok());
        } else {
            let mut t = String::new();
            for _ in 0..n { t.push_str("{\"inbound-invoice\":"); }
            t.push_str("{}");
            for _ in 0..n { t.push_str("}"); }
            let r = coupa::json::from_str::<coupa::Invoice>(&t);
            println!("ok {:?}", r.err());
        }
    }).unwrap().join().unwrap();
}
