"""Pyramid + RQ: a view enqueues a job on an RQ queue and a worker runs it; Pyramid has no task API of its own."""

FRAMEWORK = "pyramid"
CRITERION = "background-tasks"
SHOWS = "claim"
REQUIRES = ["rq==3.0.0", "fakeredis==2.41.0"]

import os
import pkgutil
import sys
import tempfile

import pyramid
from fakeredis import FakeStrictRedis  # an in-process Redis stand-in: no server, no network
from pyramid.config import Configurator
from rq import Queue, SimpleWorker
from webob import Request

core = [m.name for m in pkgutil.walk_packages(pyramid.__path__, "pyramid.") if "task" in m or "queue" in m]
print("task/queue modules in pyramid:", core)
assert core == []

redis = FakeStrictRedis()
queue = Queue("mail", connection=redis)

# RQ workers import jobs by dotted path, so the job lives in its own module, as in a real project.
jobs_dir = tempfile.mkdtemp()
with open(os.path.join(jobs_dir, "mail_jobs.py"), "w") as f:
    f.write("def send_welcome(name):\n    return f'welcome mail for {name}'\n")
sys.path.insert(0, jobs_dir)
from mail_jobs import send_welcome


def signup(request):
    return {"job": queue.enqueue(send_welcome, request.matchdict["name"]).id}


with Configurator() as config:
    config.add_route("signup", "/signup/{name}")
    config.add_view(signup, route_name="signup", renderer="json", request_method="POST")
    app = config.make_wsgi_app()

job = queue.fetch_job(Request.blank("/signup/ann", method="POST").get_response(app).json["job"])
print("after the request:", job.get_status())
assert job.get_status() == "queued"
SimpleWorker([queue], connection=redis).work(burst=True)
print("after the worker:", job.get_status(refresh=True), job.return_value())
assert job.return_value() == "welcome mail for ann"
