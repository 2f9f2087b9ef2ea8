"""Breaking amendments per release pair, and the ones that break only through a non-rule sentence.

    python benchmarks/breaking_per_release.py REPO [--show N]

REPO is a git repository whose first-parent history is a spec's releases, one commit each (the
Model Spec corpus rebuilt as a repository: ``corpus-to-repo .../corpora/model_spec DIR``; never a
shared read-only clone, as the diff writes its caches under ``.git/specdiff``).

For each pair of consecutive commits it prints how many amendments the diff grades
``breaking`` (of how many), then lists the breaking amendments whose every breaking effect
(``semantics.breaking_effects``) sits in a sentence that is, on its face, not a rule of the
spec (issue 19's done-when: none may be breaking only because of one):

``heading``
    the amendment is a section's (renamed, added, removed) or the sentence is a heading;
``example title``
    the sentence opens with "Example" / "Counterexample" (a title over an example block);
``hedge``
    the sentence's only obliging or permitting words are lower-case "may", "might", "could"
    (likelihood, unless the sentence grants a licence);
``ability``
    its only such words are lower-case "can" and those above (ability, unless it licenses).

The face-value test is the benchmark's own, deliberately blunter than the reader in
``force``: a "may" that grants a licence ("the assistant may provide ...") is listed too, so
that a person reads each listed amendment and says whether the grade is right. The count of listed amendments
before and after a change of the reader is the figure; the listing says which to read.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from specdiff.diff import DiffRequest, diff_revisions  # noqa: E402
from specdiff.lexicon import modals  # noqa: E402
from specdiff.model import Amendment, Clause, Effect  # noqa: E402

try:
    from specdiff.semantics import breaking_effects  # noqa: E402
except ImportError:  # pragma: no cover - only to measure the code before it was public

    def breaking_effects(effects: list[Effect]) -> list[Effect]:
        from specdiff import semantics

        breaks, explains = semantics._is_breaking, semantics._force_explains  # type: ignore[attr-defined]
        return [e for e in effects if breaks(e) and not (e.type == "negation" and explains(effects, e.sentence))]


_EXAMPLE_TITLE = re.compile(r"^\W*(?:examples?|counter-?examples?)\b", re.IGNORECASE)
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
_HEDGES = {"may", "might", "could"}
_ABILITIES = {"can"}
# "may not", "cannot" are left out: with a subject they forbid ("The kiosk may not store card
# numbers", "You cannot borrow reference books"), as the annotation guide reads them.


def releases(repo: Path) -> list[tuple[str, str]]:
    """The first-parent commits of ``repo``, oldest first: (id, subject)."""
    done = subprocess.run(
        ["git", "-C", str(repo), "log", "--first-parent", "--reverse", "--format=%H %s"],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise SystemExit(f"breaking_per_release: {repo} is not a git repository: {done.stderr.strip()}")
    return [(line[:40], line[41:]) for line in done.stdout.splitlines() if line]


def non_rule_reason(amendment: Amendment, effect: Effect) -> str | None:
    """Why the sentence behind ``effect`` is, on its face, not a rule; ``None`` if it may be one."""
    if amendment.unit == "section" or effect.type == "heading":
        return "heading"
    sentence = effect.sentence or _clause_text(amendment)
    if _HEADING.match(sentence):
        return "heading"
    if _EXAMPLE_TITLE.match(sentence):
        return "example title"
    phrases = [m.phrase for m in modals(sentence)]
    if not phrases or any(p != p.lower() for p in phrases):
        return None  # no modal at all (a command, a deontic predicate), or a keyword in capitals
    words = {" ".join(p.replace("’", "'").split()) for p in phrases}
    if words <= _HEDGES:
        return "hedge"
    if words <= _ABILITIES | _HEDGES:
        return "ability"
    return None


def _clause_text(amendment: Amendment) -> str:
    sides = amendment.new or amendment.old
    return " ".join(c.normalized for c in sides if isinstance(c, Clause))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("repo", type=Path, help="a git repository of the releases (your own copy)")
    parser.add_argument("--show", type=int, default=50, help="how many listed amendments to print in full")
    parser.add_argument("--all", action="store_true", help="also print every breaking amendment, one line each")
    args = parser.parse_args()
    commits = releases(args.repo)
    if len(commits) < 2:
        raise SystemExit(f"breaking_per_release: {args.repo} has fewer than two commits")
    listed: list[tuple[str, Amendment, list[tuple[Effect, str]]]] = []
    total_breaking = 0
    print(f"{'release pair':<58} {'breaking':>8} {'of':>5}  only via a non-rule sentence")
    for (old, _), (new, subject) in zip(commits, commits[1:]):
        result = diff_revisions(DiffRequest(str(args.repo), (old, new), explain=False))
        breaking = [a for a in result.amendments if a.severity == "breaking"]
        total_breaking += len(breaking)
        suspects = 0
        for amendment in breaking:
            reasons = [(e, non_rule_reason(amendment, e)) for e in breaking_effects(amendment.effects)]
            if reasons and all(reason for _, reason in reasons):
                suspects += 1
                listed.append((f"{old[:7]}..{new[:7]}", amendment, [(e, r) for e, r in reasons if r]))
        print(f"{old[:7]}..{new[:7]} {subject[:40]:<42} {len(breaking):>8} {len(result.amendments):>5}  {suspects}")
        for amendment in breaking if args.all else []:
            why = " ".join(f"{e.type}({e.old}->{e.new})" for e in breaking_effects(amendment.effects))
            print(f"    {amendment.id} {amendment.kind} {_clause_text(amendment)[:70]!r} {why[:80]}")
    print(f"\nbreaking in all: {total_breaking}; breaking only via a non-rule sentence: {len(listed)}\n")
    for pair, amendment, reasons in listed[: args.show]:
        where = amendment.new or amendment.old
        lines = where[0].lines if where else (0, 0)
        print(f"{pair}  {amendment.kind} {amendment.unit} L{lines[0]}  {amendment.id}")
        for effect, reason in reasons:
            print(f"   {reason}: {effect.type}({effect.old} -> {effect.new}, {effect.direction})")
            print("   " + textwrap.shorten(effect.sentence or _clause_text(amendment), 160))
        print()


if __name__ == "__main__":
    main()
