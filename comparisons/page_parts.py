"""Parts of long pages, each rendered from its own include and kept in the fragment cache.

- Rows of listings: a listing asks the database only which rows it shows, in
  order (a narrow query of ids); each row's HTML comes from the fragment cache
  under the content version, and only the rows no page has needed since the
  last edit are read in full and rendered. A framework's card is the same on
  the home page, the frameworks list and every filtered view of it, so one
  rendering serves them all. A framework page's or a criterion page's rows
  show nowhere else: such a listing is kept whole.
- What a page shows around its rows whatever its options: a framework page's
  facts, charts and links are the same for each of its groups and releases.

Parts that show a "needs review" badge or depend on today's date (supported
releases) are also keyed by the day, as the compare matrix's cells are (`matrix.py`).
"""

import hashlib
from dataclasses import dataclass

from django.core.paginator import InvalidPage, Page, Paginator
from django.template.loader import render_to_string
from django.utils import timezone

from . import caching, charts, columns, selectors
from .choices import SupportLevel
from .fit import fit_ranking
from .forms import CompareForm


def rendered_rows(kind: str, ids: list, template_name: str, load, **context) -> list[str]:
    """The HTML of the rows `ids` name, in that order: `template_name` with `row` bound to each object.

    `load(missing_ids)` returns the objects not cached yet, with what their
    template shows (one or a few queries for all of them).
    """

    def render(missing):
        return {row.pk: render_to_string(template_name, {**context, "row": row}) for row in load(missing)}

    pieces = caching.cached_by_content_version(kind, list(ids), render)
    return [pieces[pk] for pk in ids]


def framework_cards(ids: list, heading: str) -> list[str]:
    """Framework cards (`includes/framework_card.html`), titled with `heading` ("h2", "h3") to fit the page."""
    return rendered_rows(
        f"framework-card:{heading}",
        ids,
        "includes/framework_card.html",
        selectors.frameworks_for_cards,
        heading=heading,
    )


def criterion_page_rows(criterion, filterset, request) -> list[str]:
    """A criterion page's framework sections (`includes/criterion_row.html`) for the assessments `filterset`
    selects (none while its form has errors).

    Kept whole, per criterion, filter values and day, like a framework page's
    listing: a criterion's rows show on no other page.
    """
    if filterset.is_bound and not filterset.is_valid():
        return []
    key = hashlib.sha256(repr((criterion.pk, form_values(request, filterset.form.fields))).encode()).hexdigest()

    def render() -> list[str]:
        rows = selectors.assessments_in_full(filterset.qs)
        return [render_to_string("includes/criterion_row.html", {"row": row}) for row in rows]

    return caching.cached_value(f"criterion-rows:{key}:{timezone.localdate()}", render)


def framework_page_rows(framework, groups, group=None, part=None, release=None) -> list[tuple]:
    """A framework page's criterion sections (`includes/framework_row.html`) by group: `[(group, [html])]` for
    the framework's assessments in `group` (or a `part` of it; None: every group), each level as of `release`
    (None: the current one).

    Kept whole, per framework, group, part, release and day: a framework's rows
    show on no other page, so the listing is the piece worth keeping, and building
    it reads the rows in full without first asking which they are.
    """
    at = release.pk if release is not None else "current"
    shown = f"{group.pk if group else 'all'}:{part.number if part else 'all'}"

    def render() -> list[tuple[int, list[str]]]:
        sections = []
        for row in selectors.assessments_at(selectors.framework_assessments(framework, group, part), release):
            if not sections or sections[-1][0] != row.criterion.group_id:
                sections.append((row.criterion.group_id, []))
            sections[-1][1].append(render_to_string("includes/framework_row.html", {"row": row}))
        return sections

    sections = caching.cached_value(f"framework-rows:{framework.pk}:{shown}:{at}:{timezone.localdate()}", render)
    groups_by_id = {each.pk: each for each in groups}
    return [(groups_by_id[group_id], html) for group_id, html in sections]


def framework_surroundings(framework, groups) -> dict[str, str]:
    """A framework page's parts around its criteria, as HTML: `overview` (facts, release timeline, levels by
    group from `charts.framework_groups`) and, below the criteria, `comparisons` (editors' comparisons with it)
    and `compare_with` (links)."""
    today = timezone.localdate()

    def render() -> dict[str, str]:
        if not hasattr(framework, "release_list"):  # the view read them for ?release=
            columns.with_releases([framework])
        group_bars, group_chart_height = charts.group_level_bars(groups)
        published = selectors.published_frameworks_in_brief()
        overview = {
            "framework": framework,
            "releases": columns.release_facts(framework, today),
            "group_bars": group_bars,
            "group_chart_height": group_chart_height,
            "levels": list(SupportLevel),
        }
        links = {
            "framework": framework,
            "comparisons": selectors.comparisons_with(framework, [framework, *published]),
            "other_frameworks": [other for other in published if other.pk != framework.pk],
        }
        return {
            "overview": render_to_string("includes/framework_overview.html", overview),
            "comparisons": render_to_string("includes/framework_comparisons.html", links),
            "compare_with": render_to_string("includes/framework_compare_with.html", links),
        }

    return caching.cached_value(f"framework-surroundings:{framework.pk}:{today}", render)


