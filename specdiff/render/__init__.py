"""Output formats. Each module exposes ``render(diff, options) -> str`` and
``write(diff, options, stream)``, which the commands use: the JSON formats write
a part at a time (see ``json_text.write``), the others their rendered text.

``FORMATS`` maps the names ``--format`` accepts to those modules; a new format
is a new module and one line here. A module is imported when its format is
first used: importing every renderer (and ``html``, ``textwrap`` and the rest
they need) cost each command, even ``--format json``, about 18 ms.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Protocol, TextIO, cast

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

    def write(self, diff: SpecDiff, options: RenderOptions, stream: TextIO) -> None: ...


class _Formats(Mapping[str, Renderer]):
    """Format names to renderer modules, each imported on first lookup."""

    def __init__(self, modules: dict[str, str]) -> None:
        self._modules = modules

    def __getitem__(self, name: str) -> Renderer:
        return cast(Renderer, importlib.import_module(f"specdiff.render.{self._modules[name]}"))

    def __iter__(self) -> Iterator[str]:
        return iter(self._modules)

    def __len__(self) -> int:
        return len(self._modules)


FORMATS: Mapping[str, Renderer] = _Formats(
    {
        "text": "terminal",
        "json": "json",
        "markdown": "markdown",
        "sarif": "sarif",
        "changelog": "changelog",
    }
)
