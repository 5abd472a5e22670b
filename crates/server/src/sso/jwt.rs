//! Verifying a host-signed JWT: HS256 only, with the tenant's secret, a short lifetime and the
//! claims Baton needs to create or update the customer.

use baton_core::problem::code;
use baton_core::validate::is_email;
use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::{Deserialize, Serialize};

/// Clock skew tolerated on `exp` and `nbf`. Hosts sign right before use, so a few seconds of
/// drift between their clock and ours is all there is to absorb.
pub const LEEWAY_SECS: u64 = 10;

/// The longest lifetime a token may claim: a token that lives longer is one a leak could replay
/// for longer, and single use only protects while its jti is remembered.
pub const MAX_LIFETIME_SECS: i64 = 600;

/// The longest text claim we keep (external id, name, group, jti).
const MAX_CLAIM: usize = 200;

/// The claims of an SSO token. Unknown claims (iat, iss, aud, …) are ignored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// The host's stable id of the user.
    pub sub: String,
    pub email: String,
    pub name: String,
    /// Unix seconds.
    pub exp: i64,
    /// A unique id: each token signs in once.
    pub jti: String,
    /// The customer group (company) to put the customer in, created if the tenant lacks it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_group: Option<String>,
}

/// Why a token was refused; each maps to one stable problem code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Invalid(&'static str),
    BadSignature,
    Expired,
    Replayed,
}

impl Refusal {
    pub fn code(self) -> &'static str {
        match self {
            Refusal::Invalid(_) => code::SSO_INVALID_TOKEN,
            Refusal::BadSignature => code::SSO_BAD_SIGNATURE,
            Refusal::Expired => code::SSO_EXPIRED,
            Refusal::Replayed => code::SSO_REPLAYED,
        }
    }

    /// A short English explanation for the problem's `detail`.
    pub fn detail(self) -> &'static str {
        match self {
            Refusal::Invalid(why) => why,
            Refusal::BadSignature => "the signature does not match the tenant's SSO secret",
            Refusal::Expired => "the token has expired",
            Refusal::Replayed => "the token was already used",
        }
    }
}

/// The verified, checked claims of `token`, signed with `secret`, at unix time `now`.
pub fn verify(token: &str, secret: &[u8], now: i64) -> Result<Claims, Refusal> {
    // Validation::new(HS256) accepts exactly that algorithm: `none`, RS256 with the secret as a
    // "public key" and every other confusion are refused before any signature is computed.
    let mut validation = Validation::new(Algorithm::HS256);
    validation.leeway = LEEWAY_SECS;
    validation.set_required_spec_claims(&["exp", "sub"]);
    let data =
        jsonwebtoken::decode::<Claims>(token, &DecodingKey::from_secret(secret), &validation)
            .map_err(|e| match e.kind() {
                ErrorKind::InvalidSignature => Refusal::BadSignature,
                ErrorKind::ExpiredSignature => Refusal::Expired,
                ErrorKind::InvalidAlgorithm
                | ErrorKind::InvalidAlgorithmName
                | ErrorKind::MissingAlgorithm => Refusal::Invalid("only HS256 tokens are accepted"),
                ErrorKind::ImmatureSignature => {
                    Refusal::Invalid("the token is not valid yet (nbf)")
                }
                ErrorKind::Json(_)
                | ErrorKind::MissingRequiredClaim(_)
                | ErrorKind::InvalidClaimFormat(_) => Refusal::Invalid(
                    "a claim is missing or of the wrong type (sub, email, name, exp, jti)",
                ),
                _ => Refusal::Invalid("not a well-formed JWT"),
            })?;
    let claims = data.claims;
    if claims.exp - now > MAX_LIFETIME_SECS + LEEWAY_SECS as i64 {
        return Err(Refusal::Invalid("exp may be at most 10 minutes ahead"));
    }
    check(&claims)?;
    Ok(claims)
}

fn check(c: &Claims) -> Result<(), Refusal> {
    let text = |s: &str| !s.trim().is_empty() && s.chars().count() <= MAX_CLAIM;
    if !text(&c.sub) {
        return Err(Refusal::Invalid("sub must be 1-200 characters"));
    }
    if !text(&c.jti) {
        return Err(Refusal::Invalid("jti must be 1-200 characters"));
    }
    if !text(&c.name) {
        return Err(Refusal::Invalid("name must be 1-200 characters"));
    }
    if !is_email(c.email.trim()) {
        return Err(Refusal::Invalid("email is not an email address"));
    }
    if c.customer_group.as_deref().is_some_and(|g| !text(g)) {
        return Err(Refusal::Invalid("customer_group must be 1-200 characters"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jsonwebtoken::{encode, EncodingKey, Header};

    const SECRET: &[u8] = b"test-secret";
    const NOW: i64 = 2_000_000_000;

    fn claims(exp: i64) -> Claims {
        Claims {
            sub: "u-1".into(),
            email: "u1@host.test".into(),
            name: "User One".into(),
            exp,
            jti: "j-1".into(),
            customer_group: None,
        }
    }

    fn sign(alg: Algorithm, secret: &[u8], c: &impl Serialize) -> String {
        encode(&Header::new(alg), c, &EncodingKey::from_secret(secret)).expect("sign")
    }

    fn now() -> i64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(NOW)
    }

    #[test]
    fn good_tokens_pass_and_bad_ones_say_why() {
        let t = now();
        let good = sign(Algorithm::HS256, SECRET, &claims(t + 300));
        assert_eq!(verify(&good, SECRET, t).map(|c| c.sub), Ok("u-1".into()));
        assert_eq!(verify(&good, b"other", t), Err(Refusal::BadSignature));
        let expired = sign(Algorithm::HS256, SECRET, &claims(t - 60));
        assert_eq!(verify(&expired, SECRET, t), Err(Refusal::Expired));
        let long = sign(Algorithm::HS256, SECRET, &claims(t + 3600));
        assert!(matches!(verify(&long, SECRET, t), Err(Refusal::Invalid(_))));
        let hs512 = sign(Algorithm::HS512, SECRET, &claims(t + 300));
        assert!(matches!(
            verify(&hs512, SECRET, t),
            Err(Refusal::Invalid(_))
        ));
        let missing = sign(
            Algorithm::HS256,
            SECRET,
            &serde_json::json!({"sub": "u", "exp": t + 60}),
        );
        assert!(matches!(
            verify(&missing, SECRET, t),
            Err(Refusal::Invalid(_))
        ));
        let mut bad_email = claims(t + 300);
        bad_email.email = "nope".into();
        let bad_email = sign(Algorithm::HS256, SECRET, &bad_email);
        assert!(matches!(
            verify(&bad_email, SECRET, t),
            Err(Refusal::Invalid(_))
        ));
        for junk in ["", "a.b", "a.b.c", "not a token"] {
            assert!(
                matches!(verify(junk, SECRET, t), Err(Refusal::Invalid(_))),
                "{junk}"
            );
        }
    }

    #[test]
    fn alg_none_is_refused() {
        // base64url of {"alg":"none","typ":"JWT"} in front of a real token's claims.
        const NONE: &str = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0";
        let t = now();
        let good = sign(Algorithm::HS256, SECRET, &claims(t + 300));
        let body = good.split('.').nth(1).unwrap_or_default();
        for token in [format!("{NONE}.{body}."), format!("{NONE}.{body}")] {
            assert!(
                matches!(verify(&token, SECRET, t), Err(Refusal::Invalid(_))),
                "{token}"
            );
        }
    }
}
