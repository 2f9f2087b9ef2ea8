"""How well specdiff reads real clause changes: rules, directions, severity. Prints figures; asserts nothing.

    python benchmarks/semantics_real.py [CASES] [--repos DIR] [--corpora DIR] [--errors N]

CASES (default ``benchmarks/data/semantics_real.jsonl``) holds one labelled
real clause change per line, stored as pointers, never text (the schema and
the label vocabulary are in the annotation guide next to the cases)::

    {"id": "semver-012", "repo": "semver/semver",
     "old": {"commit": "<sha>", "path": "semver.md", "lines": [41, 43]},   # null: clause added
     "new": {"commit": "<sha>", "path": "semver.md", "lines": [45, 48]},   # null: clause removed
     "class": "hedge", "old_rule": true, "new_rule": true,
     "direction": "strengthened", "severity": "breaking", "debatable": false, "note": "..."}

The text is read at run time: a GitHub repository ``owner/name`` from the
clone ``DIR/name`` (``--repos``, default ``/work/clones``), a corpus
``corpus:NAME`` from ``DIR/NAME/<commit>/<path>`` (``--corpora``, default
``/work/shared/corpora``). Each side is parsed as the whole file it comes from,
so a clause is read in its place (its section, the lead-in above a list item,
the document's keyword conventions), and the RFC 2119 capitals mode is decided
once per repository from every file the cases read there, as a configured
repository would fix it.

Figures:

1. rule detection: per side present, does specdiff find a rule where the
   label says the text states one (accuracy, and precision/recall of "rule");
2. direction: the amendment's main direction (``semantics.main_direction``)
   against the label;
3. severity accuracy and its confusion matrix;
4. ``breaking`` precision and recall;
5. the same per class, then every error, to read.

Figures are given on all cases and on the cases not marked debatable.
Targets (issue 19): rule detection >= 0.92, direction >= 0.90, severity >=
0.90, breaking precision and recall >= 0.90.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import textwrap
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from specdiff.amendments import amendments_from  # noqa: E402
from specdiff.lexicon import uses_rfc2119_capitals  # noqa: E402
from specdiff.model import Alignment, Amendment, Clause, ClauseMatch, Document, Effect, Section, SectionMatch  # noqa: E402
from specdiff.parse import parse_document  # noqa: E402

try:  # the reader of issue 19; absent on older code, measured with the fallback below
    from specdiff.force import Place, rules, states_rule  # noqa: E402
    from specdiff.semantics import main_direction  # noqa: E402
except ImportError:  # pragma: no cover - only to measure the code before the reader
    states_rule = None  # type: ignore[assignment]
    main_direction = None  # type: ignore[assignment]

DEFAULT_CASES = Path(__file__).resolve().parent / "data" / "semantics_real.jsonl"
SEVERITIES = ("editorial", "substantive", "breaking")
TARGETS = {"rule detection": 0.92, "direction": 0.90, "severity": 0.90, "breaking precision": 0.90, "breaking recall": 0.90}


@dataclass
class Side:
    text: str
    """The clause text as the file has it at those lines."""
    clauses: tuple[Clause, ...]
    document: Document
    heading: Section | None = None
    """When the lines hold a heading and no clause: its section."""


@dataclass
class Result:
    case: dict[str, Any]
    old: Side | None = None
    new: Side | None = None
    amendment: Amendment | None = None
    old_rule: bool | None = None
    new_rule: bool | None = None
    direction: str = ""
    severity: str = ""
    error: str = ""
    flags: list[str] = field(default_factory=list)

    @property
    def rule_right(self) -> list[bool]:
        got = []
        for side in ("old", "new"):
            want = self.case.get(f"{side}_rule")
            if want is not None and not self.error:
                got.append(bool(getattr(self, f"{side}_rule")) == bool(want))
        return got


class Texts:
    """Reads a case side's file from a clone or a corpus folder, remembering what it read."""

    def __init__(self, repos: Path, corpora: Path) -> None:
        self.repos, self.corpora = repos, corpora
        self._cache: dict[tuple[str, str, str], str] = {}

    def file(self, repo: str, commit: str, path: str) -> str:
        key = (repo, commit, path)
        if key not in self._cache:
            self._cache[key] = self._read(repo, commit, path)
        return self._cache[key]

    def _read(self, repo: str, commit: str, path: str) -> str:
        if repo.startswith("corpus:"):
            return (self.corpora / repo.removeprefix("corpus:") / commit / path).read_text(encoding="utf-8")
        clone = self.repos / repo.split("/")[-1]
        done = subprocess.run(["git", "-C", str(clone), "show", f"{commit}:{path}"], capture_output=True, check=False)
        if done.returncode:
            raise LookupError(f"cannot read {commit[:10]}:{path} in {clone}: {done.stderr.decode().strip()}")
        return done.stdout.decode("utf-8-sig")

    def files_of(self, repo: str) -> list[str]:
        return [text for (name, _, _), text in self._cache.items() if name == repo]


