"""Where exceptions become HTTP responses: JSON with a stable code, in English and Albanian.

Protokoll's own errors carry their status (`http_status`); the API adds `ApiError` for what only
HTTP knows (no token, a role too low, an upload too big). Validation errors become 422, unknown
routes 404, and anything unexpected a 500 that says nothing about the letter it was handling.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from protokoll.errors import NextStep, ProtokollError

log = logging.getLogger("protokoll.api")

ALBANIAN = {
    "entry_not_found": "Regjistrimi nuk u gjet.",
    "immutable_field": "Të dhënat e regjistruara nuk ndryshojnë.",
    "invalid_transition": "Veprimi nuk lejohet në këtë gjendje.",
    "invalid_value": "Vlerë e pavlefshme.",
    "already_registered": "Ky dokument është regjistruar tashmë.",
    "validation_error": "Të dhëna të pavlefshme në kërkesë.",
    "unauthorized": "Mungon ose është i pavlefshëm tokeni.",
    "forbidden": "Roli juaj nuk e lejon këtë veprim.",
    "file_too_large": "Skedari është shumë i madh.",
    "not_found": "Nuk u gjet.",
    "method_not_allowed": "Metoda nuk lejohet.",
    "intake_unavailable": "Pranimi i skedarëve nuk është aktiv në këtë server.",
    "original_missing": "Origjinali nuk gjendet në arkiv.",
    "not_quarantined": "Skedari nuk është në karantinë.",
    "registry_error": "Gabim në regjistër; provoni përsëri.",
    "numbering_failed": "Numri nuk u caktua; provoni përsëri.",
    "internal_error": "Gabim i brendshëm; provoni përsëri.",
    "http_error": "Kërkesë e pavlefshme.",
}


class ApiError(ProtokollError):
    """An error only the HTTP layer knows of, with its status."""

    next_step = NextStep.CLIENT

    def __init__(self, status: int, code: str, message: str, *, advice: str | None = None):
        super().__init__(message, advice=advice)
        self.http_status = status
        self.code = code


def error_response(
    status: int,
    code: str,
    message: str,
    advice: str | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = {"code": code, "message": message, "message_sq": ALBANIAN.get(code), "advice": advice}
    return JSONResponse(status_code=status, content=body, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ProtokollError)
    async def _protokoll(_request: Request, exc: ProtokollError) -> JSONResponse:
        if exc.http_status >= 500:
            log.error("request failed", extra={"code": exc.code})
        headers = {"WWW-Authenticate": "Bearer"} if exc.http_status == 401 else None
        return error_response(exc.http_status, exc.code, exc.message, exc.advice, headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        details = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors()
        )
        return error_response(422, "validation_error", details or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 405:
            headers["Allow"] = ", ".join(_allowed_methods(app, request.url.path))
        return error_response(exc.status_code, code, str(exc.detail), headers=headers or None)

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
        # Only the type: the message could quote a letter.
        log.error("unexpected error", extra={"error_type": type(exc).__name__})
        return error_response(500, "internal_error", "an unexpected error occurred")


def _allowed_methods(app: FastAPI, path: str) -> list[str]:
    """Every method some route answers on `path` (Starlette names only the first route's)."""
    methods: set[str] = set()
    for route in app.routes:
        regex = getattr(route, "path_regex", None)
        if regex is not None and regex.match(path):
            methods |= set(getattr(route, "methods", None) or ())
    return sorted(methods)
