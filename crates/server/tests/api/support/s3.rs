//! The S3-compatible server of the blob-store tests (crates/s3-fixture, shared with the end-to-end
//! replicas test), and its access key as the server's configuration takes it.

use baton_server::blobs::S3Credentials;
pub use baton_s3_fixture::S3Server;

/// The access key the test server accepts.
pub fn credentials() -> S3Credentials {
    S3Credentials {
        key_id: baton_s3_fixture::ACCESS_KEY.to_owned(),
        secret: baton_s3_fixture::SECRET_KEY.to_owned(),
        token: None,
    }
}
