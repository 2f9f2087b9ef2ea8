"""``specdiff review``: a Textual app to walk through a spec diff amendment by amendment.

The app renders a finished :class:`~specdiff.model.SpecDiff`; it never parses or
aligns anything itself. One module per widget or screen:

- ``app`` — the thin :class:`ReviewApp` and ``make_app``, which the command and the tests share;
- ``loading_screen`` — what is drawn while the diff is computed (keys typed then are dropped);
- ``review_screen`` — the main screen: it lays the panels out and owns the review keys;
- ``confirm_screen`` — the yes-or-no question ``s`` asks before writing ``specdiff.lock``;
- ``summary_bar`` — the revisions compared, counts by severity, progress, active filters;
- ``amendment_tree`` — files, sections and amendments, built lazily, with reviewed ticks;
- ``amendment_view`` — the selected amendment: both texts with the word diff, its effects;
- ``diff_rows`` — the word diff cut into rows that line up side by side, folded around changes;
- ``impact_panel`` — the artifacts and eval cases it reaches, and why;
- ``search`` — the ``/`` bar; ``help_screen`` — every key, on ``?``;
- ``items`` — amendments as the tree lists them, and the filters (plain data, no Textual);
- ``reviewed`` — the reviewed marks kept in ``.git/specdiff/reviewed.json``;
- ``editor`` — the command line that opens ``$EDITOR`` at a line, in the right revision's file;
- ``messages`` — what the background workers post back.

Importing this package does not import Textual; ``app`` does.
"""
