//! Single sign-on with the host's user system: a JWT the host signs with the tenant's secret
//! becomes a Baton session for the customer it describes, created or updated from its claims.
//!
//! Everything a token changes (its jti marked used, the customer upserted) is one transaction,
//! so a refused token leaves nothing behind, and two requests racing with one token cannot both
//! win: the second finds the jti taken.

pub mod embed;
pub mod jwt;

use crate::auth;
use crate::error::Error;
use crate::paging::{hex, unhex};
use crate::secret::Cipher;
use crate::storage::confidential::Sealed;
use crate::storage::sso::{self as sso_store, SsoUser, Upsert};
use crate::storage::{self, sessions, users, Db};
use baton_core::Me;
use jwt::{Claims, Refusal};

/// How long a bearer session from `POST /session/jwt` lives. The widget keeps it in memory
/// only and asks the host for a new token when it runs out, so an hour is plenty.
pub const BEARER_TTL: time::Duration = time::Duration::hours(1);

/// The length of a new SSO secret in random bytes (hex encoded: 64 characters).
const SECRET_BYTES: usize = 32;

/// How a sealed secret is stored: `sealed:v1:<nonce hex>:<ciphertext hex>`, the nonce with its
/// key id header (`secret`; a bare 12-byte one from before key ids still opens). A stored value
/// without it is the secret itself, which only the demo seed writes (its secrets are public).
const SEALED: &str = "sealed:v1:";

/// A new session for a verified token.
#[derive(Debug)]
pub struct SignedIn {
    pub token: String,
    pub expires_at: String,
    pub me: Me,
}

/// Verifies `token` for the tenant `slug` and opens a session of `ttl` for its customer.
pub async fn exchange(
    db: &Db,
    cipher: &Cipher,
    slug: &str,
    token: &str,
    ttl: time::Duration,
) -> Result<SignedIn, Error> {
    let refused = |r: Refusal| Error::SsoRefused {
        code: r.code(),
        detail: r.detail(),
    };
    // An unknown tenant and one without SSO get the same answer: which slugs exist is nobody's
    // business, and neither case can verify anything.
    let tenant = sso_store::tenant_by_slug(db, slug).await?;
    let secret = match &tenant {
        Some(t) => sso_store::secret(db, t.id).await?,
        None => None,
    };
    let (Some(tenant), Some(secret)) = (tenant, secret) else {
        return Err(refused(Refusal::Invalid(
            "SSO is not set up for this tenant",
        )));
    };
    let secret = reveal(cipher, tenant.id, &secret.secret)?;
    let now = storage::now();
    let claims = jwt::verify(token, secret.as_bytes(), now.unix_timestamp()).map_err(refused)?;

    let user_id = sign_in_customer(db, tenant.id, &claims, now)
        .await
        .map_err(|e| match e {
            Upserted::Refused(r) => refused(r),
            Upserted::Staff => Error::Forbidden("staff accounts cannot sign in through SSO"),
            Upserted::Db(e) => Error::Storage(e),
        })?;

    let session = auth::new_token();
    let created = storage::timestamp(now);
    sessions::purge_expired(db, &created).await?;
    let expires_at = storage::timestamp(now + ttl);
    sessions::create(
        db,
        &auth::token_hash(&session),
        user_id,
        tenant.id,
        &created,
        &expires_at,
    )
    .await?;
    let me = users::me(db, tenant.id, user_id)
        .await?
        .ok_or_else(|| Error::Internal(format!("user {user_id} vanished after SSO")))?;
    tracing::info!(user_id, tenant_id = tenant.id, "signed in by SSO");
    Ok(SignedIn {
        token: session,
        expires_at,
        me,
    })
}

enum Upserted {
    Refused(Refusal),
    Staff,
    Db(storage::Error),
}

impl From<storage::Error> for Upserted {
    fn from(e: storage::Error) -> Self {
        Upserted::Db(e)
    }
}

/// Marks the jti used and creates or updates the customer, in one transaction.
async fn sign_in_customer(
    db: &Db,
    tenant_id: i64,
    claims: &Claims,
    now: time::OffsetDateTime,
) -> Result<i64, Upserted> {
    let stamp = storage::timestamp(now);
    let mut tx = db.begin_write().await?;
    sso_store::purge_jtis(&mut tx, &stamp).await?;
    // Kept until the token would be refused as expired anyway (exp plus the leeway).
    let keep = time::OffsetDateTime::from_unix_timestamp(claims.exp + jwt::LEEWAY_SECS as i64)
        .map(storage::timestamp)
        .map_err(|_| Upserted::Refused(Refusal::Invalid("exp is out of range")))?;
    if !sso_store::use_jti(&mut tx, tenant_id, claims.jti.trim(), &keep).await? {
        return Err(Upserted::Refused(Refusal::Replayed));
    }
    let email = users::normalize_email(&claims.email);
    let user = SsoUser {
        tenant_id,
        external_id: claims.sub.trim(),
        email: &email,
        name: &claims.name,
        customer_group: claims.customer_group.as_deref(),
    };
    let id = match sso_store::upsert_customer(&mut tx, &user, &stamp).await? {
        Upsert::Customer(id) => id,
        Upsert::Staff => return Err(Upserted::Staff),
        Upsert::EmailTaken => {
            return Err(Upserted::Refused(Refusal::Invalid(
                "the email belongs to another account with another sub",
            )))
        }
    };
    tx.commit().await?;
    Ok(id)
}

