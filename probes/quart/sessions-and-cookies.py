"""Quart: a signed-cookie session (HttpOnly by default, tampering rejected) and set_cookie() with security flags."""

FRAMEWORK = "quart"
CRITERION = "sessions-and-cookies"
SHOWS = "claim"
REQUIRES = []

import asyncio

from quart import Quart, request, session

app = Quart(__name__)
app.secret_key = "probe-secret"


@app.get("/login")
async def login():
    session["user"] = "ada"
    return "ok"


@app.get("/me")
async def me():
    return session.get("user", "anonymous")


@app.get("/cookie")
async def cookie():
    response = await app.make_response(f"theme={request.cookies.get('theme')}")
    response.set_cookie("pref", "dark", max_age=60, secure=True, httponly=True, samesite="Strict", partitioned=True)
    return response


async def main():
    client = app.test_client()
    r = await client.get("/login")
    set_cookie = r.headers["Set-Cookie"]
    print("session cookie:", set_cookie)
    assert set_cookie.startswith("session=") and "HttpOnly" in set_cookie and "Secure" not in set_cookie
    assert "ada" not in set_cookie.split(";")[0]  # base64 payload plus signature, not the raw value
    print("read back:", await (await client.get("/me")).get_data(as_text=True))
    assert await (await client.get("/me")).get_data(as_text=True) == "ada"

    value = set_cookie.split(";")[0].split("=", 1)[1]
    forged = value[:-4] + ("AAAA" if not value.endswith("AAAA") else "BBBB")
    seen = {}
    for label, cookie_value in (("copied", value), ("tampered", forged)):
        other = app.test_client()
        other.set_cookie("localhost", "session", cookie_value)
        seen[label] = await (await other.get("/me")).get_data(as_text=True)
    print("cookie sent by another client:", seen)
    assert seen == {"copied": "ada", "tampered": "anonymous"}

    r = await client.get("/cookie", headers={"Cookie": "theme=light"})
    print(await r.get_data(as_text=True), "|", r.headers["Set-Cookie"])
    assert await r.get_data(as_text=True) == "theme=light"
    for flag in ("Secure", "HttpOnly", "SameSite=Strict", "Partitioned", "Max-Age=60"):
        assert flag in r.headers["Set-Cookie"], flag


asyncio.run(main())
