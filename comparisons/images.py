"""Images uploaded through the Markdown editor.

Only JPEG and PNG are accepted, judged by what Pillow finds in the bytes, not by
the file name or the content type the browser sent. The image is decoded in
full and encoded again, which drops metadata (EXIF with its GPS positions,
comments) and anything smuggled after the image data, and is stored under a
random name.
"""

from io import BytesIO
from uuid import uuid4

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps, UnidentifiedImageError

EDITOR_IMAGE_FOLDER = "editor-images"
# Pillow's name for what it found -> (the format it is saved as, the stored file's extension).
# MPO is the multi-picture JPEG many cameras write; its first picture is kept.
ACCEPTED_FORMATS = {"JPEG": ("JPEG", "jpg"), "MPO": ("JPEG", "jpg"), "PNG": ("PNG", "png")}
# Of the image's metadata, only what changes how its pixels look is kept.
KEPT_INFO = ("transparency", "icc_profile")


def _reencode(upload) -> tuple[bytes, str]:
    max_bytes = settings.EDITOR_UPLOAD_MAX_BYTES
    max_pixels = settings.EDITOR_UPLOAD_MAX_PIXELS
    if upload.size > max_bytes:
        raise ValidationError(
            f"The file is {upload.size:,} bytes; the limit is {max_bytes:,} bytes.", code="file_too_large"
        )
    try:
        with Image.open(upload) as image:
            if image.format not in ACCEPTED_FORMATS:
                raise ValidationError(
                    f"Only JPEG and PNG images are accepted; this file is {image.format or 'not an image'}.",
                    code="unsupported_format",
                )
            width, height = image.size
            if width * height > max_pixels:
                raise ValidationError(
                    f"The image is {width}×{height} pixels; the limit is {max_pixels:,} pixels in all.",
                    code="too_many_pixels",
                )
            save_format, extension = ACCEPTED_FORMATS[image.format]
            image.load()
            upright = ImageOps.exif_transpose(image)
            kept = {key: upright.info[key] for key in KEPT_INFO if key in upright.info}
            upright.info = {}
            encoded = BytesIO()
            upright.save(encoded, format=save_format, **kept)
    except ValidationError:
        raise
    except Image.DecompressionBombError:
        # Pillow refuses to even open an image this large, before we can read its size.
        raise ValidationError(
            f"The image has far more pixels than the limit of {max_pixels:,} pixels in all.", code="too_many_pixels"
        ) from None
    except UnidentifiedImageError:
        raise ValidationError("The file is not a JPEG or PNG image.", code="not_an_image") from None
    except (OSError, SyntaxError, ValueError) as error:
        # Truncated or corrupt data surfaces as one of these while decoding.
        raise ValidationError(f"The image could not be read: {error}", code="corrupt_image") from None
    return encoded.getvalue(), extension


def store_editor_image(upload) -> str:
    """Check, re-encode and store an uploaded image; return its public URL."""
    data, extension = _reencode(upload)
    name = default_storage.save(f"{EDITOR_IMAGE_FOLDER}/{uuid4().hex}.{extension}", ContentFile(data))
    return default_storage.url(name)
