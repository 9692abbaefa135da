"""The FastAPI application: thin routes (api.routes) over the protocol book and the intake
pipeline, behind bearer tokens (api.auth), with one place for errors (api.errors)."""

from __future__ import annotations

from fastapi import FastAPI

from api.errors import install_error_handlers
from api.metrics import ApiMetrics, instrument_pipeline
from api.routes import ROUTERS
from intake.pipeline import Pipeline
from protokoll.settings import Settings
from registry import ProtocolBook, TokenStore

DESCRIPTION = """Intake desk and protocol book of Bashkia Vlorë.

Every `/api` call needs `Authorization: Bearer <token>` (`protokoll token create`). Roles are
cumulative: clerk < reviewer < director < admin. Errors are JSON with a stable `code`, a
`message` in English and `message_sq` in Albanian."""


def create_app(
    book: ProtocolBook, *, pipeline: Pipeline | None = None, settings: Settings | None = None
) -> FastAPI:
    """The app over `book`; without `pipeline`, uploads answer 503 (intake_unavailable)."""
    app = FastAPI(title="Protokoll", version="0.2.0", description=DESCRIPTION)
    app.state.book = book
    app.state.pipeline = pipeline
    app.state.settings = settings or Settings()
    app.state.tokens = TokenStore(book.db)
    app.state.metrics = ApiMetrics(book.db)
    if pipeline is not None:
        instrument_pipeline(pipeline, app.state.metrics)
    install_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router)
    return app
