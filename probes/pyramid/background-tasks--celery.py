"""Pyramid + pyramid_tasks: Celery set up from the app settings; request.defer_task() runs a task with a request."""

FRAMEWORK = "pyramid"
CRITERION = "background-tasks"
SHOWS = "claim"
REQUIRES = ["pyramid_tasks==0.4.0", "celery==5.7.0"]

from pyramid.config import Configurator
from pyramid.request import Request as PyramidRequest
from webob import Request

ran = []


def send_welcome(request, name):
    # The worker side: pyramid_tasks builds a fresh Pyramid request, with the app's registry and settings.
    ran.append((name, request))
    return f"welcome mail for {name} from {request.registry.settings['mail.sender']}"


def signup(request):
    result = request.defer_task(send_welcome, request.matchdict["name"])
    return {"task_id": result.id, "state": result.state, "result": result.get(timeout=5)}


settings = {
    "mail.sender": "noreply@example.com",
    # Settings prefixed "celery." go to Celery (strings are coerced); eager mode runs tasks inline, no broker.
    "celery.task_always_eager": "true",
    "celery.task_eager_propagates": "true",
}
with Configurator(settings=settings) as config:
    config.include("pyramid_tasks")
    config.register_task(send_welcome, name="send_welcome")
    config.add_route("signup", "/signup/{name}")
    config.add_view(signup, route_name="signup", renderer="json", request_method="POST")
    app = config.make_wsgi_app()
    celery_app = config.make_celery_app()

print("make_celery_app():", type(celery_app), "| task_always_eager:", celery_app.conf.task_always_eager)
print("registered task 'send_welcome':", "send_welcome" in celery_app.tasks)
assert celery_app.conf.task_always_eager is True and "send_welcome" in celery_app.tasks

response = Request.blank("/signup/ann", method="POST").get_response(app)
print("POST /signup/ann:", response.status_int, response.json)
assert response.status_int == 200 and response.json["state"] == "SUCCESS"
assert response.json["result"] == "welcome mail for ann from noreply@example.com"

print("task ran", len(ran), "time(s):", [(name, type(task_request), task_request.path) for name, task_request in ran])
assert len(ran) == 1
name, task_request = ran[0]
assert name == "ann" and isinstance(task_request, PyramidRequest)
print("task request shares the app's registry:", task_request.registry is app.registry)
assert task_request.registry is app.registry
