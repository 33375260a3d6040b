"""FastAPI: fastapi.security gives OAuth2, HTTP Basic and API-key dependencies plus scopes, but no user model."""

FRAMEWORK = "fastapi"
CRITERION = "authentication-and-permissions"
SHOWS = "claim"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2", "python-multipart==0.0.34"]

import importlib.util
from typing import Annotated

import fastapi.security
from fastapi import Depends, FastAPI, HTTPException, Security
from fastapi.security import APIKeyHeader, HTTPBasic, HTTPBasicCredentials, OAuth2PasswordBearer, SecurityScopes
from fastapi.testclient import TestClient

oauth2 = OAuth2PasswordBearer(tokenUrl="token", scopes={"items:read": "Read items"})
basic = HTTPBasic()
api_key = APIKeyHeader(name="X-Key")
app = FastAPI()


def current_user(scopes: SecurityScopes, token: Annotated[str, Depends(oauth2)]):
    granted = {"alice-token": ["items:read"], "bob-token": []}.get(token)
    if granted is None or not set(scopes.scopes) <= set(granted):
        raise HTTPException(status_code=403, detail="missing scope")
    return token.split("-")[0]


@app.get("/items")
def items(user: Annotated[str, Security(current_user, scopes=["items:read"])]):
    return {"user": user}


@app.get("/basic")
def basic_route(creds: Annotated[HTTPBasicCredentials, Depends(basic)]):
    return {"user": creds.username}


@app.get("/key")
def key_route(key: Annotated[str, Depends(api_key)]):
    return {"key": key}


client = TestClient(app)
anon = client.get("/items")
alice = client.get("/items", headers={"Authorization": "Bearer alice-token"})
bob = client.get("/items", headers={"Authorization": "Bearer bob-token"})
b = client.get("/basic", auth=("carol", "pw"))
k = client.get("/key", headers={"X-Key": "k1"})
schemes = client.get("/openapi.json").json()["components"]["securitySchemes"]
print("anon:", anon.status_code, anon.headers.get("www-authenticate"), "alice:", alice.status_code, alice.json())
print("bob:", bob.status_code, "basic:", b.status_code, b.json(), "key:", k.status_code, k.json())
print("openapi security schemes:", sorted(schemes))
assert anon.status_code == 401 and anon.headers.get("www-authenticate") == "Bearer"
assert alice.json() == {"user": "alice"} and bob.status_code == 403
assert b.json() == {"user": "carol"} and k.json() == {"key": "k1"}
assert len(schemes) == 3
# The limit: no user model, user storage or login views in the package.
names = [n for n in dir(fastapi.security) if "user" in n.lower() or "login" in n.lower()]
missing = [m for m in ("fastapi.auth", "fastapi.users", "fastapi.contrib") if importlib.util.find_spec(m) is None]
print("user/login names in fastapi.security:", names, "absent modules:", missing)
assert names == [] and len(missing) == 3
