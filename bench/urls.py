"""The site's URLs plus `/__bench/bare/<name>`: a Django view that returns stored bytes and does nothing else.

It runs through the same middleware as every page, so the ratio of a page's
latency to this view's, for the same bytes, is what the page's own work costs.
"""

import os
from functools import cache
from pathlib import Path

from django.http import FileResponse, Http404, HttpResponse
from django.urls import path

from comparesite.urls import urlpatterns as site_urlpatterns

REFERENCES = Path(os.environ.get("BENCH_REFERENCE_DIR", "/nonexistent"))
# Bodies above this size are streamed from the file, as the dataset dump is.
IN_MEMORY_LIMIT = 8 * 1024 * 1024


@cache
def reference(name: str) -> tuple[bytes | None, str]:
    file = REFERENCES / name
    if not file.is_file():
        raise Http404(name)
    content_type = (REFERENCES / f"{name}.type").read_text().strip()
    return (file.read_bytes() if file.stat().st_size <= IN_MEMORY_LIMIT else None), content_type


def bare(request, name):
    body, content_type = reference(name)
    response = (
        HttpResponse(body, content_type=content_type)
        if body is not None
        else FileResponse((REFERENCES / name).open("rb"), content_type=content_type)
    )
    response["Cache-Control"] = "private"  # measured as a view, never answered by the reader cache
    return response


urlpatterns = [path("__bench/bare/<slug:name>", bare), *site_urlpatterns]
