"""Visibility rules and the prefetching that pages and the API share.

Managers are built with `QuerySet.as_manager()`, which also copies
`get_by_natural_key` onto them: fixtures and the dataset refer to rows by slug.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone

from .choices import ComparisonStatus


def stale_before() -> datetime.date:
    """Assessments last reviewed before this date need a new review."""
    return timezone.localdate() - datetime.timedelta(days=settings.ASSESSMENT_STALE_AFTER_DAYS)


class SlugQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class FrameworkQuerySet(SlugQuerySet):
    def published(self):
        return self.filter(is_published=True)


class CriterionQuerySet(SlugQuerySet):
    def published(self):
        return self.filter(is_published=True)

    def in_display_order(self):
        return self.select_related("group").order_by("group__position", "group__name", "position", "name")


class AssessmentQuerySet(models.QuerySet):
    def get_by_natural_key(self, framework_slug, criterion_slug):
        return self.get(framework__slug=framework_slug, criterion__slug=criterion_slug)

    def published(self):
        """Cells whose framework and criterion are both public."""
        return self.filter(framework__is_published=True, criterion__is_published=True)

    def stale(self):
        return self.filter(last_reviewed__lt=stale_before())

    def with_related(self):
        return self.select_related("framework", "criterion", "criterion__group").prefetch_related(
            "sources", "extensions"
        )


class SourceQuerySet(models.QuerySet):
    def get_by_natural_key(self, framework_slug, criterion_slug, url):
        return self.get(assessment__framework__slug=framework_slug, assessment__criterion__slug=criterion_slug, url=url)


class ComparisonQuerySet(SlugQuerySet):
    def published(self):
        """Published comparisons whose frameworks are all public too."""
        return self.filter(status=ComparisonStatus.PUBLISHED, published_at__isnull=False).exclude(
            frameworks__is_published=False
        )


class ComparisonPointQuerySet(models.QuerySet):
    def get_by_natural_key(self, comparison_slug, criterion_slug):
        return self.get(comparison__slug=comparison_slug, criterion__slug=criterion_slug)

    def published(self):
        """Points on public criteria: a draft criterion never shows through a comparison."""
        return self.filter(criterion__is_published=True)

    def for_display(self):
        return self.select_related("criterion", "edge_framework").order_by("position", "criterion__slug")
