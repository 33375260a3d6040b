"""The public pages. Views parse and validate; selectors fetch; templates show.

Bad input never gives a 500: unknown slugs are 404, invalid filters and
options re-render the page with the form naming the problem (status 400), and
an invalid filter never yields an unfiltered list presented as filtered.

Some 600 lines: one class per public page (fifteen), each thin; splitting them
by page would scatter the helpers they share (filter chips, group links).
"""

import functools
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView

from . import caching, changelog, charts, columns, matrix, page_parts, search, selectors
from .api.throttling import ProblemReportThrottle
from .choices import DisagreementStatus
from .evidence import checks as evidence_checks
from .filters import AssessmentFilterSet, ComparisonFilterSet, FrameworkFilterSet
from .fit import fit_ranking
from .forms import CompareForm, CompareOptionsForm, FitForm, ProblemReportForm, SearchForm
from .grid import GRID_COLUMNS_PER_PAGE, grid_html
from .models import COMPARE_SEPARATOR, Assessment, Criterion, Disagreement, Framework


def active_filters(request, filterset) -> list[dict]:
    """One removable chip per applied filter value: its label and the URL without it.

    A list-valued filter gets a chip per value; any other filter one chip for the
    value actually applied, whose removal drops every value of that parameter.
    """
    form = filterset.form
    if not form.is_bound or not form.is_valid():
        return []
    pairs = [(key, item) for key, items in request.GET.lists() for item in items]
    requires = getattr(filterset, "chip_requires", {})

    def url_without(drop):
        remaining = [(key, item) for key, item in pairs if not drop(key, item) and key != "page"]
        return f"{request.path}?{urlencode(remaining)}" if remaining else request.path

    chips = []
    for name, field in form.fields.items():
        value = form.cleaned_data.get(name)
        if name == "ordering" or value in (None, "", []) or not form.cleaned_data.get(requires.get(name, name)):
            continue
        if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
            key_of = (lambda obj, f=field: getattr(obj, f.to_field_name or "pk")) if hasattr(field, "queryset") else str
            labels = dict(field.choices) if not hasattr(field, "queryset") else {}
            for item in value:
                raw = str(key_of(item))
                shown = str(item) if hasattr(field, "queryset") else labels.get(raw, raw)
                # The URL names the value by its key, or (a criterion typed into the long picker) by its label.
                sent = {raw, shown.casefold()}

                def drop(key, got, name=name, sent=sent):
                    return key == name and (got in sent or got.strip().casefold() in sent)

                chips.append({"label": field.label, "value": shown, "remove_url": url_without(drop)})
        else:
            shown = value if hasattr(field, "queryset") else dict(getattr(field, "choices", [])).get(value, value)
            chips.append(
                {
                    "label": field.label,
                    "value": str(shown),
                    "remove_url": url_without(lambda key, got, name=name: key == name),
                }
            )
    return chips


def group_links(request, groups, current) -> list[dict]:
    """One link per criterion group to the same page showing that group, other parameters kept."""
    links = []
    for group in groups:
        query = request.GET.copy()
        query["group"] = group.slug
        query.pop("part", None)  # parts are numbered within a group
        links.append({"group": group, "url": f"{request.path}?{query.urlencode()}", "current": group == current})
    return links


def chosen_group(request, groups) -> tuple[object, str | None]:
    """The criterion group a matrix page shows (None: all), and an error for an unknown ?group=.

    `groups`: the published ones, each with `criteria_count`. With few criteria
    every group is shown and a link naming one just scrolls to it; with many,
    one group at a time, the first unless one is named.
    """
    one_at_a_time = selectors.shows_one_group_at_a_time(sum(group.criteria_count for group in groups))
    by_slug = selectors.groups_by_slug(groups)
    wanted = request.GET.get("group") or None
    error = None
    if wanted is not None and wanted not in by_slug:
        error = f"“{wanted}” is not a criterion group; showing {'the first group' if one_at_a_time else 'all'}."
    group = selectors.shown_group(by_slug, wanted, one_at_a_time=True) if one_at_a_time else None
    return group, error


def chosen_part(request, group) -> tuple[object, str | None]:
    """The part of `group` a matrix page shows (None: all of it), and an error for a wrong ?part= (then part 1)."""
    raw = request.GET.get("part") or "1"
    if not raw.isdigit():
        return selectors.group_part(group), f"“{raw}” is not a part number; showing the first part."
    try:
        return selectors.group_part(group, int(raw)), None
    except ValueError as error:
        return selectors.group_part(group), f"{error} Showing the first part."


