//! `--blob-store` read without side effects: `local` (the default) or
//! `s3://bucket[/prefix]?endpoint=http://host:port&region=…`. `Config::validate` runs it before
//! the port is bound, so a malformed value is one clear line at start, not a failed upload later.

use url::Url;

/// Which store attachments go to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlobStore {
    /// Files in `<data dir>/attachments`.
    Local,
    /// An S3-compatible bucket.
    S3 {
        location: S3Location,
        credentials: S3Credentials,
    },
}

/// Where in S3 (or an S3-compatible server) attachments go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct S3Location {
    pub bucket: String,
    /// Keys are `<prefix>/<storage key>`, so one bucket can serve several installations.
    pub prefix: Option<String>,
    /// The server's URL for anything but AWS itself (MinIO, Ceph, a test server); path-style
    /// requests are sent to it.
    pub endpoint: Option<String>,
    pub region: String,
}

/// The access key an S3 store is used with: from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`
/// and, for temporary keys, `AWS_SESSION_TOKEN`; never from the URL, which is logged.
#[derive(Clone, PartialEq, Eq)]
pub struct S3Credentials {
    pub key_id: String,
    pub secret: String,
    pub token: Option<String>,
}

impl S3Credentials {
    /// The access key from the environment, as AWS's own tools read it (the server's command
    /// line and the end-to-end replicas both); `Config::validate` says when an S3 store lacks it.
    pub fn from_env() -> Option<S3Credentials> {
        let var = |name| std::env::var(name).ok().filter(|v: &String| !v.is_empty());
        Some(S3Credentials {
            key_id: var("AWS_ACCESS_KEY_ID")?,
            secret: var("AWS_SECRET_ACCESS_KEY")?,
            token: var("AWS_SESSION_TOKEN"),
        })
    }
}

