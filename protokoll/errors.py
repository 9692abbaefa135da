"""The root of Protokoll's one error tree, and what each error means for a file's fate.

    ProtokollError                    next_step
    ├── extract.ExtractionError       quarantine  (unreadable, corrupt, encrypted, too big, bomb)
    │   └── extract.OcrTimeout        (caught per page: the page comes back empty and flagged)
    ├── classify.ModelUnavailable     review      (letters go to review unclassified)
    ├── registry.RegistryError
    │   ├── EntryNotFound             client error (404)
    │   ├── ImmutableFieldError       client error (409): registered facts never change
    │   ├── InvalidTransition         client error (409)
    │   ├── InvalidValue              client error (422): unknown code, bad date
    │   └── NumberingError            retry       (the transaction rolled back, no number used)
    └── intake.IntakeError            quarantine or retry, as each subclass says

Exceptions become a file's fate in one place (intake.pipeline) and HTTP responses in one place
(api.errors).
"""

from __future__ import annotations

from enum import StrEnum


class NextStep(StrEnum):
    """What happens to the work that raised the error."""

    QUARANTINE = "quarantine"
    REVIEW = "review"
    RETRY = "retry"
    CLIENT = "client"  # the caller sent something wrong; nothing is kept


class ProtokollError(Exception):
    """Base of every error Protokoll raises on purpose.

    `code` is a stable machine-readable identifier, `advice` tells a clerk what to do, and
    `next_step` tells the pipeline what to do with the file.
    """

    code: str = "error"
    next_step: NextStep = NextStep.QUARANTINE
    advice: str = "Check the file and retry with `protokoll retry`."
    http_status: int = 500

    def __init__(self, message: str, *, advice: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if advice is not None:
            self.advice = advice

    def as_dict(self) -> dict[str, str]:
        return {
            "code": self.code,
            "message": self.message,
            "advice": self.advice,
            "next_step": str(self.next_step),
        }
