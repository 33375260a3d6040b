"""Django + Channels: core's ASGI handler refuses WebSocket scopes; a Channels consumer accepts and echoes messages."""

FRAMEWORK = "django"
CRITERION = "websockets"
SHOWS = "claim"
REQUIRES = ["channels==4.3.2", "daphne==4.2.3"]  # channels.testing imports daphne (the channels[daphne] extra)

import asyncio

import django
from django.conf import settings

settings.configure(SECRET_KEY="probe", ALLOWED_HOSTS=["testserver"], ROOT_URLCONF=__name__, INSTALLED_APPS=[])
django.setup()
urlpatterns = []

from channels.generic.websocket import AsyncWebsocketConsumer
from channels.routing import ProtocolTypeRouter, URLRouter
from channels.testing import WebsocketCommunicator
from django.core.asgi import get_asgi_application
from django.urls import path


async def core_handles_websocket():
    async def receive():
        return {"type": "websocket.connect"}

    async def send(message):
        pass

    try:
        await get_asgi_application()({"type": "websocket", "path": "/ws/"}, receive, send)
    except ValueError as exc:
        return str(exc)
    return "accepted"


class Echo(AsyncWebsocketConsumer):
    async def receive(self, text_data=None, bytes_data=None):
        await self.send(text_data=text_data.upper())


application = ProtocolTypeRouter(
    {"http": get_asgi_application(), "websocket": URLRouter([path("ws/echo/", Echo.as_asgi())])}
)


async def main():
    refusal = await core_handles_websocket()
    print("Django's own ASGI handler with a websocket scope:", refusal)
    assert refusal != "accepted"
    communicator = WebsocketCommunicator(application, "/ws/echo/")
    connected, _ = await communicator.connect()
    await communicator.send_to(text_data="hello")
    reply = await communicator.receive_from()
    await communicator.disconnect()
    print("Channels consumer: connected", connected, "reply", reply)
    assert connected and reply == "HELLO"


asyncio.run(main())