def side_of(texts: Texts, repo: str, pointer: dict[str, Any] | None) -> Side | None:
    if pointer is None:
        return None
    text = texts.file(repo, pointer["commit"], pointer["path"])
    first, last = pointer["lines"]
    document = parse_document(text, pointer["path"])
    clauses = tuple(c for c in document.clauses if c.lines[0] <= last and c.lines[1] >= first)
    heading = next((s for s in document.sections if s.level and first <= s.lines[0] <= last), None)
    if not clauses and heading is None:
        raise LookupError(f"no clause or heading at lines {first}-{last} of {pointer['path']}")
    return Side("\n".join(text.split("\n")[first - 1 : last]), clauses, document, None if clauses else heading)


def read_case(result: Result, capitals: bool) -> None:
    """Run specdiff's reading on one case, as the diff would on that clause pair."""
    old, new = result.old, result.new
    if (old and old.heading) or (new and new.heading):
        read_heading_case(result, capitals)
        return
    old_doc = old.document if old else parse_document("", "")
    new_doc = new.document if new else parse_document("", "")
    new_sections = {s.id: s for s in new_doc.sections}
    own = {}  # the sections of the case's own clauses are paired whatever their ids (as alignment pairs them)
    if old and new:
        own = {_section_of(old.clauses[0], old_doc).id: _section_of(new.clauses[0], new_doc)}
    matched = [
        SectionMatch(s, own.get(s.id) or new_sections[s.id], 1.0, "heading")
        for s in old_doc.sections
        if s.id in own or s.id in new_sections
    ]
    paired_new = {m.new.id for m in matched}
    old_ids = {m.old.id for m in matched}
    alignment = Alignment(
        sections=matched,
        added_sections=[s for s in new_doc.sections if s.id not in paired_new],
        removed_sections=[s for s in old_doc.sections if s.id not in old_ids],
        clauses=[ClauseMatch(old.clauses, new.clauses, 0.5)] if old and new else [],
        added=list(new.clauses) if new and not old else [],
        removed=list(old.clauses) if old and not new else [],
    )
    try:
        found = amendments_from(alignment, capitals=capitals)  # type: ignore[call-arg]
    except TypeError:  # older code decides the capitals mode itself
        found = amendments_from(alignment)
    clause_amendments = [a for a in found if a.unit == "clause"]
    if not clause_amendments:
        result.severity, result.direction = "editorial", "none"
        result.flags.append("no amendment: the normalized texts are equal")
        amendment = None
    else:
        amendment = max(clause_amendments, key=lambda a: SEVERITIES.index(a.severity))
        result.severity = amendment.severity
    result.amendment = amendment
    if states_rule is not None:
        result.old_rule = states_rule(old.clauses, old.document, capitals=capitals) if old else None
        result.new_rule = states_rule(new.clauses, new.document, capitals=capitals) if new else None
        if amendment is not None:
            result.direction = main_direction(amendment)
    else:
        result.old_rule = _legacy_rule(old, capitals) if old else None
        result.new_rule = _legacy_rule(new, capitals) if new else None
        if amendment is not None:
            result.direction = _legacy_direction(amendment)


def _section_of(clause: Clause, document: Document) -> Section:
    return next(s for s in document.sections if s.id == clause.section)