/// Replaces the tenant's SSO secret with a new random one; the secret, to show once. It is
/// stored sealed with the server's key, so a copy of the database alone mints no tokens.
/// Recorded in the audit log as `sso.secret_rotated`, without any value.
pub async fn rotate_secret(app: &crate::services::Services, user: &crate::auth::CurrentUser) -> Result<(String, String), Error> {
    embed::require_settings(user)?;
    let (cipher, tenant_id) = (&app.cipher, user.tenant_id);
    let bytes: [u8; SECRET_BYTES] = rand::random();
    let secret = hex(&bytes);
    let sealed = cipher
        .seal(&secret, &aad(tenant_id))
        .map_err(|e| Error::Internal(format!("SSO secret: {e}")))?;
    let stored = encode(&sealed);
    let now = storage::timestamp(app.clock.now());
    let mut tx = app.db.begin_write().await?;
    sso_store::set_secret(&mut tx, tenant_id, &stored, &now).await?;
    // audit log (issue 12): that it happened, never the secret.
    crate::audit::record(&mut tx, app, user, crate::audit::Entry::new("sso.secret_rotated", None, "SSO")).await?;
    tx.commit().await?;
    tracing::info!(tenant_id, "SSO secret rotated");
    Ok((secret, now))
}

/// How a sealed secret is stored.
fn encode(sealed: &Sealed) -> String {
    format!("{SEALED}{}:{}", hex(&sealed.nonce), hex(&sealed.ciphertext))
}

/// A stored secret re-sealed under the current key (`secret::rekey`): `Ok(None)` when there is
/// nothing to do (a plain demo secret, or one sealed under the current key already).
pub(crate) fn reseal(cipher: &Cipher, tenant_id: i64, stored: &str) -> Result<Option<String>, crate::secret::SealError> {
    let Some((nonce, _)) = stored.strip_prefix(SEALED).and_then(|s| s.split_once(':')) else {
        return Ok(None);
    };
    let current = unhex(nonce).is_some_and(|nonce| cipher.is_current(&nonce));
    if current {
        return Ok(None);
    }
    let secret = reveal(cipher, tenant_id, stored).map_err(|_| crate::secret::SealError::opened())?;
    cipher.seal(&secret, &aad(tenant_id)).map(|sealed| Some(encode(&sealed)))
}

/// The secret as stored: opened if sealed, else (the demo's) as it is.
fn reveal(cipher: &Cipher, tenant_id: i64, stored: &str) -> Result<String, Error> {
    let Some(sealed) = stored.strip_prefix(SEALED) else {
        return Ok(stored.to_owned());
    };
    let failed = || {
        Error::Internal(format!(
            "the SSO secret of tenant {tenant_id} does not open"
        ))
    };
    let (nonce, ciphertext) = sealed.split_once(':').ok_or_else(failed)?;
    let sealed = Sealed {
        nonce: unhex(nonce).ok_or_else(failed)?,
        ciphertext: unhex(ciphertext).ok_or_else(failed)?,
    };
    cipher.open(&sealed, &aad(tenant_id)).map_err(|_| failed())
}

/// Binds a sealed secret to its tenant, so it cannot be copied to another tenant's row.
fn aad(tenant_id: i64) -> Vec<u8> {
    format!("baton/sso-secret/{tenant_id}").into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_secrets_open_for_their_tenant_only() {
        let cipher = Cipher::new(&[7; 32]);
        let sealed = cipher.seal("s3cret", &aad(1)).expect("seal");
        let stored = format!("{SEALED}{}:{}", hex(&sealed.nonce), hex(&sealed.ciphertext));
        assert_eq!(reveal(&cipher, 1, &stored).ok().as_deref(), Some("s3cret"));
        assert!(reveal(&cipher, 2, &stored).is_err());
        assert!(reveal(&Cipher::new(&[8; 32]), 1, &stored).is_err());
        assert!(reveal(&cipher, 1, "sealed:v1:zz:00").is_err());
        assert_eq!(
            reveal(&cipher, 1, "demo-plain").ok().as_deref(),
            Some("demo-plain")
        );
        assert_eq!(unhex(&hex(&[0, 1, 254, 255])), Some(vec![0, 1, 254, 255]));
        assert_eq!(unhex("abc"), None);
    }
}
