"""Files carried inside e-mails: safe names, their own hash and size, and their text.

An attachment that cannot be read is recorded with `error` set; it never fails the e-mail.
Only a missing tool (tesseract) propagates, because the whole e-mail should be retried.
A nested e-mail's own attachments follow it in the list, flattened.
"""

from __future__ import annotations

import hashlib
import mimetypes
import re
import unicodedata
from collections.abc import Callable

from extract.errors import ExtractionError, FileTooLarge, ToolMissing
from extract.limits import ExtractLimits
from extract.types import Attachment, Extraction

#: Reads one carried file: (bytes, sanitised name, declared media type) -> its Extraction.
ReadNested = Callable[[bytes, str, str], Extraction]

_MAX_NAME_LENGTH = 120
_UNSAFE_CHARACTERS = re.compile(r'[\x00-\x1f\x7f<>:"|?*]')


def safe_attachment_name(raw: str | None, *, index: int, media_type: str = "") -> str:
    """A bare file name, safe to show and to write inside a temp dir: never a path.

    Drops every directory part (either slash), NUL and control characters, leading dots and
    Windows drive letters; an empty result becomes `attachment-<index>` with a fitting extension.
    """
    name = unicodedata.normalize("NFC", raw or "")
    name = name.replace("\\", "/").split("/")[-1]
    name = _UNSAFE_CHARACTERS.sub("", name).strip().lstrip(".").strip()
    if len(name) > _MAX_NAME_LENGTH:
        stem, dot, extension = name.rpartition(".")
        if dot and len(extension) <= 10:
            name = stem[: _MAX_NAME_LENGTH - len(extension) - 1] + "." + extension
        else:
            name = name[:_MAX_NAME_LENGTH]
    if not name:
        extension = (mimetypes.guess_extension(media_type) if media_type else None) or ""
        name = f"attachment-{index}{extension}"
    return name


def read_attachment(
    data: bytes,
    *,
    raw_name: str | None,
    index: int,
    declared_type: str,
    limits: ExtractLimits,
    read_nested: ReadNested,
) -> list[Attachment]:
    """The attachment's record (and, for a nested e-mail, those of its own attachments)."""
    name = safe_attachment_name(raw_name, index=index, media_type=declared_type)
    digest = hashlib.sha256(data).hexdigest()
    try:
        if len(data) > limits.max_bytes:
            raise FileTooLarge(f"the attachment is {len(data)} bytes, over {limits.max_bytes}")
        nested = read_nested(data, name, declared_type)
    except ToolMissing:
        raise
    except ExtractionError as error:
        return [
            Attachment(
                name=name,
                sha256=digest,
                size=len(data),
                media_type=declared_type or "application/octet-stream",
                error=f"{error.code}: {error.message}",
            )
        ]
    record = Attachment(
        name=name, sha256=digest, size=len(data), media_type=nested.media_type, pages=nested.pages
    )
    return [record, *nested.attachments]
