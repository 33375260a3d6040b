from django.contrib.syndication.views import Feed
from django.urls import reverse, reverse_lazy
from django.utils.feedgenerator import Atom1Feed

from . import changelog, selectors

FEED_LENGTH = 30


class RecentlyUpdatedFeed(Feed):
    """Comparisons and assessments, newest change first: what changed in the knowledge base."""

    feed_type = Atom1Feed
    title = "comparesite: recently updated"
    subtitle = "Comparisons and assessments of web frameworks, as editors update them."
    link = reverse_lazy("comparisons:home")

    def items(self):
        comparisons = list(selectors.published_comparisons().order_by("-updated_at")[:FEED_LENGTH])
        assessments = list(selectors.recently_updated_assessments(FEED_LENGTH))
        changes = sorted(comparisons + assessments, key=lambda item: item.updated_at, reverse=True)
        return changes[:FEED_LENGTH]

    def item_title(self, item):
        if hasattr(item, "tldr"):
            return f"Comparison: {item.title}"
        return f"{item.framework.name} · {item.criterion.name}: {item.get_support_level_display()}"

    def item_description(self, item):
        return item.tldr_html if hasattr(item, "tldr") else item.summary

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        return f"{item._meta.model_name}-{item.pk}-{item.updated_at.isoformat()}"

    item_guid_is_permalink = False

    def item_updateddate(self, item):
        return item.updated_at

    def item_pubdate(self, item):
        return getattr(item, "published_at", None) or item.created_at


class ChangesFeed(Feed):
    """The public changelog as a feed: every change to published content, newest first."""

    feed_type = Atom1Feed
    title = "comparesite: changes"
    subtitle = "Every change to the published knowledge base."
    link = reverse_lazy("comparisons:changes")

    def items(self):
        return changelog.recent_changes(limit=FEED_LENGTH)

    def item_title(self, change):
        return f"{change.kind}: {change.title}"

    def item_description(self, change):
        return change.description

    def item_link(self, change):
        return change.url or reverse("comparisons:changes")

    def item_guid(self, change):
        return f"{change.title}-{change.when.isoformat()}"

    item_guid_is_permalink = False

    def item_pubdate(self, change):
        return change.when
