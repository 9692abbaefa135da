"""Errors of the intake stage itself (the other stages raise their own)."""

from __future__ import annotations

from protokoll.errors import NextStep, ProtokollError


class IntakeError(ProtokollError):
    code = "intake_error"
    next_step = NextStep.RETRY
    advice = "Retry with `protokoll retry`; if it persists, check disk space and permissions."


class OriginalMissing(IntakeError):
    code = "original_missing"
    advice = "The stored original is gone: restore data/originals from backup, then retry."


class FileTooLarge(IntakeError):
    code = "file_too_large"
    next_step = NextStep.QUARANTINE
    advice = "Split the file or raise PROTOKOLL_MAX_FILE_BYTES, then retry."
    http_status = 413
