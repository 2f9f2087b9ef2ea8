"""Untrusted text made inert in GitHub Markdown: one escaping function for each place.

Spec text, headings, paths, eval ids, artifact names, commit subjects and a
model's answers all come from a pull request or a server. In the PR comment
and the release notes each passes exactly one of these, chosen by where it
lands: :func:`prose` (a paragraph or blockquote), :func:`inline` (a place
that must stay one line), :func:`cell` (a table cell) or :func:`code` (inside
a code span). See docs/security.md.
"""

from __future__ import annotations

import html
import re

from specdiff.render.controls import printable

_MENTION = re.compile(r"@(?=[A-Za-z0-9_-])")
_REFERENCE = re.compile(r"#(?=\d)")
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*\[\]|~])")


def prose(text: str) -> str:
    """Untrusted text made inert in Markdown prose (one escaping function for each context).

    No HTML (so no closing the ``<details>`` around it, no ``<img onerror>``), no
    link or image (``[`` and ``]`` are escaped, so no tracking pixel), no
    emphasis or strike-through to fake a deletion, no pipe to break a table, no
    @-mention or #-reference to ping anyone, no control character. Line breaks
    stay; a caller that needs one line uses :func:`inline`.

    >>> prose("<script>@alice </details>")
    '&lt;script&gt;@\\u200balice &lt;/details&gt;'
    >>> prose("![x](https://t.example/p.png) ~~must~~ a|b #12")
    '!\\\\[x\\\\](https://t.example/p.png) \\\\~\\\\~must\\\\~\\\\~ a\\\\|b #\\u200b12'
    """
    escaped = html.escape(_MARKDOWN_PUNCTUATION.sub(r"\\\1", printable(text)), quote=False)
    escaped = _REFERENCE.sub("#\u200b", escaped)  # "#12" would link (and notify) issue 12
    return _MENTION.sub("@\u200b", escaped)  # a zero-width space stops GitHub's mention


def inline(text: str) -> str:
    """Untrusted text for a place that must stay one line (a heading, an effect, a model's summary)."""
    return prose(" ".join(text.split()))


def cell(text: str) -> str:
    """Text for a table cell: escaped (pipes included) and on one line."""
    return inline(text)


def code(text: str, *, in_table: bool = False) -> str:
    """Text for inside a code span: one line (a line break could end the span's paragraph and
    let what follows be read as Markdown), no backtick to end it early, no control character.
    Backslashes do not escape inside a code span, but a table row is split on pipes before spans
    are read, so in a table a pipe is written ``\\|``.

    >>> code("a`b\\n\\n<img src=x>|")
    "a'b <img src=x>|"
    """
    code = " ".join(printable(text).replace("`", "'").split())
    return code.replace("|", "\\|") if in_table else code
