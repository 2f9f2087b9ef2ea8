"""Every spec file of a repository at one revision, read once and parsed only when looked at.

The dependency graph of a diff needs few of them parsed: the files the diff
changed (parsed already), the files something points into, and the files whose
text can name something (a link, a footnote, a requirement ID). On
http-extensions (70 IETF drafts, nothing declaring an artifact) parsing every
draft for a one-commit diff took 6.3 of 7.5 s. :class:`SpecDocuments` is a
``Mapping`` of path to :class:`~specdiff.model.Document` over every readable
spec file, that parses a file the first time it is looked up;
:meth:`SpecDocuments.matching` lets a scanner that reads inside every spec file
skip those whose text cannot hold what it looks for.

>>> from specdiff.parse import parse_document
>>> documents = SpecDocuments({"a.md": "# A\\n\\nSee [b](b.md).\\n", "b.md": "# B\\n\\nPlain.\\n"}, parse_document)
>>> sorted(documents), [path for path, _ in documents.matching(re.compile(r"\\]\\("))], documents.parsed_paths()
(['a.md', 'b.md'], ['a.md'], ['a.md'])
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping

from specdiff.model import Document


class SpecDocuments(Mapping[str, Document]):
    """Spec files by path, in the order git lists them, each parsed on first lookup.

    ``texts`` holds the text of every readable spec file; ``parse(text, path)``
    turns one into a document; ``parsed`` gives documents parsed already (the
    diff's head side), which are used as they are.
    """

    def __init__(
        self, texts: dict[str, str], parse: Callable[[str, str], Document], parsed: Mapping[str, Document] | None = None
    ) -> None:
        self._texts = texts
        self._parse = parse
        self._documents: dict[str, Document] = {path: d for path, d in (parsed or {}).items() if path in texts}
        self._kept: set[str] | None = None
        self.kept_reads = 0
        """How many times :meth:`kept` was asked: a scanner that asked depends on :meth:`keep_only`."""
        self._matched: dict[re.Pattern[str], tuple[str, ...]] = {}
        """The paths each hint matched: both passes of the graph's scanners ask the same questions,
        and searching every spec's text for a requirement ID took 30 ms on the largest Model Spec pair."""

    def __getitem__(self, path: str) -> Document:
        document = self._documents.get(path)
        if document is None:
            document = self._documents[path] = self._parse(self._texts[path], path)
        return document

    def text(self, path: str) -> str:
        """The file's text, as read."""
        return self._texts[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)

    def __contains__(self, path: object) -> bool:
        return path in self._texts

    def matching(self, hint: re.Pattern[str]) -> Iterator[tuple[str, Document]]:
        """The files whose text ``hint`` matches, parsed, in order.

        A scanner passes a pattern that matches wherever what it looks for
        could be (a superset: ``](`` for links), so the files it skips hold
        nothing for it.
        """
        for path in self.paths_matching(hint):
            yield path, self[path]

    def paths_matching(self, hint: re.Pattern[str]) -> tuple[str, ...]:
        """The paths of the files whose text ``hint`` matches, in order, unparsed."""
        if hint not in self._matched:
            self._matched[hint] = tuple(path for path, text in self._texts.items() if hint.search(text))
        return self._matched[hint]

    def kept(self, hint: re.Pattern[str]) -> Iterator[tuple[str, Document]]:
        """Like :meth:`matching`, among the files the graph keeps anyway (all, unless :meth:`keep_only` said).

        For a scanner whose dependencies point only into the file it finds them
        in (a footnote's examples, an OpenSpec scenario): they matter only when
        that file is in the graph for another reason.
        """
        self.kept_reads += 1
        return self._kept_documents(hint)

    def _kept_documents(self, hint: re.Pattern[str]) -> Iterator[tuple[str, Document]]:
        if self._kept is None:
            yield from self.matching(hint)
            return
        # Only the kept files' texts are searched: a diff keeps a few of hundreds (the Rust RFCs: 9 MB
        # of text, which OpenSpec's case-blind "scenario:" took 0.1 s to search whole).
        for path in [path for path in self._texts if path in self._kept and hint.search(self._texts[path])]:
            yield path, self[path]

    def keep_only(self, paths: set[str] | None) -> None:
        """Limit :meth:`kept` to ``paths`` (``None``: every file)."""
        self._kept = paths

    def parsed_paths(self) -> list[str]:
        """The files parsed so far (or given parsed), in order."""
        return [path for path in self._texts if path in self._documents]
