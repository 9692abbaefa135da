"""What several route modules share: the error responses each may give, in the OpenAPI."""

from __future__ import annotations

from typing import Any

from api.schemas import ErrorBody


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI error responses: always 400 (a body that is not JSON), 401, 403 and 422, plus
    the statuses given."""
    return {s: {"model": ErrorBody} for s in sorted({400, 401, 403, 422, *statuses})}
