"""Falcon: set_cookie() defaults to Secure and HttpOnly, takes same_site/partitioned; no signed cookies or sessions."""

FRAMEWORK = "falcon"
CRITERION = "sessions-and-cookies"
SHOWS = "claim"
REQUIRES = []

import inspect
import pkgutil

import falcon
import falcon.testing


class Prefs:
    def on_get(self, req, resp):
        resp.set_cookie("theme", "dark")
        resp.set_cookie("csrf", "t", same_site="Strict", max_age=60, partitioned=True)
        resp.media = {"read": req.cookies.get("lang"), "all": req.get_cookie_values("lang")}


def fetch(app):
    app.add_route("/", Prefs())
    return falcon.testing.TestClient(app).simulate_get("/", headers={"Cookie": "lang=fr; lang=de"})


r = fetch(falcon.App())
print("read:", r.json)
for c in r.cookies.values():
    print("cookie:", c.name, c.value, "Secure" if c.secure else "", "HttpOnly" if c.http_only else "", c.same_site)
theme, csrf = r.cookies["theme"], r.cookies["csrf"]
print("theme secure/httponly/same_site:", theme.secure, theme.http_only, theme.same_site)
assert r.json == {"read": "fr", "all": ["fr", "de"]}
assert theme.secure and theme.http_only and theme.same_site is None  # Secure and HttpOnly unless told otherwise
assert csrf.same_site == "Strict" and csrf.max_age == 60 and csrf.partitioned

dev = falcon.App()
dev.resp_options.secure_cookies_by_default = False  # for local HTTP development
print("secure_cookies_by_default=False:", fetch(dev).cookies["theme"].secure)
assert not fetch(dev).cookies["theme"].secure

params = list(inspect.signature(falcon.Response.set_cookie).parameters)
modules = [m.name for m in pkgutil.walk_packages(falcon.__path__, "falcon.") if not m.name.startswith("falcon.bench")]
print("set_cookie parameters:", params)
print("session/signing modules:", [m for m in modules if any(w in m for w in ("session", "sign"))])
assert not {"secret", "signed", "key"} & set(params)
assert not [m for m in modules if any(w in m for w in ("session", "sign"))]
assert not [n for n in dir(falcon.Request) if "session" in n]
