"""Protokoll's shared kernel: the settings object and the root of the error tree.

Every stage package (intake, extract, classify, registry, api) may import from here; this
package imports none of them.
"""

from protokoll.errors import NextStep, ProtokollError
from protokoll.settings import Settings

__all__ = ["NextStep", "ProtokollError", "Settings"]