def read_heading_case(result: Result, capitals: bool) -> None:
    """A case whose lines hold a section heading: read as the diff reads a renamed, added or removed section
    (a section added or removed comes or goes with its clauses, as a whole section does in the diff)."""
    old = result.old.heading if result.old else None
    new = result.new.heading if result.new else None
    alignment = Alignment(
        sections=[SectionMatch(old, new, 0.5, "content")] if old and new else [],
        added_sections=[new] if new and not old else [],
        removed_sections=[old] if old and not new else [],
        clauses=[],
        added=list(new.clauses) if new and not old else [],
        removed=list(old.clauses) if old and not new else [],
    )
    try:
        found = amendments_from(alignment, capitals=capitals)  # type: ignore[call-arg]
    except TypeError:
        found = amendments_from(alignment)
    amendment = next((a for a in found if a.unit == "section"), None)
    result.amendment = amendment
    result.severity = amendment.severity if amendment else "editorial"
    if states_rule is not None:
        result.old_rule = bool(rules(old.heading, Place("heading"))) if old else None
        result.new_rule = bool(rules(new.heading, Place("heading"))) if new else None
    else:  # the code before the reader read a heading's words like any sentence's
        from specdiff.lexicon import modals

        result.old_rule = bool(modals(old.heading, capitals=capitals)) if old else None
        result.new_rule = bool(modals(new.heading, capitals=capitals)) if new else None
    if amendment is None:
        result.direction = "none"
    elif main_direction is not None:
        result.direction = main_direction(amendment)
    else:
        result.direction = _legacy_direction(amendment)


def _legacy_rule(side: Side, capitals: bool) -> bool:
    from specdiff.lexicon import modals

    return any(c.kind != "example" and modals(c.normalized, capitals=capitals) for c in side.clauses)


def _legacy_direction(amendment: Amendment) -> str:
    """What the effects of the code before issue 19 amount to, in the label vocabulary."""
    if amendment.kind in ("added", "removed"):
        return amendment.kind if any(e.type == "modality" for e in amendment.effects) else "none"
    order = ("reversed", "added", "removed", "strengthened", "weakened")
    directions = [
        "added"
        if e.old is None and e.direction != "reversed"
        else "removed"
        if e.new is None and e.direction != "reversed"
        else e.direction
        for e in amendment.effects
        if e.type == "modality" and e.direction
    ]
    for direction in order:
        if direction in directions:
            return direction
    types = {e.type for e in amendment.effects}
    if "number" in types:
        return "number_changed"
    if "negation" in types:
        return "reversed"
    if "condition" in types:
        return "exception_added"
    return "none"


# -- figures ---------------------------------------------------------------------


def share(hits: int, total: int) -> str:
    return f"{hits / total:.3f}" if total else "  n/a"


def figures(results: list[Result]) -> dict[str, tuple[int, int]]:
    """Hits and totals for each headline figure."""
    scored = [r for r in results if not r.error]
    rule_checks = [ok for r in scored for ok in r.rule_right]
    predicted = [r for r in scored if r.severity == "breaking"]
    actual = [r for r in scored if r.case["severity"] == "breaking"]
    both = [r for r in predicted if r.case["severity"] == "breaking"]
    return {
        "rule detection": (sum(rule_checks), len(rule_checks)),
        "direction": (sum(r.direction == r.case["direction"] for r in scored), len(scored)),
        "severity": (sum(r.severity == r.case["severity"] for r in scored), len(scored)),
        "breaking precision": (len(both), len(predicted)),
        "breaking recall": (len(both), len(actual)),
    }


def print_figures(title: str, results: list[Result]) -> None:
    print(f"{title} ({len(results)} cases)")
    for name, (hits, total) in figures(results).items():
        met = "met" if total and hits / total >= TARGETS[name] else "MISSED"
        print(f"   {name:<20} {hits:>4}/{total:<4} = {share(hits, total)}   target >= {TARGETS[name]:.2f} {met}")
    print()


def print_confusions(results: list[Result]) -> None:
    scored = [r for r in results if not r.error]
    matrix = Counter((r.case["severity"], r.severity) for r in scored)
    print("Severity (rows: label, columns: specdiff)")
    print(f"{'':<14}" + "".join(f"{s:>13}" for s in SEVERITIES))
    for want in SEVERITIES:
        print(f"{want:<14}" + "".join(f"{matrix[(want, got)]:>13}" for got in SEVERITIES))
    print()
    wrong = Counter((r.case["direction"], r.direction) for r in scored if r.direction != r.case["direction"])
    print("Direction mistakes (label -> specdiff)")
    for (want, got), count in wrong.most_common():
        print(f"   {want:<18} -> {got:<18} x{count}")
    print()


