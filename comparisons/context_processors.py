from .caching import cached_value
from .models import DataCredit


def data_credits(request) -> dict:
    """The licences of third-party data on the site, for every page's footer credit.

    Read only if a page shows them, and kept under the content version: every page has the footer.
    """
    return {"data_credits": lambda: cached_value("data-credits", lambda: list(DataCredit.objects.all()))}
