"""Pyramid + pyramid_dogpile_cache2: dogpile.cache regions set up from the settings memoise a function per argument."""

FRAMEWORK = "pyramid"
CRITERION = "caching"
SHOWS = "claim"
REQUIRES = ["pyramid_dogpile_cache2==1.3.0", "dogpile.cache==1.5.0"]

from pyramid.config import Configurator
from pyramid_dogpile_cache2 import get_region
from webob import Request

# The region is named at import time, as the decorator needs it; its backend comes from the settings later.
region = get_region("reports")
calls = []


@region.cache_on_arguments()
def report(year):
    calls.append(year)
    return f"report for {year} (computation #{len(calls)})"


settings = {
    "dogpile_cache.regions": "reports",
    "dogpile_cache.backend": "dogpile.cache.memory",
    "dogpile_cache.reports.expiration_time": "300",
}
with Configurator(settings=settings) as config:
    config.include("pyramid_dogpile_cache2")
    config.add_route("report", "/report/{year}")
    config.add_view(lambda request: report(request.matchdict["year"]), route_name="report", renderer="string")
    app = config.make_wsgi_app()

print("region backend:", type(region.backend).__name__, "expiration_time:", region.expiration_time)
assert type(region.backend).__name__ == "MemoryBackend" and region.expiration_time == 300

for year in ["2023", "2024", "2023", "2024", "2023"]:
    response = Request.blank(f"/report/{year}").get_response(app)
    print(f"GET /report/{year}:", response.status_int, response.text)

print("function body ran for:", calls)
assert calls == ["2023", "2024"], "the body should run once per distinct argument"

region.invalidate()
Request.blank("/report/2023").get_response(app)
print("after region.invalidate(), body ran for:", calls)
assert calls == ["2023", "2024", "2023"]
