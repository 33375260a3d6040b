"""aiohttp: aiohttp-security plus aiohttp-session provide login (remember), check_authorized and check_permission."""

FRAMEWORK = "aiohttp"
CRITERION = "authentication-and-permissions"
SHOWS = "claim"
REQUIRES = ["aiohttp-security==0.5.0", "aiohttp-session==2.12.1"]

import asyncio

import aiohttp_session
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from aiohttp_security import (
    AbstractAuthorizationPolicy,
    SessionIdentityPolicy,
    check_authorized,
    check_permission,
    remember,
)
from aiohttp_security import setup as setup_security

PERMISSIONS = {"alice": {"read"}}


class Policy(AbstractAuthorizationPolicy):
    async def authorized_userid(self, identity):
        return identity if identity in PERMISSIONS else None

    async def permits(self, identity, permission, context=None):
        return permission in PERMISSIONS.get(identity, set())


async def login(request):
    response = web.Response(text="logged in")
    await remember(request, response, "alice")
    return response


async def me(request):
    return web.Response(text=await check_authorized(request))


async def write(request):
    await check_permission(request, "write")
    return web.Response(text="written")


async def main():
    app = web.Application()
    aiohttp_session.setup(app, aiohttp_session.SimpleCookieStorage())
    setup_security(app, SessionIdentityPolicy(), Policy())
    app.router.add_post("/login", login)
    app.router.add_get("/me", me)
    app.router.add_get("/write", write)
    async with TestClient(TestServer(app)) as client:
        anon = await client.get("/me")
        await client.post("/login")
        logged = await client.get("/me")
        forbidden = await client.get("/write")
        print("anonymous /me:", anon.status, "| after login /me:", logged.status, await logged.text())
        print("missing permission /write:", forbidden.status)
        assert anon.status == 401
        assert logged.status == 200 and await logged.text() == "alice"
        assert forbidden.status == 403


asyncio.run(main())
