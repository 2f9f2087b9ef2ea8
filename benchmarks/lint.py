"""How often ``specdiff lint`` speaks on real specs, and how often it is right. Prints tables; asserts nothing.

    python benchmarks/lint.py --repo model_spec=/work/clones/model_spec --repo json_schema=/work/clones/json_schema
        [--labels benchmarks/data/lint_real.jsonl ...] [--history N] [--candidates OUT.jsonl]

The labels name nine repositories: ``model_spec`` and ``json_schema`` (the corpora rebuilt
with corpus-to-repo), ``semver``, ``toml``, ``openapi`` (OAI/OpenAPI-Specification), ``mcp``
(modelcontextprotocol/modelcontextprotocol), ``http-extensions`` (httpwg/http-extensions),
``openspec`` (Fission-AI/OpenSpec) and ``spec-kit`` (github/spec-kit); pass a clone for each
to score them all (labels of repositories without a clone are skipped). Each label says who
wrote it (``labeller``): ``tuner`` (whoever tuned the checks), ``lintlab`` (an independent
labeller, blind to the checks' code and to the tuner's labels) or ``holdout``
(``benchmarks/data/lint_holdout.jsonl``: a third blind labeller, on runs no other set came from,
kept from whoever tunes the checks; ``lint_holdout_runs.jsonl`` lists the runs it sampled) or
``fresh`` (``lint_holdout2.jsonl``: a fourth blind labeller on five repositories no check was tuned
on: ``cloudevents`` (cloudevents/spec), ``graphql-spec`` (graphql/graphql-spec), ``opentelemetry``
(open-telemetry/opentelemetry-specification), ``asyncapi`` (asyncapi/spec) and ``a2a``
(a2aproject/A2A); ``lint_holdout2_runs.jsonl`` lists its 217 runs) or ``third``
(``lint_holdout3.jsonl``, the third held-out set: a fifth blind labeller on five more: ``image-spec``
(opencontainers/image-spec), ``runtime-spec`` (opencontainers/runtime-spec), ``libp2p-specs``
(libp2p/specs), ``tuf-spec`` (theupdateframework/specification) and ``devcontainers-spec``
(devcontainers/spec); ``lint_holdout3_runs.jsonl`` lists the 59 runs it sampled) or ``fourth``
(``lint_holdout4.jsonl``, the fourth held-out set, a sixth blind labeller: ``openfeature-spec``
(open-feature/spec), ``ipfs-specs`` (ipfs/specs), ``in-toto-attestation`` (in-toto/attestation),
``cdevents-spec`` (cdevents/spec) and ``serverless-workflow`` (serverlessworkflow/specification);
``lint_holdout4_runs.jsonl`` lists its 14 runs) or ``fifth`` (``lint_holdout5.jsonl``, the fifth
held-out set, a seventh blind labeller: ``slsa`` (slsa-framework/slsa), ``json-api``
(json-api/json-api), ``spiffe`` (spiffe/spiffe) and ``component-model`` (WebAssembly/component-model);
``lint_holdout5_runs.jsonl`` lists its 16 runs) or ``sixth`` (``lint_holdout6.jsonl``, the sixth
held-out set, two more blind labellers: ``distribution-spec`` (opencontainers/distribution-spec),
``purl-spec`` (package-url/purl-spec), ``oauth-v2-1`` (oauth-wg/oauth-v2-1), ``ppm-dap``
(ietf-wg-ppm/draft-ietf-ppm-dap), ``matrix-spec`` (matrix-org/matrix-spec), ``lsp``
(microsoft/language-server-protocol), ``quic`` (quicwg/base-drafts), ``mls`` (mlswg/mls-protocol),
``scitt`` (ietf-wg-scitt/draft-ietf-scitt-architecture) and ``sarif`` (oasis-tcs/sarif-spec);
``lint_holdout6_runs.jsonl`` lists its 316 runs). A repository whose history
lacks large binary blobs (cloudevents, as fetched here) is checked out without them (see
``corpus.private_clone``).

Each ``--repo NAME=PATH`` is a git repository of a real spec (the corpora rebuilt
with corpus-to-repo keep the upstream commit ids). The script never writes into
PATH: it clones it to a temporary folder first (specdiff keeps caches in .git).

Every check runs (``--select ALL``), those off by default too, so that each is scored.

1. Findings per 1,000 clauses with ``--all`` at the newest commit, per check, with the checks
   on by default and with all of them.
2. With ``--history N``: findings of ``specdiff lint PARENT COMMIT`` on the N
   newest commits, per check (what a PR would be told).
3. With ``--labels``: precision per check on the labelled findings. Each line
   points at a finding and says whether a careful reviewer would want it::

       {"repo": "json_schema", "mode": "all", "commit": "<sha>", "check": "VAG001",
        "path": "specs/jsonschema-core.md", "line": 562, "evidence": "reasonable",
        "label": true, "note": "..."}

   ``mode`` is ``all`` (``--all`` at ``commit``) or ``diff`` (``commit``'s parent
   against ``commit``). A labelled finding the tool no longer reports is counted as
   gone, right and wrong apart (it counts neither way in the precision: the label is about
   text the tool pointed at).
4. ``--candidates OUT`` writes every finding of 1 and 2 in the labels' format,
   without ``label``, for labelling.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import subprocess
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from corpus import private_clone

from specdiff.cli import main
from specdiff.lint.registry import OFF_BY_DEFAULT


def lint_json(repo: Path, *args: str) -> dict:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(["lint", "-C", str(repo), *args, "--select", "ALL", "--format", "json", "--fail-on", "never"])
    if code != 0:
        raise SystemExit(f"specdiff lint {' '.join(args)} failed in {repo} (exit {code})")
    return json.loads(out.getvalue())


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout.strip()


EVIDENCE_KEPT = 30
"""Evidence up to this length is a matched phrase ("as appropriate") and is kept; longer, it is the
spec's own sentence, which a pointer must not carry (the text is read from a clone at run time)."""


