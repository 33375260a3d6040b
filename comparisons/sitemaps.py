from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from . import selectors
from .models import Criterion, Framework


class PageSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return ["home", "framework-list", "criterion-list", "comparison-list", "fit", "changes"]

    def location(self, item):
        return reverse(f"comparisons:{item}")


class FrameworkSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Framework.objects.published().only("slug", "updated_at").order_by("slug")

    def lastmod(self, framework):
        return framework.updated_at


class CriterionSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Criterion.objects.published().only("slug", "updated_at").order_by("slug")

    def lastmod(self, criterion):
        return criterion.updated_at


class ComparisonSitemap(Sitemap):
    """The compare pages that carry an editor-written comparison."""

    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return selectors.published_comparisons().order_by("slug")

    def lastmod(self, comparison):
        return comparison.updated_at


SITEMAPS = {
    "pages": PageSitemap,
    "frameworks": FrameworkSitemap,
    "criteria": CriterionSitemap,
    "comparisons": ComparisonSitemap,
}
