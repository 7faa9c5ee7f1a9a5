// Suppliers have no `deactivate: true` in their schema.
async fn retire(client: &coupa_core::client::Client) {
    let _ = client.deactivate::<coupa::Supplier>(7).await;
}

fn main() {
    let _ = retire;
}