def pointer(name: str, mode: str, commit: str, finding: dict) -> dict:
    return {
        "repo": name,
        "mode": mode,
        "commit": commit,
        "check": finding["check"],
        "path": finding["path"],
        "line": finding["lines"][0],
        "evidence": finding["evidence"] if len(finding["evidence"]) <= EVIDENCE_KEPT else "",
    }


def at(repo: Path, commit: str) -> None:
    git(repo, "checkout", "-q", "--detach", commit)


def main_benchmark() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", action="append", default=[], metavar="NAME=PATH", required=True)
    parser.add_argument("--labels", type=Path, action="append", default=[], help="a labels file (repeat to score several)")
    parser.add_argument("--history", type=int, default=0, metavar="N")
    parser.add_argument("--candidates", type=Path)
    args = parser.parse_args()
    sources = dict(entry.split("=", 1) for entry in args.repo)
    candidates: list[dict] = []
    # Each lint run by (repo, mode, commit): step 3 reuses step 1's --all run at the newest commit.
    runs: dict[tuple[str, str, str], dict] = {}
    with tempfile.TemporaryDirectory() as scratch:
        clones = {}
        for name, path in sources.items():
            clones[name] = Path(scratch) / name
            private_clone(path, clones[name])

        print("1. --all at the newest commit: findings per 1,000 clauses")
        print(f"{'repo':<14} {'clauses':>7} {'findings':>8} {'per 1k':>7} {'default':>7}  by check")
        for name, clone in clones.items():
            head = git(clone, "rev-parse", "HEAD")
            data = runs[(name, "all", head)] = lint_json(clone, "--all")
            summary = data["summary"]
            per_k = 1000 * summary["findings"] / max(summary["clauses"], 1)
            on = sum(v for k, v in summary["by_check"].items() if k not in OFF_BY_DEFAULT)
            default_k = 1000 * on / max(summary["clauses"], 1)
            by = ", ".join(f"{k} {1000 * v / summary['clauses']:.1f}" for k, v in summary["by_check"].items())
            print(f"{name:<14} {summary['clauses']:>7} {summary['findings']:>8} {per_k:>7.1f} {default_k:>7.1f}  {by}")
            candidates += [pointer(name, "all", head, f) for f in data["findings"]]

        if args.history:
            print(f"\n2. each of the {args.history} newest commits against its parent")
            for name, clone in clones.items():
                commits = git(clone, "rev-list", "--first-parent", f"--max-count={args.history}", "HEAD").split()
                by: Counter[str] = Counter()
                clauses = 0
                for commit in commits:
                    if not git(clone, "rev-list", "--parents", "-n", "1", commit).split()[1:]:
                        continue  # the root commit has no parent to diff against
                    data = runs[(name, "diff", commit)] = lint_json(clone, f"{commit}~1", commit)
                    clauses += data["summary"]["clauses"]
                    by.update(f["check"] for f in data["findings"])
                    candidates += [pointer(name, "diff", commit, f) for f in data["findings"]]
                total = sum(by.values())
                print(
                    f"{name:<14} {len(commits)} commits, {clauses} changed clauses, {total} findings: {dict(sorted(by.items()))}"
                )

        for labels in args.labels:
            score(labels, clones, runs)

    if args.candidates:
        args.candidates.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in candidates), encoding="utf-8")
        print(f"\n{len(candidates)} candidate findings written to {args.candidates}")


