"""render.json_text writes what ``json.dumps(indent=2, ensure_ascii=False)`` writes, byte for byte."""

from __future__ import annotations

import io
import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from specdiff.render.json_text import dumps, write

_leaves = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
_keys = st.text() | st.integers() | st.booleans() | st.none() | st.floats(allow_nan=False)
_values = st.recursive(
    _leaves,
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner) | st.dictionaries(_keys, inner, max_size=4),
    max_leaves=30,
)


@given(_values)
def test_writes_what_json_dumps_writes(value):
    assert dumps(value) == json.dumps(value, indent=2, ensure_ascii=False)


@given(_values)
def test_writing_part_by_part_writes_what_dumps_writes_and_a_newline(value):
    stream = io.StringIO()
    write(value, stream)
    assert stream.getvalue() == dumps(value) + "\n"


def test_writing_a_deep_value_writes_its_deepest_levels_whole():
    value = {"files": [{"amendments": [{"id": "a", "effects": [{"type": "modality"}]}], "status": "M"}], "warnings": []}
    writes: list[str] = []
    stream = io.StringIO()
    stream.write = lambda text: writes.append(text) or len(text)  # type: ignore[method-assign]
    write(value, stream)
    assert "".join(writes) == json.dumps(value, indent=2, ensure_ascii=False) + "\n"
    assert any(w.startswith('{\n          "id": "a"') for w in writes)  # one amendment, whole


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, {"k": [[], {}, ""]}, '\u2028 \x00 \\ " é'])
def test_special_values_are_written_as_json_writes_them(value):
    assert dumps(value) == json.dumps(value, indent=2, ensure_ascii=False)


def test_a_value_json_cannot_write_raises_as_json_does():
    with pytest.raises(TypeError, match="not JSON serializable"):
        dumps({"when": object()})
    with pytest.raises(TypeError, match="not JSON serializable"):
        write({"when": object()}, io.StringIO())
