"""Bottle + RQ: a route enqueues a job on an RQ queue and a worker runs it; Bottle needs no glue."""

FRAMEWORK = "bottle"
CRITERION = "background-tasks"
SHOWS = "claim"
REQUIRES = ["rq==3.0.0", "fakeredis==2.41.0"]

import io
import json
import os
import sys
import tempfile
from wsgiref.util import setup_testing_defaults

import bottle
from fakeredis import FakeStrictRedis  # an in-process Redis stand-in: no server, no network
from rq import Queue, SimpleWorker

redis = FakeStrictRedis()
queue = Queue("mail", connection=redis)
app = bottle.Bottle()

# RQ workers import jobs by dotted path, so the job lives in its own module, as in a real project.
jobs_dir = tempfile.mkdtemp()
with open(os.path.join(jobs_dir, "mail_jobs.py"), "w") as f:
    f.write("def send_welcome(name):\n    return f'welcome mail for {name}'\n")
sys.path.insert(0, jobs_dir)
from mail_jobs import send_welcome


@app.post("/signup/<name>")
def signup(name):
    job = queue.enqueue(send_welcome, name)
    return {"job": job.id}


environ = {"REQUEST_METHOD": "POST", "PATH_INFO": "/signup/ann", "wsgi.input": io.BytesIO()}
setup_testing_defaults(environ)
job_id = json.loads(b"".join(app(environ, lambda *a: None)))["job"]
job = queue.fetch_job(job_id)
print("after the request:", job.get_status(), "queued jobs:", len(queue))
assert job.get_status() == "queued"

SimpleWorker([queue], connection=redis).work(burst=True)
print("after the worker:", job.get_status(refresh=True), job.return_value())
assert job.return_value() == "welcome mail for ann"
