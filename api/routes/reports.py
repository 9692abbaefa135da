"""The report to the Mayor: weekly, monthly or for a free range, as JSON, CSV or HTML."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import HTMLResponse, JSONResponse, Response

from api.codes import ReportFormat, code
from api.deps import BookDep, Director, IsoDate, Today
from api.report_render import report_csv, report_html
from api.routes.common import errors
from api.schemas_reports import ReportOut
from registry.periods import Period, month_period, range_period, week_period
from registry.reports import build_report

router = APIRouter(prefix="/api/reports", tags=["reports"])

_FORMATS: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "the report, as JSON (default), CSV or a printable HTML page",
        "content": {
            "text/csv": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
        },
    },
    **errors(),
}
FormatQuery = Annotated[ReportFormat, Query(description="json, csv or html")]
AsOfQuery = Annotated[
    IsoDate | None, Query(description="the day open letters are judged overdue on; default today")
]


@router.get("/weekly/{week}", response_model=ReportOut, responses=_FORMATS)
def weekly(
    week: Annotated[
        str, Path(pattern=r"^(19\d\d|[2-9]\d{3})-W(0[1-9]|[1-4]\d|5[0-3])$", examples=["2026-W48"])
    ],
    book: BookDep,
    _caller: Director,
    today: Today,
    format: FormatQuery = "json",  # type: ignore[assignment]
    as_of: AsOfQuery = None,
) -> Response:
    """The report for an ISO week, like 2026-W48, against the week before."""
    return _answer(book, week_period(week), format=format, as_of=as_of or today)


@router.get("/monthly/{month}", response_model=ReportOut, responses=_FORMATS)
def monthly(
    month: Annotated[
        str, Path(pattern=r"^(19\d\d|[2-9]\d{3})-(0[1-9]|1[0-2])$", examples=["2026-11"])
    ],
    book: BookDep,
    _caller: Director,
    today: Today,
    format: FormatQuery = "json",  # type: ignore[assignment]
    as_of: AsOfQuery = None,
) -> Response:
    """The report for a month, like 2026-11, against the month before."""
    return _answer(book, month_period(month), format=format, as_of=as_of or today)


@router.get("/range", response_model=ReportOut, responses=_FORMATS)
def date_range(
    date_from: IsoDate,
    date_to: IsoDate,
    book: BookDep,
    _caller: Director,
    today: Today,
    format: FormatQuery = "json",  # type: ignore[assignment]
    as_of: AsOfQuery = None,
) -> Response:
    """The report for the days `date_from` to `date_to`, against as many days before."""
    return _answer(book, range_period(date_from, date_to), format=format, as_of=as_of or today)


def _answer(book: Any, period: Period, *, format: ReportFormat, as_of: date) -> Response:
    report = ReportOut.of(build_report(book.db, period, as_of=as_of))
    kind = code(format)
    if kind == "csv":
        name = f"raporti-{period.label.replace('..', '_')}.csv"
        return Response(
            report_csv(report), media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )  # fmt: skip
    if kind == "html":
        return HTMLResponse(report_html(report))
    return JSONResponse(report.model_dump(mode="json"))
