"""An Outlook .msg sample, written with extract_msg's own OLE writer and real MAPI properties."""

from __future__ import annotations

import io
import struct
from datetime import datetime, timezone

from sample_letters import LETTER_LIGHTING


def letter_msg(attachment: bytes) -> bytes:
    """A genuine Outlook .msg, written with extract_msg's own OLE writer and MAPI properties."""
    from extract_msg.ole_writer import OleWriter

    writer = OleWriter()

    def unicode_prop(storage: str, tag: str, value: str) -> None:
        writer.addEntry(f"{storage}__substg1.0_{tag}001F", value.encode("utf-16-le"))

    def properties(entries: list[tuple[int, int, bytes]], header: bytes) -> bytes:
        body = b"".join(struct.pack("<HHI", kind, pid, 6) + value.ljust(8, b"\0") for kind, pid, value in entries)
        return header + body

    def string_entry(pid: int, value: str) -> tuple[int, int, bytes]:
        return (0x001F, pid, struct.pack("<I", len(value.encode("utf-16-le")) + 2))

    subject = "Kërkesë për riparimin e ndriçimit publik"
    body = LETTER_LIGHTING.replace("\n", "\r\n")
    top = {
        "001A": "IPM.Note", "0037": subject, "0E1D": subject, "1000": body,
        "0C1A": "Arben Hoxha", "0C1F": "arben.hoxha@example.al", "0C1E": "SMTP", "5D01": "arben.hoxha@example.al",
        "0E04": "Protokolli", "0E03": "Sekretaria", "1035": "<msg-1@example.al>",
    }
    for tag, value in top.items():
        unicode_prop("", tag, value)
    sent = int((datetime(2024, 3, 12, 10, 0, tzinfo=timezone.utc) - datetime(1601, 1, 1, tzinfo=timezone.utc)).total_seconds() * 10**7)
    entries = [string_entry(int(tag, 16), value) for tag, value in top.items()]
    entries.append((0x0040, 0x0039, struct.pack("<Q", sent)))  # PR_CLIENT_SUBMIT_TIME
    entries.append((0x0040, 0x0E06, struct.pack("<Q", sent)))  # PR_MESSAGE_DELIVERY_TIME
    writer.addEntry("__properties_version1.0", properties(entries, b"\0" * 8 + struct.pack("<IIII", 2, 1, 2, 1) + b"\0" * 8))

    for index, (name, address, kind) in enumerate([("Protokolli", "protokolli@vlora.gov.al", 1), ("Sekretaria", "sekretaria@vlora.gov.al", 2)]):
        storage = f"__recip_version1.0_#{index:08X}/"
        writer.addEntry(storage.rstrip("/"), storage=True)
        values = {"3001": name, "39FE": address, "3003": address, "3002": "SMTP"}
        for tag, value in values.items():
            unicode_prop(storage, tag, value)
        recip_entries = [string_entry(int(t, 16), v) for t, v in values.items()]
        recip_entries.append((0x0003, 0x0C15, struct.pack("<I", kind)))  # PR_RECIPIENT_TYPE
        writer.addEntry(f"{storage}__properties_version1.0", properties(recip_entries, b"\0" * 8))

    storage = "__attach_version1.0_#00000000/"
    writer.addEntry(storage.rstrip("/"), storage=True)
    names = {"3707": "kerkese-informacion.pdf", "3704": "KERKES~1.PDF", "3703": ".pdf", "370E": "application/pdf"}
    for tag, value in names.items():
        unicode_prop(storage, tag, value)
    writer.addEntry(f"{storage}__substg1.0_37010102", attachment)
    attach_entries = [string_entry(int(t, 16), v) for t, v in names.items()]
    attach_entries.append((0x0102, 0x3701, struct.pack("<I", len(attachment))))
    attach_entries.append((0x0003, 0x3705, struct.pack("<I", 1)))  # PR_ATTACH_METHOD: by value
    writer.addEntry(f"{storage}__properties_version1.0", properties(attach_entries, b"\0" * 8))

    writer.addEntry("__nameid_version1.0", storage=True)
    for tag in ("00020102", "00030102", "00040102"):
        writer.addEntry(f"__nameid_version1.0/__substg1.0_{tag}", b"")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
