"""API tokens (admin only): create one (its secret is shown once), list them, revoke one."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request

from api.codes import code
from api.deps import Admin
from api.routes.common import errors
from api.schemas_desk import TokenCreated, TokenOut, TokenRequest
from registry import TokenStore
from registry.views import as_utc

router = APIRouter(prefix="/api/tokens", tags=["tokens"])


def _tokens(request: Request) -> TokenStore:
    return request.app.state.tokens  # type: ignore[no-any-return]


@router.get("", response_model=list[TokenOut], responses=errors())
def list_tokens(request: Request, _caller: Admin) -> list[TokenOut]:
    return [
        TokenOut(
            name=t.name,
            role=t.role,
            created_at=as_utc(t.created_at),
            revoked_at=as_utc(t.revoked_at) if t.revoked_at else None,
        )  # fmt: skip
        for t in _tokens(request).list()
    ]


@router.post("", response_model=TokenCreated, status_code=201, responses=errors())
def create_token(body: TokenRequest, request: Request, caller: Admin) -> TokenCreated:
    role = str(code(body.role))
    secret = _tokens(request).create(name=body.name, role=role, actor=caller.name)
    return TokenCreated(name=body.name, role=role, secret=secret)


@router.delete("/{name}", status_code=204, responses=errors(404))
def revoke_token(
    name: Annotated[str, Path(min_length=1, max_length=200)], request: Request, caller: Admin
) -> None:
    _tokens(request).revoke(name, actor=caller.name)
