#!/usr/bin/env python3
"""Signs the JWTs spec/conformance/sso.hurl sends (Hurl cannot compute an HMAC).

Usage: sso_tokens.py TENANT SECRET OTHER_SECRET STAFF_EMAIL > vars.env
Prints Hurl variables (name=value), each token fresh: exp relative to now, a jti unique to this
run, so the suite can run again against the same backend. Standard library only.
"""
import base64, hashlib, hmac, json, secrets, sys, time


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def sign(claims: dict, secret: str, alg: str = "HS256") -> str:
    digest = {"HS256": hashlib.sha256, "HS512": hashlib.sha512}[alg]
    head = b64(json.dumps({"alg": alg, "typ": "JWT"}).encode())
    body = b64(json.dumps(claims).encode())
    mac = hmac.new(secret.encode(), f"{head}.{body}".encode(), digest).digest()
    return f"{head}.{body}.{b64(mac)}"


def main() -> None:
    tenant, secret, other_secret, staff = sys.argv[1:5]
    # A letter first: Hurl reads an all-digit variable (e.g. 060926618824) as a number and drops
    # the leading zero, which made a string comparison fail about once in 40 runs.
    run = "r" + secrets.token_hex(6)
    now = int(time.time())

    def claims(n: str, **extra) -> dict:
        c = {"sub": f"conf-{run}", "email": f"conf-{run}@host.test", "name": "Conformance Host User",
             "exp": now + 300, "jti": f"conf-{run}-{n}"}
        c.update(extra)
        return {k: v for k, v in c.items() if v is not None}

    good = claims("1")
    none_head = b64(json.dumps({"alg": "none", "typ": "JWT"}).encode())
    out = {
        "sso_tenant": tenant,
        "sso_run": run,
        "sso_email": good["email"],
        "sso_valid": sign(good, secret),
        "sso_update": sign(claims("2", name="Renamed Host User", customer_group=f"Conf Group {run}"), secret),
        "sso_link": sign(claims("3"), secret),
        "sso_link_expired": sign(claims("4", exp=now - 120), secret),
        "sso_expired": sign(claims("5", exp=now - 120), secret),
        "sso_bad_signature": sign(claims("6"), secret + "-wrong"),
        "sso_other_tenant": sign(claims("7"), other_secret),
        "sso_alg_none": f"{none_head}.{b64(json.dumps(claims('8')).encode())}.",
        "sso_hs512": sign(claims("9"), secret, "HS512"),
        "sso_too_long": sign(claims("10", exp=now + 3600), secret),
        "sso_no_jti": sign(claims("11", jti=None), secret),
        "sso_bad_email": sign(claims("12", email="not-an-email"), secret),
        "sso_staff": sign(claims("13", sub=f"conf-staff-{run}", email=staff), secret),
        # session.hurl's sign-out-everywhere: a user of its own (two sessions of it), since the
        # other files run in parallel with the demo users' sessions.
        "everywhere_1": sign(claims("14", sub=f"conf-all-{run}", email=f"conf-all-{run}@host.test"), secret),
        "everywhere_2": sign(claims("15", sub=f"conf-all-{run}", email=f"conf-all-{run}@host.test"), secret),
    }
    for name, value in out.items():
        print(f"{name}={value}")


if __name__ == "__main__":
    main()
