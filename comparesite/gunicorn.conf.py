"""gunicorn's settings for `make serve`, read from the environment like Django's.

GUNICORN_BIND    address to listen on (default 127.0.0.1:8000; a load balancer reaches 0.0.0.0:PORT)
WEB_CONCURRENCY  worker processes (default: two per CPU core, plus one)
GUNICORN_FORWARDED_ALLOW_IPS  proxies whose X-Forwarded-* headers gunicorn believes (default 127.0.0.1)
"""

import gc
import multiprocessing
import os

from django.conf import settings as django_settings

bind = os.environ.get("GUNICORN_BIND") or "127.0.0.1:8000"
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
worker_class = "sync"
# Load Django once in the master, so workers share its memory pages and start fast.
preload_app = True
timeout = 30
graceful_timeout = 20
keepalive = 5
# Readers' weights live in the URL (?w-forms=3&...): allow the longest request line gunicorn
# takes, the 8 KB that load balancers and CDNs commonly allow too.
limit_request_line = 8190
# Recycle workers now and then, so a slow leak can never grow without bound.
max_requests = 5000
max_requests_jitter = 500
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS") or "127.0.0.1"
# gunicorn turns a trusted proxy's X-Forwarded-Proto into wsgi.url_scheme, which Django reads as
# the request's scheme. Believe it only when Django is told to (DJANGO_SECURE_PROXY_SSL_HEADER):
# otherwise a client on the same host could make a plain request pass for HTTPS.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "comparesite.settings")
if not getattr(django_settings, "SECURE_PROXY_SSL_HEADER", None):
    secure_scheme_headers = {}
# Requests are logged by Django (comparesite.middleware.RequestLogMiddleware) as JSON.
accesslog = None
errorlog = "-"
loglevel = "info"
# No control socket: it lives at one path per user, so two instances on one host would collide.
control_socket_disable = True


def when_ready(server):
    """The app is loaded in the master: what it allocated is never garbage, so the collector skips it.

    Frozen objects stay out of every worker's collections (and their memory pages
    stay shared with the master instead of being touched and copied).
    """
    gc.collect()
    gc.freeze()
