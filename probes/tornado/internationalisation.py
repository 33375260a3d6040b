"""Tornado: tornado.locale translates CSV catalogues, picks the browser locale, localizes dates, not numbers."""

FRAMEWORK = "tornado"
CRITERION = "internationalisation"
SHOWS = "claim"
REQUIRES = []

import asyncio
import datetime
import pathlib
import tempfile
import time

import tornado.locale
from tornado.httpclient import AsyncHTTPClient
from tornado.httpserver import HTTPServer
from tornado.template import DictLoader
from tornado.testing import bind_unused_port
from tornado.web import Application, RequestHandler

catalogues = pathlib.Path(tempfile.mkdtemp())
(catalogues / "es_ES.csv").write_text(
    '"Hello","Hola"\n'
    '"%(num)d book","%(num)d libro","singular"\n'
    '"%(num)d books","%(num)d libros","plural"\n'
    '"%(month_name)s %(day)s, %(year)s","%(day)s de %(month_name)s de %(year)s"\n'
    '"March","marzo"\n'
    '"1 minute ago","hace 1 minuto","singular"\n'
    '"%(minutes)d minutes ago","hace %(minutes)d minutos","plural"\n',
    encoding="utf-8",
)
tornado.locale.load_translations(str(catalogues))
tornado.locale.set_default_locale("en_US")
print("supported locales:", sorted(tornado.locale.get_supported_locales()))

PAGE = "{{ _('Hello') }} | {{ _('%(num)d book', '%(num)d books', 3) % {'num': 3} }} | {{ date }} | {{ ago }} | {{ n }}"


class Page(RequestHandler):
    def get(self):  # self.locale comes from get_user_locale(), else from Accept-Language
        date = self.locale.format_date(datetime.datetime(2026, 3, 1, 12, 0), full_format=True, shorter=True)
        ago = self.locale.format_date(time.time() - 130)  # relative by default
        self.render("page.html", date=date, ago=ago, n=self.locale.friendly_number(1234567))


async def main():
    sock, port = bind_unused_port()
    server = HTTPServer(Application([(r"/", Page)], template_loader=DictLoader({"page.html": PAGE})))
    server.add_sockets([sock])
    fetch = AsyncHTTPClient().fetch
    out = {}
    for lang in ("es-ES,es;q=0.9", "en-US", "fr-FR"):
        out[lang] = (await fetch(f"http://127.0.0.1:{port}/", headers={"Accept-Language": lang})).body.decode()
        print(f"{lang}: {out[lang]}")
    server.stop()
    assert out["es-ES,es;q=0.9"] == "Hola | 3 libros | 1 de marzo de 2026 | hace 2 minutos | 1234567"
    assert out["en-US"] == out["fr-FR"] == "Hello | 3 books | March 1, 2026 | 2 minutes ago | 1,234,567"


asyncio.run(main())
