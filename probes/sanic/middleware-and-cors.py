"""Sanic: on_request/on_response middleware with priorities and blueprint scope; CORS comes from Sanic Extensions."""

FRAMEWORK = "sanic"
CRITERION = "middleware-and-cors"
SHOWS = "claim"
REQUIRES = ["sanic-testing==24.6.0", "sanic-ext==25.12.0", "pydantic==2.14.3"]  # sanic-ext imports pydantic

from sanic import Blueprint, Sanic
from sanic.response import text

PREFLIGHT = {"Origin": "https://app.example", "Access-Control-Request-Method": "POST"}


def make_app(name, with_ext):
    app = Sanic(name, configure_logging=False)
    app.config.AUTO_EXTEND = with_ext  # Sanic loads an installed sanic-ext by itself unless told not to
    app.config.CORS_ORIGINS = "https://app.example"
    app.config.CORS_MAX_AGE = 600

    @app.on_request(priority=1)
    async def second(request):
        request.ctx.order.append("second")

    @app.on_request(priority=10)  # higher priority runs first
    async def first(request):
        request.ctx.order = ["first"]
        if request.path == "/blocked":
            return text("stopped by middleware", status=403)

    @app.on_response
    async def tag(request, response):
        response.headers["X-Wrapped"] = ",".join(getattr(request.ctx, "order", []))

    bp = Blueprint("admin", url_prefix="/admin")

    @bp.on_request  # runs only for the blueprint's routes
    async def admin_only(request):
        return text("admin only", status=401)

    @bp.get("/")
    async def admin(request):
        return text("admin")

    @app.post("/api")
    async def api(request):
        return text("hi")

    @app.get("/blocked")
    async def blocked(request):
        return text("never")

    app.blueprint(bp)
    return app


core = make_app("probe_mw_core", False)
_, r = core.test_client.post("/api")
print("middleware:", r.status, r.headers.get("x-wrapped"), r.text)
assert r.text == "hi" and r.headers["x-wrapped"] == "first,second"
assert core.test_client.get("/blocked")[1].status == 403 and core.test_client.get("/admin/")[1].status == 401
_, bare = core.test_client.options("/api", headers=PREFLIGHT)
print("core preflight:", bare.status, bare.headers.get("access-control-allow-origin"))
assert "access-control-allow-origin" not in bare.headers

ext = make_app("probe_mw_ext", True)
_, pre = ext.test_client.options("/api", headers=PREFLIGHT)
got = {k: v for k, v in pre.headers.items() if k.lower().startswith("access-control")}
print("sanic-ext preflight:", pre.status, got)
assert pre.status == 204 and got["access-control-allow-origin"] == "https://app.example"
assert "POST" in got["access-control-allow-methods"] and got["access-control-max-age"] == "600"
_, r = ext.test_client.post("/api", headers={"Origin": "https://app.example"})
_, other = ext.test_client.post("/api", headers={"Origin": "https://evil.example"})
print("actual request:", r.status, r.headers.get("access-control-allow-origin"), "| other origin:", dict(other.headers))
assert r.headers["access-control-allow-origin"] == "https://app.example"
assert "access-control-allow-origin" not in other.headers
