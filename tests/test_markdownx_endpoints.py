"""The Markdown editor's preview and upload endpoints: staff only, strict about input."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

PREVIEW_URL = "/markdownx/markdownify/"
UPLOAD_URL = "/markdownx/upload/"

pytestmark = pytest.mark.django_db


def image_bytes(image_format, size=(4, 3), mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, size, color=0).save(buffer, format=image_format)
    return buffer.getvalue()


def noisy_png(size):
    # Random pixels do not compress, so the file stays large.
    import os

    return Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))


def files_in(folder):
    return sorted(path.relative_to(folder) for path in folder.rglob("*") if path.is_file())


def upload(client, name, content, content_type):
    return client.post(
        UPLOAD_URL,
        {"image": SimpleUploadedFile(name, content, content_type=content_type)},
        headers={"x-requested-with": "XMLHttpRequest"},
    )


# -- preview ---------------------------------------------------------------


def test_staff_preview_renders_sanitized_markdown(editor_client):
    response = editor_client.post(PREVIEW_URL, {"content": "**bold** [x](javascript:alert(1))"})

    assert response.status_code == 200
    # A link to a javascript: URL is not made at all: the editor sees the Markdown as written.
    assert response.content.decode() == "<p><strong>bold</strong> [x](javascript:alert(1))</p>"


def test_preview_without_content_is_a_400_with_a_message(editor_client):
    response = editor_client.post(PREVIEW_URL, {})

    assert response.status_code == 400
    assert b"content" in response.content


def test_preview_over_the_cap_is_a_400_with_a_message(editor_client):
    response = editor_client.post(PREVIEW_URL, {"content": "x" * 8001})

    assert response.status_code == 400
    assert b"the limit is 8000" in response.content


def test_preview_of_a_bracket_bomb_is_refused(editor_client):
    response = editor_client.post(PREVIEW_URL, {"content": "[" * 5000})

    assert response.status_code == 400


def test_preview_refuses_get(editor_client):
    assert editor_client.get(PREVIEW_URL).status_code == 405


def test_preview_refuses_anonymous_visitors(client):
    response = client.post(PREVIEW_URL, {"content": "**bold**"})

    assert response.status_code == 302
    assert b"<strong>" not in response.content


def test_preview_refuses_logged_in_non_staff(client, reader):
    client.force_login(reader)

    response = client.post(PREVIEW_URL, {"content": "**bold**"})

    assert response.status_code == 403


def test_preview_refuses_staff_without_content_permissions(client, django_user_model):
    client.force_login(django_user_model.objects.create_user(username="support", is_staff=True))

    assert client.post(PREVIEW_URL, {"content": "**bold**"}).status_code == 403


def test_preview_requires_a_csrf_token(editor):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)

    assert client.post(PREVIEW_URL, {"content": "x"}).status_code == 403


# -- upload ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "image_format", "extension"),
    [("photo.jpg", "JPEG", "jpg"), ("diagram.png", "PNG", "png"), ("page.html", "PNG", "png")],
)
def test_staff_upload_stores_the_image_under_a_random_name(editor_client, media_root, name, image_format, extension):
    response = upload(editor_client, name, image_bytes(image_format), "image/whatever")

    assert response.status_code == 200
    [stored] = files_in(media_root)
    assert stored.parent.name == "editor-images"
    assert stored.suffix == f".{extension}"
    assert len(stored.stem) == 32
    assert response.json() == {"image_code": f"![](/media/editor-images/{stored.name})"}
    with Image.open(media_root / stored) as saved:
        assert saved.format == image_format


def test_uploaded_jpeg_loses_its_metadata(editor_client, media_root):
    exif = Image.Exif()
    exif[0x8298] = "Copyright someone"
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, format="JPEG", exif=exif.tobytes(), comment=b"secret comment")
    assert b"secret comment" in buffer.getvalue()

    response = upload(editor_client, "photo.jpg", buffer.getvalue(), "image/jpeg")

    assert response.status_code == 200
    [stored] = files_in(media_root)
    stored_bytes = (media_root / stored).read_bytes()
    assert b"secret comment" not in stored_bytes
    assert b"Copyright someone" not in stored_bytes


def test_a_png_keeps_its_transparency(editor_client, media_root):
    buffer = io.BytesIO()
    Image.new("RGBA", (4, 4), (255, 0, 0, 0)).save(buffer, format="PNG")

    upload(editor_client, "clear.png", buffer.getvalue(), "image/png")

    [stored] = files_in(media_root)
    with Image.open(media_root / stored) as saved:
        assert saved.getpixel((0, 0))[3] == 0


def pixel_bomb():
    # 36 million pixels that compress to a few kilobytes.
    return image_bytes("PNG", size=(6000, 6000), mode="1")


def oversized_png():
    buffer = io.BytesIO()
    noisy_png((1400, 1400)).save(buffer, format="PNG")
    return buffer.getvalue()


BAD_UPLOADS = {
    "html disguised as gif": ("cat.gif", b"GIF89a<html><script>alert(1)</script></html>", "image/gif"),
    "html": ("page.html", b"<html><script>alert(1)</script></html>", "text/html"),
    "svg with onload": ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "image/svg+xml"),
    "real gif": ("anim.gif", image_bytes("GIF", mode="P"), "image/gif"),
    "corrupt png": ("broken.png", image_bytes("PNG", size=(64, 64))[:60], "image/png"),
    "empty file": ("empty.png", b"", "image/png"),
    "oversized png": ("huge.png", oversized_png(), "image/png"),
    "pixel bomb": ("bomb.png", pixel_bomb(), "image/png"),
}


@pytest.mark.parametrize(("name", "content", "content_type"), BAD_UPLOADS.values(), ids=BAD_UPLOADS.keys())
def test_bad_uploads_are_a_400_with_a_message_and_store_nothing(editor_client, media_root, name, content, content_type):
    response = upload(editor_client, name, content, content_type)

    assert response.status_code == 400
    assert response.json()["image"][0]
    assert files_in(media_root) == []


def decompression_bomb():
    # 225 million pixels: more than Pillow agrees to open at all (it stops at twice its 89-million warning).
    return image_bytes("PNG", size=(15000, 15000), mode="1")


@pytest.mark.parametrize("content", [pixel_bomb(), decompression_bomb()], ids=["over our limit", "over Pillow's"])
def test_an_image_with_too_many_pixels_is_refused_for_its_pixels(editor_client, media_root, content):
    response = upload(editor_client, "bomb.png", content, "image/png")

    assert response.status_code == 400
    assert "pixels" in response.json()["image"][0]
    assert files_in(media_root) == []


def test_upload_without_a_file_is_a_400(editor_client, media_root):
    response = editor_client.post(UPLOAD_URL, {})

    assert response.status_code == 400
    assert files_in(media_root) == []


def test_upload_refuses_anonymous_visitors_and_stores_nothing(client, media_root):
    response = upload(client, "photo.png", image_bytes("PNG"), "image/png")

    assert response.status_code == 302
    assert files_in(media_root) == []


def test_upload_refuses_logged_in_non_staff_and_stores_nothing(client, reader, media_root):
    client.force_login(reader)

    response = upload(client, "photo.png", image_bytes("PNG"), "image/png")

    assert response.status_code == 403
    assert files_in(media_root) == []


def test_upload_refuses_staff_without_content_permissions(client, django_user_model, media_root):
    client.force_login(django_user_model.objects.create_user(username="support", is_staff=True))

    response = upload(client, "photo.png", image_bytes("PNG"), "image/png")

    assert response.status_code == 403
    assert files_in(media_root) == []
