"""Addresses a site's host sends elsewhere: the ``_redirects`` file of Netlify and Cloudflare Pages.

A spec published as a site may link a page that is gone from the repository
on purpose, because the host redirects its address: SLSA removed
``docs/example.md`` and keeps ``/example.md https://github.com/.../example.md 301``
in ``docs/_redirects``, so ``[the case study](../../example.md#vision-case-study)``
works on slsa.dev though no file holds it. A link to a missing file is not
dangling when the ``_redirects`` of the site the file would belong to (the folder
that holds that ``_redirects``) sends its address elsewhere.

Each line of ``_redirects`` is a source address, a destination and an optional
status; ``#`` starts a comment. A source may end in ``*`` (any rest) and hold
``:name`` placeholders (any one segment). The address of a file is its path under
the site's folder, with or without its extension (``/example.md``, ``/example``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Collection

REDIRECTS_FILE = "_redirects"

MAX_PATTERNED = 1_000
"""Patterned sources read from one file: each is tried against every missing file a link names, and
a hostile ``_redirects`` of 100,000 of them would make each such link cost a second. Real files hold
a few dozen (SLSA: one)."""


class SiteRedirects:
    """The redirect rules of every site in a repository, read on first use."""

    def __init__(self, files: Collection[str], read: Callable[[str], str | None]) -> None:
        self.files = files
        self.read = read
        self._sites: dict[str, _Rules] | None = None
        """Each site's folder ("" for the root), with the sources its file redirects."""

    def sends_elsewhere(self, path: str) -> bool:
        """Whether the site ``path`` would belong to redirects that file's address.

        >>> texts = {"docs/_redirects": "# moved\\n/example.md  https://example.org/old.md  301\\n/gh/*  https://github.com/:splat\\n"}
        >>> redirects = SiteRedirects(set(texts), texts.get)
        >>> redirects.sends_elsewhere("docs/example.md"), redirects.sends_elsewhere("docs/gh/issues.md")
        (True, True)
        >>> redirects.sends_elsewhere("docs/other.md"), redirects.sends_elsewhere("example.md")
        (False, False)
        """
        for folder, rules in self._read().items():
            if folder and not path.startswith(folder + "/"):
                continue
            address = "/" + (path[len(folder) + 1 :] if folder else path)
            if rules.redirect(address) or rules.redirect(posixpath.splitext(address)[0]):
                return True
        return False

    def _read(self) -> dict[str, _Rules]:
        if self._sites is None:
            self._sites = {}
            for path in self.files:
                if posixpath.basename(path) == REDIRECTS_FILE:
                    text = self.read(path)
                    if text is not None:
                        self._sites[posixpath.dirname(path)] = _Rules(_sources(text))
        return self._sites


class _Rules:
    """The source addresses of one ``_redirects`` file: plain ones looked up at once, patterned ones
    (``*`` at the end takes any rest, ``:name`` one segment) tried in turn. A trailing slash is
    optional, as the host reads it."""

    def __init__(self, sources: list[str]) -> None:
        self.plain: set[str] = set()
        self.patterned: list[list[str]] = []
        for source in sources:
            segments = source.rstrip("/").split("/")
            if segments[-1] == "*" or any(s.startswith(":") for s in segments):
                if len(self.patterned) < MAX_PATTERNED:
                    self.patterned.append(segments)
            else:
                self.plain.add("/".join(segments))

    def redirect(self, address: str) -> bool:
        segments = address.rstrip("/").split("/")
        if "/".join(segments) in self.plain:
            return True
        return any(_matches(source, segments) for source in self.patterned)


def _matches(source: list[str], segments: list[str]) -> bool:
    if source[-1] == "*":
        source = source[:-1]
        if len(segments) < len(source):
            return False
    elif len(segments) != len(source):
        return False
    return all(s == a or s.startswith(":") for s, a in zip(source, segments))


def _sources(text: str) -> list[str]:
    """The source address of each rule that sends its address to a page, comments and blank lines
    left out. Not a 404 rule (a custom "not found" page) nor the catch-all ``/*`` (a single-page
    app's fallback to its index): they send every address somewhere, which says nothing of this one.

    >>> _sources("# a\\n/old   /new   301\\n/*   /index.html   200\\n/x/*  /404.html  404\\n\\n/y /z")
    ['/old', '/y']
    """
    sources = []
    for line in text.splitlines():
        words = line.split("#", 1)[0].split()
        if len(words) < 2 or not words[0].startswith("/") or words[0].rstrip("/") in ("", "/*"):
            continue
        if len(words) > 2 and words[2].rstrip("!") == "404":
            continue
        sources.append(words[0])
    return sources
