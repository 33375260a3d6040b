"""FastAPI: TestClient runs the app in-process (HTTP, WebSocket, lifespan); dependency_overrides swaps dependencies."""

FRAMEWORK = "fastapi"
CRITERION = "testing-support"
SHOWS = "presence"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2"]

from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI, WebSocket
from fastapi.testclient import TestClient

events = []


@asynccontextmanager
async def lifespan(app):
    events.append("startup")
    yield
    events.append("shutdown")


app = FastAPI(lifespan=lifespan)


def real_db():
    raise RuntimeError("would connect to a real database")


DB = Depends(real_db)


@app.get("/user")
def user(db=DB):
    return {"user": db}


@app.websocket("/ws")
async def ws(websocket: WebSocket):
    await websocket.accept()
    await websocket.send_text("echo:" + await websocket.receive_text())
    await websocket.close()


app.dependency_overrides[real_db] = lambda: "fake-user"
with TestClient(app) as client:
    assert events == ["startup"]
    r = client.get("/user")
    with client.websocket_connect("/ws") as s:
        s.send_text("hi")
        reply = s.receive_text()
print("http:", r.status_code, r.json(), "ws:", reply, "lifespan:", events)
assert r.json() == {"user": "fake-user"} and reply == "echo:hi"
assert events == ["startup", "shutdown"]
