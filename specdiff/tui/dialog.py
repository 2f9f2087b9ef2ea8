"""The look every dialog of the review app shares: a framed box in the middle of the screen, over the app.

A dialog subclasses :class:`Dialog` and gives its box the ``dialog-box``
class; its own ``DEFAULT_CSS`` sets the width, padding and, where it warns,
the frame's colour (a subclass's rules win over these at equal specificity).
"""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

Answer = TypeVar("Answer")


class Dialog(ModalScreen[Answer]):
    """A modal screen whose ``.dialog-box`` child is centred, framed in the accent colour, and no wider than 95 %."""

    DEFAULT_CSS = """
    Dialog {
        align: center middle;
        & > .dialog-box {
            max-width: 95%;
            height: auto;
            border: round $accent;
            border-title-color: $accent;
            background: $surface;
        }
    }
    """
