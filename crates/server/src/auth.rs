//! Passwords and session tokens: argon2id hashing, random tokens and the hash under which a token
//! is stored, and [`CurrentUser`], the signed-in user every protected handler receives.

use crate::error::Error;
use crate::storage::TicketScope;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::Argon2;
use baton_core::{Actor, Permission, Permissions, Role};
use sha2::{Digest, Sha256};

/// How long a session lives. Fixed from login, not sliding: a stolen token stops working on a
/// known date, and reads never have to write to the sessions table.
pub const SESSION_TTL: time::Duration = time::Duration::days(14);

/// The session cookie's name over plain http (the contract's `baton_session`).
pub const SESSION_COOKIE: &str = "baton_session";

/// Its name over HTTPS. Browsers accept a `__Host-` cookie only when it is `Secure`, has
/// `Path=/` and no `Domain`, so a sibling subdomain cannot set or overwrite it (cookie tossing
/// would otherwise plant a session of the attacker's choosing); over HTTPS the server reads no
/// other name.
pub const SESSION_COOKIE_TLS: &str = "__Host-baton_session";

/// The session cookie's name for a request that came over HTTPS (`https`) or not.
pub fn session_cookie_name(https: bool) -> &'static str {
    if https {
        SESSION_COOKIE_TLS
    } else {
        SESSION_COOKIE
    }
}

/// A hash of a password nobody knows, in the same parameters as real ones. Login verifies against
/// it when the email is unknown, so the answer takes as long as for a known email with a wrong
/// password and timing does not reveal which emails exist.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$dW5rbm93bi11c2VyLXNhbHQ$\
4i1D1Ad1VvDY3bRSyKBnYm0ijbE3Rr3mBJQ5fO0Kzq0";

#[derive(Debug, thiserror::Error)]
#[error("password hashing failed: {0}")]
pub struct HashError(String);

/// Hashes `password` with argon2id and a random salt into a PHC string. CPU-heavy (tens of ms):
/// call it from a blocking thread when serving.
pub fn hash_password(password: &str) -> Result<String, HashError> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| HashError(e.to_string()))
}

/// Whether `password` matches the PHC string `hash`; `None` checks against a dummy hash and is
/// always false. A corrupt stored hash counts as a mismatch.
pub fn verify_password(password: &str, hash: Option<&str>) -> bool {
    let matches = Argon2::default()
        .verify_password(password.as_bytes(), hash.unwrap_or(DUMMY_HASH))
        .is_ok();
    matches && hash.is_some()
}

/// Runs `work` (argon2 hashing or verifying) on a blocking thread, at most one per core at once.
/// Each run holds 19 MiB and tens of milliseconds of CPU; uncapped, a login flood grew tokio's
/// blocking pool towards its 512 threads (~10 GiB) and starved every other request. Past the cap
/// requests queue here, in arrival order, without a thread.
pub async fn hashing<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, tokio::task::JoinError> {
    static PERMITS: std::sync::LazyLock<tokio::sync::Semaphore> = std::sync::LazyLock::new(|| {
        tokio::sync::Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get()))
    });
    // The semaphore is never closed, so acquiring only waits.
    let _permit = PERMITS.acquire().await;
    tokio::task::spawn_blocking(work).await
}

/// A new session token: 256 random bits, hex encoded.
pub fn new_token() -> String {
    let bytes: [u8; 32] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The SHA-256 under which a token is stored. A plain hash suffices: the token has 256 bits of
/// entropy, so there is nothing to brute-force, unlike a password.
pub fn token_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// The signed-in user of a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CurrentUser {
    pub id: i64,
    pub tenant_id: i64,
    pub role: Role,
    /// The customer group whose tickets this customer sees: theirs, if it shares tickets.
    pub share_group_id: Option<i64>,
    /// What the user may do (`Permissions::effective` of their role and custom role), read with
    /// the session on every request, so a role change applies to the very next request.
    pub permissions: Permissions,
}

impl CurrentUser {
    pub fn actor(&self) -> Actor {
        self.role.actor()
    }

    /// The tickets this user may see: staff see the tenant's; customers their own and, when their
    /// customer group shares tickets, those of every requester in the group.
    pub fn ticket_scope(&self) -> TicketScope {
        let customer = !self.role.is_staff();
        TicketScope {
            tenant_id: self.tenant_id,
            requester_id: customer.then_some(self.id),
            share_group_id: self.share_group_id.filter(|_| customer),
            agent_id: (self.role.is_staff() && !self.can(Permission::TicketsSeeAll)).then_some(self.id),
        }
    }

    /// Whether the user holds permission `p`. Customers hold none: what they may do follows from
    /// the tickets they asked, not from permissions.
    pub fn can(&self, p: Permission) -> bool {
        self.permissions.contains(p)
    }

    /// `Forbidden` (naming `p`) unless the user holds `p`.
    pub fn require(&self, p: Permission) -> Result<(), Error> {
        if self.can(p) {
            Ok(())
        } else {
            Err(Error::MissingPermission(p))
        }
    }

    /// Whether this user may drive the lifecycle of a ticket asked by `requester_id`: staff
    /// always, a customer only for their own (group members see and reply, nothing more).
    pub fn may_act_on(&self, requester_id: i64) -> bool {
        self.role.is_staff() || requester_id == self.id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_dummy_never_matches() {
        let hash = hash_password("baton-demo").expect("hash");
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("baton-demo", Some(&hash)));
        assert!(!verify_password("wrong", Some(&hash)));
        assert!(!verify_password("baton-demo", None));
        assert!(!verify_password("baton-demo", Some("not a phc string")));
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn hashing_runs_at_most_one_job_per_core_at_once() {
        use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
        use std::sync::Arc;
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let (running, most) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
        let jobs = (0..cores * 4).map(|_| {
            let (running, most) = (running.clone(), most.clone());
            tokio::spawn(hashing(move || {
                let now = running.fetch_add(1, SeqCst) + 1;
                most.fetch_max(now, SeqCst);
                std::thread::sleep(std::time::Duration::from_millis(20));
                running.fetch_sub(1, SeqCst);
            }))
        });
        for job in jobs.collect::<Vec<_>>() {
            job.await.expect("task").expect("job");
        }
        // Uncapped, 4 × cores sleeping jobs would all run at once on the blocking pool.
        assert_eq!(most.load(SeqCst), cores);
    }

    #[test]
    fn dummy_hash_has_the_default_parameters() {
        // If argon2's defaults change, real hashes and the dummy would take different times.
        let real = hash_password("x").expect("hash");
        let params = |h: &str| h.split('$').nth(3).map(str::to_owned);
        assert_eq!(params(&real), params(DUMMY_HASH));
        assert!(argon2::password_hash::phc::PasswordHash::new(DUMMY_HASH).is_ok());
    }

    #[test]
    fn tokens_are_random_and_hashed() {
        let (a, b) = (new_token(), new_token());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert_eq!(token_hash(&a).len(), 32);
    }
}
