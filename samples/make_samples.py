"""Generate the extraction samples in samples/files/: one Albanian letter in every form we read.

Run from the repository root: `.venv/bin/python samples/make_samples.py`. The output is
deterministic (fixed seeds, dates and IDs), so regenerating changes no committed byte.
Each readable sample `<name>` has `<name>.expected.txt` beside it: the text the letter carries.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

OUT = Path(__file__).resolve().parent / "files"
FONTS = Path("/usr/share/fonts/truetype/dejavu")
DPI = 300
A4 = (2480, 3508)  # pixels at 300 dpi
MARGIN = 280
TIRANE = timezone(timedelta(hours=1))

from sample_msg import letter_msg  # noqa: E402  (beside this script)
from sample_letters import (  # noqa: E402
    LETTER_LIGHTING,
    LETTER_SEWAGE,
    LETTER_INFORMATION,
    LETTER_TAX_PARAGRAPHS,
    LETTER_TAX_TABLE,
    LETTER_TAX_CLOSING,
    LETTER_TAX,
    ANNEX_SIGNATURES,
)


# --- scans ------------------------------------------------------------------------------------


def render_page(text: str, *, font_size: int = 46, seed: int = 1) -> Image.Image:
    """A white A4 page at 300 dpi with the text wrapped inside the margins, lightly speckled."""
    font = ImageFont.truetype(str(FONTS / "DejaVuSerif.ttf"), font_size)
    page = Image.new("L", A4, 255)
    draw = ImageDraw.Draw(page)
    y = MARGIN
    line_height = round(font_size * 1.45)
    for paragraph in text.split("\n"):
        for line in _wrap(paragraph, font=font, width=A4[0] - 2 * MARGIN, draw=draw):
            draw.text((MARGIN, y), line, font=font, fill=20)
            y += line_height
    return _scanner_noise(page, seed=seed)


def _wrap(paragraph: str, *, font: ImageFont.FreeTypeFont, width: int, draw: ImageDraw.ImageDraw):
    words, line = paragraph.split(" "), ""
    lines = []
    for word in words:
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) <= width:
            line = candidate
        else:
            lines.append(line)
            line = word
    lines.append(line)
    return lines


def _scanner_noise(page: Image.Image, *, seed: int) -> Image.Image:
    """Soft edges and a sprinkle of dust: enough to look scanned, little enough to compress."""
    rng = random.Random(seed)
    page = page.filter(ImageFilter.GaussianBlur(0.7))
    draw = ImageDraw.Draw(page)
    for _ in range(900):
        x, y = rng.randrange(A4[0]), rng.randrange(A4[1])
        r = rng.choice((1, 1, 1, 2, 3))
        draw.ellipse((x, y, x + r, y + r), fill=rng.randrange(90, 200))
    return page.point(lambda v: 16 * (v // 16))  # fewer grey levels, smaller PNGs


def black_and_white(page: Image.Image) -> Image.Image:
    """What an office scanner in black-and-white mode makes of the page: thresholded, no dither."""
    return page.point(lambda v: 255 if v > 150 else 0).convert("1", dither=Image.Dither.NONE)


def save_png(image: Image.Image, name: str) -> None:
    image.save(OUT / name, format="PNG", dpi=(DPI, DPI), optimize=True)


# --- PDFs -------------------------------------------------------------------------------------


def _canvas(buffer: io.BytesIO, **kwargs):
    from reportlab.lib.pagesizes import A4 as A4_POINTS
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVuSerif", str(FONTS / "DejaVuSerif.ttf")))
    return canvas.Canvas(buffer, pagesize=A4_POINTS, invariant=1, **kwargs), A4_POINTS


def _draw_text_page(pdf, size, text: str) -> None:
    from reportlab.lib.utils import simpleSplit

    width, height = size
    y = height - 72
    for paragraph in text.split("\n"):
        for line in simpleSplit(paragraph, "DejaVuSerif", 11, width - 144) or [""]:
            pdf.setFont("DejaVuSerif", 11)
            pdf.drawString(72, y, line)
            y -= 16
    pdf.showPage()


def _draw_scan_page(pdf, size, image: Image.Image) -> None:
    from reportlab.lib.utils import ImageReader

    pdf.drawImage(ImageReader(image), 0, 0, width=size[0], height=size[1])
    pdf.showPage()


def text_pdf(*pages: str, **kwargs) -> bytes:
    buffer = io.BytesIO()
    pdf, size = _canvas(buffer, **kwargs)
    for text in pages:
        _draw_text_page(pdf, size, text)
    pdf.save()
    return buffer.getvalue()


def scanned_pdf(*images: Image.Image) -> bytes:
    buffer = io.BytesIO()
    pdf, size = _canvas(buffer)
    for image in images:
        _draw_scan_page(pdf, size, black_and_white(image))
    pdf.save()
    return buffer.getvalue()


def mixed_pdf(text: str, scan: Image.Image) -> bytes:
    buffer = io.BytesIO()
    pdf, size = _canvas(buffer)
    _draw_text_page(pdf, size, text)
    _draw_scan_page(pdf, size, black_and_white(scan))
    pdf.save()
    return buffer.getvalue()


# --- images -----------------------------------------------------------------------------------


def phone_photo(page: Image.Image) -> bytes:
    """A phone photo of the page: tilted perspective, blur, a shadow, stored sideways with EXIF."""
    width, height = page.size
    # Map a slightly keystoned quad of the page onto the frame (top edge narrower: held above).
    quad = (-60, -40, -200, height + 80, width + 200, height + 80, width + 60, -40)
    photo = page.transform(page.size, Image.Transform.QUAD, quad, Image.Resampling.BICUBIC, fillcolor=120)
    photo = photo.resize((1750, round(1750 * height / width)), Image.Resampling.LANCZOS)
    photo = photo.filter(ImageFilter.GaussianBlur(1.1))
    shadow = Image.linear_gradient("L").resize(photo.size).point(lambda v: 255 - v // 3)
    photo = Image.composite(photo, Image.new("L", photo.size, 0), shadow)
    lit = Image.merge("RGB", (photo, photo.point(lambda v: v * 0.97), photo.point(lambda v: v * 0.9)))
    stored = lit.rotate(90, expand=True)  # the sensor's orientation; EXIF 6 turns it back
    exif = Image.Exif()
    exif[0x0112] = 6
    buffer = io.BytesIO()
    stored.save(buffer, format="JPEG", quality=82, exif=exif.tobytes())
    return buffer.getvalue()


def multipage_tiff(*pages: Image.Image) -> bytes:
    frames = [black_and_white(page) for page in pages]
    buffer = io.BytesIO()
    frames[0].save(
        buffer, format="TIFF", save_all=True, append_images=frames[1:], compression="group4",
        dpi=(DPI, DPI),
    )
    return buffer.getvalue()


def bomb_png(width: int = 100_000, height: int = 100_000) -> bytes:
    """A valid 1-bit PNG header claiming 10 gigapixels, with a few bytes of data behind it."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


