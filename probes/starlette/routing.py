"""Starlette: Route/Mount/Host/WebSocketRoute lists, built-in and custom convertors, reversal through nested mounts."""

FRAMEWORK = "starlette"
CRITERION = "routing"
SHOWS = "presence"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2"]

import uuid

from starlette.applications import Starlette
from starlette.convertors import Convertor, register_url_convertor
from starlette.endpoints import HTTPEndpoint
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Host, Mount, Route, WebSocketRoute
from starlette.testclient import TestClient


class YearConvertor(Convertor):
    regex = "[0-9]{4}"

    def convert(self, value):
        return int(value)

    def to_string(self, value):
        return f"{value:04d}"


register_url_convertor("year", YearConvertor())


async def user(request):
    p = request.path_params
    return JSONResponse({"id": p["user_id"], "self": str(request.url_for("api:v1:user", user_id=p["user_id"]))})


async def show(request):
    return JSONResponse({k: str(v) for k, v in request.path_params.items()})


class Item(HTTPEndpoint):
    async def get(self, request):
        return PlainTextResponse("get")

    async def post(self, request):
        return PlainTextResponse("post")


async def ws(websocket):
    await websocket.accept()
    await websocket.send_text("ws")
    await websocket.close()


api = [Route("/users/{user_id:int}", user, name="user"), Route("/item", Item)]
app = Starlette(
    routes=[
        Host("admin.example", PlainTextResponse("admin host"), name="admin"),
        Mount("/api", routes=[Mount("/v1", routes=api, name="v1")], name="api"),
        Route("/f/{p:path}", show),
        Route("/u/{u:uuid}", show),
        Route("/n/{x:float}", show),
        Route("/archive/{y:year}", show, name="archive"),
        WebSocketRoute("/ws", ws),
    ]
)
c = TestClient(app)
tok = uuid.uuid4()
out = {
    "user": c.get("/api/v1/users/5").json(),
    "user_not_int": c.get("/api/v1/users/abc").status_code,
    "endpoint": (c.get("/api/v1/item").text, c.post("/api/v1/item").text, c.delete("/api/v1/item").status_code),
    "path": c.get("/f/a/b.txt").json(),
    "uuid": c.get(f"/u/{tok}").json() == {"u": str(tok)},
    "float": c.get("/n/1.5").json(),
    "custom": c.get("/archive/2024").json(),
    "host": c.get("/", headers={"Host": "admin.example"}).text,
    "reverse": (app.url_path_for("api:v1:user", user_id=9), app.url_path_for("archive", y=7)),
}
with c.websocket_connect("/ws") as s:
    out["ws"] = s.receive_text()
print(out)
assert out["user"] == {"id": 5, "self": "http://testserver/api/v1/users/5"} and out["user_not_int"] == 404
assert out["endpoint"] == ("get", "post", 405) and out["path"] == {"p": "a/b.txt"} and out["uuid"]
assert out["float"] == {"x": "1.5"} and out["custom"] == {"y": "2024"} and out["host"] == "admin host"
assert out["reverse"] == ("/api/v1/users/9", "/archive/0007") and out["ws"] == "ws"
