"""FastAPI: method decorators, typed path parameters, :path parameters, APIRouter prefixes/tags and url_path_for."""

FRAMEWORK = "fastapi"
CRITERION = "routing"
SHOWS = "presence"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2"]

import uuid

from fastapi import APIRouter, FastAPI, Request
from fastapi.testclient import TestClient

app = FastAPI()
router = APIRouter(prefix="/users", tags=["users"])


@router.get("/{user_id}")
def get_user(user_id: int, request: Request):
    return {"user_id": user_id, "self": str(request.url_for("get_user", user_id=user_id))}


@router.post("/")
def create_user():
    return {"created": True}


@app.get("/files/{file_path:path}")
def read_file(file_path: str):
    return {"file_path": file_path}


@app.get("/tokens/{token}")
def read_token(token: uuid.UUID):
    return {"version": token.version}


app.include_router(router)
client = TestClient(app)
u = client.get("/users/7")
bad = client.get("/users/seven")
wrong_method = client.delete("/users/7")
created = client.post("/users/")
f = client.get("/files/a/b/c.txt")
t = client.get(f"/tokens/{uuid.uuid4()}")
print("user:", u.json(), "bad:", bad.status_code, "delete:", wrong_method.status_code, "post:", created.json())
print("path:", f.json(), "uuid:", t.json(), "reverse:", app.url_path_for("get_user", user_id=3))
assert u.json() == {"user_id": 7, "self": "http://testserver/users/7"}
assert bad.status_code == 422 and wrong_method.status_code == 405 and created.json() == {"created": True}
assert f.json() == {"file_path": "a/b/c.txt"} and t.json() == {"version": 4}
assert app.url_path_for("get_user", user_id=3) == "/users/3"
tags = TestClient(app).get("/openapi.json").json()["paths"]["/users/{user_id}"]["get"]["tags"]
assert tags == ["users"]
