"""Outlook .msg files through extract_msg (the one adapter), read like any other e-mail."""

from __future__ import annotations

import logging
from email.utils import getaddresses, parseaddr
from typing import Any

import extract_msg
from extract_msg.enums import AttachmentType
from extract_msg.exceptions import ExMsgBaseException

from extract.attachments import ReadNested, read_attachment
from extract.errors import CorruptFile, UnsupportedFileType
from extract.limits import ExtractLimits
from extract.sniff import FileKind
from extract.text import decode_text, html_to_text, normalise_newlines
from extract.types import Attachment, EmailHeaders, Extraction, Page

_log = logging.getLogger(__name__)


def extract_msg_file(data: bytes, *, limits: ExtractLimits, read_nested: ReadNested) -> Extraction:
    """Headers, body and attachments of an Outlook message; other OLE files are unsupported."""
    try:
        message = extract_msg.openMsg(data, strict=False, delayAttachments=False)
    except ExMsgBaseException as error:
        raise UnsupportedFileType(f"the OLE file is not an Outlook message: {error}") from error
    except (OSError, ValueError, KeyError, IndexError, TypeError) as error:
        raise CorruptFile(f"the .msg could not be read: {error}") from error
    try:
        return Extraction(
            media_type=FileKind.MSG.value,
            pages=(Page(number=1, text=_body_text(message), method="text"),),
            email=_headers(message),
            attachments=_attachments(message, limits=limits, read_nested=read_nested),
        )
    except ExMsgBaseException as error:
        raise CorruptFile(f"the .msg could not be read: {error}") from error
    finally:
        message.close()


def _headers(message: Any) -> EmailHeaders:
    name, address = parseaddr(str(_field(message, "sender")))
    if address and "@" not in address:  # Outlook gave a display name only
        name, address = address, ""
    date = _field(message, "date")
    return EmailHeaders(
        sender_name=name,
        sender_address=address,
        to=_recipients(_field(message, "to")),
        cc=_recipients(_field(message, "cc")),
        subject=_field(message, "subject"),
        date=date.isoformat() if hasattr(date, "isoformat") else str(date or ""),
        message_id=str(_field(message, "messageId") or "").strip(),
    )


def _field(message: Any, name: str) -> Any:
    """One property of the message; a damaged property reads as empty rather than failing."""
    try:
        value = getattr(message, name, None)
    except (ExMsgBaseException, ValueError, KeyError, TypeError, UnicodeDecodeError):
        return ""
    return "" if value is None else value


def _recipients(field: str) -> tuple[str, ...]:
    pairs = getaddresses([str(field).replace(";", ",")])
    return tuple(f"{name} <{addr}>" if name else addr for name, addr in pairs if name or addr)


def _body_text(message: Any) -> str:
    body = _field(message, "body")
    if isinstance(body, str) and body.strip():
        return normalise_newlines(body)
    html = _field(message, "htmlBody")
    if isinstance(html, bytes) and html.strip():
        return normalise_newlines(html_to_text(decode_text(html)))
    return ""


def _attachments(
    message: Any, *, limits: ExtractLimits, read_nested: ReadNested
) -> tuple[Attachment, ...]:
    records: list[Attachment] = []
    for index, item in enumerate(message.attachments, start=1):
        raw_name = _field(item, "longFilename") or _field(item, "shortFilename") or None
        declared = str(_field(item, "mimetype") or "")
        if item.type == AttachmentType.MSG:
            data = _embedded_bytes(item)
            declared = FileKind.MSG.value
            raw_name = raw_name or f"{_field(item.data, 'subject') or 'message'}.msg"
        else:
            payload = _field(item, "data")
            data = payload if isinstance(payload, bytes) else b""
        records.extend(
            read_attachment(
                data,
                raw_name=raw_name,
                index=index,
                declared_type=declared,
                limits=limits,
                read_nested=read_nested,
            )
        )
    return tuple(records)


def _embedded_bytes(item: Any) -> bytes:
    try:
        return bytes(item.data.exportBytes())
    except (ExMsgBaseException, OSError, ValueError, TypeError, AttributeError):
        _log.warning("an embedded Outlook message could not be exported", exc_info=True)
        return b""
