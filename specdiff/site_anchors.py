"""Anchors a site generator builds from a spec's headings, which GitHub's slugs miss.

A spec published as a website is often linked the way the site spells its
anchors, not the way GitHub renders the Markdown file. The dependency graph
(``graph._TargetIndex``) tries GitHub's spellings first; a link that none of
them resolves is asked about here before it is called dangling, so the diff's
"Dangling references", ``specdiff coverage`` and lint's REF001 agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from urllib.parse import unquote

from specdiff.model import Document
from specdiff.nodes import clause_nodes, section_node
from specdiff.parse import shown_text


class SiteAnchors:
    """Finds the heading (or bold title) a site-built anchor names.

    Reads a linked file's headings once, and every spec file's titles at most
    once, only when an anchor with capitals asks for them: a change with
    thousands of such links in a large spec stays linear, and a repository
    without them parses no file for it.
    """

    def __init__(self, documents: Mapping[str, Document]) -> None:
        self.documents = documents
        self._titled: dict[str, str] | None = None
        self._headings: dict[str, tuple[dict[str, str], dict[str, str]]] = {}

    def find(self, path: str, anchor: str) -> str | None:
        """The node ``path#anchor`` names as a site generator spells anchors, or ``None``:

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
        if path not in self.documents:
            return None
        by_slug, by_spelling = self.headings(path)
        unnumbered = re.sub(r"^\d+-", "", anchor)
        if unnumbered != anchor and unnumbered in by_slug:
            return by_slug[unnumbered]
        decoded = unquote(anchor).lower()
        if "%" in anchor and decoded in by_spelling:
            return by_spelling[decoded]
        if anchor == anchor.lower():
            return None  # a heading's slug on GitHub, and on most sites, is lower case: this one names nothing
        unprefixed = re.sub(r"^[a-z]{1,8}-", "", anchor, flags=re.IGNORECASE)
        titled = self.titled()
        for spelled in (_squashed(unprefixed), _squashed(unprefixed.rpartition(".")[2])):  # "Scalars.Custom-Scalars"
            if spelled and spelled in titled:
                return titled[spelled]
        return None

    def headings(self, path: str) -> tuple[dict[str, str], dict[str, str]]:
        """The nodes of ``path``'s sections by slug and by heading as written (:func:`_spelled`), the
        first section of each kept; read once a file, not once a link."""
        if path not in self._headings:
            by_slug: dict[str, str] = {}
            by_spelling: dict[str, str] = {}
            for section in self.documents[path].sections:
                by_slug.setdefault(section.slug, section_node(path, section.id))
                by_spelling.setdefault(_spelled(section.heading), section_node(path, section.id))
            self._headings[path] = by_slug, by_spelling
        return self._headings[path]

    def titled(self) -> dict[str, str]:
        """The node of every title of every spec file (:func:`_titles`), by the title squashed
        (:func:`_squashed`); the first file and place to hold a title keeps it."""
        if self._titled is None:
            self._titled = {}
            for document in self.documents.values():
                for title, node in _titles(document):
                    self._titled.setdefault(_squashed(title), node)
        return self._titled


_NUMBERING = re.compile(r"^(?:[A-Z]|\d+)(?:\.\d+)*\.?\s+")
_BOLD_TITLE = re.compile(r"\*\*([^*\n]+)\*\*\s*$")


def _titles(document: Document) -> Iterator[tuple[str, str]]:
    """What a generator may name an anchor after, with the node it names: each heading as written, and
    as text without its numbering ("A. Appendix: Conformance") or link markup ("[Language](Section 2.md)");
    and a paragraph that is a bold title alone (``**Input Coercion**``), which spec-md anchors too."""
    for section in document.sections:
        node = section_node(document.path, section.id)
        yield section.heading, node
        yield _NUMBERING.sub("", shown_text(section.heading)), node
    nodes = clause_nodes(document)
    for clause in document.clauses:
        title = _BOLD_TITLE.fullmatch(clause.text.strip()) if clause.text.startswith("**") else None
        if title:
            yield title.group(1), nodes[clause.index]


def _squashed(text: str) -> str:
    """Letters and digits only, lower case: how a heading and an anchor spelled from it compare."""
    return re.sub(r"[^0-9a-z]", "", text.lower())


def _spelled(heading: str) -> str:
    """A heading as written, lower case, code marks dropped and spaces as hyphens."""
    return heading.replace("`", "").strip().lower().replace(" ", "-")
