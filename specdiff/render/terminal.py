"""``--format text``: the amendments for a person at a terminal, drawn with Rich.

Per file, per section, each amendment with its kind, severity, lines, an
inline word diff and its effects in words, then a one-line summary. Warnings
are not part of it: the CLI writes them to stderr. Without
colour the word diff keeps its meaning through ``[-deleted-]{+inserted+}``
markers, as ``git diff --word-diff=plain`` prints them.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from specdiff.model import Amendment, FileDiff, SpecDiff
from specdiff.render import RenderOptions
from specdiff.render.controls import printable
from specdiff.render.words import (
    counted,
    describe_effect,
    kind_label,
    moved_from,
    output_name,
    section_of,
    shorten,
    trim_context,
    where,
    which_sentence,
)

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

CONTEXT_WORDS = 12
"""Unchanged words kept on each side of a change; longer unchanged runs are cut to "…"."""

MAX_SHOWN_CHARS = 600
"""Added and removed clauses longer than this are cut; ``--format json`` has them whole."""

MAX_OUTPUTS_SHOWN = 4
"""Outputs named under an amendment; the roll-up at the end names them all."""

MAX_DANGLING_SHOWN = 10

SEVERITY_STYLE = {"breaking": "bold red", "substantive": "yellow", "editorial": "green"}
KIND_STYLE = {
    "added": "green",
    "removed": "red",
    "modified": "cyan",
    "moved": "magenta",
    "split": "magenta",
    "merged": "magenta",
    "renamed": "cyan",
}


def render(diff: SpecDiff, options: RenderOptions) -> str:
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=options.width,
        # Nothing here is laid out by height, but without one Rich asks the terminal for its size
        # at every print: 7,344 calls, a fifth of the text rendering of the largest Model Spec pair.
        height=25,
        force_terminal=options.color,
        no_color=not options.color,
        color_system="standard" if options.color else None,
        highlight=False,
        emoji=False,
        markup=False,
    )
    for file in diff.files:
        if file.amendments or file.status != "modified":  # a file whose change meant nothing gets no header
            _file(console, file, options)
    _outputs(console, diff, options.mentions)
    console.print(summary_line(diff))
    if options.color:
        return buffer.getvalue()
    # Rich pads wrapped lines to the width; plain text should not end in spaces.
    return "\n".join(line.rstrip() for line in buffer.getvalue().split("\n"))


def _outputs(console: Console, diff: SpecDiff, mentions: bool) -> None:
    """What to rebuild and re-run, the documents that mention what changed (on request), then the
    references the change left leading nowhere."""
    outputs = diff.outputs
    mentioned = _mentioned(diff) if mentions else {}
    for kind, title in (("artifact", "Outputs to rebuild"), ("eval", "Evals to re-run")):
        nodes = [node for node in outputs if node.startswith(f"{kind}:")]
        if nodes:
            console.print(_text((f"{title} ({len(nodes)}):", "bold")))
            for node in nodes:
                count = len(outputs[node])
                stale = ("  stale since stamped", "yellow") if node in (diff.stale or []) else ("", "")
                console.print(
                    _text(("  " + output_name(node), ""), (f"  ← {counted(count, 'amendment')}", "dim"), stale)
                )
    if mentioned:
        console.print(
            _text((f"Mentioned in ({len(mentioned)}):", "bold"), ("  links to what changed; nothing to rebuild", "dim"))
        )
        for node, count in mentioned.items():
            console.print(_text(("  " + output_name(node), ""), (f"  ← {counted(count, 'amendment')}", "dim")))
    if diff.dangling:
        console.print(_text((f"Dangling references ({len(diff.dangling)}):", "bold yellow")))
        for dangling in diff.dangling[:MAX_DANGLING_SHOWN]:
            console.print(_text((f"  {dangling.where}", ""), (f"  {dangling.target} does not exist ({dangling.reason})", "dim")))
        if len(diff.dangling) > MAX_DANGLING_SHOWN:
            console.print(f"  … and {len(diff.dangling) - MAX_DANGLING_SHOWN} more (--format json lists them all)")
    if outputs or mentioned or diff.dangling:
        console.print()


def _mentioned(diff: SpecDiff) -> dict[str, int]:
    """Each document that links to something the diff changed, with how many amendments it mentions."""
    counts: dict[str, int] = {}
    for amendment in diff.amendments:
        for mention in amendment.mentions:
            counts[mention.node] = counts.get(mention.node, 0) + 1
    return dict(sorted(counts.items()))


def summary_line(diff: SpecDiff) -> str:
    """One line: how many amendments of which severity, and the suggested bump."""
    sides = f"{diff.base.label} → {diff.head.label}"
    renamed = sum(1 for f in diff.files if f.status == "renamed")
    if not diff.amendments:
        moves = f"; {counted(renamed, 'file')} renamed" if renamed else ""
        return f"No spec amendments{moves} ({sides})."
    counts = ", ".join(f"{n} {severity}" for severity, n in reversed(diff.by_severity.items()) if n)
    files = counted(len(diff.files), "file")
    total = len(diff.amendments)
    return f"{counted(total, 'amendment')} in {files} ({counts}) · suggested bump: {diff.bump} · {sides}"


def _file(console: Console, file: FileDiff, options: RenderOptions) -> None:
    from rich.rule import Rule

    title = file.path if file.status != "renamed" else f"{file.old_path} → {file.new_path}"
    heading = f"{title}  ({file.status}, {counted(len(file.amendments), 'amendment')})"
    console.print(Rule(printable(heading), align="left", style="bold"))
    current_section: tuple[str, str] | None = None
    for amendment in file.amendments:
        section = section_of(amendment)
        if section != current_section:
            current_section = section
            heading, section_id = section
            console.print(
                _text(
                    ("§ ", "bold"),
                    (heading or "(before the first heading)", "bold"),
                    (f"  #{section_id}" if section_id else "", "dim"),
                )
            )
        _amendment(console, amendment, options)
    console.print()


def _amendment(console: Console, amendment: Amendment, options: RenderOptions) -> None:
    from rich.padding import Padding

    color = options.color
    label = kind_label(amendment)
    console.print(
        Padding(
            _text(
                (label, KIND_STYLE.get(amendment.kind, "")),
                (" · ", "dim"),
                (amendment.severity, SEVERITY_STYLE[amendment.severity]),
                (" · ", "dim"),
                (_where(amendment), "dim"),
            ),
            (0, 0, 0, 2),
            expand=False,
        )
    )
    console.print(Padding(_diff_text(amendment, color), (0, 0, 0, 4), expand=False))
    for effect in amendment.effects:
        line = describe_effect(effect) + which_sentence(effect, amendment)
        console.print(Padding(_text(("↳ ", "dim"), (line, "italic" if color else "")), (0, 0, 0, 4), expand=False))
    if amendment.impact:
        names = [output_name(i.node) for i in amendment.impact]
        shown = ", ".join(names[:MAX_OUTPUTS_SHOWN]) + (
            f" (+{len(names) - MAX_OUTPUTS_SHOWN} more)" if len(names) > MAX_OUTPUTS_SHOWN else ""
        )
        console.print(Padding(_text(("⇢ reaches ", "dim"), (shown, "blue" if color else "")), (0, 0, 0, 4), expand=False))
    if options.mentions and amendment.mentions:
        names = [output_name(i.node) for i in amendment.mentions]
        shown = ", ".join(names[:MAX_OUTPUTS_SHOWN]) + (
            f" (+{len(names) - MAX_OUTPUTS_SHOWN} more)" if len(names) > MAX_OUTPUTS_SHOWN else ""
        )
        console.print(Padding(_text(("⇢ mentioned in ", "dim"), (shown, "")), (0, 0, 0, 4), expand=False))
    if amendment.explanation:
        said = f"{amendment.explanation.summary} [{amendment.explanation.verdict}]"
        console.print(Padding(_text(("✎ ", "dim"), (said, "cyan" if color else "")), (0, 0, 0, 4), expand=False))


def _where(amendment: Amendment) -> str:
    """Line numbers of each side, and the file or section a clause moved from."""
    source = moved_from(amendment)
    return where(amendment) + (f" (from {source})" if source else "")


def _diff_text(amendment: Amendment, color: bool) -> Text:
    from rich.text import Text

    text = Text()
    # Colour codes pass the output stream, so the text coloured here is neutralised here.
    pieces = [(tag, printable(piece)) for tag, piece in amendment.word_diff]
    if amendment.kind in ("added", "removed"):
        tag, body = pieces[0]
        pieces = [(tag, shorten(body, MAX_SHOWN_CHARS))]
    for k, (tag, piece) in enumerate(pieces):
        if tag == "equal":
            first, last = k == 0, k == len(pieces) - 1
            text.append(trim_context(piece, first=first, last=last, context=CONTEXT_WORDS, whole=MAX_SHOWN_CHARS))
        elif tag == "delete":
            text.append(piece if color or amendment.kind == "removed" else f"[-{piece}-]", "red strike" if color else "")
        else:
            text.append(piece if color or amendment.kind == "added" else f"{{+{piece}+}}", "green underline" if color else "")
    return text


def _text(*parts: tuple[str, str]) -> Text:
    from rich.text import Text

    text = Text()
    for content, style in parts:
        text.append(printable(content), style)
    return text
