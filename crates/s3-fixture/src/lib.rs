//! A real S3-compatible server for the blob-store tests: s3s speaking the protocol (signatures
//! checked) over s3s-fs, which keeps the objects as files in a temp directory, served in-process
//! on a loopback port. The server under test talks to it with its real S3 client; the tests look
//! at what it stored on disk. Shared by baton-server's API tests and the end-to-end replicas test.

use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto::Builder;
use s3s::auth::SimpleAuth;
use s3s::service::S3ServiceBuilder;
use std::net::SocketAddr;
use std::path::PathBuf;
use tempfile::TempDir;
use tokio::net::TcpListener;
use tokio::task::{JoinHandle, JoinSet};

/// The access key id the server accepts (AWS_ACCESS_KEY_ID for a server process).
pub const ACCESS_KEY: &str = "baton-test-access-key";
/// Its secret (AWS_SECRET_ACCESS_KEY).
pub const SECRET_KEY: &str = "baton-test-secret-key";

/// A running S3-compatible server; it stops when dropped.
pub struct S3Server {
    addr: SocketAddr,
    root: TempDir,
    task: JoinHandle<()>,
}

impl S3Server {
    /// A fresh server whose store has one empty bucket, `bucket`.
    pub async fn start(bucket: &str) -> S3Server {
        // The server's own account of an error it answers, shown with a failing test's output.
        let _ = tracing_subscriber::fmt()
            .with_env_filter("s3s=warn,s3s_fs=warn")
            .with_test_writer()
            .try_init();
        let root = tempfile::tempdir().expect("temp dir");
        // s3s-fs keeps a bucket as a directory of that name under its root.
        std::fs::create_dir(root.path().join(bucket)).expect("bucket directory");
        let store = s3s_fs::FileSystem::new(root.path()).expect("s3s-fs over the temp dir");
        let mut builder = S3ServiceBuilder::new(store);
        builder.set_auth(SimpleAuth::from_single(ACCESS_KEY, SECRET_KEY));
        let service = builder.build();
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind a loopback port");
        let addr = listener.local_addr().expect("local address");
        let task = tokio::spawn(async move {
            // The connections live in this set, so stopping the task closes them too: a client's
            // pooled connection dies as it would when the real server goes away.
            let mut connections = JoinSet::new();
            while let Ok((stream, _)) = listener.accept().await {
                let service = service.clone();
                connections.spawn(async move {
                    let _ = Builder::new(TokioExecutor::new())
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
                while connections.try_join_next().is_some() {}
            }
        });
        S3Server { addr, root, task }
    }

    /// `--blob-store` for this server's `bucket`, keys under `prefix` if one is given.
    pub fn url(&self, bucket: &str, prefix: Option<&str>) -> String {
        let path = prefix.map(|p| format!("/{p}")).unwrap_or_default();
        format!(
            "s3://{bucket}{path}?endpoint=http://{}&region=us-east-1",
            self.addr
        )
    }

    /// Where the server keeps object `key` of `bucket`.
    fn object_path(&self, bucket: &str, key: &str) -> PathBuf {
        self.root.path().join(bucket).join(key)
    }

    /// The bytes of object `key` in `bucket`, if it exists.
    pub fn object(&self, bucket: &str, key: &str) -> Option<Vec<u8>> {
        std::fs::read(self.object_path(bucket, key)).ok()
    }

    /// The ETag S3 gives object `key` of `bucket`, asked over the protocol: for a multipart
    /// upload it ends in `-<number of parts>`.
    pub async fn etag(&self, bucket: &str, key: &str) -> Option<String> {
        use object_store::ObjectStoreExt;
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = object_store::aws::AmazonS3Builder::new()
            .with_bucket_name(bucket)
            .with_region("us-east-1")
            .with_endpoint(format!("http://{}", self.addr))
            .with_allow_http(true)
            .with_access_key_id(ACCESS_KEY)
            .with_secret_access_key(SECRET_KEY)
            .build()
            .expect("S3 client");
        client.head(&key.into()).await.ok()?.e_tag
    }

    /// How many objects `bucket` holds (below `prefix`, if given).
    pub fn count(&self, bucket: &str, prefix: Option<&str>) -> usize {
        let dir = self.object_path(bucket, prefix.unwrap_or_default());
        std::fs::read_dir(dir).map_or(0, |entries| {
            entries.flatten().filter(|e| e.path().is_file()).count()
        })
    }

    /// Stops serving: the port refuses connections and open ones are closed.
    pub async fn stop(&self) {
        self.task.abort();
        // Wait until the listener and the connections are really gone.
        while !self.task.is_finished() {
            tokio::task::yield_now().await;
        }
    }
}

impl Drop for S3Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}