def part_nav(request, part) -> dict | None:
    """Links through the parts of a group too large to show at once, other parameters kept."""
    if part is None:
        return None

    def url(number):
        query = request.GET.copy()
        query["part"] = str(number)
        return f"{request.path}?{query.urlencode()}"

    return {
        "part": part,
        "first": url(1) if part.number > 1 else None,
        "previous": url(part.number - 1) if part.number > 1 else None,
        "next": url(part.number + 1) if part.number < part.count else None,
        "last": url(part.count) if part.number < part.count else None,
        # The jump form sends the page's other parameters along with the part asked for.
        "kept": [(name, value) for name, values in request.GET.lists() if name != "part" for value in values],
    }


def path_with_group(path: str, group, groups) -> str:
    """The canonical address of a page showing one group: every group but the first is a page of its own."""
    groups = list(groups)
    return f"{path}?group={group.slug}" if group is not None and groups and group != groups[0] else path


class GroupErrorMixin:
    """A page that names a wrong ?group= or ?part= in its context (`group_error`) answers 400."""

    def render_to_response(self, context, **response_kwargs):
        if context["group_error"]:
            response_kwargs["status"] = 400
        return super().render_to_response(context, **response_kwargs)


# Frameworks ranked on one page of /fit/; the next ones are a page away (?page=2).
FIT_FRAMEWORKS_PER_PAGE = 50


def no_such_page(request) -> str:
    return f"There is no page “{request.GET.get('page')}” of these results."


class FilteredListMixin:
    """A django-filter listing that answers 400 when its filters or page number are invalid."""

    strict = True
    page_error = None

    def paginate_queryset(self, queryset, page_size):
        try:
            return super().paginate_queryset(queryset, page_size)
        except Http404:
            self.page_error = no_such_page(self.request)
            paginator = self.get_paginator(queryset, page_size)
            return paginator, None, [], False

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["active_filters"] = active_filters(self.request, self.filterset)
        context["page_error"] = self.page_error
        return context

    def render_to_response(self, context, **response_kwargs):
        if (self.filterset.is_bound and not self.filterset.is_valid()) or self.page_error:
            response_kwargs["status"] = 400
        return super().render_to_response(context, **response_kwargs)


class HomeView(TemplateView):
    template_name = "comparisons/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, sections=page_parts.home_sections())


class FrameworkListView(FilteredListMixin, FilterView):
    filterset_class = FrameworkFilterSet
    queryset = selectors.framework_list()
    template_name = "comparisons/framework_list.html"
    context_object_name = "frameworks"
    paginate_by = 50

    def paginate_queryset(self, queryset, page_size):
        # Pages are cut from the ids of every match (frameworks number in the hundreds at most), kept
        # under the content version by the filters' query: one query per filter and edit, not per page.
        ids = caching.cached_query_result("framework-ids", queryset.values_list("pk", flat=True), list)
        return super().paginate_queryset(ids, page_size)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["framework_cards"] = page_parts.framework_cards(list(context["frameworks"]), heading="h2")
        context["filters_html"] = page_parts.framework_filters(self.filterset, self.request)
        return context


class MatrixGridView(GroupErrorMixin, FilteredListMixin, FilterView):
    """The whole matrix at a glance: frameworks (filtered as on /frameworks/, a page of columns) × criteria."""

    filterset_class = FrameworkFilterSet
    queryset = Framework.objects.published().only("name", "slug")
    template_name = "comparisons/matrix.html"
    context_object_name = "frameworks"
    paginate_by = GRID_COLUMNS_PER_PAGE

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        groups = selectors.published_criterion_groups()
        group, group_error = chosen_group(self.request, groups)
        part, part_error = chosen_part(self.request, group)
        criteria = selectors.criteria_shown(group, part)
        frameworks = list(context["frameworks"])
        context.update(
            filters_html=page_parts.framework_filters(self.filterset, self.request),
            frameworks=frameworks,
            grid_html=grid_html(frameworks, criteria, group, part) if frameworks else "",
            group_links=group_links(self.request, groups, group) if group else [],
            group_error=group_error or part_error,
            part_nav=part_nav(self.request, part),
            canonical_link=path_with_group(self.request.path, group, groups),
        )
        return context


class StaffPreviewMixin:
    """Staff also see unpublished rows (the template shows a draft banner); others get 404."""

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset if self.request.user.is_staff else queryset.published()