def print_by(key: Callable[[Result], str], title: str, results: list[Result]) -> None:
    groups: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        groups[key(r)].append(r)
    print(f"By {title}: cases, rule detection, direction, severity, breaking P / R")
    for name in sorted(groups):
        f = figures(groups[name])
        cells = "  ".join(f"{share(*f[k]):>6}" for k in f)
        print(f"   {name:<22} {len(groups[name]):>4}  {cells}")
    print()


def show(side: Side | None, width: int) -> str:
    return "(absent)" if side is None else textwrap.shorten(" ".join(side.text.split()), width)


def describe(effect: Effect) -> str:
    text = effect.type
    if effect.old is not None or effect.new is not None:
        text += f"({effect.old!s} -> {effect.new!s}"
        text += f", {effect.direction})" if effect.direction else ")"
    elif effect.direction:
        text += f"({effect.direction})"
    return text


def print_errors(results: list[Result], limit: int) -> None:
    wrong = [
        r
        for r in results
        if r.error or r.severity != r.case["severity"] or r.direction != r.case["direction"] or not all(r.rule_right)
    ]
    print(f"Errors: {len(wrong)} of {len(results)} cases (showing {min(limit, len(wrong))})\n")
    for r in wrong[:limit]:
        c = r.case
        tag = " [debatable]" if c.get("debatable") else ""
        print(f"{c['id']}  class={c.get('class')}{tag}")
        if r.error:
            print(f"   could not read: {r.error}\n")
            continue
        print(f"   old: {show(r.old, 150)}")
        print(f"   new: {show(r.new, 150)}")
        print(
            f"   label:    rules {c.get('old_rule')}/{c.get('new_rule')}  {c['direction']}  {c['severity']}"
            f"   ({textwrap.shorten(c.get('note') or '', 90)})"
        )
        effects = " ".join(describe(e) for e in r.amendment.effects) if r.amendment else "(no amendment)"
        print(f"   specdiff: rules {r.old_rule}/{r.new_rule}  {r.direction}  {r.severity}   {effects}")
        for flag in r.flags:
            print(f"   note: {flag}")
        print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cases", nargs="?", type=Path, default=DEFAULT_CASES)
    parser.add_argument("--repos", type=Path, default=Path("/work/clones"), help="folder of the clones, one per repository name")
    parser.add_argument("--corpora", type=Path, default=Path("/work/shared/corpora"), help="folder of the exported corpora")
    parser.add_argument("--errors", type=int, default=400, help="how many errors to list")
    args = parser.parse_args()
    if not args.cases.is_file():
        raise SystemExit(f"semantics_real: no cases file at {args.cases}")
    cases = [json.loads(line) for line in args.cases.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = Texts(args.repos, args.corpora)
    results = [Result(case) for case in cases]
    for r in results:
        try:
            r.old = side_of(texts, r.case["repo"], r.case.get("old"))
            r.new = side_of(texts, r.case["repo"], r.case.get("new"))
        except (LookupError, OSError, UnicodeDecodeError) as error:
            r.error = str(error)
    capitals = {repo: uses_rfc2119_capitals(texts.files_of(repo)) for repo in {c["repo"] for c in cases}}
    for r in results:
        if not r.error:
            read_case(r, capitals[r.case["repo"]])
    repos = Counter(c["repo"] for c in cases)
    print(f"{len(cases)} cases from {args.cases} ({len(repos)} histories: {', '.join(f'{k} {v}' for k, v in repos.items())})")
    print("capitals mode: " + ", ".join(f"{k} {'on' if v else 'off'}" for k, v in sorted(capitals.items())))
    unread = [r for r in results if r.error]
    if unread:
        print(f"could not read {len(unread)} cases (listed with the errors)")
    print()
    print_figures("All cases", results)
    print_figures("Cases not marked debatable", [r for r in results if not r.case.get("debatable")])
    print_confusions(results)
    print_by(lambda r: str(r.case.get("class")), "class", results)
    print_by(lambda r: r.case["repo"], "history", results)
    print_errors(results, args.errors)


if __name__ == "__main__":
    main()