# --- e-mails ----------------------------------------------------------------------------------

MAIL_DATE = datetime(2024, 5, 20, 9, 30, tzinfo=TIRANE)


def _mail(subject: str, *, sender: str, message_id: str) -> EmailMessage:
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = sender
    message["To"] = "Protokolli <protokolli@vlora.gov.al>"
    message["Cc"] = "Sekretaria <sekretaria@vlora.gov.al>"
    message["Subject"] = subject
    message["Date"] = format_datetime(MAIL_DATE)
    message["Message-ID"] = f"<{message_id}@example.al>"
    return message


def email_utf8(attachment: bytes) -> bytes:
    message = _mail("Kërkesë për rishikimin e taksës", sender="Luan Kaçi <luan.kaci@example.al>", message_id="utf8-1")
    message.set_content(LETTER_TAX, charset="utf-8", cte="8bit")
    message.add_attachment(attachment, maintype="application", subtype="pdf", filename="kerkese-informacion.pdf")
    return _fixed_boundary(message.as_bytes(), "utf8")


def email_quoted_printable(attachment: bytes) -> bytes:
    message = _mail("Ankesë për ujërat e zeza në rrugën Sadik Zotaj", sender="Mirela Çela <mirela.cela@example.al>", message_id="qp-1")
    message.set_content(LETTER_SEWAGE, charset="utf-8", cte="quoted-printable")
    message.add_attachment(attachment, maintype="application", subtype="pdf", filename="Ankesë ujërat e zeza.pdf")
    return _fixed_boundary(message.as_bytes(), "qp")


def email_windows_1252() -> bytes:
    """Written by hand: an old client that sends Windows-1252 and says so."""
    body = LETTER_LIGHTING.replace("\n", "\r\n").encode("cp1252")
    head = (
        "From: =?windows-1252?Q?Arben_Hoxha?= <arben.hoxha@example.al>\r\n"
        "To: protokolli@vlora.gov.al\r\n"
        "Subject: =?windows-1252?Q?K=EBrkes=EB_p=EBr_ndri=E7imin_publik?=\r\n"
        f"Date: {format_datetime(MAIL_DATE)}\r\n"
        "Message-ID: <cp1252-1@example.al>\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=windows-1252\r\n"
        "Content-Transfer-Encoding: 8bit\r\n\r\n"
    )
    return head.encode("ascii") + body + b"\r\n"