class FrameworkDetailView(StaffPreviewMixin, DetailView):
    """A framework's facts and its assessments; with many criteria, one criterion group at a time (?group=)."""

    model = Framework
    template_name = "comparisons/framework_detail.html"
    context_object_name = "framework"

    def get(self, request, *args, **kwargs):
        self.object = framework = self.get_object()
        release = None
        if request.GET.get("release"):
            columns.with_releases([framework])
            try:
                release = columns.release_named(framework, request.GET["release"])
            except ValidationError as error:
                if error.code == "unknown_release":
                    raise Http404(error.messages[0]) from None
                surroundings = page_parts.framework_surroundings(framework, charts.framework_groups(framework))
                return self.render_to_response(
                    self.get_context_data(release_error=error.messages[0], surroundings=surroundings), status=400
                )
        groups = charts.framework_groups(framework)
        group, group_error = chosen_group(request, groups)
        part, part_error = chosen_part(request, group)
        group_error = group_error or part_error
        context = self.get_context_data(
            object=framework,
            release=release,
            surroundings=page_parts.framework_surroundings(framework, groups),
            assessment_groups=page_parts.framework_page_rows(framework, groups, group, part, release),
            group_links=group_links(request, groups, group) if group else [],
            part_nav=part_nav(request, part),
            group_error=group_error,
            canonical_link=path_with_group(request.path, group, groups),
        )
        return self.render_to_response(context, status=400 if group_error else 200)


class AssessmentDetailView(TemplateView):
    """One cell's permalink: its level over releases, code, sources and the history of its edits."""

    template_name = "comparisons/assessment_detail.html"

    def get(self, request, framework, criterion):
        try:
            assessment = selectors.cell_page_assessment(framework, criterion, include_unpublished=request.user.is_staff)
        except Assessment.DoesNotExist:
            raise Http404("No assessment of this framework on this criterion.") from None
        statements = list(assessment.statements.all())
        for earlier in statements:
            if earlier.since is not None and earlier.since.version != assessment.framework.latest_version:
                earlier.compare_url = columns.compare_path_of(
                    [columns.column_at(assessment.framework, earlier.since), assessment.framework]
                )
        code_examples = list(assessment.code_examples.all())
        evidence_checks.example_checks(code_examples, list(assessment.evidence.all()))
        context = self.get_context_data(
            assessment=assessment,
            framework=assessment.framework,
            criterion=assessment.criterion,
            current_statement=assessment.current_statement(),
            statements=statements,
            code_examples=code_examples,
            probes=evidence_checks.cell_evidence(assessment),
            evidence_stale_days=settings.EVIDENCE_STALE_DAYS,
            edits=selectors.cell_history(assessment),
            page_title=f"{assessment.framework.name} · {assessment.criterion.name}",
            page_description=assessment.summary,
        )
        return self.render_to_response(context)


class CriterionListView(GroupErrorMixin, TemplateView):
    """Every criterion by group; past ALL_GROUPS_MAX_CRITERIA one group at a time, in parts, like the matrix pages."""

    template_name = "comparisons/criterion_list.html"

    def get_context_data(self, **kwargs):
        groups = selectors.published_criterion_groups()
        group, group_error = chosen_group(self.request, groups)
        part, part_error = chosen_part(self.request, group)
        criteria = selectors.criteria_shown(group, part)
        return super().get_context_data(
            **kwargs,
            criteria_groups=selectors.criteria_by_group(criteria),
            group_links=group_links(self.request, groups, group) if group else [],
            group_error=group_error or part_error,
            part_nav=part_nav(self.request, part),
            canonical_link=path_with_group(self.request.path, group, groups),
        )


class CriterionDetailView(StaffPreviewMixin, DetailView):
    queryset = Criterion.objects.select_related("group")
    template_name = "comparisons/criterion_detail.html"
    context_object_name = "criterion"

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        self.filterset = AssessmentFilterSet(request.GET or None, queryset=selectors.criterion_assessments(self.object))
        valid = not self.filterset.is_bound or self.filterset.is_valid()
        context = self.get_context_data(
            filterset=self.filterset,
            framework_rows=page_parts.criterion_page_rows(self.object, self.filterset, request),
            filters_html=page_parts.assessment_filters(self.filterset, request),
            active_filters=active_filters(request, self.filterset),
        )
        return self.render_to_response(context, status=200 if valid else 400)


