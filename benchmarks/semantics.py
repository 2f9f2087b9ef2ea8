"""How well ``semantics`` reads a change: effect types, modality direction, severity. Prints tables; asserts nothing.

    python benchmarks/semantics.py [PAIRS_FILE]

PAIRS_FILE (default: ``semantics_pairs.jsonl`` next to this script) holds one
hand-labelled clause pair per line::

    {"id": "mod-01", "old": "...", "new": "...", "capitals": false,
     "effects": ["modality"], "modality": [["should", "must", "strengthened"]],
     "numbers": [], "severity": "breaking", "note": "..."}

An optional ``"example": true`` marks the pair as an example block. The id's
prefix before the first ``-`` names the kind of pair (mod, neg, num, quant,
cond, edit, word, trap, mix, ex); the labels are what a careful human reviewer
expects, not what the tool happens to say.

For each pair the script calls ``describe_change(old, new, capitals=...)`` and
``severity("modified", effects)`` and reports:

1. precision and recall per effect type (modality, negation, number,
   quantifier, condition, example, wording, editorial); a type counts as
   predicted when any effect of that type is returned;
2. modality direction accuracy, on pairs where both the label and the tool
   have a modality effect (the sets of directions must be equal);
3. severity accuracy and a confusion matrix (rows: expected, columns: got);
4. exact agreement per kind of pair (effect set and severity both right);
5. every pair it got wrong, with expected against got, to study.

Targets: precision >= 0.95 and recall >= 0.90 for modality, negation and
number; severity accuracy >= 0.90.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from specdiff.model import Effect  # noqa: E402
from specdiff.semantics import describe_change, severity  # noqa: E402

EFFECT_TYPES = ("modality", "negation", "number", "quantifier", "condition", "example", "wording", "editorial")
SEVERITIES = ("editorial", "substantive", "breaking")
TARGETS = {"modality": (0.95, 0.90), "negation": (0.95, 0.90), "number": (0.95, 0.90)}
SEVERITY_TARGET = 0.90
DEFAULT_PAIRS = Path(__file__).resolve().parent / "semantics_pairs.jsonl"


@dataclass
class Result:
    pair: dict
    effects: list[Effect] = field(default_factory=list)
    severity: str = ""
    error: str = ""

    @property
    def expected_types(self) -> set[str]:
        return set(self.pair["effects"])

    @property
    def got_types(self) -> set[str]:
        return {e.type for e in self.effects}

    @property
    def expected_directions(self) -> set[str]:
        return {m[2] for m in self.pair.get("modality", []) if m[2]}

    @property
    def got_directions(self) -> set[str]:
        return {e.direction for e in self.effects if e.type == "modality" and e.direction}

    @property
    def direction_judged(self) -> bool:
        return "modality" in self.expected_types and "modality" in self.got_types

    @property
    def direction_right(self) -> bool:
        return self.expected_directions == self.got_directions

    @property
    def right(self) -> bool:
        return (
            not self.error
            and self.expected_types == self.got_types
            and self.severity == self.pair["severity"]
            and (not self.direction_judged or self.direction_right)
        )


def load(path: Path) -> list[dict]:
    pairs = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                pairs.append(json.loads(line))
            except json.JSONDecodeError as error:
                print(f"{path}:{number}: skipped, not JSON ({error})")
    return pairs


def run(pair: dict) -> Result:
    result = Result(pair)
    try:
        result.effects = describe_change(
            pair["old"], pair["new"], capitals=bool(pair.get("capitals")), example=bool(pair.get("example"))
        )
        result.severity = severity("modified", result.effects)
    except Exception as error:  # a benchmark reports a crash, it does not stop on it
        result.error = f"{type(error).__name__}: {error}"
    return result


def ratio(hits: int, total: int) -> str:
    return f"{hits / total:.3f}" if total else "  n/a"


def effect_table(results: list[Result]) -> None:
    print("1. Effect types (a type is predicted if any effect of that type is returned)\n")
    print(f"{'type':<11} {'expected':>8} {'predicted':>9} {'correct':>7} {'precision':>9} {'recall':>7}   target")
    for kind in EFFECT_TYPES:
        expected = sum(kind in r.expected_types for r in results)
        predicted = sum(kind in r.got_types for r in results)
        correct = sum(kind in r.expected_types and kind in r.got_types for r in results)
        target = ""
        if kind in TARGETS:
            p_min, r_min = TARGETS[kind]
            p_ok = not predicted or correct / predicted >= p_min
            r_ok = not expected or correct / expected >= r_min
            target = f"P>={p_min} R>={r_min} {'met' if p_ok and r_ok else 'MISSED'}"
        print(
            f"{kind:<11} {expected:>8} {predicted:>9} {correct:>7} {ratio(correct, predicted):>9} "
            f"{ratio(correct, expected):>7}   {target}"
        )
    print()


def direction_table(results: list[Result]) -> None:
    judged = [r for r in results if r.direction_judged]
    right = sum(r.direction_right for r in judged)
    print("2. Modality direction (pairs where both the label and the tool have a modality effect)\n")
    print(f"direction accuracy: {right}/{len(judged)} = {ratio(right, len(judged))}")
    mistakes = Counter(
        (" ".join(sorted(r.expected_directions)) or "-", " ".join(sorted(r.got_directions)) or "-")
        for r in judged
        if not r.direction_right
    )
    for (want, got), count in mistakes.most_common():
        print(f"   expected {want:<14} got {got:<26} x{count}")
    print()


def severity_table(results: list[Result]) -> None:
    scored = [r for r in results if not r.error]
    right = sum(r.severity == r.pair["severity"] for r in scored)
    met = "met" if scored and right / len(scored) >= SEVERITY_TARGET else "MISSED"
    print("3. Severity\n")
    print(f"severity accuracy: {right}/{len(scored)} = {ratio(right, len(scored))}   target >={SEVERITY_TARGET} {met}\n")
    matrix = Counter((r.pair["severity"], r.severity) for r in scored)
    print(f"{'expected/got':<16}" + "".join(f"{s:>13}" for s in SEVERITIES))
    for want in SEVERITIES:
        print(f"{want:<16}" + "".join(f"{matrix[(want, got)]:>13}" for got in SEVERITIES))
    print()


def kind_table(results: list[Result]) -> None:
    print("4. Exact agreement by kind of pair (effect types, direction and severity all right)\n")
    by_kind: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        by_kind[r.pair["id"].split("-")[0]].append(r)
    print(f"{'kind':<8} {'pairs':>5} {'right':>5} {'share':>6}   false modality/negation/number")
    for kind, group in by_kind.items():
        right = sum(r.right for r in group)
        false = Counter(t for r in group for t in ("modality", "negation", "number") if t in r.got_types - r.expected_types)
        noise = ", ".join(f"{t} x{n}" for t, n in false.items()) or "-"
        print(f"{kind:<8} {len(group):>5} {right:>5} {ratio(right, len(group)):>6}   {noise}")
    total = sum(r.right for r in results)
    print(f"{'all':<8} {len(results):>5} {total:>5} {ratio(total, len(results)):>6}\n")


def describe(effect: Effect) -> str:
    text = effect.type
    if effect.old is not None or effect.new is not None:
        text += f"({effect.old!s} -> {effect.new!s}"
        text += f", {effect.direction})" if effect.direction else ")"
    return text


def mistakes(results: list[Result]) -> None:
    wrong = [r for r in results if not r.right]
    print(f"5. Pairs got wrong: {len(wrong)} of {len(results)}\n")
    for r in wrong:
        p = r.pair
        print(f"{p['id']}{'  [capitals]' if p.get('capitals') else ''}")
        print(textwrap.indent(textwrap.shorten(f"old: {p['old']}", 160), "   "))
        print(textwrap.indent(textwrap.shorten(f"new: {p['new']}", 160), "   "))
        if r.error:
            print(f"   crashed: {r.error}")
        else:
            want = sorted(r.expected_types)
            modality = [f"{m[0]} -> {m[1]}, {m[2]}" for m in p.get("modality", [])]
            if modality:
                want.append("[" + "; ".join(modality) + "]")
            print(f"   expected: {' '.join(want)} | {p['severity']}")
            print(f"   got:      {' '.join(describe(e) for e in r.effects) or '(none)'} | {r.severity}")
        if p.get("note"):
            print(f"   note: {p['note']}")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pairs", nargs="?", type=Path, default=DEFAULT_PAIRS, help="JSON Lines file of labelled pairs")
    args = parser.parse_args()
    pairs = load(args.pairs)
    results = [run(pair) for pair in pairs]
    kinds = Counter(t for p in pairs for t in p["effects"])
    print(f"{len(pairs)} labelled pairs from {args.pairs}")
    print("labelled effects: " + ", ".join(f"{t} {kinds[t]}" for t in EFFECT_TYPES))
    crashed = [r.pair["id"] for r in results if r.error]
    if crashed:
        print(f"crashed on: {', '.join(crashed)}")
    print()
    effect_table(results)
    direction_table(results)
    severity_table(results)
    kind_table(results)
    mistakes(results)


if __name__ == "__main__":
    main()
