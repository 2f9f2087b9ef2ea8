"""``--format sarif``: breaking amendments and stale outputs as SARIF 2.1.0, for code scanning.

Each breaking amendment is a result at the lines it changed (the new lines,
or where a removed clause was); each stale output, or each output reached when
there is no lock file, is a result on the output file. GitHub code scanning
shows them on the pull request's changed lines. ``partialFingerprints`` carry
the amendment id, so a result keeps its identity across pushes.
"""

from __future__ import annotations

from typing import Any, TextIO

from specdiff import __version__
from specdiff.model import Amendment, FileDiff, SpecDiff
from specdiff.nodes import output_path
from specdiff.render import RenderOptions, json_text
from specdiff.render.words import describe_effect, output_name

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/specdiff/specdiff"

RULES = [
    {
        "id": "specdiff/breaking-amendment",
        "name": "BreakingAmendment",
        "shortDescription": {"text": "A spec amendment adds, removes, reverses or strengthens an obligation."},
        "fullDescription": {
            "text": "The clause's obligation changed in a way that can break what is built from it: an obligation "
            "added, removed, reversed or strengthened, or a number or negation changed in a rule."
        },
        "defaultConfiguration": {"level": "error"},
        "helpUri": f"{INFORMATION_URI}/blob/main/docs/severity.md",
    },
    {
        "id": "specdiff/stale-output",
        "name": "StaleOutput",
        "shortDescription": {"text": "An output or eval depends on spec clauses that changed."},
        "fullDescription": {"text": "Rebuild or review the output, re-run the eval, then record it with `specdiff stamp`."},
        "defaultConfiguration": {"level": "warning"},
        "helpUri": f"{INFORMATION_URI}/blob/main/docs/impact.md",
    },
]


def render(diff: SpecDiff, options: RenderOptions) -> str:
    return json_text.dumps(as_data(diff)) + "\n"


def write(diff: SpecDiff, options: RenderOptions, stream: TextIO) -> None:
    json_text.write(as_data(diff), stream)


def as_data(diff: SpecDiff) -> dict[str, Any]:
    results = [_breaking(a, f) for f in diff.files for a in f.amendments if a.severity == "breaking"]
    stale = diff.stale if diff.stale is not None else list(diff.outputs)
    results += [_stale(node, diff) for node in stale]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {"name": "specdiff", "version": __version__, "informationUri": INFORMATION_URI, "rules": RULES}
                },
                "results": results,
                "properties": {"base": diff.base.commit, "head": diff.head.commit, "bump": diff.bump},
            }
        ],
    }


def _breaking(amendment: Amendment, file: FileDiff) -> dict[str, Any]:
    effects = "; ".join(describe_effect(e) for e in amendment.effects) or amendment.kind
    if amendment.new:
        path, first, last = amendment.new[0].path, amendment.new[0].lines[0], amendment.new[-1].lines[1]
        where = ""
    else:  # removed: its old lines mean nothing in the file as it is now, so point at the file
        path, first, last = file.new_path or file.old_path or amendment.old[0].path, 1, 1
        where = f" (was at line {amendment.old[0].lines[0]})"
    heading = (amendment.new or amendment.old)[0].heading or "top of file"
    return {
        "ruleId": "specdiff/breaking-amendment",
        "ruleIndex": 0,
        "level": "error",
        "message": {"text": f"{amendment.kind} in § {heading}{where}: {effects}"},
        "locations": [_location(path, first, last)],
        "partialFingerprints": {"specdiffAmendment/v1": amendment.id},
    }


def _stale(node: str, diff: SpecDiff) -> dict[str, Any]:
    reached_by = diff.outputs.get(node, [])
    changed = sorted({(a.new or a.old)[0].heading or (a.new or a.old)[0].path for a in reached_by})
    because = f" after changes to § {', § '.join(changed)}" if changed else " since it was stamped"
    return {
        "ruleId": "specdiff/stale-output",
        "ruleIndex": 1,
        "level": "warning",
        "message": {"text": f"{output_name(node)} is stale{because}."},
        "locations": [_location(output_path(node), 1, 1)],
        "partialFingerprints": {"specdiffOutput/v1": node},
    }


def _location(path: str, first: int, last: int) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": path, "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": first, "endLine": max(first, last)},
        }
    }
