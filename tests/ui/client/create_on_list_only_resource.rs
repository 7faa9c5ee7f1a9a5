// Currencies are list and get only: the client has no create for them.
async fn create(client: &coupa_core::client::Client, payload: &coupa::NewSupplier) {
    let _ = client.create::<coupa::Currency>(payload).await;
}

fn main() {
    let _ = create;
}
