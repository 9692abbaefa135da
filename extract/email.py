"""E-mails (.eml, message/rfc822) through the stdlib `email` package with `policy.default`.

One e-mail is one Extraction: its decoded headers, its body as page 1 (plain text preferred,
else HTML turned into text), and its attachments read recursively. Nothing is written to disk.
Charsets are not trusted: see `extract.text.decode_text`.
"""

from __future__ import annotations

from collections.abc import Iterator
from email import policy
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import getaddresses, parseaddr

from extract.attachments import ReadNested, read_attachment
from extract.errors import CorruptFile
from extract.limits import ExtractLimits
from extract.sniff import FileKind
from extract.text import decode_text, html_to_text, normalise_newlines
from extract.types import Attachment, EmailHeaders, Extraction, Page


def extract_email(data: bytes, *, limits: ExtractLimits, read_nested: ReadNested) -> Extraction:
    """Headers, body and attachments of one RFC 5322 message."""
    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
    except (ValueError, TypeError, IndexError) as error:
        raise CorruptFile(f"the e-mail could not be parsed: {error}") from error
    if not isinstance(message, EmailMessage) or not message.keys():
        raise CorruptFile("the file has no e-mail headers")
    attachments: list[Attachment] = []
    for index, part in enumerate(_attachment_parts(message), start=1):
        data_, raw_name = _attachment_payload(part)
        attachments.extend(
            read_attachment(
                data_,
                raw_name=raw_name,
                index=index,
                declared_type=part.get_content_type(),
                limits=limits,
                read_nested=read_nested,
            )
        )
    return Extraction(
        media_type=FileKind.EMAIL.value,
        pages=(Page(number=1, text=_body_text(message), method="text"),),
        email=read_headers(message),
        attachments=tuple(attachments),
    )


def read_headers(message: EmailMessage) -> EmailHeaders:
    """The headers we keep, RFC 2047 decoded; a malformed header is kept as written."""
    sender_name, sender_address = parseaddr(_header(message, "from"))
    return EmailHeaders(
        sender_name=sender_name,
        sender_address=sender_address,
        to=_addresses(message, "to"),
        cc=_addresses(message, "cc"),
        subject=_header(message, "subject"),
        date=_date(message),
        message_id=_header(message, "message-id").strip(),
    )


def _header(message: Message, name: str) -> str:
    """One header as text. The stdlib's structured parser raises all sorts on malformed input
    (IndexError, HeaderParseError, ...), so we fall back on the raw value, RFC 2047 decoded."""
    try:
        value = message.get(name)
        return " ".join(str(value).split()) if value is not None else ""
    except Exception:  # noqa: BLE001 - see the docstring
        pass
    raw = next((v for k, v in message.raw_items() if k.lower() == name.lower()), "")
    try:
        decoded = str(make_header(decode_header(str(raw))))
    except (LookupError, UnicodeDecodeError, ValueError, TypeError, HeaderParseError):
        decoded = str(raw)
    return " ".join(decoded.split())


def _addresses(message: Message, name: str) -> tuple[str, ...]:
    formatted = []
    for display, address in getaddresses([_header(message, name)]):
        if address or display:
            formatted.append(f"{display} <{address}>" if display else address)
    return tuple(formatted)


def _date(message: Message) -> str:
    try:
        moment = getattr(message.get("date"), "datetime", None)
    except Exception:  # noqa: BLE001 - as in `_header`
        moment = None
    return moment.isoformat() if moment is not None else _header(message, "date")


def _body_text(message: EmailMessage) -> str:
    """The plain-text body if there is one, else the HTML body as text, else ""."""
    try:
        part = message.get_body(preferencelist=("plain", "html"))
    except (KeyError, ValueError, TypeError):
        part = None
    if part is None:
        return ""
    text = decode_text(_payload_bytes(part), declared=part.get_content_charset())
    if part.get_content_subtype() == "html":
        text = html_to_text(text)
    return normalise_newlines(text)


def _attachment_parts(message: EmailMessage) -> Iterator[EmailMessage]:
    """Every non-body leaf part, descending into containers that are not nested messages."""
    if not message.is_multipart():
        if message.get_content_maintype() not in ("text", "multipart"):
            yield message  # a message that is nothing but an attachment
        return
    for part in message.iter_attachments():
        if part.get_content_maintype() == "multipart":
            yield from _attachment_parts(part)
        else:
            yield part


def _attachment_payload(part: EmailMessage) -> tuple[bytes, str | None]:
    """The attachment's bytes and its name as the sender wrote it (unsafe until sanitised)."""
    try:
        raw_name = part.get_filename()
    except Exception:  # noqa: BLE001 - a malformed Content-Disposition, as in `_header`
        raw_name = None
    if part.get_content_type() == "message/rfc822":
        inner = part.get_payload()
        nested = inner[0] if isinstance(inner, list) and inner else None
        if isinstance(nested, Message):
            subject = _header(nested, "subject")
            return nested.as_bytes(), raw_name or (f"{subject}.eml" if subject else None)
        return b"", raw_name
    return _payload_bytes(part), raw_name


def _payload_bytes(part: Message) -> bytes:
    """The decoded payload (base64 and quoted-printable undone); b"" for a missing part."""
    try:
        payload = part.get_payload(decode=True)
    except (ValueError, TypeError):
        payload = None
    return payload if isinstance(payload, bytes) else b""
