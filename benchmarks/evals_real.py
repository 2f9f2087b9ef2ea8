"""What ``specdiff evals draft`` does with the last release of a real spec. Prints figures and drafts; asserts nothing.

    python benchmarks/evals_real.py /work/clones/model_spec [--base REV] [--head REV] [--show 3] [--width 110]

PATH is a git repository of the OpenAI Model Spec (the corpus rebuilt with
corpus-to-repo: one commit per release, subjects ``Release 2025-12-18``). The
script never writes into PATH: it clones it to a temporary folder first
(specdiff keeps caches in .git). Without ``--base``/``--head`` it compares the
last release (``HEAD`` and any ``rev 2`` commits of the same date) with the
release before it.

It prints:

1. the amendments of the release by severity, and how many breaking amendments
   no eval case reaches (no ``examples/<id>.md`` footnoted on the clause, nor
   any other eval in the dependency graph);
2. how many drafts ``evals draft --offline`` writes, by reason, and how many of
   them are for those unreached breaking amendments;
3. ``specdiff coverage`` at the release, and again once every draft is
   accepted (the patch applied and committed in the clone): the drafts must
   parse back as evals of their clauses;
4. ``--show`` of the drafts for unreached breaking amendments, the first of
   each section, as written to a staging folder (offline: the skeleton, which
   quotes the clause). Every line is cut to ``--width`` characters so the
   spec's own text shows as a short excerpt only.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

from specdiff.cli import main
from specdiff.diff import DiffRequest, diff_revisions
from specdiff.evals.draft import draft_targets

RELEASE = re.compile(r"^Release (\S+)")
FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]")


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout.strip()


def last_release(repo: Path) -> tuple[str, str]:
    """The commit before the newest release's first commit, and ``HEAD`` (a release may take several commits)."""
    commits = [line.split(" ", 1) for line in git(repo, "log", "--format=%H %s").splitlines()]
    newest = RELEASE.match(commits[0][1])
    if newest is None:
        raise SystemExit(f"{repo}: HEAD's subject is not 'Release <date>'; give --base and --head")
    for sha, subject in commits[1:]:
        match = RELEASE.match(subject)
        if match is None or match.group(1) != newest.group(1):
            return sha, commits[0][0]
    raise SystemExit(f"{repo}: no release before {newest.group(1)}")


def run(*argv: str) -> tuple[str, str]:
    """One specdiff command, in process, as a user would run it: its stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    if code != 0:
        raise SystemExit(f"specdiff {' '.join(argv)} failed (exit {code}): {err.getvalue()}")
    return out.getvalue(), err.getvalue()


def coverage(repo: Path) -> tuple[int, int, set[str]]:
    """``specdiff coverage`` at HEAD: normative clauses, covered ones, and the text of those not covered."""
    data = json.loads(run("coverage", "-C", str(repo), "--rev", "HEAD", "--format", "json")[0])
    # Without footnote marks: accepting a Model Spec draft adds one to its clause.
    uncovered = {FOOTNOTE.sub("", c["text"]) for s in data["sections"] for c in s["uncovered"]}
    return data["total"]["normative"], data["total"]["covered"], uncovered


def cut(line: str, width: int) -> str:
    return line if len(line) <= width else line[: width - 2] + " …"


def main_() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("repo", type=Path, help="a git repository of the Model Spec (cloned, never written to)")
    parser.add_argument("--base", help="the revision before the release (default: the previous release)")
    parser.add_argument("--head", help="the release (default: HEAD)")
    parser.add_argument("--show", type=int, default=3, help="how many drafts to print (default: 3)")
    parser.add_argument("--width", type=int, default=110, help="cut printed lines to this many characters (default: 110)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        clone = Path(folder) / "spec"
        subprocess.run(["git", "clone", "-q", str(args.repo), str(clone)], check=True)
        base, head = last_release(clone) if args.base is None else (args.base, args.head or "HEAD")
        print(f"{args.repo}: {git(clone, 'log', '-1', '--format=%s', base)} -> {git(clone, 'log', '-1', '--format=%s', head)}")
        result = diff_revisions(DiffRequest(clone, (base, head), explain=False))
        amendments = result.amendments
        breaking = [a for a in amendments if a.severity == "breaking"]
        unreached = [a for a in breaking if not any(i.kind == "eval" for i in a.impact)]
        print(f"amendments: {len(amendments)} ({', '.join(f'{n} {s}' for s, n in result.by_severity.items())})")
        print(f"breaking amendments no eval reaches: {len(unreached)} of {len(breaking)}")
        targets = draft_targets(amendments)
        unreached_ids = {a.id for a in unreached}
        for_unreached = [t for t in targets if t.amendment.id in unreached_ids]
        reasons = Counter(t.reason for t in targets)
        print(f"drafts: {len(targets)} ({', '.join(f'{n} {r}' for r, n in reasons.most_common())}); "
              f"{len(for_unreached)} for unreached breaking amendments")
        stage = Path(folder) / "stage"
        summary = run("evals", "draft", "-C", str(clone), base, head, "--offline", "--stage", str(stage))[1]
        print(f"specdiff evals draft: {summary.strip()}")
        # Accepting every draft, as a person would after filling in the TODOs: does coverage count them?
        patch = run("evals", "draft", "-C", str(clone), base, head, "--offline")[0]
        before = coverage(clone)
        git(clone, "checkout", "-q", head)
        subprocess.run(["git", "-C", str(clone), "apply", "-"], input=patch, text=True, check=True)
        git(clone, "add", "-A")
        git(clone, "-c", "user.name=bench", "-c", "user.email=bench@example.invalid", "commit", "-qm", "accept drafts")
        after = coverage(clone)
        texts = [FOOTNOTE.sub("", t.clause.normalized) for t in targets]
        were_uncovered = [text for text in texts if text in before[2]]
        still = [text for text in were_uncovered if text in after[2]]
        print(f"coverage at the release: {before[1]} of {before[0]} normative clauses; with every draft accepted: "
              f"{after[1]} of {after[0]} (evals reach through cross-references too)")
        print(f"drafted clauses no eval reached: {len(were_uncovered)} of {len(targets)}; reached once accepted: "
              f"{len(were_uncovered) - len(still)}")
        for text in still:
            print(f"    still not reached: {cut(text, args.width - 24)}")
        shown = list({t.clause.section: t for t in reversed(for_unreached)}.values())[::-1]  # the first of each section
        for target in shown[: args.show]:
            label = target.case_id.removeprefix("draft-")
            print(f"\n--- {target.case_id}: {target.reason}, {target.clause.path} § {target.clause.heading} "
                  f"(line {target.clause.lines[0]}, which gets the footnote [^{label}])")
            print(f"    change: {cut(target.change, args.width - 12)}")
            for path in sorted(stage.rglob(f"{label}.md")):
                print(f"    {path.relative_to(stage)}:")
                for line in path.read_text().splitlines():
                    print(cut(f"    | {line}", args.width))


if __name__ == "__main__":
    main_()
