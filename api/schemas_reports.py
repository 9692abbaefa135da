"""Schemas of the report to the Mayor (JSON form); api.report_render makes the CSV and HTML."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from registry.periods import Period
from registry.reports import PeriodFigures, Report


class PeriodOut(BaseModel):
    kind: str
    label: str
    start: date
    end: date

    @classmethod
    def of(cls, period: Period) -> PeriodOut:
        return cls(kind=period.kind, label=period.label, start=period.start, end=period.end)


class DeadlinesFiguresOut(BaseModel):
    due: int = Field(description="letters whose reply fell due in the period")
    answered_on_time: int
    answered_late: int
    open_overdue: int
    open_not_due: int
    on_time_pct: float | None
    overdue_pct: float | None = Field(description="answered late or still open past the due day")


class OfficeTimingOut(BaseModel):
    office: str
    answered: int
    median_days: float
    p90_days: float


class FiguresOut(BaseModel):
    period: PeriodOut
    incoming: int
    outgoing: int
    not_relevant_archived: int
    by_addressee: dict[str, int]
    by_topic: dict[str, int]
    by_kind: dict[str, int]
    by_channel: dict[str, int]
    deadlines: DeadlinesFiguresOut
    timing: list[OfficeTimingOut] = Field(description="days to answer, by office")

    @classmethod
    def of(cls, figures: PeriodFigures) -> FiguresOut:
        d = figures.deadlines
        return cls(
            period=PeriodOut.of(figures.period),
            incoming=figures.incoming,
            outgoing=figures.outgoing,
            not_relevant_archived=figures.not_relevant_archived,
            by_addressee=figures.by_addressee,
            by_topic=figures.by_topic,
            by_kind=figures.by_kind,
            by_channel=figures.by_channel,
            deadlines=DeadlinesFiguresOut(
                due=d.due,
                answered_on_time=d.answered_on_time,
                answered_late=d.answered_late,
                open_overdue=d.open_overdue,
                open_not_due=d.open_not_due,
                on_time_pct=d.on_time_pct,
                overdue_pct=d.overdue_pct,
            ),
            timing=[
                OfficeTimingOut(
                    office=t.office,
                    answered=t.answered,
                    median_days=t.median_days,
                    p90_days=t.p90_days,
                )
                for t in figures.timing
            ],
        )


class DeltaOut(BaseModel):
    current: int
    previous: int
    delta: int
    pct: float | None = Field(description="change in percent of the previous period")


class ChangeOut(BaseModel):
    incoming: DeltaOut
    outgoing: DeltaOut
    not_relevant_archived: DeltaOut
    by_addressee: dict[str, DeltaOut]


class ReportOut(BaseModel):
    as_of: date
    current: FiguresOut
    previous: FiguresOut
    change: ChangeOut

    @classmethod
    def of(cls, report: Report) -> ReportOut:
        return cls(
            as_of=report.as_of,
            current=FiguresOut.of(report.current),
            previous=FiguresOut.of(report.previous),
            change=ChangeOut.model_validate(report.change()),
        )
