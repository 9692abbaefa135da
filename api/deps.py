"""What routes take from the app: the book, the pipeline, the settings, today's date, and the
shapes of path parameters (bounded, so no number overflows a database column)."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from fastapi import Depends, Path, Request
from pydantic import BeforeValidator

from api.auth import Caller, admin, clerk, director, reviewer
from api.errors import ApiError
from api.metrics import ApiMetrics
from intake.pipeline import Pipeline
from intake.store import OriginalsStore
from protokoll.settings import Settings
from registry import ProtocolBook
from registry.views import local_date

MAX_INT = 2_147_483_647


def _book(request: Request) -> ProtocolBook:
    return request.app.state.book  # type: ignore[no-any-return]


def _settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def _metrics(request: Request) -> ApiMetrics:
    return request.app.state.metrics  # type: ignore[no-any-return]


def _pipeline(request: Request) -> Pipeline:
    pipeline: Pipeline | None = request.app.state.pipeline
    if pipeline is None:
        raise ApiError(503, "intake_unavailable", "this server was started without intake")
    return pipeline


def _store(request: Request) -> OriginalsStore:
    pipeline: Pipeline | None = request.app.state.pipeline
    if pipeline is not None:
        return pipeline.store
    return OriginalsStore(_settings(request).originals_dir)


def _today(book: Annotated[ProtocolBook, Depends(_book)]) -> date:
    return local_date(book.clock())


BookDep = Annotated[ProtocolBook, Depends(_book)]
SettingsDep = Annotated[Settings, Depends(_settings)]
MetricsDep = Annotated[ApiMetrics, Depends(_metrics)]
PipelineDep = Annotated[Pipeline, Depends(_pipeline)]
StoreDep = Annotated[OriginalsStore, Depends(_store)]
Today = Annotated[date, Depends(_today)]

Clerk = Annotated[Caller, Depends(clerk)]
Reviewer = Annotated[Caller, Depends(reviewer)]
Director = Annotated[Caller, Depends(director)]
Admin = Annotated[Caller, Depends(admin)]

Year = Annotated[int, Path(ge=1900, le=9999, description="the register's year")]
Number = Annotated[int, Path(ge=1, le=MAX_INT, description="the protocol number")]


def _iso_date(value: object) -> object:
    """Only YYYY-MM-DD: pydantic alone would also take `0` (a Unix time) as a date."""
    if isinstance(value, str) and not _ISO_DATE.match(value):
        raise ValueError("a date is written YYYY-MM-DD")
    if isinstance(value, int | float):
        raise ValueError("a date is written YYYY-MM-DD")
    return value


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
IsoDate = Annotated[date, BeforeValidator(_iso_date)]
