"""JSON text indented by two spaces, exactly as ``json.dumps(value, indent=2, ensure_ascii=False)`` writes it, faster.

With an indent, the standard library encodes in Python through nested
generators (its C encoder only writes compact text): on the largest Model Spec
release pair that took 28 ms of a 0.6 s diff, and 4.6 of 73 s (profiled) on a
20,000-clause spec with 30 % rewritten. This is one recursive function that
appends to a list, with the C string escaper, and writes the same bytes:
``tests/test_json_text.py`` compares the two on generated values. Arrays and
objects are laid out by two near-identical branches on purpose: one shared
routine for both cost a call per array or object, 23-25 % more processor time
(best of 15) on a 10.6 MB nested value (183 ms inlined, 225-229 ms shared).

>>> print(dumps({"a": [1, 2.5, None], "b": {}, "c": "é\\n"}))
{
  "a": [
    1,
    2.5,
    null
  ],
  "b": {},
  "c": "é\\n"
}
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any, TextIO

INDENT = "  "

WHOLE_BELOW = 4
"""How many levels of arrays and objects :func:`write` writes part by part; deeper values
are written whole. In a diff's JSON the fourth level is one amendment (document,
``files``, a file, its ``amendments``)."""


def dumps(value: Any) -> str:
    """``value`` as ``json.dumps(value, indent=2, ensure_ascii=False)`` would write it.

    Values it does not know (anything but dicts, lists, tuples, strings, numbers,
    booleans and ``None``, or dict keys json cannot turn into strings) are handed
    to ``json.dumps``, which raises as it always did.
    """
    out: list[str] = []
    try:
        _encode(value, "\n", out)
    except _Unknown:
        return json.dumps(value, indent=2, ensure_ascii=False)
    return "".join(out)


def write(value: Any, stream: TextIO) -> None:
    """Write ``value`` and a newline to ``stream``, as ``dumps(value) + "\\n"``, a part at a time.

    The whole text never exists at once. One emoji makes Python keep a string at
    four bytes a character: the largest Model Spec release pair's 1.1 MB of JSON
    took 4.5 MB as one string, and building it (the pieces, the joined text,
    and a copy with the newline) added 9 MB to the diff's peak memory.
    A value only ``json.dumps`` knows raises ``TypeError`` (what was written so
    far stays written).
    """
    try:
        _write(value, "\n", stream, WHOLE_BELOW)
    except _Unknown:
        json.dumps(value)  # raises the TypeError json.dumps raises for it
        raise
    stream.write("\n")


def _write(value: Any, newline: str, stream: TextIO, levels: int) -> None:
    """Write ``value`` to ``stream``: arrays and objects ``levels`` deep a part at a time, the rest whole."""
    if levels == 0 or not value or not isinstance(value, (list, tuple, dict)):
        out: list[str] = []
        _encode(value, newline, out)
        stream.write("".join(out))
        return
    inner = newline + INDENT
    separator = inner
    if isinstance(value, dict):
        stream.write("{")
        for key, item in value.items():
            stream.write(separator + encode_basestring(key if isinstance(key, str) else _key(key)) + ": ")
            separator = "," + inner
            _write(item, inner, stream, levels - 1)
        stream.write(newline + "}")
    else:
        stream.write("[")
        for item in value:
            stream.write(separator)
            separator = "," + inner
            _write(item, inner, stream, levels - 1)
        stream.write(newline + "]")


class _Unknown(Exception):
    """A value or key only ``json.dumps`` knows what to do with (or to refuse)."""


def _encode(value: Any, newline: str, out: list[str]) -> None:
    """Append ``value`` to ``out``; ``newline`` is a newline and the indent of the current level."""
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(_float(value))
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = newline + INDENT
        out.append("[")
        separator = inner
        for item in value:
            out.append(separator)
            separator = "," + inner
            _encode(item, inner, out)
        out.append(newline)
        out.append("]")
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + INDENT
        out.append("{")
        separator = inner
        for key, item in value.items():
            out.append(separator)
            separator = "," + inner
            out.append(encode_basestring(key if isinstance(key, str) else _key(key)))
            out.append(": ")
            _encode(item, inner, out)
        out.append(newline)
        out.append("}")
    else:
        raise _Unknown


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


def _key(key: Any) -> str:
    """A dict key that is not a string, as json writes it."""
    if isinstance(key, float):
        return _float(key)
    if key is True:
        return "true"
    if key is False:
        return "false"
    if key is None:
        return "null"
    if isinstance(key, int):
        return int.__repr__(key)
    raise _Unknown
