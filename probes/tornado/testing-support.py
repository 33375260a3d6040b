"""Tornado: tornado.testing ships AsyncHTTPTestCase with self.fetch, @gen_test coroutine tests and ExpectLog."""

FRAMEWORK = "tornado"
CRITERION = "testing-support"
SHOWS = "presence"
REQUIRES = []

import logging
import unittest

from tornado.testing import AsyncHTTPTestCase, ExpectLog, gen_test
from tornado.web import Application, RequestHandler


class Hello(RequestHandler):
    def get(self):
        self.write("hi " + self.get_argument("name"))


class Boom(RequestHandler):
    def get(self):
        raise RuntimeError("boom")


class AppTest(AsyncHTTPTestCase):
    def get_app(self):
        return Application([(r"/", Hello), (r"/boom", Boom)])

    def test_fetch(self):
        r = self.fetch("/?name=probe")
        self.assertEqual((r.code, r.body), (200, b"hi probe"))

    @gen_test
    async def test_coroutine(self):
        r = await self.http_client.fetch(self.get_url("/?name=co"))
        self.assertEqual(r.body, b"hi co")

    def test_expect_log(self):
        with ExpectLog(logging.getLogger("tornado.application"), "Uncaught exception"):
            r = self.fetch("/boom")
        self.assertEqual(r.code, 500)


result = unittest.TextTestRunner(verbosity=2).run(unittest.defaultTestLoader.loadTestsFromTestCase(AppTest))
print("tests run:", result.testsRun, "failures:", len(result.failures), "errors:", len(result.errors))
assert result.testsRun == 3 and result.wasSuccessful()
