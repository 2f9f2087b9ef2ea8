"""Control characters made visible, so text from a pull request cannot drive the reader's terminal.

A spec file, a commit subject, a path or a model's answer can hold escape
sequences: ``ESC ] 0 ;`` retitles the window, ``ESC [ 2 J`` clears the screen,
``ESC ] 8 ;;`` makes a hyperlink, ``CR`` or ``ESC [ 8 m`` hides the words
before or after it. :func:`printable` turns every C0 and C1 control character
(tab and line feed excepted) and DEL into the six characters of its JSON
escape, ``\\u001b``: readable, and still the same character if the output is
JSON. :class:`PrintableStream` applies it to everything a command writes, so
no output path can forget; with colour on it lets specdiff's own colour codes
(SGR, ``ESC [ … m``) through, and the terminal renderer neutralises the text
it colours itself.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, TextIO, TypeVar

T = TypeVar("T")

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_OR_COLOUR = re.compile(r"(\x1b\[[0-9;]*m)|[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` with each control character written as its escape.

    >>> printable("a\\x1b]0;owned\\x07b\\tc\\n")
    'a\\\\u001b]0;owned\\\\u0007b\\tc\\n'
    >>> printable("\\x9b2J")
    '\\\\u009b2J'
    """
    return _CONTROL.sub(_escaped, text)


def printable_keeping_colour(text: str) -> str:
    """Like :func:`printable`, but ``ESC [ … m`` colour codes stay.

    >>> printable_keeping_colour("\\x1b[31mred\\x1b[0m\\x1b[2J")
    '\\x1b[31mred\\x1b[0m\\\\u001b[2J'
    """
    return _CONTROL_OR_COLOUR.sub(lambda m: m.group(1) or _escaped(m), text)


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group(0)):04x}"


class PrintableStream:
    """A text stream that writes everything through :func:`printable` to the stream it wraps."""

    def __init__(self, stream: TextIO, *, keep_colour: bool = False) -> None:
        self.stream = stream
        self.keep_colour = keep_colour

    def write(self, text: str) -> int:
        self.stream.write(printable_keeping_colour(text) if self.keep_colour else printable(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:  # flush, isatty, fileno, encoding...
        return getattr(self.stream, name)


def printable_copy(value: T) -> T:
    """A copy of a result (dataclasses, lists, tuples, dicts) with :func:`printable` applied to
    every string in it: for the review app, which draws the screen itself. Objects shared in
    ``value`` stay shared in the copy (an alignment and its amendments hold the same clauses).
    """
    copies: dict[int, Any] = {}

    def copy(item: Any) -> Any:
        if isinstance(item, str):
            return printable(item)
        if id(item) in copies:
            return copies[id(item)]
        if dataclasses.is_dataclass(item) and not isinstance(item, type):
            fields = {f.name: copy(getattr(item, f.name)) for f in dataclasses.fields(item) if f.init}
            made: Any = dataclasses.replace(item, **fields)
        elif isinstance(item, (list, tuple, set)):
            made = type(item)(copy(element) for element in item)
        elif isinstance(item, dict):
            made = {copy(key): copy(element) for key, element in item.items()}
        else:
            return item
        copies[id(item)] = made
        return made

    result: T = copy(value)
    return result
