//! Building clients: https only, loopback by opt-in, no credentials in sight.

use super::*;

fn build(instance: &str) -> Result<Client, BuildError> {
    Client::builder(instance).api_key("k3y").build()
}

#[test]
fn https_instances_are_taken_with_or_without_scheme() {
    let client = build("https://acme.coupahost.com/").unwrap();
    assert_eq!(client.instance(), "https://acme.coupahost.com");
    let client = build("acme.coupacloud.com").unwrap();
    assert_eq!(client.instance(), "https://acme.coupacloud.com");
}

#[test]
fn plain_http_is_refused_without_the_opt_in() {
    let error = build("http://127.0.0.1:8080").unwrap_err();
    assert_eq!(
        error,
        BuildError::NotHttps(String::from("http://127.0.0.1:8080"))
    );
}

#[test]
fn plain_http_is_refused_to_hosts_other_than_loopback() {
    for instance in [
        "http://acme.coupahost.com",
        "http://10.0.0.1",
        "http://[::2]:80",
    ] {
        let result = Client::builder(instance)
            .api_key("k3y")
            .allow_insecure_loopback()
            .build();
        assert!(matches!(result, Err(BuildError::NotHttps(_))), "{instance}");
    }
}

#[test]
fn plain_http_to_loopback_is_allowed_after_the_opt_in() {
    for instance in [
        "http://127.0.0.1:8080",
        "http://127.8.9.10",
        "http://[::1]:9",
        "http://localhost:1",
    ] {
        let result = Client::builder(instance)
            .api_key("k3y")
            .allow_insecure_loopback()
            .build();
        assert!(result.is_ok(), "{instance}");
    }
}

#[test]
fn urls_with_credentials_paths_or_no_credentials_are_refused() {
    assert_eq!(
        build("https://user:pw@acme.coupahost.com").unwrap_err(),
        BuildError::CredentialsInUrl
    );
    assert!(matches!(
        build("https://acme.coupahost.com/api"),
        Err(BuildError::NotARoot(_))
    ));
    assert!(matches!(
        build("https://bad host"),
        Err(BuildError::InvalidUrl(_))
    ));
    let error = Client::builder("https://acme.coupahost.com")
        .build()
        .unwrap_err();
    assert_eq!(error, BuildError::NoCredentials);
}

#[test]
fn debug_output_names_the_kind_of_credentials_only() {
    let builder = Client::builder("https://acme.coupahost.com").oauth2(
        "client-7",
        "s3cr3t-value",
        ["core.invoice.read"],
    );
    let shown = format!("{builder:?}");
    assert!(!shown.contains("s3cr3t-value"), "{shown}");
    let client = builder.build().unwrap();
    let shown = format!("{client:?}");
    assert!(!shown.contains("s3cr3t-value"), "{shown}");
    assert!(shown.contains("oauth2 client credentials"), "{shown}");

    let client = build("https://acme.coupahost.com").unwrap();
    assert!(!format!("{client:?}").contains("k3y"));
}

#[test]
fn write_replies_add_return_object() {
    let call = Call {
        method: Method::Put,
        path: String::from("/api/suppliers/7"),
        body: None,
    };
    assert_eq!(Reply::Full.apply(call.clone()).path, "/api/suppliers/7");
    assert_eq!(
        Reply::Nothing.apply(call.clone()).path,
        "/api/suppliers/7?return_object=none"
    );
    let mut exported = call;
    exported.path.push_str("?exported=true");
    assert_eq!(
        Reply::Shallow.apply(exported).path,
        "/api/suppliers/7?exported=true&return_object=shallow"
    );
}
