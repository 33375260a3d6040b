"""Falcon: the default router compiles the route tree into generated Python source."""

FRAMEWORK = "falcon"
CRITERION = "performance"
SHOWS = "claim"
REQUIRES = []

import falcon
import falcon.testing
from falcon.routing import CompiledRouter


class Item:
    def on_get(self, req, resp, item_id):
        resp.media = {"id": item_id}


app = falcon.App()
app.add_route("/items/{item_id:int}", Item())
app.add_route("/items/{item_id:int}/parts", Item())
router = app._router
print("router class:", type(router).__name__)
assert isinstance(router, CompiledRouter)

result = falcon.testing.TestClient(app).simulate_get("/items/7")
assert result.json == {"id": 7}
source = router.finder_src
print("generated finder source (first lines):")
print("\n".join(source.splitlines()[:12]))
assert source.lstrip().startswith("def find(")
assert "items" in source