def framework_filters(filterset, request) -> str:
    """The frameworks filter form (`includes/framework_filters.html`) as this request fills it in."""
    return filter_form("includes/framework_filters.html", filterset, request, kept={"group"})


def assessment_filters(filterset, request) -> str:
    """A criterion page's level and review filters (`includes/assessment_filters.html`) as this request sets them."""
    return filter_form("includes/assessment_filters.html", filterset, request)


def filter_form(template_name: str, filterset, request, kept=frozenset()) -> str:
    """A filter form as this request fills it in, kept by the values it shows.

    The key is the form's own parameters (and the `kept` ones the page carries
    along), so every reader who sends the same filters shares one rendering; the
    choice lists it offers are content, kept under the content version with it.
    """
    shown = form_values(request, {*filterset.form.fields, *kept})
    key = hashlib.sha256(repr((template_name, request.path, shown)).encode()).hexdigest()
    context = {"filter": filterset, "action": request.path, "request": request}
    return caching.cached_value(f"filters:{key}", lambda: render_to_string(template_name, context))


def form_values(request, names) -> list[tuple[str, str]]:
    """The request's values for the parameters `names`, sorted: what a form or listing shows, as a cache key."""
    return sorted((name, value) for name, values in request.GET.lists() if name in names for value in values)


def home_sections() -> str:
    """The home page below its search box: comparisons, framework cards, criteria in brief and recent changes,
    with the compare picker (`includes/home_sections.html`). The same for every reader."""

    def render() -> str:
        listing = selectors.home_page()
        context = {
            **listing,
            "framework_cards": framework_cards(listing["framework_ids"], heading="h3"),
            "compare_form": CompareForm(),
        }
        return render_to_string("includes/home_sections.html", context)

    return caching.cached_value("home-sections", render)


@dataclass(frozen=True)
class RankingPage:
    """One page of the fit page's ranking: what it shows, without the ranked objects (`fit_ranking_page`)."""

    rows: list[tuple]  # (rank, row id, row HTML): `fit_rows`
    count: int  # frameworks ranked (none when nothing is weighted)
    number: int  # the page shown
    page_found: bool  # False: ?page= named no page, and the first is shown
    top_slugs: list[str]  # the three best, for "compare the top three"
    release_errors: list[str]  # `at` references that name no published framework's release

    def page(self, per_page: int) -> Page:
        """A Django Page of the ranking, for the pagination template: counts only, its rows are `rows`."""
        return Paginator(range(self.count), per_page).page(self.number)


def fit_ranking_page(weights: dict, extension_points: int, at_refs: list[str], page, per_page: int) -> RankingPage:
    """Page `page` (?page=, unchecked) of every published framework ranked by `weights`, some `at_refs` releases.

    Kept whole under the content version by what makes it — the non-zero
    weights, the points of an extension, the releases named, the page — and
    not by the group of weights shown: a reader moving through the groups
    keeps the ranking, and readers sharing a ranking's URL share it.
    """
    given = sorted((criterion.pk, weight) for criterion, weight in weights.items() if weight)
    key = hashlib.sha256(repr((given, extension_points, at_refs, page, per_page)).encode()).hexdigest()

    def build() -> RankingPage:
        frameworks, release_errors = selectors.published_frameworks_in_brief(), []
        if at_refs:  # ?at=django@4.2: rank that framework as it was at that release
            frameworks, release_errors = columns.frameworks_at(frameworks, at_refs)
        fits = fit_ranking(frameworks, weights, extension_points=extension_points)
        paginator = Paginator(fits, per_page)
        try:
            shown, found = paginator.page(page or 1), True
        except InvalidPage:
            shown, found = paginator.page(1), False
        return RankingPage(
            rows=fit_rows(shown.object_list, first_rank=shown.start_index()),
            count=len(fits),
            number=shown.number,
            page_found=found,
            top_slugs=[fit.framework.slug for fit in fits[:3]],
            release_errors=release_errors,
        )

    return caching.cached_value(f"fit-ranking:{key}", build)


def fit_rows(fits, first_rank: int = 1) -> list[tuple]:
    """(rank, row id, HTML of its row's cells after the rank: `includes/fit_row.html`) for each of `fits`, in order.

    A row is keyed by what it shows — the column, and each term's criterion,
    weight and level — so any ranking with the same weights shares it. Its id
    names the column as a compare URL does ("fit--django--4.2").
    """
    keys = [_fit_key(fit) for fit in fits]
    by_key = dict(zip(keys, fits, strict=True))

    def render(missing):
        return {key: render_to_string("includes/fit_row.html", {"fit": by_key[key]}) for key in missing}

    pieces = caching.cached_by_content_version("fit-row", keys, render)
    return [
        (rank, "fit--" + columns.framework_ref(fit.framework).replace("@", "--"), pieces[key])
        for rank, (key, fit) in enumerate(zip(keys, fits, strict=True), start=first_rank)
    ]


def _fit_key(fit) -> str:
    terms = [(term.criterion.pk, term.weight, term.level, term.points) for term in fit.terms]
    return hashlib.sha256(repr((columns.column_key(fit.framework), terms)).encode()).hexdigest()
