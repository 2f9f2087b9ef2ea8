"""``specdiff lint`` output: text (one line per finding, like ruff), JSON, and SARIF 2.1.0.

SARIF results carry each finding's lines, so GitHub code scanning shows them on
the pull request's changed lines; ``partialFingerprints`` hold the check id, the
path and what was matched, so a finding keeps its identity when lines shift.
"""

from __future__ import annotations

import json
from typing import Any

from specdiff import __version__
from specdiff.lint.base import Finding
from specdiff.lint.registry import CHECKS
from specdiff.lint.run import LintResult
from specdiff.render.sarif import INFORMATION_URI, SCHEMA_URI

_SARIF_LEVEL = {"info": "note", "warning": "warning", "error": "error"}


def as_text(result: LintResult) -> str:
    lines = [f"{f.path}:{f.lines[0]}: {f.check} [{CHECKS[f.check].severity}] {f.message}" for f in result.findings]
    noun = "finding" if len(result.findings) == 1 else "findings"
    scope = "clauses" if result.base is None else "changed clauses"
    lines.append(f"{len(result.findings)} {noun} in {result.clauses} {scope}")
    return "\n".join(lines) + "\n"


def as_data(result: LintResult) -> dict[str, Any]:
    by_check: dict[str, int] = {}
    for f in result.findings:
        by_check[f.check] = by_check.get(f.check, 0) + 1
    return {
        "schema": "specdiff-lint/1",
        "base": None if result.base is None else {"rev": result.base.rev, "commit": result.base.commit},
        "head": {"rev": result.head.rev, "commit": result.head.commit},
        "findings": [_finding_data(f) for f in result.findings],
        "summary": {"findings": len(result.findings), "clauses": result.clauses, "by_check": dict(sorted(by_check.items()))},
    }


def _finding_data(f: Finding) -> dict[str, Any]:
    check = CHECKS[f.check]
    return {
        "check": f.check,
        "name": check.name,
        "severity": check.severity,
        "message": f.message,
        "path": f.path,
        "lines": list(f.lines),
        "section": f.section,
        "evidence": f.evidence,
        "other": None if f.other is None else {"path": f.other[0], "line": f.other[1]},
    }


def as_sarif(result: LintResult) -> dict[str, Any]:
    ids = sorted({f.check for f in result.findings} | set(CHECKS))
    rules = [
        {
            "id": f"specdiff-lint/{i}",
            "name": CHECKS[i].name,
            "shortDescription": {"text": CHECKS[i].summary},
            "help": {"text": f"Bad: {CHECKS[i].bad}\nGood: {CHECKS[i].good}"},
            "defaultConfiguration": {"level": _SARIF_LEVEL[CHECKS[i].severity]},
            "helpUri": f"{INFORMATION_URI}/blob/main/docs/lint.md#{i.lower()}",
        }
        for i in ids
    ]
    results = [
        {
            "ruleId": f"specdiff-lint/{f.check}",
            "ruleIndex": ids.index(f.check),
            "level": _SARIF_LEVEL[CHECKS[f.check].severity],
            "message": {"text": f"{CHECKS[f.check].name}: {f.message}"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": f.path, "uriBaseId": "%SRCROOT%"},
                        "region": {"startLine": f.lines[0], "endLine": max(f.lines)},
                    }
                }
            ],
            "partialFingerprints": {"specdiffLint/v1": f"{f.check}:{f.path}:{f.key[1]}"},
        }
        for f in result.findings
    ]
    driver = {"name": "specdiff-lint", "version": __version__, "informationUri": INFORMATION_URI, "rules": rules}
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [{"tool": {"driver": driver}, "results": results}]}


def render(result: LintResult, format: str) -> str:
    if format == "json":
        return json.dumps(as_data(result), indent=2, ensure_ascii=False) + "\n"
    if format == "sarif":
        return json.dumps(as_sarif(result), indent=2, ensure_ascii=False) + "\n"
    return as_text(result)
