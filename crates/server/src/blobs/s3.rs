//! An S3-compatible bucket as the blob store: AWS itself, or any server that speaks the protocol
//! (`endpoint=`), addressed path-style.

use super::location::{S3Credentials, S3Location};
use object_store::aws::AmazonS3Builder;
use object_store::prefix::PrefixStore;
use object_store::{BackoffConfig, ClientOptions, ObjectStore, RetryConfig};
use std::sync::Arc;
use std::time::Duration;

/// Retries of a failed request (a connection refused, a 5xx, a timeout). Few and short: an
/// upload waits for them before its client gets an answer, and a store that is down for longer
/// is better reported (5xx) than waited for.
fn retry() -> RetryConfig {
    RetryConfig {
        backoff: BackoffConfig::default(),
        max_retries: 3,
        retry_timeout: Duration::from_secs(15),
    }
}

/// The client's timeouts. No timeout on a whole request: a download is streamed to a client that
/// may take minutes; a stalled connection is caught by the read timeout instead.
fn client_options() -> ClientOptions {
    ClientOptions::new()
        .with_timeout_disabled()
        .with_connect_timeout(Duration::from_secs(5))
        .with_read_timeout(Duration::from_secs(30))
}

pub fn open(
    location: &S3Location,
    credentials: &S3Credentials,
) -> Result<Arc<dyn ObjectStore>, object_store::Error> {
    // reqwest builds its TLS configuration with the process's default crypto provider and panics
    // without one (it is built without aws-lc, see Cargo.toml); ring is the one sqlx uses. Err
    // means one is installed already, which serves as well.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let mut builder = AmazonS3Builder::new()
        .with_bucket_name(&location.bucket)
        .with_region(&location.region)
        .with_access_key_id(&credentials.key_id)
        .with_secret_access_key(&credentials.secret)
        .with_retry(retry())
        .with_client_options(client_options());
    if let Some(token) = &credentials.token {
        builder = builder.with_token(token);
    }
    if let Some(endpoint) = &location.endpoint {
        builder = builder
            .with_endpoint(endpoint)
            .with_allow_http(endpoint.starts_with("http://"));
    }
    let bucket: Arc<dyn ObjectStore> = Arc::new(builder.build()?);
    Ok(match &location.prefix {
        Some(prefix) => Arc::new(PrefixStore::new(bucket, prefix.as_str())),
        None => bucket,
    })
}
