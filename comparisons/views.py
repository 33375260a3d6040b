from django.http import Http404, HttpResponsePermanentRedirect
from django.views.generic import DetailView, TemplateView

from . import selectors
from .forms import CompareForm
from .models import COMPARE_SEPARATOR, Criterion, Framework, compare_path


class HomeView(TemplateView):
    template_name = "comparisons/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, **selectors.home_page(), compare_form=CompareForm())


class FrameworkDetailView(DetailView):
    queryset = Framework.objects.published().prefetch_related("tags")
    template_name = "comparisons/framework_detail.html"
    context_object_name = "framework"

    def get_context_data(self, **kwargs):
        framework = self.object
        return super().get_context_data(
            **kwargs,
            assessment_groups=selectors.framework_assessments(framework),
            comparisons=selectors.published_comparisons().filter(frameworks=framework),
            other_frameworks=Framework.objects.published().exclude(pk=framework.pk).only("name", "slug"),
        )


class CriterionDetailView(DetailView):
    queryset = Criterion.objects.published().select_related("group")
    template_name = "comparisons/criterion_detail.html"
    context_object_name = "criterion"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, assessments=selectors.criterion_assessments(self.object))


class CompareView(TemplateView):
    """The side-by-side matrix of any set of frameworks, at one canonical URL per set.

    `/compare/?frameworks=a&frameworks=b` (the picker form) and any other order
    of slugs in the path answer with a permanent redirect to the canonical URL.
    """

    template_name = "comparisons/compare.html"

    def get(self, request, slugs=None):
        if slugs is None:
            return self.pick(request)
        requested = slugs.split(COMPARE_SEPARATOR)
        known = set(Framework.objects.published().filter(slug__in=requested).values_list("slug", flat=True))
        if known != set(requested):
            raise Http404("No published framework has one of these slugs.")
        canonical = compare_path(requested)
        if request.path != canonical:
            return self.redirect(canonical)
        form = CompareForm(data={"frameworks": requested})
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        frameworks = form.cleaned_data["frameworks"]
        comparison = selectors.published_comparison_for(frameworks)
        return self.render_to_response(
            self.get_context_data(
                form=form,
                frameworks=frameworks,
                comparison=comparison,
                matrix=selectors.compare_matrix(frameworks, comparison),
            )
        )

    def pick(self, request):
        if "frameworks" not in request.GET:
            return self.render_to_response(self.get_context_data(form=CompareForm()))
        requested = [slug for slug in request.GET.getlist("frameworks") if slug.strip()]
        form = CompareForm(data={"frameworks": requested})
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        return self.redirect(compare_path(framework.slug for framework in form.cleaned_data["frameworks"]))

    def redirect(self, path):
        query = self.request.GET.copy()
        query.pop("frameworks", None)
        return HttpResponsePermanentRedirect(f"{path}?{query.urlencode()}" if query else path)
