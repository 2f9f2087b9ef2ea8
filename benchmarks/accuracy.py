"""How well ``align`` pairs sections and clauses, and how fast. Prints tables; asserts nothing.

    python benchmarks/accuracy.py CORPUS_OR_REPO [CORPUS_OR_REPO ...] [--seed N] [--trials N]

1. Anchor ground truth. For every consecutive pair of revisions of every spec
   file whose headings carry explicit anchors, the anchors are stripped from
   both versions, the sections aligned, and the pairing scored against the
   anchors: precision and recall of matched pairs, and how many headings whose
   text changed under the same anchor were found. A predicted pair is judged
   when the anchor of at least one of its sections exists in both versions.
2. Edit ground truth. Real spec paragraphs (from the newest revision of the
   first input) are rebuilt into a plain document, then edited at random with
   a fixed seed: moves within and across sections, splits, merges, rewordings,
   deletions, insertions and re-wrapping. Each amendment kind is scored for
   precision and recall against the edits made.
3. Timing of the alignment step alone: on the largest real pair, and on a
   synthetic 20,000-clause document with 1 % of its clauses changed.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import textwrap
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import best_of, first_parent_commits, git, repository  # noqa: E402

from specdiff.align import align_documents, align_sections  # noqa: E402
from specdiff.amendments import amendments_from  # noqa: E402
from specdiff.parse import parse_document  # noqa: E402

_ATTRIBUTE_BLOCK = re.compile(r"^(#{1,6} .*?)\s*\{[^{}]*#[^{}]*\}\s*$", re.MULTILINE)
_ANCHORED_HEADING = re.compile(r"^#{1,6} .*\{[^{}]*#[^{}]*\}\s*$", re.MULTILINE)


# -- 1. anchors ----------------------------------------------------------------------


@dataclass
class AnchorScore:
    pairs: int = 0
    predicted: int = 0
    correct: int = 0
    renamed: int = 0
    renamed_found: int = 0
    misses: list[str] = field(default_factory=list)


def strip_anchors(text: str) -> str:
    """Drop the ``{#id ...}`` block from every heading."""
    return _ATTRIBUTE_BLOCK.sub(r"\1", text)


def score_anchor_pairing(old_text: str, new_text: str, score: AnchorScore, label: str) -> None:
    old_doc, new_doc = parse_document(old_text, "a.md"), parse_document(new_text, "a.md")
    old_bare = parse_document(strip_anchors(old_text), "a.md")
    new_bare = parse_document(strip_anchors(new_text), "a.md")
    assert len(old_bare.sections) == len(old_doc.sections) and len(new_bare.sections) == len(new_doc.sections)
    new_by_anchor = {s.anchor: s.index for s in new_doc.sections if s.anchor}
    truth = {s.index: new_by_anchor[s.anchor] for s in old_doc.sections if s.anchor and s.anchor in new_by_anchor}
    predicted = {m.old.index: m.new.index for m in align_sections(old_bare.sections, new_bare.sections)}
    # A pair can be judged when either side's anchor is on both sides. When an
    # anchor was added, dropped or renamed, the anchors cannot say what is right.
    judged = {o: n for o, n in predicted.items() if o in truth or n in truth.values()}
    score.pairs += len(truth)
    score.predicted += len(judged)
    score.correct += sum(1 for o, n in judged.items() if truth.get(o) == n)
    for o, n in truth.items():
        if old_doc.sections[o].heading != new_doc.sections[n].heading:
            score.renamed += 1
            if predicted.get(o) == n:
                score.renamed_found += 1
            else:
                score.misses.append(f"{label}: {old_doc.sections[o].heading!r} -> {new_doc.sections[n].heading!r}")


def anchor_ground_truth(repos: list[Path]) -> None:
    print("1. Section pairing with anchors stripped (anchors are the ground truth)\n")
    print(f"{'repository':<16} {'pairs':>6} {'precision':>10} {'recall':>8} {'renamed found':>14}")
    total = AnchorScore()
    for repo in repos:
        score = AnchorScore()
        commits = first_parent_commits(repo)
        for a, b in zip(commits, commits[1:]):
            for path in changed_anchored_files(repo, a, b):
                old_path, new_path = path
                old_text, new_text = show(repo, a, old_path), show(repo, b, new_path)
                score_anchor_pairing(old_text, new_text, score, f"{repo.name} {a[:7]}..{b[:7]} {new_path}")
        report_anchor_row(repo.name, score)
        for name in ("pairs", "predicted", "correct", "renamed", "renamed_found"):
            setattr(total, name, getattr(total, name) + getattr(score, name))
        total.misses += score.misses
    report_anchor_row("all", total)
    for miss in total.misses[:20]:
        print(f"   missed rename: {miss}")
    print()


def report_anchor_row(name: str, s: AnchorScore) -> None:
    precision = s.correct / s.predicted if s.predicted else 1.0
    recall = s.correct / s.pairs if s.pairs else 1.0
    print(f"{name:<16} {s.pairs:>6} {precision:>10.4f} {recall:>8.4f} {s.renamed_found:>7}/{s.renamed:<6}")


def changed_anchored_files(repo: Path, a: str, b: str) -> list[tuple[str, str]]:
    """Markdown files changed between a and b (following renames) whose headings carry anchors."""
    found = []
    for line in git(repo, "diff", "--name-status", "-M", a, b).splitlines():
        parts = line.split("\t")
        old_path, new_path = (parts[1], parts[2]) if parts[0].startswith("R") else (parts[1], parts[1])
        if parts[0][0] in "AD" or not new_path.endswith(".md"):
            continue
        if _ANCHORED_HEADING.search(show(repo, b, new_path)):
            found.append((old_path, new_path))
    return found


def show(repo: Path, commit: str, path: str) -> str:
    return git(repo, "show", f"{commit}:{path}")


# -- 2. edits ------------------------------------------------------------------------


@dataclass
class Paragraph:
    id: int
    text: str
    wrap: bool = False


@dataclass
class Plain:
    heading: str
    paragraphs: list[Paragraph]


@dataclass
class Truth:
    """What the edits did, by paragraph id: the expected amendment of each kind."""

    moved: set[int] = field(default_factory=set)
    reworded: set[int] = field(default_factory=set)
    split: dict[int, tuple[int, int]] = field(default_factory=dict)
    merged: dict[tuple[int, int], int] = field(default_factory=dict)
    removed: set[int] = field(default_factory=set)
    added: set[int] = field(default_factory=set)
    reflowed: set[int] = field(default_factory=set)


def plain_sections(text: str) -> list[Plain]:
    """The paragraphs of a real spec, grouped under their headings, ids in order.

    Paragraphs whose text occurs more than once are left out: which of two
    identical sentences moved is a question without an answer.
    """
    doc = parse_document(text, "spec.md")
    counts = Counter(c.normalized for c in doc.clauses)
    sections, next_id = [], 0
    for section in doc.sections[1:]:
        paragraphs = []
        for clause in section.clauses:
            if clause.kind == "paragraph" and len(clause.normalized) >= 40 and counts[clause.normalized] == 1:
                paragraphs.append(Paragraph(next_id, clause.normalized))
                next_id += 1
        sections.append(Plain(section.heading, paragraphs))
    return sections


def render(sections: list[Plain]) -> tuple[str, dict[int, int]]:
    """Markdown text, and the 1-based first line of each paragraph id."""
    lines: list[str] = []
    first_line: dict[int, int] = {}
    for section in sections:
        lines += [f"## {section.heading}", ""]
        for paragraph in section.paragraphs:
            first_line[paragraph.id] = len(lines) + 1
            lines += (
                textwrap.wrap(paragraph.text, 60, break_on_hyphens=False, break_long_words=False)
                if paragraph.wrap
                else [paragraph.text]
            ) + [""]
    return "\n".join(lines), first_line


def sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+(?=[A-Z])", text)


def edit(sections: list[Plain], rng: random.Random, vocabulary: list[str], count: int) -> tuple[list[Plain], Truth]:
    """Apply ``count`` random edits of each kind; return the new sections and what was done."""
    new = [Plain(s.heading, [Paragraph(p.id, p.text) for p in s.paragraphs]) for s in sections]
    truth = Truth()
    touched: set[int] = set()
    next_id = 1 + max(p.id for s in sections for p in s.paragraphs)

    def pick(condition=lambda s, k: True) -> tuple[Plain, int] | None:
        candidates = [(s, k) for s in new for k, p in enumerate(s.paragraphs) if p.id not in touched and condition(s, k)]
        return rng.choice(candidates) if candidates else None

    for _ in range(count):
        # move across sections
        if found := pick():
            section, k = found
            paragraph = section.paragraphs.pop(k)
            target = rng.choice([s for s in new if s is not section])
            target.paragraphs.insert(rng.randint(0, len(target.paragraphs)), paragraph)
            truth.moved.add(paragraph.id)
            touched.add(paragraph.id)
        # move within a section, by at least 3 places, so the move is unambiguous
        if found := pick(lambda s, k: len(s.paragraphs) >= 6):
            section, k = found
            paragraph = section.paragraphs.pop(k)
            places = [j for j in range(len(section.paragraphs) + 1) if abs(j - k) >= 3]
            if places:
                section.paragraphs.insert(rng.choice(places), paragraph)
                truth.moved.add(paragraph.id)
            else:
                section.paragraphs.insert(k, paragraph)
            touched.add(paragraph.id)
        # reword: replace one word in six, keep the rest
        if found := pick():
            section, k = found
            paragraph = section.paragraphs[k]
            words = paragraph.text.split(" ")
            for j in rng.sample(range(len(words)), max(1, len(words) // 6)):
                words[j] = rng.choice(vocabulary)
            paragraph.text = " ".join(words)
            truth.reworded.add(paragraph.id)
            touched.add(paragraph.id)
        # split a paragraph of several sentences
        if found := pick(lambda s, k: len(sentences(s.paragraphs[k].text)) >= 2):
            section, k = found
            paragraph = section.paragraphs[k]
            parts = sentences(paragraph.text)
            cut = rng.randint(1, len(parts) - 1)
            first = Paragraph(next_id, " ".join(parts[:cut]))
            second = Paragraph(next_id + 1, " ".join(parts[cut:]))
            section.paragraphs[k : k + 1] = [first, second]
            truth.split[paragraph.id] = (first.id, second.id)
            touched.update({paragraph.id, first.id, second.id})
            next_id += 2
        # merge two adjacent paragraphs
        if found := pick(lambda s, k: k + 1 < len(s.paragraphs) and s.paragraphs[k + 1].id not in touched):
            section, k = found
            a, b = section.paragraphs[k], section.paragraphs[k + 1]
            joined = Paragraph(next_id, f"{a.text} {b.text}")
            section.paragraphs[k : k + 2] = [joined]
            truth.merged[(a.id, b.id)] = joined.id
            touched.update({a.id, b.id, joined.id})
            next_id += 1
        # delete
        if found := pick():
            section, k = found
            truth.removed.add(section.paragraphs.pop(k).id)
        # insert a paragraph of shuffled vocabulary
        section = rng.choice(new)
        inserted = Paragraph(next_id, " ".join(rng.choice(vocabulary) for _ in range(rng.randint(12, 40))) + ".")
        section.paragraphs.insert(rng.randint(0, len(section.paragraphs)), inserted)
        truth.added.add(inserted.id)
        touched.add(inserted.id)
        next_id += 1
        # re-wrap (no amendment expected)
        if found := pick(lambda s, k: len(s.paragraphs[k].text) > 120):
            section, k = found
            section.paragraphs[k].wrap = True
            truth.reflowed.add(section.paragraphs[k].id)
            touched.add(section.paragraphs[k].id)
    return new, truth


def detected(old_sections, new_sections) -> dict[str, set]:
    """Run the real alignment and report each amendment as paragraph ids, by kind."""
    old_text, old_lines = render(old_sections)
    new_text, new_lines = render(new_sections)
    old_id = {line: pid for pid, line in old_lines.items()}
    new_id = {line: pid for pid, line in new_lines.items()}
    alignment = align_documents(parse_document(old_text, "a.md"), parse_document(new_text, "a.md"))
    found: dict[str, set] = defaultdict(set)
    for amendment in amendments_from(alignment):
        if amendment.unit != "clause":
            continue
        olds = tuple(old_id.get(c.lines[0]) for c in amendment.old)
        news = tuple(new_id.get(c.lines[0]) for c in amendment.new)
        if amendment.kind == "split":
            found["split"].add((olds[0], news))
        elif amendment.kind == "merged":
            found["merged"].add((olds, news[0]))
        elif amendment.kind == "added":
            found["added"].add(news[0])
        elif amendment.kind == "removed":
            found["removed"].add(olds[0])
        else:
            if amendment.kind == "moved":
                found["moved"].add((olds[0], news[0]))
            if any(e.type != "editorial" for e in amendment.effects) or amendment.kind == "modified":
                found["modified"].add((olds[0], news[0]))
    return found


def edit_ground_truth(text: str, seed: int, trials: int) -> None:
    print(f"2. Edit ground truth ({trials} trials, seed {seed}; each trial makes ~8 edits of each kind)\n")
    sections = [s for s in plain_sections(text) if s.paragraphs]
    vocabulary = sorted({w for s in sections for p in s.paragraphs for w in re.findall(r"[a-z]{4,}", p.text)})
    rng = random.Random(seed)
    hits: Counter[str] = Counter()
    expected: Counter[str] = Counter()
    reported: Counter[str] = Counter()
    reflow_noise = 0
    identical_amendments = len(amendments_from(align_documents(*(parse_document(render(sections)[0], "a.md"),) * 2)))
    for _ in range(trials):
        new, truth = edit(sections, rng, vocabulary, count=8)
        found = detected(sections, new)
        expected_pairs = {
            "moved": {(i, i) for i in truth.moved},
            "modified": {(i, i) for i in truth.reworded},
            "split": {(i, parts) for i, parts in truth.split.items()},
            "merged": {(parts, i) for parts, i in truth.merged.items()},
            "removed": truth.removed,
            "added": truth.added,
        }
        for kind, want in expected_pairs.items():
            got = found.get(kind, set())
            expected[kind] += len(want)
            hits[kind] += len(want & got)
            # A moved clause that was also reworded is right as "moved" and as "modified".
            if kind == "modified":
                got = {pair for pair in got if pair[0] not in truth.moved or pair[0] in truth.reworded}
            if kind == "moved":
                got = {pair for pair in got if pair[0] in truth.moved or pair[0] not in truth.reworded}
            reported[kind] += len(got)
        reflow_noise += sum(1 for pair in found.get("modified", set()) if pair[0] in truth.reflowed)
    print(f"{'kind':<10} {'expected':>9} {'found':>7} {'precision':>10} {'recall':>8}")
    for kind in ("moved", "modified", "split", "merged", "removed", "added"):
        precision = hits[kind] / reported[kind] if reported[kind] else 1.0
        recall = hits[kind] / expected[kind] if expected[kind] else 1.0
        label = "reworded" if kind == "modified" else kind
        print(f"{label:<10} {expected[kind]:>9} {reported[kind]:>7} {precision:>10.3f} {recall:>8.3f}")
    print(f"\nre-wrapped paragraphs reported as changed: {reflow_noise}")
    print(f"amendments on identical documents: {identical_amendments}\n")


# -- 3. timing -----------------------------------------------------------------------


def timing(repos: list[Path]) -> None:
    print("3. Alignment time (parsing excluded)\n")
    largest = None  # the pair with the most changed lines
    for repo in repos:
        commits = first_parent_commits(repo)
        for a, b in zip(commits, commits[1:]):
            for old_path, new_path in changed_anchored_files(repo, a, b):
                numstat = git(repo, "diff", "--numstat", f"{a}:{old_path}", f"{b}:{new_path}").split()
                size = int(numstat[0]) + int(numstat[1]) if numstat else 0
                if largest is None or size > largest[0]:
                    old_text, new_text = show(repo, a, old_path), show(repo, b, new_path)
                    largest = (size, old_text, new_text, f"{repo.name} {a[:7]}..{b[:7]} {new_path}")
    if largest:
        _, old_text, new_text, label = largest
        old, new = parse_document(old_text, "a.md"), parse_document(new_text, "a.md")
        seconds = best_of(lambda: align_documents(old, new))
        print(f"largest real pair ({label}, {len(old.clauses)} -> {len(new.clauses)} clauses): {seconds:.3f} s")
    old, new = synthetic(20_000, changed=0.01, seed=1)
    print(f"synthetic {len(old.clauses)}-clause document, 1 % changed: {best_of(lambda: align_documents(old, new)):.3f} s")
    for label, before, after in renamed_sections(1_000):
        seconds = best_of(lambda: align_documents(before, after), runs=1)  # noqa: B023 (called at once)
        print(f"1,000 sections, {label}: {seconds:.3f} s")
    print()


def renamed_sections(count: int):
    """Documents of ``count`` numbered sections whose headings all change: renumbered, then also reworded.

    Every heading changes, so every section is paired by what is left (this
    took 21.7 s when every free section was compared with every other).
    """
    rng = random.Random(3)
    words = [f"w{n}" for n in range(400)]

    def body(n: int) -> str:
        return " ".join(rng.choice(words) for _ in range(25)) + "."

    bodies = [(body(n), body(n)) for n in range(count)]

    def document(number: int, heading: str) -> str:
        return "".join(f"## {n + number}. {heading} {n}\n\n{a}\n\n{b}\n\n" for n, (a, b) in enumerate(bodies))

    old = parse_document(document(1, "Rule about item"), "a.md")
    yield "renumbered", old, parse_document(document(2, "Rule about item"), "a.md")
    yield "renumbered and reworded", old, parse_document(document(2, "Rule on item"), "a.md")


def synthetic(clauses: int, changed: float, seed: int):
    rng = random.Random(seed)
    words = [f"w{n}" for n in range(3000)]
    paragraphs = [" ".join(rng.choice(words) for _ in range(rng.randint(10, 40))) + "." for _ in range(clauses)]
    sections_of = 50
    old_lines, new_lines = [], []
    for start in range(0, clauses, sections_of):
        heading = f"## Section {start // sections_of} {{#s{start // sections_of}}}"
        old_lines += [heading, ""]
        new_lines += [heading, ""]
        for text in paragraphs[start : start + sections_of]:
            old_lines += [text, ""]
            if rng.random() < changed:
                kind = rng.choice(["reword", "delete", "insert"])
                if kind == "reword":
                    parts = text.split(" ")
                    parts[rng.randrange(len(parts))] = rng.choice(words)
                    new_lines += [" ".join(parts), ""]
                elif kind == "insert":
                    new_lines += [text, "", " ".join(rng.choice(words) for _ in range(20)) + ".", ""]
            else:
                new_lines += [text, ""]
    return parse_document("\n".join(old_lines), "a.md"), parse_document("\n".join(new_lines), "a.md")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+", help="git repositories or corpus folders")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--trials", type=int, default=40)
    args = parser.parse_args()
    repos = [repository(path) for path in args.inputs]
    anchor_ground_truth(repos)
    newest = first_parent_commits(repos[0])[-1]
    biggest = max(
        (p for p in git(repos[0], "ls-tree", "-r", "--name-only", newest).split() if p.endswith(".md")),
        key=lambda p: len(show(repos[0], newest, p)),
    )
    edit_ground_truth(show(repos[0], newest, biggest), args.seed, args.trials)
    timing(repos)


if __name__ == "__main__":
    main()
