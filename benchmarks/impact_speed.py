"""How long reference scanning and impact take on a big repository. Prints figures; asserts nothing.

    python benchmarks/impact_speed.py [--files 10000] [--specs 20] [--runs 3]

Builds a synthetic git repository of ``--files`` files: ``--specs`` spec files
of 150 clauses each (with anchors, cross-references, requirement IDs and
footnotes), and code, docs, tests and eval files of which one in five names
the spec (``specdiff:`` markers, Markdown links, requirement IDs). Then times,
separately:

- building the dependency graph of the working tree and of HEAD (listing the
  files, parsing the specs, scanning for references, building the graph);
- the impact of 100 changed clauses on that graph;
- a whole ``specdiff HEAD~1 --format json`` run after a commit that changes
  20 clauses, as a user sees it.

Target: graph and impact of the 10,000-file repository under 2 s.
"""

from __future__ import annotations

import argparse
import atexit
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import best_of, git  # noqa: E402

from specdiff.config import load_config  # noqa: E402
from specdiff.nodes import clause_nodes  # noqa: E402
from specdiff.repo import Repository  # noqa: E402
from specdiff.workspace import graph_at  # noqa: E402

WORDS = "assistant must should may never patron account hold renewal fine room event staff branch catalogue".split()


def build(root: Path, files: int, specs: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    sections_per_spec, clauses_per_section = 15, 10
    anchors = []
    for s in range(specs):
        lines = [f"# Spec {s} {{#spec{s}}}", ""]
        for k in range(sections_per_spec):
            anchor = f"s{s}_{k}"
            anchors.append((f"spec/spec{s}.md", anchor))
            lines += [f"## Section {k} {{#{anchor}}}", ""]
            for c in range(clauses_per_section):
                text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 30)))
                extra = ""
                if c == 0:
                    extra = f" See [also](#s{s}_{(k + 1) % sections_per_spec})."
                if c == 1:
                    extra = f" [^f{s}x{k}]"
                requirement = f"- **FR-{s:02d}{k:02d}{c}**: " if c == 2 else ""
                lines += [f"{requirement}The {text}.{extra}", ""]
        write(root / f"spec/spec{s}.md", "\n".join(lines))
        for k in range(sections_per_spec):
            write(root / f"examples/f{s}x{k}.md", f"Examples for [^f{s}x{k}]\n")
    written = specs * (1 + sections_per_spec)
    kinds = ["src/module{}.py", "docs/page{}.md", "tests/test_{}.py", "evals/case{}.txt", "web/asset{}.js"]
    for n in range(files - written):
        path = root / kinds[n % len(kinds)].format(n)
        body = "\n".join(" ".join(rng.choice(WORDS) for _ in range(12)) for _ in range(20))
        if n % 5 == 0:
            spec, anchor = rng.choice(anchors)
            body += {
                0: f"\n# specdiff: {spec}#{anchor}\n",
                1: f"\nSee [the rule](../{spec}#{anchor}).\n",
                2: "\n# covers FR-0101\n",
            }[n % 3]
        write(path, body)
    write(root / "specdiff.toml", 'specs = ["spec/**/*.md"]\n')


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--specs", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="specdiff-impact-"))
    atexit.register(shutil.rmtree, scratch, ignore_errors=True)
    root = scratch / "repo"
    started = time.perf_counter()
    build(root, args.files, args.specs)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "synthetic")
    print(f"repository        {root} ({args.files} files, built in {time.perf_counter() - started:.1f} s)")

    config = load_config(root)
    with Repository(root) as repo:
        graph_time = best_of(lambda: graph_at(repo, None, config), args.runs)
        head = repo.commit_of("HEAD")
        head_time = best_of(lambda: graph_at(repo, head, config), args.runs)
        graph, workspace, _ = graph_at(repo, None, config)
        clauses = [node for document in workspace.documents.values() for node in clause_nodes(document).values()]
        changed = random.Random(1).sample(clauses, 100)
        impact_time = best_of(lambda: [graph.impact([node]) for node in changed], args.runs)
    print(f"graph             {graph.graph.number_of_nodes()} nodes, {graph.graph.number_of_edges()} edges")
    print(f"graph, worktree   {graph_time:.3f} s")
    print(f"graph, HEAD       {head_time:.3f} s")
    print(f"impact, 100 nodes {impact_time:.3f} s")
    print(f"graph + impact    {graph_time + impact_time:.3f} s   (target < 2 s)")

    spec = root / "spec/spec0.md"
    text = spec.read_text().split("\n")
    for k in range(20):
        line = 4 + k * 7
        if text[line] and not text[line].startswith("#"):
            text[line] = text[line].replace("The ", "The revised ", 1)
    spec.write_text("\n".join(text))
    git(root, "commit", "-q", "-am", "revise")
    command = [sys.executable, "-m", "specdiff", "-C", str(root), "HEAD~1", "--format", "json"]
    whole = best_of(lambda: subprocess.run(command, check=True, stdout=subprocess.DEVNULL), args.runs)
    print(f"specdiff HEAD~1   {whole:.3f} s   (whole command, start-up included)")


if __name__ == "__main__":
    main()
