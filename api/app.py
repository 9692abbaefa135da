"""The FastAPI application: thin routes over the protocol book and the intake pipeline."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Annotated

from fastapi import FastAPI, Query
from sqlalchemy import text

from api.errors import install_error_handlers
from api.schemas import EntryOut, EntryPage, ErrorBody, Health
from intake.pipeline import Pipeline
from registry import EntryFilter, EntryView, ProtocolBook, list_entries

ERRORS = {
    401: {"model": ErrorBody},
    403: {"model": ErrorBody},
    404: {"model": ErrorBody},
    409: {"model": ErrorBody},
    422: {"model": ErrorBody},
}


def entry_out(entry: EntryView) -> EntryOut:
    return EntryOut.model_validate(asdict(entry))


def create_app(book: ProtocolBook, *, pipeline: Pipeline | None = None) -> FastAPI:
    app = FastAPI(
        title="Protokoll",
        version="0.1.0",
        description="Intake desk and protocol book of Bashkia Vlorë.",
    )
    app.state.book = book
    app.state.pipeline = pipeline
    install_error_handlers(app)

    @app.get("/health", response_model=Health, tags=["system"])
    def health() -> Health:
        with book.db.read() as session:
            session.execute(text("SELECT 1"))
        model = "loaded" if pipeline and getattr(pipeline.classifier, "available", True) else "none"
        return Health(status="ok", database="ok", model=model)

    @app.get("/api/entries", response_model=EntryPage, responses=ERRORS, tags=["entries"])
    def entries(
        year: int | None = None,
        direction: str | None = None,
        status: str | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        after: int | None = None,
    ) -> EntryPage:
        filters = EntryFilter(
            year=year, direction=direction, status=status,
            registered_from=date_from, registered_to=date_to,
        )  # fmt: skip
        views = list_entries(book.db, filters, limit=limit, after_id=after)
        return EntryPage(
            items=[entry_out(v) for v in views],
            next_after=views[-1].id if len(views) == limit else None,
        )

    @app.get(
        "/api/entries/{year}/{number}", response_model=EntryOut, responses=ERRORS,
        tags=["entries"],
    )  # fmt: skip
    def entry(year: int, number: int) -> EntryOut:
        return entry_out(book.get(year, number))

    return app
