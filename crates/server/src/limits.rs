//! Rate limits and lockout (issue 16): how many sign-ins, password-link redemptions, reset
//! requests and SSO exchanges one address may attempt per minute, and how many failed sign-ins one account takes
//! before it is locked for a while. Counted in the database (`storage::rate_limits`), so a
//! cluster's replicas count together; answered with `RateLimited` (429 and `Retry-After`).
//!
//! Checked before any password is hashed, so a flood costs a database write per attempt, not
//! argon2's 19 MiB and tens of milliseconds. The account counter is keyed by the email and the
//! desk the login names (or `*`), not by whether the account exists: a lockout never tells
//! anyone which emails have accounts.

use crate::error::Error;
use crate::services::Services;
use crate::storage::{self, rate_limits as store};
use std::net::IpAddr;
use time::OffsetDateTime;

/// Attempts of one kind one address may make per minute (the default of `--attempts-per-ip`).
pub const DEFAULT_ATTEMPTS_PER_IP: u32 = 30;
/// Failed sign-ins that lock an account until its window ends.
pub const ACCOUNT_FAILURES: i64 = 10;
/// The account counter's window: a locked account opens again at most this long after.
pub const ACCOUNT_WINDOW_SECS: i64 = 15 * 60;
const IP_WINDOW_SECS: i64 = 60;
/// Windows older than this are deleted by the scheduler.
pub const KEEP_SECS: i64 = 24 * 3600;

/// What an address attempts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    Login,
    PasswordLink,
    /// Asking for a password reset mail.
    PasswordReset,
    /// Asking for an account (`POST /signups`): each one may send a mail.
    SignUp,
    Sso,
}

impl Attempt {
    fn name(self) -> &'static str {
        match self {
            Attempt::Login => "login",
            Attempt::PasswordLink => "password-link",
            Attempt::PasswordReset => "password-reset",
            Attempt::SignUp => "sign-up",
            Attempt::Sso => "sso",
        }
    }
}

/// This server's limits (`Config`).
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Attempts of each kind per address per minute; 0 turns the per-address limit off.
    pub attempts_per_ip: u32,
}

/// Counts an attempt of `ip` (`None` when the address is unknown: nothing to count by) and
/// refuses it past the limit.
pub async fn per_ip(app: &Services, attempt: Attempt, ip: Option<IpAddr>) -> Result<(), Error> {
    let max = i64::from(app.limits.attempts_per_ip);
    let Some(ip) = ip.filter(|_| max > 0) else { return Ok(()) };
    let (start, retry_after_secs) = window(app.clock.now(), IP_WINDOW_SECS);
    let hits = store::hit(&app.db, &format!("{}-ip:{}", attempt.name(), network(ip)), &start).await?;
    if hits > max {
        if hits == max + 1 {
            tracing::warn!(%ip, attempt = attempt.name(), "rate limited: too many attempts from one address");
        }
        return Err(Error::RateLimited { retry_after_secs });
    }
    Ok(())
}

/// Refuses a sign-in to an account locked by failures.
pub async fn account_open(app: &Services, email: &str, tenant: Option<&str>) -> Result<(), Error> {
    let (start, retry_after_secs) = window(app.clock.now(), ACCOUNT_WINDOW_SECS);
    if store::hits(&app.db, &account(email, tenant), &start).await? >= ACCOUNT_FAILURES {
        return Err(Error::RateLimited { retry_after_secs });
    }
    Ok(())
}

/// Records a failed sign-in (and logs it).
pub async fn login_failed(app: &Services, email: &str, tenant: Option<&str>, ip: Option<IpAddr>) -> Result<(), Error> {
    let (start, _) = window(app.clock.now(), ACCOUNT_WINDOW_SECS);
    let failures = store::hit(&app.db, &account(email, tenant), &start).await?;
    tracing::warn!(email = email.trim(), tenant = tenant.unwrap_or("*"), ip = ?ip, failures, "sign-in failed");
    if failures == ACCOUNT_FAILURES {
        tracing::warn!(email = email.trim(), tenant = tenant.unwrap_or("*"), "account locked after failed sign-ins");
    }
    Ok(())
}

/// A successful sign-in forgets the account's failures.
pub async fn login_succeeded(app: &Services, email: &str, tenant: Option<&str>) -> Result<(), Error> {
    store::clear(&app.db, &account(email, tenant)).await?;
    Ok(())
}

/// Deletes counters whose window started more than [`KEEP_SECS`] before `now`.
pub async fn purge(app: &Services) -> Result<u64, Error> {
    let before = storage::timestamp(app.clock.now() - time::Duration::seconds(KEEP_SECS));
    Ok(store::purge(&app.db, &before).await?)
}

fn account(email: &str, tenant: Option<&str>) -> String {
    let tenant = tenant.map(str::trim).filter(|t| !t.is_empty()).unwrap_or("*");
    format!("login-account:{}:{}", tenant.to_lowercase(), email.trim().to_lowercase())
}

/// The fixed window of `len` seconds `now` falls in: its start, and the seconds left in it.
fn window(now: OffsetDateTime, len: i64) -> (String, u64) {
    let t = now.unix_timestamp();
    let start = t - t.rem_euclid(len);
    let start_at = OffsetDateTime::from_unix_timestamp(start).unwrap_or(now);
    (storage::timestamp(start_at), (start + len - t).max(1).unsigned_abs())
}

/// What counts as one address: an IPv4 address, or an IPv6 /64 (one subscriber's prefix, which
/// hands out more addresses than any limit could count).
fn network(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_are_fixed_and_say_what_is_left() {
        let at = |s: i64| OffsetDateTime::from_unix_timestamp(s).expect("time");
        // (now, window, start, seconds left)
        let cases = [
            (1_800_000_000, 60, 1_800_000_000, 60),
            (1_800_000_059, 60, 1_800_000_000, 1),
            (1_800_000_061, 60, 1_800_000_060, 59),
            (1_800_000_100, 900, 1_800_000_000, 800),
        ];
        for (now, len, start, left) in cases {
            assert_eq!(window(at(now), len), (storage::timestamp(at(start)), left), "{now} in {len}");
        }
    }

    #[test]
    fn addresses_count_by_ipv4_or_ipv6_prefix() {
        let cases = [
            ("203.0.113.7", "203.0.113.7"),
            ("::ffff:203.0.113.7", "203.0.113.7"),
            ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
            ("2001:db8:1:2:bbbb::9", "2001:db8:1:2::/64"),
        ];
        for (ip, key) in cases {
            assert_eq!(network(ip.parse().expect("ip")), key);
        }
    }

    #[test]
    fn account_keys_ignore_case_and_blank_tenants() {
        assert_eq!(account(" Alice@X.test ", None), account("alice@x.test", Some(" ")));
        assert_ne!(account("alice@x.test", Some("acme")), account("alice@x.test", None));
    }
}
