"""The report to the Mayor as CSV and as a printable HTML page with inline SVG bar charts.

Both are made from the JSON form (api.schemas_reports.ReportOut), so the three always agree.
The HTML page needs no external assets: it prints the same on any machine.
"""

from __future__ import annotations

import csv
import io
from html import escape

from api.schemas_reports import FiguresOut, ReportOut

_SECTIONS = ("by_addressee", "by_topic", "by_kind", "by_channel")
_TITLES = {
    "by_addressee": "Sipas adresatit / By addressee",
    "by_topic": "Sipas temës / By topic",
    "by_kind": "Sipas llojit / By kind",
    "by_channel": "Sipas kanalit / By channel",
}


def report_csv(report: ReportOut) -> str:
    """One row per figure: section, key, current, previous, change."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    cur, prev = report.current, report.previous
    writer.writerow(["section", "key", "current", "previous", "change"])
    writer.writerow(["period", "label", cur.period.label, prev.period.label, ""])
    writer.writerow(["period", "start", cur.period.start, prev.period.start, ""])
    writer.writerow(["period", "end", cur.period.end, prev.period.end, ""])
    for name in ("incoming", "outgoing", "not_relevant_archived"):
        a, b = getattr(cur, name), getattr(prev, name)
        writer.writerow(["totals", name, a, b, a - b])
    for section in _SECTIONS:
        current, previous = getattr(cur, section), getattr(prev, section)
        for key in dict.fromkeys([*current, *previous]):
            a, b = current.get(key, 0), previous.get(key, 0)
            writer.writerow([section.removeprefix("by_"), key, a, b, a - b])
    for name, value in cur.deadlines.model_dump().items():
        writer.writerow(
            ["deadlines", name, _blank(value), _blank(getattr(prev.deadlines, name)), ""]
        )
    previous_timing = {t.office: t for t in prev.timing}
    for t in cur.timing:
        before = previous_timing.get(t.office)
        for name in ("answered", "median_days", "p90_days"):
            old = getattr(before, name) if before else ""
            writer.writerow([f"timing:{name}", t.office, getattr(t, name), old, ""])
    return buffer.getvalue()


def _blank(value: object) -> object:
    return "" if value is None else value


def report_html(report: ReportOut) -> str:
    cur = report.current
    title = f"Raporti {escape(cur.period.label)} / Report {escape(cur.period.label)}"
    parts = [
        "<!doctype html><html lang='sq'><head><meta charset='utf-8'>",
        f"<title>{title}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{title}</h1>",
        f"<p>{cur.period.start:%d.%m.%Y} – {cur.period.end:%d.%m.%Y}; "
        f"krahasuar me / compared with {escape(report.previous.period.label)}; "
        f"gjendja më / as of {report.as_of:%d.%m.%Y}</p>",
        _totals_table(report),
        _deadlines_table(cur),
    ]
    for section in _SECTIONS:
        parts.append(f"<h2>{_TITLES[section]}</h2>")
        parts.append(_bar_chart(getattr(cur, section), getattr(report.previous, section)))
    parts.append(_timing_table(cur))
    parts.append("</body></html>")
    return "\n".join(parts)


def _totals_table(report: ReportOut) -> str:
    rows = "".join(
        f"<tr><td>{label}</td><td>{getattr(report.change, name).current}</td>"
        f"<td>{getattr(report.change, name).previous}</td>"
        f"<td>{getattr(report.change, name).delta:+d}</td></tr>"
        for name, label in (
            ("incoming", "Shkresa hyrëse / Incoming"),
            ("outgoing", "Shkresa dalëse / Outgoing"),
            ("not_relevant_archived", "Arkivuar si jo përkatëse / Archived as not relevant"),
        )
    )
    return (
        "<table><tr><th></th><th>Kjo periudhë / This period</th>"
        f"<th>Periudha e mëparshme / Previous</th><th>Ndryshimi / Change</th></tr>{rows}</table>"
    )


def _deadlines_table(figures: FiguresOut) -> str:
    d = figures.deadlines

    def pct(value: float | None) -> str:
        return "–" if value is None else f"{value:.1f}%"

    return (
        "<h2>Afatet / Deadlines</h2><table>"
        f"<tr><td>Me afat në periudhë / Due in the period</td><td>{d.due}</td></tr>"
        f"<tr><td>Përgjigjur në afat / Answered on time</td><td>{d.answered_on_time} "
        f"({pct(d.on_time_pct)})</td></tr>"
        f"<tr><td>Përgjigjur me vonesë / Answered late</td><td>{d.answered_late}</td></tr>"
        f"<tr><td>Pa përgjigje, afati kaloi / Open, overdue</td><td>{d.open_overdue}</td></tr>"
        f"<tr><td>Me vonesë gjithsej / Overdue in all</td><td>{pct(d.overdue_pct)}</td></tr>"
        f"<tr><td>Pa përgjigje, brenda afatit / Open, not yet due</td><td>{d.open_not_due}</td>"
        "</tr></table>"
    )


def _timing_table(figures: FiguresOut) -> str:
    rows = "".join(
        f"<tr><td>{escape(t.office)}</td><td>{t.answered}</td><td>{t.median_days:g}</td>"
        f"<td>{t.p90_days:g}</td></tr>"
        for t in figures.timing
    )
    return (
        "<h2>Ditë deri në përgjigje / Days to answer</h2><table><tr><th>Zyra / Office</th>"
        "<th>Përgjigjur / Answered</th><th>Mediana / Median</th><th>P90</th></tr>"
        f"{rows or '<tr><td colspan=4>–</td></tr>'}</table>"
    )


def _bar_chart(current: dict[str, int], previous: dict[str, int]) -> str:
    """Horizontal bars for this period, with a thin mark for the previous period."""
    keys = list(dict.fromkeys([*current, *previous]))
    top = max([1, *current.values(), *previous.values()])
    row, label_w, bar_w = 22, 190, 360
    height = row * len(keys) + 6
    items = []
    for i, key in enumerate(keys):
        y = i * row + 3
        now, before = current.get(key, 0), previous.get(key, 0)
        items.append(
            f"<text x='{label_w - 6}' y='{y + 14}' text-anchor='end'>{escape(key)}</text>"
            f"<rect x='{label_w}' y='{y + 3}' width='{bar_w * now / top:.1f}' height='13' "
            "fill='#3b6ea5'/>"
            f"<rect x='{label_w + bar_w * before / top:.1f}' y='{y}' width='2' height='19' "
            "fill='#c0392b'/>"
            f"<text x='{label_w + bar_w * now / top + 6:.1f}' y='{y + 14}'>{now}</text>"
        )
    return (
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{label_w + bar_w + 60}' "
        f"height='{height}' role='img'>{''.join(items)}</svg>"
    )


_STYLE = (
    "body{font-family:sans-serif;margin:2em;color:#222}h1{font-size:1.4em}"
    "h2{font-size:1.1em;margin-top:1.5em}table{border-collapse:collapse}"
    "td,th{border:1px solid #bbb;padding:3px 8px;text-align:left}"
    "svg text{font-size:12px;font-family:sans-serif}"
    "@media print{body{margin:0}h2{page-break-after:avoid}svg{page-break-inside:avoid}}"
)
