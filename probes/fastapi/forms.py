"""FastAPI: Form() parameters and Form-annotated Pydantic models parse and validate posts; nothing renders forms."""

FRAMEWORK = "fastapi"
CRITERION = "forms"
SHOWS = "claim"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2", "python-multipart==0.0.34"]

import importlib.util
from typing import Annotated

from fastapi import FastAPI, File, Form, UploadFile
from fastapi.testclient import TestClient
from pydantic import BaseModel, Field

app = FastAPI()


class Signup(BaseModel):
    username: str = Field(min_length=3)
    age: int


@app.post("/login")
def login(username: Annotated[str, Form()], password: Annotated[str, Form()]):
    return {"username": username, "password_length": len(password)}


@app.post("/signup")
def signup(data: Annotated[Signup, Form()]):
    return data


@app.post("/upload")
async def upload(note: Annotated[str, Form()], file: Annotated[UploadFile, File()]):
    return {"note": note, "name": file.filename, "size": len(await file.read())}


client = TestClient(app)
login_r = client.post("/login", data={"username": "ann", "password": "secret"})
good = client.post("/signup", data={"username": "ann", "age": "31"})
bad = client.post("/signup", data={"username": "a", "age": "old"})
up = client.post("/upload", data={"note": "n"}, files={"file": ("a.txt", b"hello")})
print("login:", login_r.json(), "signup:", good.status_code, good.json(), "upload:", up.json())
print("invalid:", bad.status_code, [(e["loc"], e["type"]) for e in bad.json()["detail"]])
assert login_r.json() == {"username": "ann", "password_length": 6}
assert good.json() == {"username": "ann", "age": 31}
assert bad.status_code == 422 and {tuple(e["loc"]) for e in bad.json()["detail"]} == {
    ("body", "username"),
    ("body", "age"),
}
assert up.json() == {"note": "n", "name": "a.txt", "size": 5}
# The limit: no form classes, widgets or HTML rendering in the package.
absent = [m for m in ("fastapi.forms", "fastapi.widgets") if importlib.util.find_spec(m) is None]
print("absent modules:", absent)
assert len(absent) == 2