def score(labels_file: Path, clones: dict[str, Path], runs: dict[tuple[str, str, str], dict]) -> None:
    """Precision per check, one table per labeller (the ``labeller`` field: who wrote the label).

    ``runs`` holds each lint run by (repo, mode, commit), from sections 1 and 2 and from here: a
    commit labelled in several files is linted once."""
    labels = [json.loads(line) for line in labels_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    found: dict[tuple[str, str, str], set[tuple[str, str, int]]] = {}
    by_labeller: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for label in labels:
        run = (label["repo"], label["mode"], label["commit"])
        if label["repo"] not in clones:
            continue
        if run not in found:
            clone = clones[label["repo"]]
            if run in runs:
                data = runs[run]
            elif label["mode"] == "all":
                at(clone, label["commit"])
                data = lint_json(clone, "--all")
            else:
                data = lint_json(clone, f"{label['commit']}~1", label["commit"])
            runs[run] = data  # the next --labels file reads it from here instead of linting the commit again
            found[run] = {(f["check"], f["path"], f["lines"][0]) for f in data["findings"]}
        tally = by_labeller[label.get("labeller", "unnamed")][label["check"]]
        if (label["check"], label["path"], label["line"]) not in found[run]:
            tally["gone right" if label["label"] else "gone wrong"] += 1
            continue
        tally["right" if label["label"] else "wrong"] += 1
        if not label.get("debatable"):
            tally["sure right" if label["label"] else "sure wrong"] += 1
    for labeller, checks in sorted(by_labeller.items()):
        print(f"\n3. {labels_file}, labels by {labeller}: precision on the findings still reported")
        print("   (debatable labels count as they lean; 'sure only' leaves them out; 'gone': labelled, no longer reported)")
        print(f"{'check':<8} {'right':>5} {'wrong':>5} {'precision':>9} {'sure only':>9} {'gone right':>10} {'gone wrong':>10}")
        right = wrong = 0
        for check in sorted(checks):
            t = checks[check]
            r, w = t["right"], t["wrong"]
            right, wrong = right + r, wrong + w
            precision = f"{r / (r + w):>9.2f}" if r + w else f"{'-':>9}"
            sure = t["sure right"] + t["sure wrong"]
            sure_precision = f"{t['sure right'] / sure:>9.2f}" if sure else f"{'-':>9}"
            print(f"{check:<8} {r:>5} {w:>5} {precision} {sure_precision} {t['gone right']:>10} {t['gone wrong']:>10}")
        if right + wrong:
            print(f"{'all':<8} {right:>5} {wrong:>5} {right / (right + wrong):>9.2f}")


if __name__ == "__main__":
    main_benchmark()
