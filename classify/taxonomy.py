"""The routing vocabulary classify predicts in: the shared codes of protokoll.taxonomy."""

from protokoll.taxonomy import ADDRESSEES, KINDS, TOPIC_OFFICE, TOPICS, suggested_office

__all__ = ["ADDRESSEES", "KINDS", "TOPICS", "TOPIC_OFFICE", "suggested_office"]
