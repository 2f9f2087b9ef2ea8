"""Dangling references: a link, anchor or requirement ID that points at nothing in the spec.

The dependency graph already keeps every reference it could not resolve
(``SpecGraph.dangling``); this check reports the ones inside the clauses a
change wrote, unless the clause pointed at the same target before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from urllib.parse import unquote

from specdiff.lint.base import Check, Finding, finding
from specdiff.model import Clause, Dangling, Document
from specdiff.parse import shown_text

CHECKS = (
    Check(
        "REF001",
        "dangling-reference",
        "error",
        "A reference points at a section, file or requirement the spec does not have.",
        "Renewals follow [the hold rules](#holds-queue). (no section has that anchor)",
        "Renewals follow [the hold rules](#holds). (the section's anchor)",
    ),
)


def located_in(dangling: Dangling, clause: Clause) -> bool:
    path, _, line = dangling.where.rpartition(":")
    return path == clause.path and line.isdigit() and clause.lines[0] <= int(line) <= clause.lines[1]


def pointed_before(dangling: Dangling, old: tuple[Clause, ...]) -> bool:
    """Whether an old version of the clause named the same target (the reference is not new)."""
    name = dangling.target.rpartition("#")[2] or dangling.target
    return any(name in link for clause in old for link in clause.links) or any(
        dangling.target in clause.requirements for clause in old
    )


class BuiltAnchors:
    """The anchors a site generator builds from a spec's headings, which GitHub's slugs miss; asked
    once per dangling reference, it reads every file's titles once per run (a change with thousands
    of such links in a large spec stays linear)."""

    def __init__(self, documents: Mapping[str, Document]) -> None:
        self.documents = documents
        self._squashed_titles: set[str] | None = None

    def resolve(self, dangling: Dangling) -> bool:
        """Whether the target names one of its document's headings as a site generator spells the
        anchor, so the link resolves on the built site:

        - the slug with the section number in front (``#421-instance-data-model`` for "Instance Data
          Model"): the project numbers its headings when it builds (the JSON Schema specification's
          conversion to Markdown wrote 57 such links in one commit);
        - the heading's own text, percent-encoded (``#https%3A%2F%2F`` for ``### https://``, whose
          GitHub slug is ``https``): a link's fragment is a URL part, and the Model Context Protocol's
          site keeps such a heading's punctuation in its anchor;
        - with capitals, which no GitHub slug has: a heading or bold title of any spec file, spelled
          with its letters and digits after a short prefix, its parent's name in front or not
          (``#sec-Handling-Execution-Errors`` for "Handling Execution Errors",
          ``#sec-Scalars.Custom-Scalars`` for a ``**Custom Scalars**`` paragraph): the generator builds
          one page from several files, as spec-md does for GraphQL, whose 21 blind-labelled dangling
          links were all of this kind.
        """
        path, _, anchor = dangling.target.partition("#")
        document = self.documents.get(path)
        if document is None:
            return False
        unnumbered = re.sub(r"^\d+-", "", anchor)
        if unnumbered != anchor and any(s.slug == unnumbered for s in document.sections):
            return True
        decoded = unquote(anchor).lower()
        if "%" in anchor and any(_spelled(s.heading) == decoded for s in document.sections):
            return True
        if anchor == anchor.lower():
            return False  # a heading's slug on GitHub, and on most sites, is lower case: this one names nothing
        unprefixed = re.sub(r"^[a-z]{1,8}-", "", anchor, flags=re.IGNORECASE)
        spelled = {_squashed(unprefixed), _squashed(unprefixed.rpartition(".")[2])} - {""}  # "Scalars.Custom-Scalars"
        return bool(spelled & self.squashed_titles())

    def squashed_titles(self) -> set[str]:
        """Every title of every spec file (:func:`_titles`), squashed (:func:`_squashed`)."""
        if self._squashed_titles is None:
            self._squashed_titles = {_squashed(t) for each in self.documents.values() for t in _titles(each)}
        return self._squashed_titles


_NUMBERING = re.compile(r"^(?:[A-Z]|\d+)(?:\.\d+)*\.?\s+")
_BOLD_TITLE = re.compile(r"\*\*([^*\n]+)\*\*\s*$")


def _titles(document: Document) -> Iterator[str]:
    """What a generator may name an anchor after: each heading as written, and as text without its
    numbering ("A. Appendix: Conformance") or link markup ("[Language](Section 2.md)"); and a
    paragraph that is a bold title alone (``**Input Coercion**``), which spec-md anchors too."""
    for section in document.sections:
        yield section.heading
        yield _NUMBERING.sub("", shown_text(section.heading))
    for clause in document.clauses:
        title = _BOLD_TITLE.fullmatch(clause.text.strip()) if clause.text.startswith("**") else None
        if title:
            yield title.group(1)


def _squashed(text: str) -> str:
    """Letters and digits only, lower case: how a heading and an anchor spelled from it compare."""
    return re.sub(r"[^0-9a-z]", "", text.lower())


def _spelled(heading: str) -> str:
    """A heading as written, lower case, code marks dropped and spaces as hyphens."""
    return heading.replace("`", "").strip().lower().replace(" ", "-")


def dangling_reference(dangling: Dangling, clause: Clause) -> Finding:
    return finding("REF001", clause, f"{dangling.target} does not exist ({dangling.reason})", dangling.target)
