"""``--format json``: the public contract of DESIGN section 8, schema ``specdiff/1``.

Fields may be added; renaming or removing one needs a new ``schema`` value.
Sides of an amendment are lists (a split has one old and several new clauses);
each side names its path, section id, heading, 1-based inclusive lines, text
and fingerprint.
"""

from __future__ import annotations

from typing import Any, TextIO

from specdiff.model import (
    Amendment,
    Clause,
    ClauseMatch,
    Effect,
    Explanation,
    FileDiff,
    Revision,
    Section,
    SectionMatch,
    SpecDiff,
)
from specdiff.nodes import output_kind
from specdiff.render import RenderOptions, json_text

SCHEMA = "specdiff/1"


def render(diff: SpecDiff, options: RenderOptions) -> str:
    return json_text.dumps(as_data(diff, matches=options.matches)) + "\n"


def write(diff: SpecDiff, options: RenderOptions, stream: TextIO) -> None:
    json_text.write(as_data(diff, matches=options.matches), stream)


def as_data(diff: SpecDiff, *, matches: bool = False) -> dict[str, Any]:
    """The JSON document as plain Python data."""
    return {
        "schema": SCHEMA,
        "base": _revision(diff.base),
        "head": _revision(diff.head),
        "files": [_file(f, matches) for f in diff.files],
        "summary": {
            "files": len(diff.files),
            "amendments": len(diff.amendments),
            "by_kind": diff.by_kind,
            "by_severity": diff.by_severity,
            "severity": diff.severity,
            "bump": diff.bump,
            "outputs": len(diff.outputs),
        },
        "impact": _roll_up(diff),
        "stale": diff.stale,
        "dangling": [{"where": d.where, "target": d.target, "reason": d.reason} for d in diff.dangling],
        "warnings": list(diff.warnings),
    }


def _roll_up(diff: SpecDiff) -> dict[str, list[dict[str, Any]]]:
    """Every output the diff reaches, by kind, with the ids of the amendments that reach it."""
    rolled: dict[str, list[dict[str, Any]]] = {"artifacts": [], "evals": []}
    for node, amendments in diff.outputs.items():
        kind = "evals" if output_kind(node) == "eval" else "artifacts"
        rolled[kind].append({"node": node, "amendments": [a.id for a in amendments]})
    return rolled


def _revision(revision: Revision) -> dict[str, Any]:
    return {"rev": revision.rev, "commit": revision.commit}


def _file(file: FileDiff, matches: bool) -> dict[str, Any]:
    data: dict[str, Any] = {
        "old_path": file.old_path,
        "new_path": file.new_path,
        "status": file.status,
        "amendments": [_amendment(a) for a in file.amendments],
    }
    if matches:
        data["matches"] = _matches(file)
    return data


def _amendment(amendment: Amendment) -> dict[str, Any]:
    return {
        "id": amendment.id,
        "unit": amendment.unit,
        "kind": amendment.kind,
        "severity": amendment.severity,
        "similarity": amendment.similarity,
        "old": [_side(item) for item in amendment.old],
        "new": [_side(item) for item in amendment.new],
        "effects": [_effect(e) for e in amendment.effects],
        "worth_a_read": amendment.worth_a_read,
        "word_diff": [[tag, text] for tag, text in amendment.word_diff],
        "impact": [{"node": i.node, "kind": i.kind, "why": list(i.why)} for i in amendment.impact],
        "mentioned_in": [{"node": i.node, "why": list(i.why)} for i in amendment.mentions],
        "explanation": _explanation(amendment.explanation),
    }


def _explanation(explanation: Explanation | None) -> dict[str, Any] | None:
    if explanation is None:
        return None
    return {
        "summary": explanation.summary,
        "verdict": explanation.verdict,
        "rationale": explanation.rationale,
        "model": explanation.model,
    }


def _side(item: Clause | Section) -> dict[str, Any]:
    if isinstance(item, Clause):
        return {
            "path": item.path,
            "section": item.section,
            "heading": item.heading,
            "lines": list(item.lines),
            "text": item.text,
            "fingerprint": item.fingerprint,
            "kind": item.kind,
        }
    return {
        "path": item.path,
        "section": item.id,
        "heading": item.heading,
        "lines": list(item.lines),
        "text": item.heading,
        "fingerprint": item.fingerprint,
        "level": item.level,
        "anchor": item.anchor,
        "attributes": dict(item.attributes),
    }


def _effect(effect: Effect) -> dict[str, Any]:
    return {
        "type": effect.type,
        "old": effect.old,
        "new": effect.new,
        "direction": effect.direction,
        "sentence": effect.sentence,
        "normative": effect.normative,
        "confidence": effect.confidence,
    }


def _matches(file: FileDiff) -> list[dict[str, Any]]:
    """Every paired section and clause, changed or not, so tools can carry notes across revisions."""
    if file.alignment is None:
        return []
    pairs: list[dict[str, Any]] = [_section_match(m) for m in file.alignment.sections]
    pairs += [_clause_match(m) for m in file.alignment.clauses]
    return pairs


def _section_match(match: SectionMatch) -> dict[str, Any]:
    return {"unit": "section", "old": _side(match.old), "new": _side(match.new), "score": match.score, "by": match.by}


def _clause_match(match: ClauseMatch) -> dict[str, Any]:
    return {
        "unit": "clause",
        "old": [_side(c) for c in match.old],
        "new": [_side(c) for c in match.new],
        "score": match.score,
        "moved": match.moved,
    }
