"""Django: 6.1 requires Python 3.12+, and deprecated behaviour keeps working behind staged warnings before removal."""

FRAMEWORK = "django"
CRITERION = "maturity-and-release-policy"
SHOWS = "claim"
REQUIRES = []

import importlib.metadata
import sys
import warnings

import django
from django.conf import settings

settings.configure()
django.setup()

from django.core.paginator import Paginator
from django.utils import deprecation

meta = importlib.metadata.metadata("django")
pythons = [
    c.rsplit(" ", 1)[1] for c in meta.get_all("Classifier") if c.startswith("Programming Language :: Python :: 3.")
]
print("Django", django.get_version(), "| Requires-Python", meta["Requires-Python"], "| classifiers", pythons)
print("running on", sys.version.split()[0])
assert django.VERSION[0] >= 1 and meta["Requires-Python"] == ">=3.12"
assert {"3.12", "3.13", "3.14"} <= set(pythons)

# Two stages: pending in one feature release, a DeprecationWarning in the next, removed after that.
stages = {
    name: cls.__mro__[1].__name__
    for name, cls in vars(deprecation).items()
    if isinstance(cls, type) and issubclass(cls, Warning) and name.startswith("Removed")
}
print("deprecation warning classes:", stages)
assert stages["RemovedInNextVersionWarning"] == "DeprecationWarning"
assert any(base == "PendingDeprecationWarning" for base in stages.values())

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    pages = Paginator(list(range(10)), per_page=3, orphans=3)  # deprecated, still accepted
print("deprecated orphans >= per_page still works:", pages.num_pages, "pages")
for w in caught:
    print(" ", w.category.__name__, "->", w.category.__mro__[1].__name__, ":", w.message)
assert pages.num_pages >= 1
assert any(issubclass(w.category, (DeprecationWarning, PendingDeprecationWarning)) for w in caught)
