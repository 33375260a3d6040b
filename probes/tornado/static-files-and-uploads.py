"""Tornado: static_path serves files with ranges; request.files buffers uploads in memory; streaming is raw."""

FRAMEWORK = "tornado"
CRITERION = "static-files-and-uploads"
SHOWS = "claim"
REQUIRES = []

import asyncio
import json
import pathlib
import tempfile
import uuid

from tornado.httpclient import AsyncHTTPClient
from tornado.httpserver import HTTPServer
from tornado.testing import bind_unused_port
from tornado.web import Application, RequestHandler, stream_request_body

static = pathlib.Path(tempfile.mkdtemp())
(static / "app.css").write_text("body { color: red }")


class Upload(RequestHandler):
    def post(self):
        f = self.request.files["doc"][0]
        self.write({"name": f.filename, "type": f.content_type, "body": type(f.body).__name__, "size": len(f.body)})


@stream_request_body
class Stream(RequestHandler):
    def prepare(self):
        self.chunks = []

    def data_received(self, chunk):
        self.chunks.append(chunk)

    def post(self):
        raw = b"".join(self.chunks)
        self.write(
            {"chunks": len(self.chunks), "files": len(self.request.files), "raw_is_multipart": raw.startswith(b"--")}
        )


def multipart(size):
    boundary = uuid.uuid4().hex
    head = f'--{boundary}\r\nContent-Disposition: form-data; name="doc"; filename="big.bin"\r\n'
    body = (
        (head + "Content-Type: application/octet-stream\r\n\r\n").encode()
        + b"x" * size
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}


async def main():
    sock, port = bind_unused_port()
    server = HTTPServer(Application([(r"/upload", Upload), (r"/stream", Stream)], static_path=str(static)))
    server.add_sockets([sock])
    fetch, base = AsyncHTTPClient().fetch, f"http://127.0.0.1:{port}"
    r = await fetch(base + "/static/app.css")
    part = await fetch(base + "/static/app.css", headers={"Range": "bytes=0-3"})
    cond = await fetch(base + "/static/app.css", headers={"If-None-Match": r.headers["Etag"]}, raise_error=False)
    print("static:", r.code, r.headers["Content-Type"], r.body, "| range:", part.code, part.body, "| etag:", cond.code)
    assert r.body == b"body { color: red }" and (part.code, part.body) == (206, b"body") and cond.code == 304

    body, headers = multipart(600_000)
    up = await fetch(base + "/upload", method="POST", body=body, headers=headers)
    st = await fetch(base + "/stream", method="POST", body=body, headers=headers)
    print("request.files:", up.body.decode(), "| @stream_request_body:", st.body.decode())
    assert json.loads(up.body) == {
        "name": "big.bin",
        "type": "application/octet-stream",
        "body": "bytes",
        "size": 600000,
    }
    streamed = json.loads(st.body)
    assert streamed["chunks"] > 1 and streamed["files"] == 0 and streamed["raw_is_multipart"]  # decoding is left to you
    server.stop()


asyncio.run(main())