// By hand, so the secret never reaches a log line.
impl std::fmt::Debug for S3Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("S3Credentials")
            .field("key_id", &self.key_id)
            .field("secret", &"<redacted>")
            .field("token", &self.token.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

/// The region when the URL names none: what S3-compatible servers expect by default.
pub const DEFAULT_REGION: &str = "us-east-1";

impl S3Location {
    /// Reads `value`: `local` or empty is `Ok(None)`, an S3 URL its location; otherwise why not,
    /// in words for the one line the server prints.
    pub fn parse(value: &str) -> Result<Option<S3Location>, String> {
        let value = value.trim();
        if value.is_empty() || value == "local" {
            return Ok(None);
        }
        let url = Url::parse(value)
            .map_err(|e| format!("not a URL ({e}): use local or s3://bucket?endpoint=…"))?;
        if url.scheme() != "s3" {
            return Err(format!(
                "unsupported scheme {:?}: use local or s3://bucket?endpoint=…",
                url.scheme()
            ));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err("credentials do not belong in the URL: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY".to_owned());
        }
        if url.port().is_some() {
            return Err(
                "s3://bucket takes no port: name the server with endpoint=http://host:port"
                    .to_owned(),
            );
        }
        if url.fragment().is_some() {
            return Err("a blob store URL has no #fragment".to_owned());
        }
        let bucket = url.host_str().unwrap_or_default().to_owned();
        check_bucket(&bucket)?;
        let prefix = url.path().trim_matches('/');
        let prefix = if prefix.is_empty() {
            None
        } else {
            object_store::path::Path::parse(prefix)
                .map_err(|_| format!("invalid key prefix {prefix:?}: use segments like a/b"))?;
            Some(prefix.to_owned())
        };
        let mut endpoint = None;
        let mut region = None;
        for (name, value) in url.query_pairs() {
            let slot = match name.as_ref() {
                "endpoint" => &mut endpoint,
                "region" => &mut region,
                other => {
                    return Err(format!(
                        "unknown parameter {other:?}: endpoint and region are accepted"
                    ))
                }
            };
            if slot.replace(value.into_owned()).is_some() {
                return Err(format!("{name} is given twice"));
            }
        }
        if let Some(endpoint) = &endpoint {
            check_endpoint(endpoint)?;
        }
        let region = region.unwrap_or_else(|| DEFAULT_REGION.to_owned());
        if region.is_empty()
            || !region
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        {
            return Err(format!("invalid region {region:?}: e.g. {DEFAULT_REGION}"));
        }
        Ok(Some(S3Location {
            bucket,
            prefix,
            endpoint,
            region,
        }))
    }
}

/// `value` without a user or password, should someone have put credentials in it: for messages
/// and logs.
pub fn redacted(value: &str) -> String {
    match Url::parse(value.trim()) {
        Ok(mut url) if !url.username().is_empty() || url.password().is_some() => {
            // Both fail only for URLs that cannot have credentials, which these have.
            let _ = url.set_username("");
            let _ = url.set_password(None);
            url.to_string()
        }
        _ => value.to_owned(),
    }
}

/// S3's bucket names: 3 to 63 lowercase letters, digits, dots and hyphens, a letter or digit at
/// each end.
fn check_bucket(bucket: &str) -> Result<(), String> {
    let ends_ok = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
    let well_formed = (3..=63).contains(&bucket.len())
        && bucket
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-')
        && ends_ok(bucket.bytes().next())
        && ends_ok(bucket.bytes().last());
    if well_formed {
        Ok(())
    } else {
        Err(format!(
            "invalid bucket name {bucket:?}: 3 to 63 lowercase letters, digits, dots and hyphens"
        ))
    }
}

/// An endpoint is a server: `http(s)://host[:port]`, nothing after.
fn check_endpoint(endpoint: &str) -> Result<(), String> {
    let refused = || format!("invalid endpoint {endpoint:?}: expected http(s)://host[:port]");
    let url = Url::parse(endpoint).map_err(|_| refused())?;
    let plain = matches!(url.scheme(), "http" | "https")
        && url.host_str().is_some_and(|h| !h.is_empty())
        && url.username().is_empty()
        && url.password().is_none()
        && url.path() == "/"
        && url.query().is_none()
        && url.fragment().is_none();
    if plain {
        Ok(())
    } else {
        Err(refused())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_and_s3_urls_are_read_as_documented() {
        assert_eq!(S3Location::parse(""), Ok(None));
        assert_eq!(S3Location::parse("local"), Ok(None));
        // (value, bucket, prefix, endpoint, region)
        type Case<'a> = (&'a str, &'a str, Option<&'a str>, Option<&'a str>, &'a str);
        let cases: &[Case] = &[
            (
                "s3://baton-files",
                "baton-files",
                None,
                None,
                DEFAULT_REGION,
            ),
            (
                "s3://baton-files/desk/eu?endpoint=http://127.0.0.1:9000&region=eu-west-1",
                "baton-files",
                Some("desk/eu"),
                Some("http://127.0.0.1:9000"),
                "eu-west-1",
            ),
            (
                "s3://b.example?endpoint=https%3A%2F%2Fminio.internal",
                "b.example",
                None,
                Some("https://minio.internal"),
                DEFAULT_REGION,
            ),
        ];
        for (value, bucket, prefix, endpoint, region) in cases {
            let location = S3Location::parse(value).expect(value).expect(value);
            assert_eq!(location.bucket, *bucket, "{value}");
            assert_eq!(location.prefix.as_deref(), *prefix, "{value}");
            assert_eq!(location.endpoint.as_deref(), *endpoint, "{value}");
            assert_eq!(location.region, *region, "{value}");
        }
    }

    #[test]
    fn malformed_values_say_what_is_wrong() {
        for (value, reason) in [
            ("/var/baton/files", "not a URL"),
            ("gs://bucket", "unsupported scheme"),
            ("s3://", "invalid bucket name"),
            ("s3://Upper", "invalid bucket name"),
            ("s3://ab", "invalid bucket name"),
            ("s3://-bucket", "invalid bucket name"),
            ("s3://key:secret@bucket", "AWS_ACCESS_KEY_ID"),
            ("s3://bucket:9000", "no port"),
            ("s3://bucket#x", "fragment"),
            ("s3://bucket?endpoint=127.0.0.1:9000", "invalid endpoint"),
            ("s3://bucket?endpoint=ftp://host", "invalid endpoint"),
            ("s3://bucket?endpoint=http://host/path", "invalid endpoint"),
            ("s3://bucket?endpoint=http://a&endpoint=http://b", "twice"),
            ("s3://bucket?regoin=eu-west-1", "unknown parameter"),
            ("s3://bucket?region=", "invalid region"),
            ("s3://bucket/a//b", "invalid key prefix"),
        ] {
            match S3Location::parse(value) {
                Err(e) => assert!(e.contains(reason), "{value}: {e}"),
                Ok(found) => panic!("{value} was accepted: {found:?}"),
            }
        }
    }

    #[test]
    fn credentials_are_not_printed() {
        assert_eq!(
            redacted("s3://key:secret@bucket?region=x"),
            "s3://bucket?region=x"
        );
        assert_eq!(redacted("s3://bucket"), "s3://bucket");
        let credentials = S3Credentials {
            key_id: "AKIDEXAMPLE".to_owned(),
            secret: "very-secret".to_owned(),
            token: Some("session-token".to_owned()),
        };
        let shown = format!("{credentials:?}");
        assert!(shown.contains("AKIDEXAMPLE"), "{shown}");
        assert!(
            !shown.contains("very-secret") && !shown.contains("session-token"),
            "{shown}"
        );
    }
}
