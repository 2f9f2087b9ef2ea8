"""Links between spec sections: a clause that says ``[see](#privacy)`` depends on ``#privacy``.

Links to another spec file (``[terms](glossary.md#patron)``) count too; a
link to an anchor that does not exist is reported as dangling.

The graph of a diff reads the links of the files it keeps (``SpecDocuments.kept``),
and keeps the files whose links can lead to a changed one (:func:`linking_to`): on
the Rust RFCs (652 files), a one-commit diff parsed the 130 files that link to
anything, for a new RFC no file names.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Collection, Iterator
from urllib.parse import quote

from specdiff.model import Dependency, Target
from specdiff.nodes import clause_nodes
from specdiff.scan import Workspace, resolve_path
from specdiff.spec_documents import SpecDocuments

LINK_HINT = re.compile(r"\]\((?:\s|>)*<?(?:#|[^()\s<>#\]]*\.(?:md|markdown|mdx)(?:[#)\s>]|$))")
"""Where a link to a section or a Markdown file could start (in the file's raw text, around
blockquote marks): files without one are not parsed."""


def scan(workspace: Workspace) -> Iterator[Dependency]:
    for path, document in workspace.documents.kept(LINK_HINT):
        nodes = clause_nodes(document)
        for clause in document.clauses:
            for link in clause.links:
                file, _, anchor = link.partition("#")
                if not file:
                    target = Target(path, anchor or None)
                elif file.endswith((".md", ".markdown", ".mdx")):
                    target = Target(resolve_path(path, file), anchor or None)
                else:
                    continue
                yield Dependency(nodes[clause.index], target, f"links to {link}", f"{path}:{clause.lines[0]}")


MAX_NAMED = 500
"""Most files :func:`linking_to` looks for by name; past it (a commit that renames a folder of
thousands), every file with a link is kept, as if each named one: each name is looked for in every
file's text, and thousands of names in thousands of files would take minutes."""


def linking_to(documents: SpecDocuments, paths: Collection[str], shown_with: Callable[[str], list[str]]) -> set[str]:
    """The spec files whose links can lead to ``paths``, at any depth: those whose text names one
    of them, or a page a site shows one on (``shown_with``, see ``site_pages``), then those that
    name those, and so on. ``paths`` may name files gone at this revision (a link to them dangles).

    A file is named as a relative link must name it, in any case, plain or percent-encoded,
    anywhere in the text (a superset of the files that link to it, read without parsing): by its
    file name from inside its folder, with its folder's name from outside (``../1234-holds/README.md``;
    656 Kubernetes enhancement proposals are each a ``README.md``).

    >>> from specdiff.parse import parse_document
    >>> texts = {"a.md": "[b](b.md#x)", "b.md": "[c](./C.md)", "c.md": "", "d.md": "[a](#a)"}
    >>> sorted(linking_to(SpecDocuments(texts, parse_document), {"c.md"}, lambda path: []))
    ['a.md', 'b.md']
    >>> texts = {"x/README.md": "", "x/y/f.md": "[up](../README.md)", "z/f.md": "[x](../X/readme.md)", "z/g.md": "[z](README.md)"}
    >>> sorted(linking_to(SpecDocuments(texts, parse_document), {"x/README.md"}, lambda path: []))
    ['x/y/f.md', 'z/f.md']
    >>> texts = {"my notes/a b.md": "", "c.md": "[n](my%20notes/a%20b.md)", "d.md": "[n](my%20notes/ab.md)"}
    >>> sorted(linking_to(SpecDocuments(texts, parse_document), {"my notes/a b.md"}, lambda path: []))
    ['c.md']
    """
    found: set[str] = set()
    candidates = [path for path in documents.paths_matching(LINK_HINT) if path not in paths]
    if len(paths) > MAX_NAMED:
        return set(candidates)
    lowered = {path: documents.text(path).lower() for path in candidates}
    named = set(paths)
    while named and candidates:
        if len(found) > MAX_NAMED:
            return found | set(candidates)
        by_folder: dict[str, set[str]] = {}
        for page in {page for path in named for page in (path, *shown_with(path))}:
            folder, name = posixpath.split(page)
            by_folder.setdefault(folder, set()).update(_spellings(name))
        from_outside = {
            f"{spelled}/{name}"
            for folder, names in by_folder.items()
            if folder
            for spelled in _spellings(posixpath.basename(folder))
            for name in names
        }
        named = {
            path
            for path in candidates
            if any(name in lowered[path] for name in from_outside)
            or any(
                name in lowered[path]
                for folder, names in by_folder.items()
                if not folder or path.startswith(f"{folder}/")
                for name in names
            )
        }
        found |= named
        candidates = [path for path in candidates if path not in named]
    return found


def _spellings(name: str) -> list[str]:
    """A file or folder name as a link may write it, lower-cased: as it is, then percent-encoded."""
    return list(dict.fromkeys((name.lower(), quote(name).lower())))
