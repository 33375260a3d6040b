"""Flask: core has no WebSocket route; Flask-Sock echoes messages over a real loopback WebSocket."""

FRAMEWORK = "flask"
CRITERION = "websockets"
SHOWS = "claim"
REQUIRES = ["flask-sock==0.7.0", "simple-websocket==1.1.0"]

import threading

import simple_websocket
from flask import Flask
from flask_sock import Sock
from werkzeug.serving import make_server

print("Flask.websocket:", hasattr(Flask, "websocket"))
assert not hasattr(Flask, "websocket")

app = Flask(__name__)
sock = Sock(app)


@sock.route("/echo")
def echo(ws):
    while True:
        ws.send("echo:" + ws.receive())


server = make_server("127.0.0.1", 0, app, threaded=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
client = simple_websocket.Client.connect(f"ws://127.0.0.1:{server.server_port}/echo")
replies = []
for word in ("one", "two"):
    client.send(word)
    replies.append(client.receive(timeout=10))
client.close()
server.shutdown()
print("replies:", replies)
assert replies == ["echo:one", "echo:two"]
