"""Messages the review screen's background workers post back to it.

Workers run in threads; they never touch widgets or the diff. They post one
of these, and the screen applies it on the app's own thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from specdiff.model import Explanation


@dataclass
class ExplanationReady(Message):
    """The language model answered about one amendment (or could not)."""

    amendment_id: str
    explanation: Explanation | None
    warning: str | None
    """Why there is no explanation, in one line."""


@dataclass
class OutputsStamped(Message):
    """``specdiff.lock`` now records the outputs an amendment reaches (or could not be written)."""

    amendment_id: str
    stamped: list[str]
    """Output nodes stamped: ``artifact:…``, ``eval:…``."""
    error: str | None