def email_unknown_charset() -> bytes:
    """A charset no codec knows, over bytes that are really Windows-1252."""
    body = LETTER_SEWAGE.replace("\n", "\r\n").encode("cp1252")
    head = (
        "From: Mirela Cela <mirela.cela@example.al>\r\n"
        "To: protokolli@vlora.gov.al\r\n"
        "Subject: Ankese\r\n"
        f"Date: {format_datetime(MAIL_DATE)}\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: text/plain; charset="x-albanian-dos"\r\n'
        "Content-Transfer-Encoding: 8bit\r\n\r\n"
    )
    return head.encode("ascii") + body + b"\r\n"


def email_html_only() -> bytes:
    message = _mail("Kërkesë për informacion", sender="Gëzim Dervishi <gezim.dervishi@example.al>", message_id="html-1")
    paragraphs = "".join(f"<p>{p.replace(chr(10), '<br>')}</p>\n" for p in LETTER_INFORMATION.split("\n\n"))
    html = f"<html><head><style>p {{ margin: 0 }}</style></head><body>\n{paragraphs}</body></html>\n"
    message.set_content(html, subtype="html", charset="utf-8", cte="base64")
    return message.as_bytes()


def email_traversal_nested() -> bytes:
    inner = _mail("Ankesë për ujërat e zeza", sender="Mirela Çela <mirela.cela@example.al>", message_id="inner-1")
    inner.set_content(LETTER_SEWAGE, charset="utf-8", cte="quoted-printable")
    outer = _mail("Fwd: Ankesë për ujërat e zeza", sender="Sekretaria e lagjes <lagjja@example.al>", message_id="outer-1")
    outer.set_content("Po ju përcjell ankesën e banores.\n\nMe respekt,\nSekretaria e lagjes", charset="utf-8", cte="8bit")
    outer.add_attachment(
        "Ky skedar nuk duhet të shkruhet kurrë jashtë dosjes së përkohshme.\n".encode(),
        maintype="text", subtype="plain", filename="../../etc/passwd",
    )
    outer.add_attachment(inner)
    return _fixed_boundary(outer.as_bytes(), "nested")


def _fixed_boundary(data: bytes, tag: str) -> bytes:
    """The stdlib draws random MIME boundaries; replace them so the samples stay byte-stable."""
    import re

    boundaries = sorted(set(re.findall(rb'boundary="([^"]+)"', data)))
    for index, boundary in enumerate(boundaries):
        data = data.replace(boundary, f"=====protokoll-{tag}-{index}=====".encode())
    return data


# --- office -----------------------------------------------------------------------------------

ZIP_DATE = (2024, 5, 20, 9, 30, 0)


