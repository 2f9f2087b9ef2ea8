"""Eval cases for a change: select the ones it reaches for a runner (``select``), draft the missing ones (``draft``)."""

from __future__ import annotations

from typing import Literal

Runner = Literal["jsonl", "promptfoo", "pytest", "inspect"]
RUNNERS: tuple[Runner, ...] = ("jsonl", "promptfoo", "pytest", "inspect")
"""The eval runners ``specdiff evals select`` selects for (kept here so the CLI parser imports nothing heavy)."""
