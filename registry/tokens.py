"""API tokens: a name, a role, and only the SHA-256 of the secret. Roles are cumulative:
clerk < reviewer < director < admin. Creating and revoking tokens is audited."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from registry.audit import record_change
from registry.book import utc_now
from registry.db import Database
from registry.errors import EntryNotFound, InvalidValue
from registry.models import ApiToken

ROLES = ("clerk", "reviewer", "director", "admin")


def role_allows(role: str, needed: str) -> bool:
    return ROLES.index(role) >= ROLES.index(needed)


def hash_token(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class TokenView:
    name: str
    role: str
    created_at: datetime
    revoked_at: datetime | None


class TokenStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def create(self, *, name: str, role: str, actor: str) -> str:
        """Store a new token and return its secret, which is never stored or shown again."""
        if role not in ROLES:
            raise InvalidValue(f"unknown role {role!r}; expected one of {', '.join(ROLES)}")
        secret = "pk_" + secrets.token_urlsafe(32)
        now = utc_now()
        with self.db.write() as session:
            existing = session.execute(select(ApiToken).where(ApiToken.name == name)).scalar()
            if existing is not None:
                raise InvalidValue(f"a token named {name!r} exists; revoke it or pick another name")
            session.add(
                ApiToken(name=name, role=role, token_hash=hash_token(secret), created_at=now)
            )
            record_change(session, at=now, actor=actor, action="token_create", field="role",
                          new=role, detail=name)  # fmt: skip
        return secret

    def revoke(self, name: str, *, actor: str) -> None:
        now = utc_now()
        with self.db.write() as session:
            token = session.execute(select(ApiToken).where(ApiToken.name == name)).scalar()
            if token is None:
                raise EntryNotFound(f"no token named {name!r}")
            token.revoked_at = now
            record_change(session, at=now, actor=actor, action="token_revoke", detail=name)

    def authenticate(self, secret: str) -> TokenView | None:
        """The active token with this secret, or None."""
        with self.db.read() as session:
            token = session.execute(
                select(ApiToken).where(ApiToken.token_hash == hash_token(secret))
            ).scalar()
            if token is None or token.revoked_at is not None:
                return None
            return TokenView(token.name, token.role, token.created_at, token.revoked_at)

    def list(self) -> list[TokenView]:
        with self.db.read() as session:
            rows = session.execute(select(ApiToken).order_by(ApiToken.id)).scalars()
            return [TokenView(t.name, t.role, t.created_at, t.revoked_at) for t in rows]