def _stable_zip(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def letter_docx() -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.created = datetime(2024, 5, 20)
    document.core_properties.modified = datetime(2024, 5, 20)
    document.sections[0].header.paragraphs[0].text = ""
    for paragraph in LETTER_TAX_PARAGRAPHS:
        document.add_paragraph(paragraph)
    table = document.add_table(rows=0, cols=2)
    for label, value in LETTER_TAX_TABLE:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    for line in LETTER_TAX_CLOSING:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        members = [(name, archive.read(name)) for name in archive.namelist()]
    return _stable_zip(members)


def letter_odt() -> bytes:
    from xml.sax.saxutils import escape

    def p(text: str) -> str:
        return f"<text:p>{escape(text)}</text:p>"

    rows = "".join(
        f"<table:table-row><table:table-cell>{p(a)}</table:table-cell>"
        f"<table:table-cell>{p(b)}</table:table-cell></table:table-row>"
        for a, b in LETTER_TAX_TABLE
    )
    # The subject is split by a span, and a doubled space is written as <text:s/>, as LibreOffice does.
    subject = LETTER_TAX_PARAGRAPHS[1].split(": ")
    body = (
        p(LETTER_TAX_PARAGRAPHS[0])
        + f'<text:h text:outline-level="1">{escape(subject[0])}: <text:span>{escape(subject[1])}</text:span></text:h>'
        + "".join(p(x) for x in LETTER_TAX_PARAGRAPHS[2:])
        + f'<table:table table:name="T1"><table:table-column table:number-columns-repeated="2"/>{rows}</table:table>'
        + "".join(p(x) for x in LETTER_TAX_CLOSING)
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3">'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    return _stable_zip(
        [
            ("mimetype", b"application/vnd.oasis.opendocument.text"),
            ("META-INF/manifest.xml", manifest.encode()),
            ("content.xml", content.encode()),
        ]
    )


# --- broken files -----------------------------------------------------------------------------


def corrupt_pdf(good: bytes) -> bytes:
    """A PDF header and the first bytes of a real PDF, then garbage: a download cut short."""
    rng = random.Random(7)
    return good[:400] + bytes(rng.randrange(256) for _ in range(600))


def unsupported_xlsx() -> bytes:
    return _stable_zip(
        [
            ("[Content_Types].xml", b'<?xml version="1.0"?><Types/>'),
            ("xl/workbook.xml", b'<?xml version="1.0"?><workbook/>'),
        ]
    )


# --- main -------------------------------------------------------------------------------------


def write(name: str, data: bytes, expected: str | None = None) -> None:
    (OUT / name).write_bytes(data)
    if expected is not None:
        (OUT / f"{name}.expected.txt").write_text(expected.strip() + "\n", encoding="utf-8")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()

    lighting = render_page(LETTER_LIGHTING, seed=1)
    sewage = render_page(LETTER_SEWAGE, seed=2)
    information = render_page(LETTER_INFORMATION, seed=3)
    annex = render_page(ANNEX_SIGNATURES, seed=4)

    save_png(lighting, "scan-clean.png")
    (OUT / "scan-clean.png.expected.txt").write_text(LETTER_LIGHTING + "\n", encoding="utf-8")
    save_png(sewage.rotate(-2.5, resample=Image.Resampling.BICUBIC, fillcolor=255), "scan-skewed.png")
    (OUT / "scan-skewed.png.expected.txt").write_text(LETTER_SEWAGE + "\n", encoding="utf-8")
    save_png(information.rotate(90, expand=True), "scan-rotated-90.png")
    (OUT / "scan-rotated-90.png.expected.txt").write_text(LETTER_INFORMATION + "\n", encoding="utf-8")
    save_png(lighting.rotate(180), "scan-rotated-180.png")
    (OUT / "scan-rotated-180.png.expected.txt").write_text(LETTER_LIGHTING + "\n", encoding="utf-8")

    write("photo.jpg", phone_photo(render_page(LETTER_SEWAGE, font_size=50, seed=5)), LETTER_SEWAGE)
    write("scan-multipage.tif", multipage_tiff(lighting, annex), LETTER_LIGHTING + "\n\n" + ANNEX_SIGNATURES)

    born_digital = text_pdf(LETTER_INFORMATION)
    write("born-digital.pdf", born_digital, LETTER_INFORMATION)
    write("scan-2pages.pdf", scanned_pdf(lighting, annex), LETTER_LIGHTING + "\n\n" + ANNEX_SIGNATURES)
    write("mixed.pdf", mixed_pdf(LETTER_LIGHTING, annex), LETTER_LIGHTING + "\n\n" + ANNEX_SIGNATURES)

    write("email-utf8.eml", email_utf8(born_digital), LETTER_TAX + "\n\n" + LETTER_INFORMATION)
    write("email-quoted-printable.eml", email_quoted_printable(born_digital), LETTER_SEWAGE + "\n\n" + LETTER_INFORMATION)
    write("email-windows-1252.eml", email_windows_1252(), LETTER_LIGHTING)
    write("email-unknown-charset.eml", email_unknown_charset(), LETTER_SEWAGE)
    write("email-html.eml", email_html_only(), LETTER_INFORMATION)
    write(
        "email-traversal-nested.eml",
        email_traversal_nested(),
        "Po ju përcjell ankesën e banores.\n\nMe respekt,\nSekretaria e lagjes\n\n"
        "Ky skedar nuk duhet të shkruhet kurrë jashtë dosjes së përkohshme.\n\n" + LETTER_SEWAGE,
    )
    write("letter.docx", letter_docx(), LETTER_TAX)
    write("letter.odt", letter_odt(), LETTER_TAX)
    write("letter.msg", letter_msg(born_digital), LETTER_LIGHTING + "\n\n" + LETTER_INFORMATION)
    write("letter.txt", (LETTER_TAX + "\n").encode("cp1252"), LETTER_TAX)

    write("broken-corrupt.pdf", corrupt_pdf(born_digital))
    write("broken-encrypted.pdf", text_pdf(LETTER_INFORMATION, encrypt="sekret"))
    write("broken-truncated.jpg", (OUT / "photo.jpg").read_bytes()[:30_000])
    write("broken-empty.pdf", b"")
    write("broken-bomb.png", bomb_png())
    write("broken-unsupported.xlsx", unsupported_xlsx())


if __name__ == "__main__":
    main()
