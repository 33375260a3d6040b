"""Tornado: get_body_argument, request.files and xsrf_form_html() handle forms; arguments stay bytes lists."""

FRAMEWORK = "tornado"
CRITERION = "forms"
SHOWS = "claim"
REQUIRES = []

import asyncio
import json
import uuid

import tornado.web
from tornado.httpclient import AsyncHTTPClient
from tornado.httpserver import HTTPServer
from tornado.testing import bind_unused_port
from tornado.web import Application, RequestHandler


class Form(RequestHandler):
    def get(self):
        self.write(self.xsrf_form_html())

    def check_xsrf_cookie(self):  # the multipart POST below sends no token; XSRF is checked in security-defaults
        pass

    def post(self):
        upload = self.request.files["doc"][0]
        self.write(
            {
                "tags": self.get_body_arguments("tag"),
                "file": [upload.filename, upload.body.decode()],
                "raw": repr(self.request.arguments["tag"]),
            }
        )


async def main():
    sock, port = bind_unused_port()
    server = HTTPServer(Application([(r"/", Form)], xsrf_cookies=True))
    server.add_sockets([sock])
    client = AsyncHTTPClient()
    page = await client.fetch(f"http://127.0.0.1:{port}/")
    print("xsrf_form_html:", page.body.decode())
    assert page.body.startswith(b'<input type="hidden" name="_xsrf" value="')
    b = uuid.uuid4().hex
    parts = [
        f'--{b}\r\nContent-Disposition: form-data; name="tag"\r\n\r\na\r\n',
        f'--{b}\r\nContent-Disposition: form-data; name="tag"\r\n\r\nb\r\n',
        f'--{b}\r\nContent-Disposition: form-data; name="doc"; filename="note.txt"\r\n\r\nfile body\r\n',
        f"--{b}--\r\n",
    ]
    r = await client.fetch(
        f"http://127.0.0.1:{port}/",
        method="POST",
        body="".join(parts),
        headers={"Content-Type": f"multipart/form-data; boundary={b}"},
    )
    data = json.loads(r.body)
    print(r.code, data)
    assert data == {"tags": ["a", "b"], "file": ["note.txt", "file body"], "raw": "[b'a', b'b']"}
    # No form classes in core.
    assert not any(hasattr(tornado.web, n) for n in ("Form", "BaseForm"))
    server.stop()


asyncio.run(main())
