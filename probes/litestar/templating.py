"""Litestar: TemplateConfig with Jinja2, Mako and MiniJinja engines, Template responses, url_for and CSRF helpers."""

FRAMEWORK = "litestar"
CRITERION = "templating"
SHOWS = "claim"
REQUIRES = ["jinja2==3.1.6", "mako==1.4.3", "minijinja==3.0.5"]

import pathlib
import tempfile

from litestar import Litestar, get
from litestar.config.csrf import CSRFConfig
from litestar.response import Template
from litestar.template.config import TemplateConfig
from litestar.testing import TestClient

try:
    from litestar.plugins.jinja import JinjaTemplateEngine
    from litestar.plugins.mako import MakoTemplateEngine
    from litestar.plugins.minijinja import MiniJinjaTemplateEngine
except ImportError:  # releases before 2.22 keep the engines in litestar.contrib
    from litestar.contrib.jinja import JinjaTemplateEngine
    from litestar.contrib.mako import MakoTemplateEngine
    from litestar.contrib.minijinja import MiniJinjaTemplateEngine

tpl = pathlib.Path(tempfile.mkdtemp())
(tpl / "page.html.jinja2").write_text("{{ title }}|{{ url_for('page', slug='a') }}|{{ csrf_input | safe }}")
(tpl / "page.mako").write_text("${title}|${url_for('page', slug='a')}")
(tpl / "page.minijinja").write_text("{{ title }}|{{ url_for('page', slug='a') }}")


def make_app(engine, name):
    @get("/p/{slug:str}", name="page")
    async def page(slug: str) -> Template:
        return Template(template_name=name, context={"title": "<T>"})

    config = TemplateConfig(directory=tpl, engine=engine)
    return Litestar([page], template_config=config, csrf_config=CSRFConfig(secret="s"))


outputs = {}
for engine, name in (
    (JinjaTemplateEngine, "page.html.jinja2"),
    (MakoTemplateEngine, "page.mako"),
    (MiniJinjaTemplateEngine, "page.minijinja"),
):
    with TestClient(make_app(engine, name)) as client:
        r = client.get("/p/x")
        outputs[engine.__name__] = (r.status_code, r.headers["content-type"], r.text)
for k, v in outputs.items():
    print(k, v)
jinja = outputs["JinjaTemplateEngine"]
assert jinja[0] == 200 and jinja[1].startswith("text/html")
assert jinja[2].startswith("&lt;T&gt;|/p/a|") and 'type="hidden"' in jinja[2] and "_csrf_token" in jinja[2]
assert outputs["MakoTemplateEngine"][0] == 200 and outputs["MakoTemplateEngine"][2].endswith("|/p/a")
assert outputs["MiniJinjaTemplateEngine"][0] == 200 and outputs["MiniJinjaTemplateEngine"][2].endswith("|/p/a")
