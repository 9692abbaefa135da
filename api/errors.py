"""Where exceptions become HTTP responses: JSON with a stable code, in English and Albanian."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from protokoll.errors import ProtokollError

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
}


def error_response(status: int, code: str, message: str, advice: str | None = None) -> JSONResponse:
    body = {"code": code, "message": message, "message_sq": ALBANIAN.get(code), "advice": advice}
    return JSONResponse(status_code=status, content=body)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ProtokollError)
    async def _protokoll(_request: Request, exc: ProtokollError) -> JSONResponse:
        return error_response(exc.http_status, exc.code, exc.message, exc.advice)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        details = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors()
        )
        return error_response(422, "validation_error", details or "invalid request")
