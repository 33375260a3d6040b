"""Sanic: core has app.ctx/request.ctx only; Sanic Extensions injects by type and Dishka adds scopes with cleanup."""

FRAMEWORK = "sanic"
CRITERION = "dependency-injection"
SHOWS = "claim"
REQUIRES = ["sanic-testing==24.6.0", "sanic-ext==25.12.0", "pydantic==2.14.3", "dishka==1.10.1"]

from collections.abc import AsyncIterator

from dishka import Provider, Scope, make_async_container, provide
from dishka.integrations.sanic import FromDishka, SanicProvider, inject, setup_dishka
from sanic import Request, Sanic
from sanic.response import text

events = []
app = Sanic("probe_di", configure_logging=False)


@app.before_server_start
async def setup(app):
    app.ctx.db = "shared-db"  # core: a namespace the app fills and handlers read


@app.on_request
async def attach_user(request):
    request.ctx.user = request.headers.get("x-user", "anon")


@app.get("/core")
async def core(request):
    return text(f"{request.app.ctx.db} for {request.ctx.user}")


class Repo:
    def __init__(self, user):
        self.user = user


def make_repo(request: Request) -> Repo:  # constructors get the request by its annotation
    return Repo(request.headers.get("x-user", "anon"))


app.ext.add_dependency(Repo, make_repo)  # sanic-ext: any handler parameter annotated Repo is built per request


@app.get("/ext")
async def ext(request, repo: Repo):
    return text(f"repo for {repo.user}")


class Session:
    def __init__(self, path):
        self.path = path


class AppProvider(Provider):
    @provide(scope=Scope.REQUEST)
    async def session(self, request: Request) -> AsyncIterator[Session]:
        events.append("open")
        yield Session(request.path)
        events.append("close")


@app.get("/dishka")
@inject
async def dishka(request, session: FromDishka[Session]):
    return text(f"session for {session.path}")


setup_dishka(make_async_container(AppProvider(), SanicProvider()), app)

bodies = [app.test_client.get(path, headers={"x-user": "ada"})[1].text for path in ("/core", "/ext", "/dishka")]
print(bodies, "| dishka scope:", events)
assert bodies == ["shared-db for ada", "repo for ada", "session for /dishka"]
assert events[-2:] == ["open", "close"] and events.count("open") == events.count("close")
