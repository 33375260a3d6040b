"""Falcon: middleware puts the caller on req.context and a @falcon.before hook enforces a role; no sessions in core."""

FRAMEWORK = "falcon"
CRITERION = "authentication-and-permissions"
SHOWS = "claim"
REQUIRES = []

import falcon
import falcon.testing

TOKENS = {"t-admin": {"name": "ada", "roles": {"admin"}}, "t-user": {"name": "bob", "roles": set()}}


class TokenAuth:
    def process_request(self, req, resp):
        token = (req.auth or "").removeprefix("Bearer ")
        req.context.user = TOKENS.get(token)
        if req.context.user is None:
            raise falcon.HTTPUnauthorized(title="Login required", challenges=["Bearer"])


def require(role):
    def hook(req, resp, resource, params):
        if role not in req.context.user["roles"]:
            raise falcon.HTTPForbidden(description=f"needs {role}")

    return hook


class Reports:
    @falcon.before(require("admin"))
    def on_get(self, req, resp):
        resp.media = {"for": req.context.user["name"]}


app = falcon.App(middleware=[TokenAuth()])
app.add_route("/reports", Reports())
client = falcon.testing.TestClient(app)

anon = client.simulate_get("/reports")
print("no token:", anon.status, anon.headers.get("WWW-Authenticate"))
assert anon.status_code == 401 and anon.headers["WWW-Authenticate"] == "Bearer"
user = client.simulate_get("/reports", headers={"Authorization": "Bearer t-user"})
print("user token:", user.status, user.json)
assert user.status_code == 403
admin = client.simulate_get("/reports", headers={"Authorization": "Bearer t-admin"})
print("admin token:", admin.status, admin.json)
assert admin.json == {"for": "ada"}

no_sessions = [n for n in ("session", "user") if hasattr(falcon.Request, n)]
print("session/user attributes on falcon.Request:", no_sessions)
assert no_sessions == []
