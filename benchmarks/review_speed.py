"""How fast ``specdiff review`` opens and answers keys on a big diff. Prints figures; asserts nothing.

    python benchmarks/review_speed.py [--sections 500] [--clauses 10] [--size 120x40]

Builds a git repository whose last commit changes every clause of one spec of
``--sections`` × ``--clauses`` clauses (5,000 amendments by default: a number,
should → must, or a comma), computes the diff once with ``diff_revisions``,
then times, in Textual's headless mode:

- opening the app until the first amendment is shown (the tree holds one node
  per section; only the first section's amendments are added);
- one key press: ``N`` from the first amendment to the last (its section's
  leaves are added then) and ``n`` back, ``j`` within a section and into the
  next one, a severity filter (the tree is rebuilt), and a search typed letter
  by letter.

Each key figure includes Textual's wait for the app to go idle, as a test's
``pilot.press`` does, so it is what a user sees at most.

With ``--repository PATH --revisions A B`` it times instead what a reviewer
waits for on a real repository (the Model Spec release, say), from
``make_app`` as ``specdiff review A B`` calls it: until the first screen is
drawn, and until the tree shows an amendment; best of ``--runs``.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent / "tests" / "tui"))
from corpus import git  # noqa: E402
from pilot_helpers import big_spec  # noqa: E402

from specdiff.diff import DiffRequest, diff_revisions  # noqa: E402
from specdiff.tui.amendment_tree import AmendmentTree  # noqa: E402
from specdiff.tui.app import ReviewApp, make_app  # noqa: E402
from specdiff.tui.review_screen import ReviewScreen  # noqa: E402


def build(root: Path, sections: int, clauses: int) -> None:
    root.mkdir(parents=True)
    git(root, "init", "-q")
    for revision in (0, 1):
        (root / "spec.md").write_text(big_spec(sections, clauses, revision), encoding="utf-8")
        git(root, "add", "-A")
        git(root, "commit", "-qm", f"revision {revision}")


async def measure(app: ReviewApp, size: tuple[int, int]) -> None:
    started = time.perf_counter()
    async with app.run_test(size=size) as pilot:
        tree = app.screen.query_one(AmendmentTree)
        while tree.current is None:
            await pilot.pause()
        opened = time.perf_counter() - started
        leaves = sum(len(section.children) for file in tree.root.children for section in file.children)
        print(f"open: {opened * 1000:.0f} ms (tree: {len(tree.root.children[0].children)} sections, {leaves} amendment nodes)")

        async def timed(label: str, *keys: str) -> None:
            started = time.perf_counter()
            await pilot.press(*keys)
            await pilot.pause()
            per_key = (time.perf_counter() - started) / len(keys)
            print(f"{label}: {per_key * 1000:.0f} ms a key (now on #{tree.current.position if tree.current else None})")

        await timed("N: wraps to the last amendment, opens its section", "N")
        await timed("n: wraps to the first again", "n")
        await timed("j within a section", "j")
        await timed("j ×9, into the next section", *"j" * 9)
        await timed("1: only breaking (tree rebuilt)", "1")
        await timed("0: all again", "0")
        await timed("/ and 'request 4999' typed", "slash", *"request 4999")
        await timed("Escape: search cleared", "escape")


async def first_screens(request: DiffRequest, size: tuple[int, int]) -> tuple[float, float, int]:
    """Seconds from ``make_app`` until the app's first screen is drawn, and until an amendment is shown.

    The first screen is the loading screen (the diff is computed behind it);
    before issue 15 nothing was drawn until the diff was ready, so both figures
    were the same.
    """
    started = time.perf_counter()
    app = make_app(request)
    async with app.run_test(size=size) as pilot:
        drawn = time.perf_counter() - started
        while not isinstance(app.screen, ReviewScreen) or app.screen.query_one(AmendmentTree).current is None:
            await pilot.pause(0.01)
        shown = time.perf_counter() - started
        return drawn, shown, len(app.screen.items)


def time_to_first_screen(repository: Path, revisions: list[str], size: tuple[int, int], runs: int) -> None:
    request = DiffRequest(repository, tuple(revisions))
    best_drawn = best_shown = float("inf")
    for _ in range(runs):
        drawn, shown, count = asyncio.run(first_screens(request, size))
        best_drawn, best_shown = min(best_drawn, drawn), min(best_shown, shown)
    print(f"{' '.join(revisions)} at {size[0]}x{size[1]}: {count} amendments")
    print(f"first screen drawn: {best_drawn:.2f} s; first amendment shown: {best_shown:.2f} s (best of {runs})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sections", type=int, default=500)
    parser.add_argument("--clauses", type=int, default=10)
    parser.add_argument("--size", default="120x40")
    parser.add_argument("--repository", type=Path, help="time the first screen of this repository's diff instead")
    parser.add_argument("--revisions", nargs=2, default=["HEAD~1", "HEAD"], metavar="REV")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    if args.repository:
        time_to_first_screen(args.repository, args.revisions, (width, height), args.runs)
        return
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "repo"
        build(root, args.sections, args.clauses)
        started = time.perf_counter()
        diff = diff_revisions(DiffRequest(root, ("HEAD~1", "HEAD")))
        print(f"diff_revisions: {time.perf_counter() - started:.1f} s for {len(diff.amendments)} amendments (not the app's)")
        asyncio.run(measure(ReviewApp(diff, root), (width, height)))


if __name__ == "__main__":
    main()