class CompareView(TemplateView):
    """The side-by-side matrix of any set of frameworks, at one canonical URL per set.

    `/compare/?frameworks=a&frameworks=b` (the picker form) and any other order
    of slugs in the path answer with a permanent redirect to the canonical URL;
    options (weights, differences only, group) stay in the query string.
    """

    template_name = "comparisons/compare.html"

    def get(self, request, slugs=None):
        if slugs is None:
            return self.pick(request)
        refs = slugs.split(COMPARE_SEPARATOR)
        if not all(columns.FRAMEWORK_REF.fullmatch(ref) for ref in refs):
            raise Http404("A compare address names frameworks as slug or slug@version, joined by -vs-.")
        try:
            frameworks = columns.compared_frameworks(refs)
        except ValidationError as error:
            if error.code in ("unknown_framework", "unknown_release"):
                raise Http404(error.messages[0]) from None
            form = CompareForm(data={"frameworks": refs})  # the picker, with the problem named
            form.is_valid()
            return self.render_to_response(self.get_context_data(form=form), status=400)
        canonical = columns.compare_path_of(frameworks)
        if request.path != canonical:
            return self.redirect(canonical)
        at_releases = any(framework.release is not None for framework in frameworks)
        options = CompareOptionsForm(request.GET or None, groups=selectors.published_criterion_groups())
        options_valid = not options.is_bound or options.is_valid()
        group, part = options.chosen_group(), options.chosen_part()
        shown_criteria = options.shown_criteria()
        cells = functools.cache(lambda: matrix.matrix_cells(frameworks, shown_criteria, group, part))
        weights = options.weights()
        shown_levels = None
        weighted = {criterion for criterion, weight in weights.items() if weight}
        if weighted and weighted <= set(shown_criteria):  # rank from the cells the page shows
            shown_levels = {key: cell.support_level for key, cell in cells().items()}
        comparison = None
        if not at_releases:  # editors write comparisons of current releases
            comparison = selectors.published_comparison_for(frameworks)
            if comparison is None and request.user.is_staff:
                comparison = selectors.draft_comparison_for(frameworks)
        compact = options.option("view") == "grid"
        fits = fit_ranking(frameworks, weights, levels=shown_levels, extension_points=options.extension_points())
        context = self.get_context_data(
            options=options,
            frameworks=frameworks,
            at_releases=at_releases,
            comparison=comparison,
            compact=compact,
            grid_html=grid_html(frameworks, shown_criteria, group, part) if compact else "",
            body=None
            if compact
            else matrix.compare_body(frameworks, shown_criteria, group, comparison, cells=cells, part=part),
            group_links=group_links(request, options.groups.values(), group) if options.one_group_at_a_time else [],
            part_nav=part_nav(request, part),
            differences_only=options.option("differences", False),
            weight_fields=matrix.weight_fields(options),
            fits=fits,
            fit_rows=page_parts.fit_rows(fits),
            canonical_path=canonical,
            canonical_link=path_with_group(canonical, group, options.groups.values())
            if options.one_group_at_a_time
            else canonical,
        )
        return self.render_to_response(context, status=200 if options_valid else 400)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        frameworks, comparison = context.get("frameworks"), context.get("comparison")
        names = [framework.display_name for framework in frameworks or []]
        if comparison is not None and comparison.is_published:
            context["page_title"] = comparison.title
            context["page_description"] = Truncator(strip_tags(comparison.tldr_html)).chars(200)
        elif names:
            context["page_title"] = " vs ".join(names)
            context["page_description"] = f"{', '.join(names)} side by side on every criterion, with sources."
        else:
            context["page_title"] = "Compare frameworks"
            context["page_description"] = (
                "Pick two to six web frameworks and see them side by side, criterion by criterion."
            )
        return context

    def pick(self, request):
        if "frameworks" not in request.GET:
            return self.render_to_response(self.get_context_data(form=CompareForm()))
        # The release form beside a compare table sends, for column i, `frameworks` and `at-i` (a version).
        requested = []
        for index, ref in enumerate(ref.strip() for ref in request.GET.getlist("frameworks")):
            version = request.GET.get(f"at-{index}", "").strip() if "@" not in ref else ""
            if ref:
                requested.append(f"{ref}@{version}" if version else ref)
        form = CompareForm(data={"frameworks": requested})
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        return self.redirect(columns.compare_path_of(form.cleaned_data["frameworks"]))

    def redirect(self, path):
        query = self.request.GET.copy()
        for name in [name for name in query if name == "frameworks" or name.startswith("at-")]:
            query.pop(name)
        return HttpResponsePermanentRedirect(f"{path}?{query.urlencode()}" if query else path)


