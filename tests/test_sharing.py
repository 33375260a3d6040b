"""Share and embed: link previews with their own image, a cell's badge, the embeddable compare table."""

import io
import re
from xml.etree import ElementTree

import pytest
from PIL import Image

from comparisons.models import Assessment

from .factories import AssessmentFactory, CriterionFactory, CriterionGroupFactory, FrameworkFactory

pytestmark = pytest.mark.django_db


def meta(page: str, name: str) -> str | None:
    found = re.search(rf'<meta (?:property|name)="{name}" content="([^"]*)">', page)
    return found.group(1) if found else None


@pytest.mark.parametrize(
    ("page_url", "image_url"),
    [
        ("/frameworks/flask/", "/frameworks/flask/social.png"),
        ("/compare/django-vs-flask/", "/compare/django-vs-flask/social.png"),
        ("/compare/django-vs-flask/?group=data", "/compare/django-vs-flask/social.png"),
    ],
)
def test_framework_and_compare_pages_preview_with_an_image_drawn_from_the_data(
    client, flask_and_django, page_url, image_url
):
    page = client.get(page_url).content.decode()

    assert meta(page, "og:image") == f"http://testserver{image_url}"
    assert meta(page, "twitter:card") == "summary_large_image"
    response = client.get(image_url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(response.content)).size == (1200, 630)


def test_the_social_image_changes_with_the_data(client, flask_and_django):
    before = client.get("/frameworks/flask/social.png").content
    flask_forms = Assessment.objects.get(framework__slug="flask", criterion__slug="forms")
    flask_forms.support_level = "built_in"
    flask_forms.save()

    assert client.get("/frameworks/flask/social.png").content != before


def test_other_pages_preview_without_an_image(client, flask_and_django):
    page = client.get("/criteria/").content.decode()

    assert meta(page, "og:image") is None
    assert meta(page, "twitter:card") == "summary"


@pytest.mark.parametrize(
    "url", ["/compare/flask-vs-django/social.png", "/compare/django-vs-nope/social.png", "/frameworks/nope/social.png"]
)
def test_a_social_image_of_no_canonical_page_is_404(client, flask_and_django, url):
    assert client.get(url).status_code == 404


def test_a_cells_badge_names_framework_criterion_level_and_extensions(client, flask_and_django):
    response = client.get("/frameworks/flask/forms/badge.svg")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    svg = ElementTree.fromstring(response.content)  # noqa: S314 - the site's own response
    texts = [element.text for element in svg.iter("{http://www.w3.org/2000/svg}text")]
    assert texts == ["Flask · Forms", "via extension (Flask-WTF, WTForms)"]
    assert svg.get("aria-label") == f"{texts[0]}: {texts[1]}"
    assert "public" in response["Cache-Control"]


def test_a_badge_escapes_what_editors_wrote(client):
    assessment = AssessmentFactory(framework=FrameworkFactory(name="A<b>&c"), support_level="built_in")

    response = client.get(f"/frameworks/{assessment.framework.slug}/{assessment.criterion.slug}/badge.svg")

    ElementTree.fromstring(response.content)  # noqa: S314 - well-formed; the site's own response
    assert b"A&lt;b&gt;&amp;c" in response.content


def test_no_badge_for_a_draft_or_missing_cell(client, flask_and_django):
    draft = AssessmentFactory(framework=FrameworkFactory(is_published=False))

    assert client.get(f"/frameworks/{draft.framework.slug}/{draft.criterion.slug}/badge.svg").status_code == 404
    assert client.get("/frameworks/flask/nope/badge.svg").status_code == 404


def test_the_embeddable_table_may_be_framed_by_any_site_and_nothing_else_may(client, flask_and_django):
    embedded = client.get("/embed/compare/django-vs-flask/")
    page = client.get("/compare/django-vs-flask/")

    assert embedded.status_code == 200
    assert "X-Frame-Options" not in embedded
    assert "frame-ancestors *" in embedded["Content-Security-Policy"]
    assert page["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]
    text = embedded.content.decode()
    assert '<base target="_blank">' in text
    assert "Flask, Forms: Via extension" in text


@pytest.mark.parametrize(
    "url", ["/embed/compare/django-vs-nope/", "/embed/compare/django/", "/embed/compare/django-vs-flask/?group=nope"]
)
def test_an_embed_of_nothing_is_404(client, flask_and_django, url):
    assert client.get(url).status_code == 404


def test_the_embed_page_gives_snippets_with_absolute_addresses(client, flask_and_django):
    page = client.get("/embed/").content.decode()

    assert re.search(r"\(http://testserver/frameworks/[a-z-]+/[a-z-]+/badge\.svg\)", page)
    assert '&lt;iframe src="http://testserver/embed/compare/django-vs-flask/"' in page


def test_a_large_embedded_table_shows_one_criterion_group_at_a_time(client):
    groups = [CriterionGroupFactory(slug=f"group-{number}", position=number) for number in range(2)]
    for number in range(62):
        CriterionFactory(group=groups[number % 2], slug=f"criterion-{number:02d}")
    FrameworkFactory(slug="alpha")
    FrameworkFactory(slug="beta")

    page = client.get("/embed/compare/alpha-vs-beta/").content.decode()
    other = client.get("/embed/compare/alpha-vs-beta/?group=group-1").content.decode()

    assert 'href="/criteria/criterion-00/"' in page and 'href="/criteria/criterion-01/"' not in page
    assert 'href="/criteria/criterion-01/"' in other and 'href="/criteria/criterion-00/"' not in other
