#!/usr/bin/env python3
"""A host site for trying the widget by hand against `make run` (demo data).

    python3 scripts/widget-demo.py [--port 8000] [--baton http://127.0.0.1:8080]

Serves http://127.0.0.1:PORT/ — a shop page with the loader tag. Every page load signs a fresh
SSO token for a demo shop user with the demo tenant's SSO secret, as a host's server would (the
secret never reaches the browser). The demo tenant allows http://127.0.0.1:8000 and
http://localhost:8000 to embed the widget; for another port, an admin sets the origins
(PUT /api/v1/admin/sso/origins). Standard library only.
"""
import argparse, base64, hashlib, hmac, html, json, secrets, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# Public demo secret (crates/server/src/demo.rs): never use it for a real tenant.
DEMO_SECRET = "baton-demo-sso-secret-NOT-FOR-PRODUCTION"


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def sign(claims: dict) -> str:
    head = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    body = b64(json.dumps(claims).encode())
    mac = hmac.new(DEMO_SECRET.encode(), f"{head}.{body}".encode(), hashlib.sha256).digest()
    return f"{head}.{body}.{b64(mac)}"


PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Demo shop</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; margin: 2rem">
<h1>Demo shop</h1>
<p>Signed in on this shop as <b>{name}</b>. The support button is Baton's widget.</p>
<p><button type="button" onclick="Baton.prefill({{title: 'Order 1042 never arrived'}}); Baton.open()">
Report a missing order</button></p>
<ol id="log"></ol>
<script>
['opened', 'closed', 'ticket-created', 'token-expired', 'sign-in-failed'].forEach(function (n) {{
  window.addEventListener('baton:' + n, function (e) {{
    var li = document.createElement('li');
    li.textContent = n + ' ' + JSON.stringify(e.detail);
    document.getElementById('log').appendChild(li);
  }});
}});
</script>
<script src="{baton}/widget.js" data-tenant="demo" data-token="{token}" async></script>
</body></html>"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--baton", default="http://127.0.0.1:8080")
    args = parser.parse_args()
    baton = args.baton.rstrip("/")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path != "/":
                self.send_error(404)
                return
            name = "Hana Host"
            token = sign({"sub": "demo-shop-1", "email": "hana@shop.test", "name": name,
                          "exp": int(time.time()) + 300, "jti": secrets.token_hex(8)})
            body = PAGE.format(name=html.escape(name), baton=html.escape(baton), token=token).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    print(f"Demo shop on http://127.0.0.1:{args.port}/ embedding {baton}/widget.js")
    ThreadingHTTPServer(("127.0.0.1", args.port), Handler).serve_forever()


if __name__ == "__main__":
    main()
