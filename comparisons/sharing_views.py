"""Pages and images for sharing and embedding: badges, social images, the embeddable compare table, /embed/.

An embeddable page may be framed by any site (its own frame-ancestors rule and
no X-Frame-Options); everything else keeps the site's "frame nothing" policy.
"""

from collections import Counter

from csp.decorators import csp_replace
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.generic import TemplateView

from . import columns, selectors, sharing
from .choices import SupportLevel
from .grid import grid_html
from .models import COMPARE_SEPARATOR, Assessment, Framework
from .views import chosen_part

# Any page may frame these: the enforced policy and, in debug, the report-only one (settings.py).
ANY_FRAME = {"frame-ancestors": ["*"]}
embeddable = [xframe_options_exempt, csp_replace(ANY_FRAME), csp_replace(ANY_FRAME, REPORT_ONLY=True)]


def compared_or_404(slugs: str) -> list[Framework]:
    """The columns a compare address names; 404 for anything the compare page would not show."""
    refs = slugs.split(COMPARE_SEPARATOR)
    if not all(columns.FRAMEWORK_REF.fullmatch(ref) for ref in refs):
        raise Http404("A compare address names frameworks as slug or slug@version, joined by -vs-.")
    try:
        return columns.compared_frameworks(refs)
    except ValidationError as error:
        raise Http404(error.messages[0]) from None


def level_rows(frameworks) -> list[tuple[str, Counter]]:
    """(display name, Counter of levels over the published criteria) per column."""
    criteria = selectors.published_criteria()
    levels = selectors.support_levels(frameworks, criteria)
    rows = []
    for framework in frameworks:
        key = columns.column_key(framework)
        counts = Counter(levels.get((key, criterion.pk), SupportLevel.UNKNOWN.value) for criterion in criteria)
        rows.append((framework.display_name, counts))
    return rows


def png(content: bytes) -> HttpResponse:
    return HttpResponse(content, content_type="image/png")


def framework_social_image(request, slug):
    framework = get_object_or_404(Framework.objects.published(), slug=slug)
    image = sharing.cached_social_image(
        f"framework:{framework.pk}",
        lambda: sharing.social_image(framework.name, framework.summary, level_rows([framework])),
    )
    return png(image)


def compare_social_image(request, slugs):
    frameworks = compared_or_404(slugs)
    if COMPARE_SEPARATOR.join(map(columns.framework_ref, frameworks)) != slugs:
        raise Http404("Not the canonical address of this set.")
    title = " vs ".join(framework.display_name for framework in frameworks)
    image = sharing.cached_social_image(
        f"compare:{slugs}",
        lambda: sharing.social_image(title, "Side by side on every criterion, with sources.", level_rows(frameworks)),
    )
    return png(image)


def cell_badge(request, framework, criterion):
    assessment = get_object_or_404(
        Assessment.objects.published().select_related("framework", "criterion").prefetch_related("extensions"),
        framework__slug=framework,
        criterion__slug=criterion,
    )
    context = {"assessment": assessment, **sharing.badge_parts(assessment)}
    return render(request, "comparisons/badge.svg", context, content_type="image/svg+xml")


@method_decorator(embeddable, name="dispatch")
class EmbeddedCompareView(View):
    """A small compare grid for other sites' pages: `<iframe src="/embed/compare/django-vs-flask/">`."""

    def get(self, request, slugs):
        frameworks = compared_or_404(slugs)
        groups = selectors.published_criterion_groups()
        by_slug = selectors.groups_by_slug(groups)
        wanted = request.GET.get("group", "")
        if wanted and wanted not in by_slug:
            raise Http404("No such criterion group.")
        # As on the matrix pages: past ALL_GROUPS_MAX_CRITERIA, one group at a time (the first unless named),
        # and a large group a part at a time.
        one_at_a_time = selectors.shows_one_group_at_a_time(sum(group.criteria_count for group in groups))
        group = selectors.shown_group(by_slug, wanted, one_at_a_time=one_at_a_time)
        part, part_error = chosen_part(request, group)
        if part_error:
            raise Http404(part_error)
        shown = selectors.criteria_shown(group, part)
        context = {
            "frameworks": frameworks,
            "grid_html": grid_html(frameworks, shown, group, part),
            "group": group,
            "part": part,
            "compare_path": columns.compare_path_of(frameworks),
        }
        return render(request, "comparisons/embed_compare.html", context)


class EmbedView(TemplateView):
    """How to embed: the badge and the compare table, with snippets to copy."""

    template_name = "comparisons/embed.html"

    def get_context_data(self, **kwargs):
        # An example a reader recognises: a cell an extension fills, and the set of an editors' comparison.
        cells = Assessment.objects.published().select_related("framework", "criterion").order_by("framework__name")
        example = cells.filter(support_level=SupportLevel.EXTENSION, extensions__isnull=False).first() or cells.first()
        comparison = selectors.published_comparisons().first()
        pair = comparison.frameworks.all() if comparison else Framework.objects.published().order_by("name")[:2]
        slugs = sorted(framework.slug for framework in pair)
        return super().get_context_data(
            **kwargs,
            example=example,
            compare_slugs=COMPARE_SEPARATOR.join(slugs) if len(slugs) >= 2 else "",
            site=f"{self.request.scheme}://{self.request.get_host()}",
        )
