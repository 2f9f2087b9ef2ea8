"""Pages a site generator assembles from several files, whose anchors no one file shows.

Jekyll puts another file's text into a page where the page says
``{% include_relative types/location.md %}`` (a path from the page's folder) or
``{% include types/uri.md %}`` (a path under the site's ``_includes/``). The
Language Server Protocol's specification is one such page built from about 150
files, and a link in ``textDocument/didOpen.md`` to ``#textDocument_synchronization_cc``
names an anchor of the page that includes it: on the published site the link
works, though no heading of ``didOpen.md`` has that anchor (62 of its 89 dangling
links at its head were of this kind). Hugo's shortcodes (``{{% http-api
spec="client-server" api="login" %}}``) run templates whose output, anchors
included, no file shows: Matrix's specification builds each endpoint's anchor
from its OpenAPI description, and every one of its 417 dangling links named such
an anchor, or a heading of a module a shortcode pulls in.

So an anchor is looked for on every file that shows on the same page as the one a
link names: the pages that include it, at any depth, and every file those pages
include. And where such a page also runs a template this cannot read (a shortcode,
an include whose path is a variable or whose file is missing), an anchor found
nowhere is unknown, not missing: no dangling reference is reported for it.

Only a directive on a line of its own counts. A shortcode inside a sentence
(``{{< changed-in v="1.2" >}}``) writes a few words, not a section; a page that
uses only those keeps its anchors in plain sight, and its broken links are still
found. A shortcode may name the file it pulls in by its name alone: each of
Matrix's room versions says ``{{% rver-fragment name="v3-handling-redactions" %}}``,
and the fragment's link to ``#authorisation-rules`` names a heading of those pages.

A build may join files that no page includes: SARIF's specification is the 86
files of its ``edit/src/`` folder, in the order ``etc/bind.txt`` lists them, and
the build writes anchors of its own (``#def;result`` for a defined term). So a
text file beside a folder of spec files whose every line names one of them is
such a list: its files show on one page, which runs a build this cannot read.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Collection

from specdiff.model import Document
from specdiff.parse import parse_document
from specdiff.spec_documents import SpecDocuments

_INCLUDE = re.compile(r"^[ \t]*\{%-?[ \t]*include(_relative)?[ \t]+([^\s%]++)[^\n]*?-?%\}[ \t]*$", re.MULTILINE)
"""A Liquid include alone on its line; group 1 says it is relative to the page, group 2 is the path.
The path is taken whole (``++``): given back a letter at a time, a long one with no ``%}`` after it
was read again from each letter (200,000 letters: 5 minutes)."""

_SHORTCODE = re.compile(r"^[ \t]*\{\{[<%].*[>%]\}\}[ \t]*$", re.MULTILINE)
"""A Hugo shortcode alone on its line."""

_DIRECTIVE = re.compile(r"\{%-?[ \t]*include|\{\{[<%]")
"""What a file holding either must contain: the files searched for pages are first sifted with this."""

_SHORTCODE_FILE = re.compile(r"\b(?:name|file|path|src|source|fragment|partial|include)\s*=\s*\"([\w.-]+)\"")
"""A shortcode's parameter that names a file (``name="v3-handling-redactions"``), not what a template
reads (``spec="client-server" api="login"``)."""


class SitePages:
    """Which files show on the same page as a given one, and whether that page runs templates.

    Built on first use from the spec files whose text holds a directive; files
    they include that are not spec files (Jekyll's ``_includes/``) are read
    through ``read``, and parsed only when a link needs their anchors.
    """

    def __init__(self, documents: SpecDocuments, files: Collection[str], read: Callable[[str], str | None]) -> None:
        self.documents = documents
        self.files = files
        self.read = read
        self._includes: dict[str, list[str]] | None = None
        self._opaque: set[str] = set()
        """Files with a template whose output no file shows: a shortcode, or an include of nothing readable."""
        self._together: dict[str, tuple[list[str], bool]] = {}
        self._parsed: dict[str, Document | None] = {}
        self._by_name: dict[str, str] | None = None

    def shown_with(self, path: str) -> list[str]:
        """The other files whose text shows on a page that shows ``path``: the pages that include it, at
        any depth, then every file those pages include.

        >>> docs = SpecDocuments({"spec.md": "# Spec\\n\\n{% include_relative a.md %}\\n{% include_relative b.md %}\\n",
        ...     "a.md": "## A\\n\\nSee [b](#b).\\n", "b.md": "## B\\n", "c.md": "# C\\n"}, parse_document)
        >>> pages = SitePages(docs, set(docs), lambda path: None)
        >>> pages.shown_with("a.md"), pages.shown_with("spec.md"), pages.shown_with("c.md")
        (['spec.md', 'b.md'], ['a.md', 'b.md'], [])
        """
        return self._shown_together(path)[0]

    def runs_templates(self, path: str) -> bool:
        """Whether a page that shows ``path`` runs a template whose output no file shows.

        >>> docs = SpecDocuments({"api.md": "# API\\n\\n{{% http-api spec=\\"login\\" %}}\\n", "b.md": "# B {{< v >}}\\n"},
        ...     parse_document)
        >>> pages = SitePages(docs, set(docs), lambda path: None)
        >>> pages.runs_templates("api.md"), pages.runs_templates("b.md")
        (True, False)
        """
        return self._shown_together(path)[1]

    def document(self, path: str) -> Document | None:
        """The parsed file, spec or not (an include under ``_includes/``); ``None`` if it cannot be read."""
        if path in self.documents:
            return self.documents[path]
        if path not in self._parsed:
            text = self.read(path)
            self._parsed[path] = parse_document(text, path) if text is not None else None
        return self._parsed[path]

    def _shown_together(self, path: str) -> tuple[list[str], bool]:
        if path not in self._together:
            includes = self._read_includes()
            pages = _closure([path], lambda page: [host for host, named in includes.items() if page in named])
            shown = _closure(pages, lambda page: includes.get(page, []))
            self._together[path] = [f for f in shown if f != path], any(f in self._opaque for f in shown)
        return self._together[path]

    def _read_includes(self) -> dict[str, list[str]]:
        """Every file that includes others, with the files it names; read once."""
        if self._includes is None:
            self._includes = {}
            waiting = list(self.documents.paths_matching(_DIRECTIVE))
            seen = set(waiting)
            while waiting:
                page = waiting.pop(0)
                text = self.documents.text(page) if page in self.documents else self.read(page)
                if text is None:
                    continue
                if _SHORTCODE.search(text):
                    self._opaque.add(page)
                for included in self._named(page, text):
                    if included is None:
                        self._opaque.add(page)
                        continue
                    self._includes.setdefault(page, []).append(included)
                    if included not in seen:  # an included file may include others
                        seen.add(included)
                        waiting.append(included)
            for listing, parts in self._lists_of_parts():
                self._includes[listing] = parts
                self._opaque.add(listing)
        return self._includes

    def _lists_of_parts(self) -> list[tuple[str, list[str]]]:
        """Text files that list, one per line, the spec files a build joins into one document: a ``.txt``
        file in a folder of spec files or beside one (``edit/etc/bind.txt`` beside ``edit/src/``), whose
        every line names a file of one such folder, with the files it names.

        >>> docs = SpecDocuments({"src/a.md": "## A\\n", "src/b.md": "## B\\n"}, parse_document)
        >>> lists = {"etc/bind.txt": "a.md\\nb.md\\n", "etc/notes.txt": "a.md\\nsee above\\n"}
        >>> SitePages(docs, set(docs) | set(lists), lists.get)._lists_of_parts()
        [('etc/bind.txt', ['src/a.md', 'src/b.md'])]
        """
        folders = {posixpath.dirname(path) for path in self.documents}
        beside = {posixpath.dirname(folder) for folder in folders}
        found = []
        for listing in sorted(path for path in self.files if path.endswith(".txt")):
            here = posixpath.dirname(listing)
            if here not in folders and posixpath.dirname(here) not in beside:
                continue
            names = [line.strip() for line in (self.read(listing) or "").splitlines() if line.strip()]
            candidates = [here] + sorted(f for f in folders if posixpath.dirname(f) == posixpath.dirname(here))
            for folder in candidates if len(names) > 1 else ():
                parts = [posixpath.join(folder, name) for name in names]
                if all(part in self.documents or part in self.files for part in parts):  # a change log, say, is no spec
                    found.append((listing, parts))
                    break
        return found

    def _named(self, page: str, text: str) -> list[str | None]:
        """The files ``page``'s includes name, ``None`` for one that names no tracked file."""
        named: list[str | None] = []
        for include in _INCLUDE.finditer(text):
            relative, written = include.group(1), include.group(2)
            if relative:
                candidates = [posixpath.normpath(posixpath.join(posixpath.dirname(page), written))]
            else:  # under the _includes/ of the site the page belongs to: the nearest folder that has one
                folders = page.split("/")[:-1]
                candidates = [posixpath.join(*folders[:depth], "_includes", written) for depth in range(len(folders), -1, -1)]
            named.append(next((c for c in candidates if c in self.files or c in self.documents), None))
        by_name = self._named_alone() if _SHORTCODE.search(text) else {}
        for shortcode in _SHORTCODE.finditer(text):
            names = [value.removesuffix(".md") for value in _SHORTCODE_FILE.findall(shortcode.group())]
            named += [by_name[name] for name in names if name in by_name]
        return named

    def _named_alone(self) -> dict[str, str]:
        """Spec files by their name without folder or extension, for the names no other spec file shares."""
        if self._by_name is None:
            paths: dict[str, list[str]] = {}
            for path in self.documents:
                paths.setdefault(posixpath.splitext(posixpath.basename(path))[0], []).append(path)
            self._by_name = {name: found[0] for name, found in paths.items() if len(found) == 1}
        return self._by_name


def _closure(start: list[str], step: Callable[[str], list[str]]) -> list[str]:
    """``start`` and everything ``step`` leads to from it, at any depth, each once, in the order met."""
    found = list(dict.fromkeys(start))
    seen = set(found)
    for path in found:  # the list grows as it is walked: breadth first
        for following in step(path):
            if following not in seen:
                seen.add(following)
                found.append(following)
    return found
