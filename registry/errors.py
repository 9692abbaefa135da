"""Errors the protocol book raises. Each maps to one HTTP status in api.errors."""

from __future__ import annotations

from protokoll.errors import NextStep, ProtokollError


class RegistryError(ProtokollError):
    code = "registry_error"
    next_step = NextStep.RETRY
    advice = "Retry; if it persists, check the database."
    http_status = 500


class EntryNotFound(RegistryError):
    code = "entry_not_found"
    next_step = NextStep.CLIENT
    advice = "Check the year and number."
    http_status = 404


class ImmutableFieldError(RegistryError):
    code = "immutable_field"
    next_step = NextStep.CLIENT
    advice = "Registered facts never change: record a correction or annul the entry."
    http_status = 409


class InvalidTransition(RegistryError):
    code = "invalid_transition"
    next_step = NextStep.CLIENT
    advice = "Check the entry's status first."
    http_status = 409


class InvalidValue(RegistryError):
    code = "invalid_value"
    next_step = NextStep.CLIENT
    advice = "Use one of the codes listed in the taxonomy."
    http_status = 422


class NumberingError(RegistryError):
    code = "numbering_failed"
    next_step = NextStep.RETRY
    advice = "The transaction rolled back and no number was used; retry."
    http_status = 503


class AlreadyRegistered(RegistryError):
    """A letter with the same SHA-256 is in the book: the new delivery is a duplicate."""

    code = "already_registered"
    next_step = NextStep.CLIENT
    advice = "This file is already registered; it is recorded as a duplicate."
    http_status = 409

    def __init__(self, message: str, *, entry_id: int) -> None:
        super().__init__(message)
        self.entry_id = entry_id
