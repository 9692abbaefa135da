"""The classification stage's errors."""

from __future__ import annotations

from protokoll.errors import NextStep, ProtokollError


class ModelUnavailable(ProtokollError):
    """The trained model is missing or unreadable: letters go to review unclassified."""

    code = "model_unavailable"
    next_step = NextStep.REVIEW
    advice = "Train a model with `protokoll train`; until then every letter goes to review."
    http_status = 503