class FitView(TemplateView):
    """Every published framework ranked by the reader's weights, each score explained (see comparisons/fit.py)."""

    template_name = "comparisons/fit.html"

    def get(self, request):
        form = FitForm(request.GET or None, groups=selectors.published_criterion_groups())
        valid = not form.is_bound or form.is_valid()
        group, part = form.chosen_group(), form.chosen_part()
        at_refs = [ref for ref in request.GET.getlist("at") if ref.strip()]
        ranking = page_parts.fit_ranking_page(
            form.weights(), form.extension_points(), at_refs, request.GET.get("page"), FIT_FRAMEWORKS_PER_PAGE
        )
        page_error = None if ranking.page_found else no_such_page(request)
        page = ranking.page(FIT_FRAMEWORKS_PER_PAGE)
        context = self.get_context_data(
            form=form,
            weight_fields=matrix.weight_fields(form),
            group=group,
            group_links=group_links(request, form.groups.values(), group) if form.one_group_at_a_time else [],
            part_nav=part_nav(request, part),
            canonical_link=path_with_group(request.path, group, form.groups.values())
            if form.one_group_at_a_time
            else request.path,
            ranking=ranking,
            fit_rows=ranking.rows,
            page_obj=page,
            is_paginated=page.paginator.num_pages > 1,
            page_error=page_error,
            release_errors=ranking.release_errors,
            at_refs=at_refs,
        )
        status = 200 if valid and not ranking.release_errors and not page_error else 400
        return self.render_to_response(context, status=status)


class ComparisonListView(FilteredListMixin, FilterView):
    filterset_class = ComparisonFilterSet
    queryset = selectors.published_comparisons()
    template_name = "comparisons/comparison_list.html"
    context_object_name = "comparisons"
    paginate_by = 30


class SearchView(TemplateView):
    template_name = "comparisons/search.html"

    def get(self, request):
        form = SearchForm(request.GET if "q" in request.GET else None)
        if not form.is_bound:
            return self.render_to_response(self.get_context_data(form=form))
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        results = search.cached_search(form.cleaned_data["q"])
        return self.render_to_response(
            self.get_context_data(form=form, results=results, page_title=f"Search: {results.query}")
        )

    def get_context_data(self, **kwargs):
        return {"page_title": "Search", **super().get_context_data(**kwargs)}


class EvidenceView(TemplateView):
    """How much of the matrix the probes check, per framework and per release (docs/evidence.md)."""

    template_name = "comparisons/evidence.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **kwargs,
            coverage=evidence_checks.coverage(Framework.objects.published()),
            releases=evidence_checks.results_by_release(),
            open_disagreements=Disagreement.objects.filter(status=DisagreementStatus.OPEN).count(),
            evidence_stale_days=settings.EVIDENCE_STALE_DAYS,
        )


class CoverageView(TemplateView):
    """How complete the matrix is, as a heat-map of frameworks × criterion groups (comparisons/charts.py)."""

    template_name = "comparisons/coverage.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, heat_map=charts.coverage_heat_map())


class ChangesView(TemplateView):
    """The site's changelog: what changed in the public knowledge base, and where."""

    template_name = "comparisons/changes.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, changes=changelog.recent_changes())


class ProblemReportView(TemplateView):
    """'Report a problem' for one assessment: anyone may write, nothing changes until an editor acts."""

    template_name = "comparisons/report_problem.html"

    def dispatch(self, request, framework, criterion):
        self.assessment = get_object_or_404(
            Assessment.objects.published().select_related("framework", "criterion__group"),
            framework__slug=framework,
            criterion__slug=criterion,
        )
        return super().dispatch(request)

    def get(self, request):
        return self.render_to_response(self.get_context_data(form=ProblemReportForm()))

    def post(self, request):
        if not ProblemReportThrottle().allow_request(request, self):
            form = ProblemReportForm()
            return self.render_to_response(self.get_context_data(form=form, throttled=True), status=429)
        form = ProblemReportForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        if not form.is_spam():
            report = form.save(commit=False)
            report.assessment = self.assessment
            report.save()
        return self.render_to_response(self.get_context_data(form=None, sent=True))

    def get_context_data(self, **kwargs):
        assessment = self.assessment
        return super().get_context_data(
            **kwargs,
            assessment=assessment,
            page_title=f"Report a problem: {assessment.framework.name} · {assessment.criterion.name}",
            page_description=f"Tell the editors what is wrong with “{assessment.summary}”.",
        )
