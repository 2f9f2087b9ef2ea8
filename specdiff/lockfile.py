"""``specdiff.lock``: what each output was last built or reviewed against.

For every artifact and eval, the lock records the fingerprints of the spec
clauses it depends on, grouped by section, and the commit it was stamped at:

    {
      "outputs": {
        "artifact:generated/policy.py": {
          "commit": "9f3e2a1…",
          "inputs": {"spec/behavior.md#holds_and_renewals": ["5d1c…", "a0b2…"]}
        }
      },
      "version": 1
    }

Keys are sorted and each list is in document order, so two branches that
stamp different outputs merge without conflict. The file is written
atomically, and a file that cannot be read is an error, never overwritten
(unless ``specdiff stamp --force`` is asked to).
"""

from __future__ import annotations

import json
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from specdiff.atomic import exclusive, write_text_atomically
from specdiff.errors import SpecdiffError
from specdiff.graph import SpecGraph
from specdiff.nodes import section_key, split_section_key
from specdiff.repo import FULL_COMMIT_ID

LOCK_NAME = "specdiff.lock"
VERSION = 1


@dataclass(frozen=True)
class Stamp:
    """One output's inputs when it was stamped."""

    commit: str | None
    inputs: dict[str, tuple[str, ...]]
    """``path#section`` → the fingerprints of the clauses the output depends on there."""


@dataclass
class Lock:
    stamps: dict[str, Stamp] = field(default_factory=dict)
    """By output node (``artifact:…``, ``eval:…``)."""


MAX_LOCK_BYTES = 32_000_000
"""Largest lock read: a 205 MB lock took 1.3 GB to read; 32 MB holds some 300,000 fingerprints."""


def read_lock(path: Path) -> Lock | None:
    """The lock at ``path``; ``None`` if there is none; a SpecdiffError if it is damaged or odd
    (a folder, a FIFO, a link, too large, nested too deeply)."""
    try:
        if path.is_symlink() or (path.exists() and not path.is_file()):
            raise SpecdiffError(f"{path.name} is not a regular file; delete it and run `specdiff stamp` again")
        if path.stat().st_size > MAX_LOCK_BYTES:
            raise SpecdiffError(
                f"{path.name} is over {MAX_LOCK_BYTES // 1_000_000} MB, more than a lock can need; "
                "delete it and run `specdiff stamp` again"
            )
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise SpecdiffError(f"cannot read {path.name}: {error}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise SpecdiffError(
            f"{path.name} is not valid JSON (line {error.lineno}: {error.msg}); "
            "fix it, or delete it and run `specdiff stamp` again"
        ) from None
    except (ValueError, RecursionError):  # a number of thousands of digits, or nesting thousands deep
        raise SpecdiffError(f"{path.name} is not a specdiff lock file (a value too large or nested too deeply)") from None
    version = data.get("version") if isinstance(data, dict) else None
    if type(version) is int and version > VERSION:
        raise SpecdiffError(f"{path.name} was written by a newer specdiff (lock version {version}); upgrade specdiff")
    try:
        return _lock_from(data)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise SpecdiffError(
            f"{path.name} is not a specdiff lock file ({error}); fix it, or delete it and run `specdiff stamp` again"
        ) from None


def write_lock(path: Path, lock: Lock) -> None:
    """Write the lock atomically: a crash leaves the old file or the new one, never half of one.

    Run it inside :func:`updating` when the lock was read first, so a second
    ``specdiff stamp`` waits instead of overwriting this one's entries.
    """
    data = {
        "version": VERSION,
        "outputs": {
            output: {"commit": stamp.commit, "inputs": {k: list(v) for k, v in sorted(stamp.inputs.items())}}
            for output, stamp in sorted(lock.stamps.items())
        },
    }
    write_text_atomically(path, json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n")


def updating(state_dir: Path) -> AbstractContextManager[None]:
    """Hold ``.git/specdiff`` locked while the lock is read, changed and written."""
    return exclusive(state_dir)


def inputs_of(graph: SpecGraph, output: str) -> dict[str, tuple[str, ...]]:
    """What an output depends on now: its clauses' fingerprints by ``path#section``, in order."""
    grouped: dict[str, list[tuple[int, str]]] = {}
    for node in graph.inputs_of(output):
        clause = graph.clause(node)
        grouped.setdefault(section_key(clause.path, clause.section), []).append((clause.ordinal, clause.fingerprint))
    return {key: tuple(fp for _, fp in sorted(entries)) for key, entries in sorted(grouped.items())}


def current_inputs(graph: SpecGraph, output: str, stamp: Stamp) -> dict[str, tuple[str, ...]]:
    """What an output depends on now, keyed as in its stamp (a renamed spec file keeps its stamped keys)."""
    return _following_renames(inputs_of(graph, output), stamp.inputs, graph.spec_paths())


def stale_outputs(graph: SpecGraph, lock: Lock) -> list[str]:
    """Stamped outputs whose inputs changed since."""
    return [o for o in graph.outputs() if o in lock.stamps and current_inputs(graph, o, lock.stamps[o]) != lock.stamps[o].inputs]


def _following_renames(
    now: dict[str, tuple[str, ...]], stamped: dict[str, tuple[str, ...]], paths: set[str]
) -> dict[str, tuple[str, ...]]:
    """``now``, with the sections of a renamed spec file filed under their stamped path.

    A section of a file the stamp never saw is taken for the same section of a
    stamped file that is gone, so moving ``spec/definitions.md`` to
    ``spec/glossary.md`` makes nothing stale, and editing one clause while
    moving it shows just that clause.
    """
    stamped_paths = {split_section_key(key)[0] for key in stamped}
    renamed = dict(now)
    for key in stamped:
        path, section = split_section_key(key)
        if path in paths:
            continue  # the stamped file is still there: not a rename
        new_names = [k for k in renamed if split_section_key(k)[1] == section and split_section_key(k)[0] not in stamped_paths]
        if new_names:
            renamed[key] = renamed.pop(new_names[0])
    return renamed


def _lock_from(data: Any) -> Lock:
    if not isinstance(data, dict):
        raise ValueError("expected a JSON object")
    if data.get("version") != VERSION or type(data.get("version")) is not int:
        raise ValueError(f'expected "version": {VERSION}, found {json.dumps(data.get("version"))}')
    if "outputs" not in data:
        raise ValueError('no "outputs"')
    stamps = {}
    for output, entry in data["outputs"].items():
        commit = entry.get("commit")
        # Only a full commit id: anything else in a lock is refused, never handed to git.
        if commit is not None and not (isinstance(commit, str) and FULL_COMMIT_ID.fullmatch(commit)):
            raise ValueError(f"the commit of {output} is not a commit id: {json.dumps(commit)}")
        inputs = {str(k): tuple(str(fp) for fp in v) for k, v in entry["inputs"].items()}
        stamps[str(output)] = Stamp(commit, inputs)
    return Lock(stamps)
