from .models import DataCredit


def data_credits(request) -> dict:
    """The licences of third-party data on the site, for the footer's credit (read only if a page shows it)."""
    return {"data_credits": DataCredit.objects.all}
