"""Helpers for driving the review app in tests: run it, read what it shows, build big specs."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Coroutine
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from textual.app import App
from textual.geometry import Region
from textual.notifications import Notification, Notify
from textual.pilot import Pilot
from textual.widget import Widget

from specdiff.tui.app import ReviewApp


def run(scenario: Coroutine[Any, Any, None]) -> None:
    """Run one async test scenario to the end (no pytest plugin needed)."""
    asyncio.run(scenario)


@dataclass
class Review:
    """A running review app, its pilot, and every notification it showed."""

    app: ReviewApp
    pilot: Pilot[None]
    notes: list[Notification] = field(default_factory=list)

    async def press(self, *keys: str) -> None:
        for key in keys:
            await self.pilot.press(key)
            await self.pilot.pause()

    @property
    def current(self):  # the amendment shown
        from specdiff.tui.amendment_tree import AmendmentTree

        return self.app.screen.query_one(AmendmentTree).current

    def said(self) -> str:
        return "\n".join(f"{n.title}: {n.message}" for n in self.notes)


@asynccontextmanager
async def reviewing(app: ReviewApp, size: tuple[int, int] = (80, 24)) -> AsyncIterator[Review]:
    review = Review(app, None)  # type: ignore[arg-type]

    def hook(message: object) -> None:
        if isinstance(message, Notify):
            review.notes.append(message.notification)

    async with app.run_test(size=size, message_hook=hook) as pilot:
        review.pilot = pilot
        await until_shown(pilot)
        yield review


async def until_shown(pilot: Pilot[None], timeout: float = 120) -> None:
    """Wait until the review screen shows its first amendment (or says there is none to review).

    The diff is computed in a thread behind a loading screen, and the tree is listed only after
    the review screen's first refresh: a key pressed before then finds nothing to act on. So this
    waits for what a reviewer sees, not for a number of turns, which a loaded machine may need
    more of (CI runs the suite on two shared cores). ``timeout`` is only there to fail, not hang.
    """
    # By the clock: each pause can take far longer than asked for on a loaded machine.
    deadline = time.monotonic() + timeout
    while not review_shown(pilot.app):
        assert pilot.app.is_running, f"the app quit before showing the review screen: {getattr(pilot.app, 'error', None)}"
        assert time.monotonic() < deadline, f"the review screen was not shown within {timeout} s"
        await pilot.pause(0.05)
    await pilot.pause()  # the drawing that follows


def review_shown(app: App[Any]) -> bool:
    """Whether the app shows the review screen with the first amendment (or the empty-diff message)."""
    from specdiff.tui.amendment_view import AmendmentView
    from specdiff.tui.review_screen import ReviewScreen

    screen = app.screen
    if not isinstance(screen, ReviewScreen):
        return False
    if not screen.items:
        return bool(screen.query("#empty"))
    views = screen.query(AmendmentView)
    return bool(views) and views.first().item is not None


def shown(widget: Widget) -> str:
    """The text a widget draws on screen, line by line, without colours."""
    width, height = widget.outer_size
    return "\n".join(strip.text.rstrip() for strip in widget.render_lines(Region(0, 0, width, height)))


def big_spec(sections: int, per_section: int, revision: int) -> str:
    """A spec of ``sections`` × ``per_section`` clauses; between revision 0 and 1 every clause
    changes: a number (breaking), should → must (breaking), or a comma (editorial)."""
    lines = ["# Big spec", ""]
    for s in range(sections):
        lines += [f"## Section {s} {{#s{s}}}", ""]
        for c in range(per_section):
            n = s * per_section + c
            if c % 3 == 0:
                text = f"Rule {n}: the assistant must answer request {n} within {3 + revision} days."
            elif c % 3 == 1:
                text = f"Rule {n}: the assistant {'must' if revision else 'should'} log request {n} before replying."
            else:
                text = f"Rule {n}: keep request {n} short{',' if revision else ''} and plain."
            lines += [text, ""]
    return "\n".join(lines)


def long_example(changed: str) -> str:
    """A spec whose one clause is a 40-line example; ``changed`` is its 31st line."""
    lines = [f"Line {n}: the patron asks about book {n}." for n in range(40)]
    lines[30] = changed
    return "# Rules\n\nExamples follow.\n\n~~~text\n" + "\n".join(lines) + "\n~~~\n"
