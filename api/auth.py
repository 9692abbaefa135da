"""Who is calling: a bearer token checked against registry.TokenStore, and the role it needs.

A missing, unknown or revoked token gets 401; a role too low gets 403. The token's name is the
actor recorded in the audit trail for every write the caller makes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.errors import ApiError
from registry import TokenStore, role_allows

_bearer = HTTPBearer(auto_error=False, description="An API token: `protokoll token create`.")


@dataclass(frozen=True)
class Caller:
    name: str
    role: str


def require(role: str) -> Callable[..., Caller]:
    """A dependency that admits callers whose role is `role` or above."""

    def dependency(
        request: Request,
        credentials: HTTPAuthorizationCredentials | None = Depends(_bearer),
    ) -> Caller:
        if credentials is None or not credentials.credentials:
            raise ApiError(401, "unauthorized", "an Authorization: Bearer token is required")
        tokens: TokenStore = request.app.state.tokens
        token = tokens.authenticate(credentials.credentials)
        if token is None:
            raise ApiError(401, "unauthorized", "the token is unknown or revoked")
        if not role_allows(token.role, role):
            raise ApiError(
                403, "forbidden", f"this needs the {role} role; the token is {token.role}"
            )
        return Caller(name=token.name, role=token.role)

    return dependency


clerk = require("clerk")
reviewer = require("reviewer")
director = require("director")
admin = require("admin")
