"""How far two labellings of the same lint findings agree, check by check. Prints tables; asserts nothing.

    python benchmarks/lint_label_agreement.py FIRST.jsonl SECOND.jsonl [--only-reported] [--list]

Both files hold findings in the format of ``benchmarks/data/lint_real.jsonl``
(``repo``, ``mode``, ``commit``, ``check``, ``path``, ``line`` name a finding;
``label`` says whether a reviewer would want it). Findings are matched on those
six fields; a finding in one file only is counted apart. ``debatable`` (when a
file has it) marks labels either labeller could have given the other way: the
table shows agreement on all matched findings and on the ones neither file marks
debatable. ``reported_now`` (when the second file has it) and ``--only-reported``
keep only findings the tool still reports. ``--list`` prints each disagreement
with both notes.

Cohen's kappa is given per check where both labels occur, since a check whose
findings are nearly all right agrees by chance alone.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

Key = tuple[str, str, str, str, str, int]


def load(path: Path) -> dict[Key, dict[str, Any]]:
    """The labelled findings of a file, by the six fields that name a finding."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {(r["repo"], r["mode"], r["commit"], r["check"], r["path"], r["line"]): r for r in rows}


def kappa(pairs: list[tuple[bool, bool]]) -> float | None:
    """Cohen's kappa of two boolean labellings; None when chance agreement is total."""
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first = sum(a for a, _ in pairs) / n
    second = sum(b for _, b in pairs) / n
    chance = first * second + (1 - first) * (1 - second)
    return None if chance == 1 else (observed - chance) / (1 - chance)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    parser.add_argument("--only-reported", action="store_true", help="only findings whose second label has reported_now true")
    parser.add_argument("--list", action="store_true", help="print every disagreement with both notes")
    args = parser.parse_args()
    first, second = load(args.first), load(args.second)
    shared = [k for k in first if k in second]
    if args.only_reported:
        shared = [k for k in shared if second[k].get("reported_now", True)]
    by_check: dict[str, list[Key]] = defaultdict(list)
    for key in shared:
        by_check[key[3]].append(key)
    only_first, only_second = len(first) - len(shared), len(second) - len(shared)
    print(f"{len(shared)} findings in both files ({only_first} only in the first, {only_second} only in the second)")
    header = f"{'check':<8} {'n':>4} {'agree':>6} {'rate':>5} {'kappa':>6}  {'clear n':>7} {'agree':>6} {'rate':>5}"
    print(header + "  right: first / second")
    for check in sorted(by_check):
        keys = by_check[check]
        pairs = [(bool(first[k]["label"]), bool(second[k]["label"])) for k in keys]
        clear = [p for k, p in zip(keys, pairs) if not first[k].get("debatable") and not second[k].get("debatable")]
        agree, clear_agree = sum(a == b for a, b in pairs), sum(a == b for a, b in clear)
        k = kappa(pairs)
        print(
            f"{check:<8} {len(pairs):>4} {agree:>6} {agree / len(pairs):>5.2f} {'-' if k is None else f'{k:.2f}':>6}  "
            f"{len(clear):>7} {clear_agree:>6} {(clear_agree / len(clear)) if clear else 0:>5.2f}  "
            f"{sum(a for a, _ in pairs)} / {sum(b for _, b in pairs)}"
        )
    if args.list:
        for key in sorted(shared, key=lambda k: (k[3], k)):
            a, b = first[key], second[key]
            if bool(a["label"]) == bool(b["label"]):
                continue
            print(f"\n{key[3]} {key[0]} {key[1]} {key[2][:10]} {key[4]}:{key[5]}")
            for who, row in (("first: ", a), ("second:", b)):
                verdict = ("right" if row["label"] else "wrong") + (" (debatable)" if row.get("debatable") else "")
                print(f"  {who} {verdict}: {row.get('note', '')}")


if __name__ == "__main__":
    main()
