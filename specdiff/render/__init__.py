"""Output formats. Each module exposes ``render(diff, options) -> str``.

``FORMATS`` maps the names ``--format`` accepts to those modules; a new format
is a new module and one line here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from specdiff.model import SpecDiff


@dataclass(frozen=True)
class RenderOptions:
    """How to render, as settled once by the CLI."""

    color: bool = False
    width: int = 100
    matches: bool = False
    """JSON only: also list every matched pair, changed or not."""
    mentions: bool = False
    """Text: also name the documents that link to what changed ("mentioned in"); JSON always has them."""


class Renderer(Protocol):
    """What each renderer module provides (the type checker holds every entry of ``FORMATS`` to it)."""

    def render(self, diff: SpecDiff, options: RenderOptions) -> str: ...


from specdiff.render import changelog, json, markdown, sarif, terminal  # noqa: E402  (they import RenderOptions above)

FORMATS: dict[str, Renderer] = {
    "text": terminal,
    "json": json,
    "markdown": markdown,
    "sarif": sarif,
    "changelog": changelog,
}
