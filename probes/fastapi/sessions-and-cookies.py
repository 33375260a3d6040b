"""FastAPI: Cookie() params, set_cookie(); Starlette's SessionMiddleware: signed, HttpOnly, SameSite=lax session."""

FRAMEWORK = "fastapi"
CRITERION = "sessions-and-cookies"
SHOWS = "claim"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2", "itsdangerous==2.2.0"]

import importlib.metadata
from typing import Annotated

from fastapi import Cookie, FastAPI, Request, Response
from fastapi.testclient import TestClient
from starlette.middleware.sessions import SessionMiddleware

app = FastAPI()
app.add_middleware(SessionMiddleware, secret_key="probe-secret", https_only=True)


@app.get("/login")
def login(request: Request, response: Response):
    request.session["user"] = "ada"
    response.set_cookie("theme", "dark", httponly=True)  # samesite is left to its default
    return {"ok": True}


@app.get("/me")
def me(request: Request, theme: Annotated[str | None, Cookie()] = None):
    return {"user": request.session.get("user"), "theme": theme}


client = TestClient(app, base_url="https://testserver")
set_cookies = client.get("/login").headers.get_list("set-cookie")
print("Set-Cookie:", *set_cookies, sep="\n  ")
theme = next(c for c in set_cookies if c.startswith("theme="))
session = next(c for c in set_cookies if c.startswith("session="))
assert "samesite=lax" in theme.lower() and "httponly" in theme.lower()
assert all(flag in session.lower() for flag in ("httponly", "samesite=lax", "secure"))
print("read back:", client.get("/me").json())
assert client.get("/me").json() == {"user": "ada", "theme": "dark"}

forged = client.cookies["session"].replace("eyJ1c2VyIjogImFkYSJ9", "eyJ1c2VyIjogImV2ZSJ9")  # {"user": "eve"}
other = TestClient(app, base_url="https://testserver", cookies={"session": forged})
print("forged session:", other.get("/me").json())
assert other.get("/me").json()["user"] is None, "a session whose signature does not match is ignored"

requires = importlib.metadata.requires("fastapi")
itsd = [r for r in requires if r.startswith("itsdangerous")]
print("itsdangerous in fastapi's requirements:", itsd)
assert itsd and all("extra ==" in r for r in itsd), "only an optional extra pulls in itsdangerous"
schema = app.openapi()["paths"]["/me"]["get"]["parameters"]
assert schema[0]["in"] == "cookie" and schema[0]["name"] == "theme"
