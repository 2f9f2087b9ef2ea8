"""Which files of a repository are its specification, when no config says so.

:func:`detect_layout` looks at the paths a repository tracks and recognises
the layouts real spec repositories use; each found layout contributes the
globs of its spec files and a sentence saying why:

>>> layout = detect_layout(["model_spec.md", "examples/k3f9.md", "README.md"])
>>> layout.specs, layout.reasons[0]
(('model_spec.md',), 'OpenAI Model Spec: model_spec.md, with examples/*.md as its eval cases')

========================  ====================================================
OpenAI Model Spec         ``model_spec.md`` beside ``examples/<id>.md``
OpenSpec                  ``openspec/specs/**/spec.md`` and change deltas
spec-kit                  ``specs/<feature>/spec.md`` (``plan.md`` … are built from it)
Kiro                      ``.kiro/specs/<feature>/requirements.md``
Kubernetes enhancements   ``keps/<sig>/<number>-<name>/README.md`` (KEPs)
IETF drafts               ``draft-*.md`` (kramdown-rfc), old ones in ``archive/`` left out
MDX documentation site    a ``specification/`` folder of ``.mdx`` pages
released versions         ``versions/**/<x.y.z>.md``, and the working copy beside them
========================  ====================================================

Community files, top-level ``test/``, ``tests/``, ``tools/`` and ``scripts/``
folders, any ``fixtures/`` or ``testdata/`` folder, a Jekyll site's templates
(``_includes/``, ``_layouts/``) and meeting records (``minutes/``, ``agendas/``,
``meetings/``) are never specs by default, nor are translations of the spec's files
(``cloudevents/languages/he/**``: ``translation_folders``).
With none of the layouts, a ``spec/``, ``specs/``, ``specification/``,
``specifications/`` or ``standards/`` folder (at the top or in ``docs/``) holding
Markdown is the spec, and the rest (proposals, changelogs, guides, a steering
committee's minutes) is not. Without one either,
every Markdown (``.md``, ``.markdown``, ``.mdx``) file is a spec except
community files (the top-level README, CONTRIBUTING, GOVERNANCE, …; a folder's
README is its part's spec); and when no prose but READMEs is left, the
top-level README is the spec (toml up to 0.5 kept its specification there).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

PROSE_SUFFIXES = (".md", ".markdown", ".mdx")
"""Files that can be specs: Markdown and MDX."""

GENERIC_SPECS = tuple(f"**/*{suffix}" for suffix in PROSE_SUFFIXES)

COMMUNITY_FILES = (
    "README",
    "CHANGELOG",
    "CHANGES",
    "HISTORY",
    "NEWS",
    "RELEASING",
    "RELEASE",  # how and when the project releases: RELEASES.md (the OCI specs), RELEASE_PROCESS.md (AsyncAPI), notes
    "SUBMITTING",  # how to send a change (the HTTP WG's drafts)
    "DEVELOPMENT",  # how to work on the project's tools (spec-kit)
    "ANTITRUST",  # the foundation's policies (MCP)
    "AI_POLICY",
    "ROADMAP",
    "LICENSE",
    "LICENCE",
    "COPYING",
    "NOTICE",
    "AUTHORS",
    "CONTRIBUTORS",
    "CONTRIBUTING",
    "CODE_OF_CONDUCT",
    "CODE-OF-CONDUCT",
    "GOVERNANCE",
    "MAINTAINERS",
    "OWNERS",
    "EMERITUS",
    "HACKING",
    "EDITORS",
    "IMPLEMENTATIONS",
    "ADOPTERS",
    "SECURITY",
    "SUPPORT",
    "CODEOWNERS",
    "AGENTS",
    "CLAUDE",
    "GEMINI",
)
"""Names of files about the project rather than the spec (each also with a suffix: ``SECURITY.md``)."""

COMMUNITY_FILES_IN_ANY_CASE = (
    "README",
    "CHANGELOG",
    "CONTRIBUTING",
    "CODE_OF_CONDUCT",
    "CODE-OF-CONDUCT",
    "LICENSE",
    "GOVERNANCE",
    "MAINTAINERS",
    "OWNERS",
    "CONTRIBUTORS",
    "ROADMAP",
    "IMPLEMENTATIONS",
    "ADOPTERS",
)
"""Those whose name says what they are in lower or title case too (the dev container spec's
``contributing.md``, TUF's ``Roadmap.md``, Serverless Workflow's ``code-of-conduct.md`` and
``owners.md``, the OCI specs' lists of adopters, ``implementations.md``); a ``security.md`` or
``agents.md`` may be a spec's chapter."""

COMMUNITY_EXCLUDE = (
    tuple(f"**/{name}*" for name in COMMUNITY_FILES)
    + tuple(f"**/{variant}*" for name in COMMUNITY_FILES_IN_ANY_CASE for variant in (name.lower(), name.capitalize()))
    + (
        "**/node_modules/**",
        "**/.*/**",  # tool folders: .github templates, .agents and .claude skills (Kiro's .kiro/specs is a layout of its own)
        "**/blog/**",  # posts about the spec, not the spec (MCP's blog/content/posts)
        # Release notes kept a file per release (Matrix's content/changelog/v1.19.md): what changed, said again.
        "**/changelog/**",
        "**/changelogs/**",
        "**/release-notes/**",
        "**/release_notes/**",
        "**/newsletters/**",
        # A working group's meeting records (SARIF's 61 meeting_minutes/, GraphQL over HTTP's working-group/agendas/).
        "**/meeting_minutes/**",
        "**/meeting-minutes/**",
        "**/minutes/**",
        "**/agendas/**",
        "**/meetings/**",
        # Test fixtures and the project's own tooling: documents written wrong on purpose for a link
        # checker (CloudEvents' tools/fake-docs), sample repositories of a CLI's tests (OpenSpec's test/fixtures).
        "tools/**",
        "scripts/**",
        "test/**",
        "tests/**",
        "**/fixtures/**",
        "**/testdata/**",
        # A Jekyll site's templates: pieces of pages, not pages (JSON:API's _includes/status.md).
        "**/_includes/**",
        "**/_layouts/**",
        # Lists of the tools that implement the spec (the Language Server Protocol's _implementors/servers.md,
        # a row per server): who implements it, not what it says.
        "**/_implementors/**",
        "**/implementors/**",
        "**/implementations/**",
        # How the project is run: OpenVEX keeps the Community Specification's licence, contributor
        # agreement and code of conduct in governance/ (303 amendments in one commit, none of the spec).
        "**/governance/**",
    )
)

_README_GLOBS = ("**/README*", "**/readme*", "**/Readme*")
GENERIC_EXCLUDE = tuple(g for g in COMMUNITY_EXCLUDE if g not in _README_GLOBS) + tuple(g[3:] for g in _README_GLOBS)
"""What the generic choice leaves out: the community files, but of READMEs only the top-level one.
Where every Markdown file is a spec, a folder's README is its part's spec: libp2p keeps each
protocol's in ``<protocol>/README.md`` (kad-dht, yamux, noise: 44 of its last 120 Markdown commits read as
"no amendments"), the distribution spec its extensions' rules in ``extensions/README.md``."""

# A released version's file: 3.1.1.md, toml-v0.5.0.md, v2.md.
# (3.0.0-editors.md, the editors of a release, is not one.)
_VERSION_FILE = re.compile(r"(?:^|[-_ ])v?\d+(?:\.\d+)+\.(?:md|markdown|mdx)$|^v?\d+(?:\.\d+)*\.(?:md|markdown|mdx)$")
# A translation's folder inside versions/: cn, ja, pt-BR (English ones are read).
_LANGUAGE_FOLDER = re.compile(r"^[a-z]{2}(?:[-_][A-Za-z]{2,4})?$")
_SPEC_FOLDERS = ("specification", "specifications", "spec", "specs", "standards")
"""Folder names that say "the spec is in here" (SPIFFE keeps its standards in ``standards/``)."""


@dataclass(frozen=True)
class Layout:
    """The spec files of a repository as detected: globs, exclusions, and why."""

    specs: tuple[str, ...]
    exclude: tuple[str, ...]
    reasons: tuple[str, ...]
    """One sentence per layout found (or for the generic choice)."""
    names: tuple[str, ...] = ()
    """The layouts found, ``()`` for the generic choice."""


def detect_layout(paths: Iterable[str], removed: Callable[[], Iterable[str]] = lambda: ()) -> Layout:
    """The spec files of a repository that tracks ``paths`` (relative, with ``/``).

    ``removed`` gives the paths its history deleted or moved away, asked only
    when a spec folder is found (reading them takes a ``git log``). A spec folder
    is followed to where the history kept it before: SLSA moved ``docs/spec/<version>/``
    to ``spec/``, and a log of its last 200 commits found only the 5 made since.
    """
    files = sorted(p for p in paths if p.endswith(PROSE_SUFFIXES))
    found: list[tuple[str, tuple[str, ...], tuple[str, ...], str]] = []
    for detector in (_model_spec, _openspec, _speckit, _kiro, _keps, _ietf_drafts, _mdx_site, _released_versions):
        result = detector(files)
        if result is not None:
            found.append(result)
    if not found:  # a plain spec folder counts only where no named layout explains the repository
        spec_folder = _spec_folder(files, removed)
        if spec_folder is not None:
            found.append(spec_folder)
    translations = translation_folders(files)
    left_out = (f"translations left out: {', '.join(translations)}",) if translations else ()
    if found:
        specs = tuple(dict.fromkeys(glob for _, globs, _, _ in found for glob in globs))
        extra = tuple(dict.fromkeys(glob for _, _, excluded, _ in found for glob in excluded))
        reasons = tuple(r for *_, r in found) + left_out
        return Layout(specs, default_exclude(specs) + extra + translations, reasons, tuple(n for n, *_ in found))
    if not any(_selected(p, GENERIC_SPECS, COMMUNITY_EXCLUDE) for p in files):  # (no prose but READMEs)
        readme = next((p for p in files if "/" not in p and posixpath.splitext(p)[0].upper() == "README"), None)
        if readme is not None:
            return Layout((readme,), (), (f"{readme}: the only prose in the repository, so it is the spec",))
    return Layout(
        GENERIC_SPECS,
        GENERIC_EXCLUDE + translations,
        ("every Markdown and MDX file, except community files (the top-level README, CONTRIBUTING, GOVERNANCE, …)",)
        + left_out,
    )


def translation_folders(files: Iterable[str]) -> tuple[str, ...]:
    """Folders of translations, as globs: ``<part>/languages/<code>/**`` (or ``translations/``, ``i18n/``,
    ``l10n/``, ``locales/``) where some file translates one of ``<part>/``. CloudEvents keeps Hebrew and
    Chinese copies of its spec in ``cloudevents/languages/he/`` and ``zh-CN/``, most of them stubs that say
    "not translated yet, read the English version": 27 of 72 amendments a reviewer read as wrong in its
    newest 39 commits. The English text is the spec. (A folder of one language's notes, ``languages/go/``,
    translates nothing.)

    >>> translation_folders(["spec/a.md", "spec/languages/he/a.md", "spec/languages/go/notes.md"])
    ('spec/languages/he/**',)
    """
    present = set(files)
    found: dict[str, None] = {}
    for path in sorted(present):
        translation = as_translation(path)
        if translation is not None and translation[1] in present and _selected(path, GENERIC_SPECS, COMMUNITY_EXCLUDE):
            found[translation[0] + "/**"] = None  # (not a test fixture)
    return tuple(found)


def as_translation(path: str) -> tuple[str, str] | None:
    """The folder of one language ``path`` sits in and the file it would translate, by its place
    alone; ``None`` outside a translations folder. Whether it is a translation is whether some file
    of its folder has its original beside it (:func:`translation_folders`).

    >>> as_translation("cloudevents/languages/zh-CN/spec.md"), as_translation("spec/en/a.md")
    (('cloudevents/languages/zh-CN', 'cloudevents/spec.md'), None)
    """
    parts = path.split("/")
    for k in range(len(parts) - 2):
        if parts[k] in _TRANSLATION_FOLDERS and _LANGUAGE_FOLDER.match(parts[k + 1]) and parts[k + 1] != "en":
            return "/".join(parts[: k + 2]), "/".join(parts[:k] + parts[k + 2 :])
    return None


_TRANSLATION_FOLDERS = frozenset(("languages", "translations", "i18n", "l10n", "locales"))
"""Names of a folder that holds one folder per language (``_LANGUAGE_FOLDER``: ``he``, ``zh-CN``)."""


def default_exclude(specs: tuple[str, ...]) -> tuple[str, ...]:
    """The community exclusions that do not contradict ``specs``: a spec glob in ``.kiro/``
    keeps hidden folders in, one naming ``README.md`` keeps the README.

    >>> "**/.*/**" in default_exclude((".kiro/specs/**/requirements.md",)), "**/.*/**" in default_exclude(("**/*.md",))
    (False, True)
    """
    if not any(matches_any(s, COMMUNITY_EXCLUDE) for s in specs):
        return COMMUNITY_EXCLUDE  # the usual case, asked with one pattern: one per glob cost 12 ms a run
    return tuple(g for g in COMMUNITY_EXCLUDE if not any(matches_any(s, (g,)) for s in specs))


def looks_like_spec(path: str) -> bool:
    """Whether a path could be a spec by its name: Markdown or MDX, and not a community file.

    >>> looks_like_spec("docs/tools.mdx"), looks_like_spec("GOVERNANCE.md"), looks_like_spec("a.py")
    (True, False, False)
    """
    return path.endswith(PROSE_SUFFIXES) and _selected(path, GENERIC_SPECS, COMMUNITY_EXCLUDE)


def glob_for(path: str) -> str:
    """A glob that selects ``path`` and its neighbours: its folder (two levels at most), its suffix.

    >>> glob_for("docs/docs/learn/intro.mdx"), glob_for("toml.md")
    ('docs/docs/**/*.mdx', 'toml.md')
    """
    folder = posixpath.dirname(path)
    if not folder:
        return path
    top = "/".join(folder.split("/")[:2])
    return f"{top}/**/*{posixpath.splitext(path)[1]}"


def without_narrower(globs: list[str]) -> list[str]:
    """``globs`` without those another of them covers: ``docs/**/*.mdx`` selects all that
    ``docs/guide/**/*.mdx`` does (a cold log of MCP's whole history suggested 38 globs, 26 of them covered).

    >>> without_narrower(["docs/**/*.mdx", "docs/guide/**/*.mdx", "docs/guide/**/*.md", "toml.md"])
    ['docs/**/*.mdx', 'docs/guide/**/*.md', 'toml.md']
    """
    folders = [_folder_and_suffix(g) for g in globs]
    return [
        g
        for g, here in zip(globs, folders)
        if here is None or not any(f and here[0].startswith(f[0] + "/") and here[1] == f[1] for f in folders)
    ]


def _folder_and_suffix(glob: str) -> tuple[str, str] | None:
    """``("docs", ".md")`` for ``docs/**/*.md``, the shape :func:`glob_for` gives; ``None`` for any other glob."""
    folder, marker, suffix = glob.partition("/**/*")
    if not marker or "*" in folder or "*" in suffix or "/" in suffix:
        return None
    return folder, suffix


def matches_any(path: str, globs: tuple[str, ...]) -> bool:
    from specdiff.config import matches_any

    return matches_any(path, globs)


def _selected(path: str, specs: tuple[str, ...], exclude: tuple[str, ...]) -> bool:
    return matches_any(path, specs) and not matches_any(path, exclude)


Found = tuple[str, tuple[str, ...], tuple[str, ...], str]


def _model_spec(files: list[str]) -> Found | None:
    specs = [p for p in files if posixpath.basename(p) == "model_spec.md"]
    if not specs:
        return None
    examples = any(posixpath.basename(posixpath.dirname(p)) == "examples" for p in files)
    why = f"OpenAI Model Spec: {', '.join(specs)}" + (", with examples/*.md as its eval cases" if examples else "")
    return ("Model Spec", tuple(specs), (), why)


def _openspec(files: list[str]) -> Found | None:
    if not any(p.startswith("openspec/specs/") or p.startswith("openspec/changes/") for p in files):
        return None
    globs = ("openspec/specs/**/spec.md", "openspec/changes/**/specs/**/spec.md")
    why = "OpenSpec: openspec/specs/**/spec.md and the spec deltas of openspec/changes/ (scenarios are eval cases)"
    return ("OpenSpec", globs, (), why)


def _speckit(files: list[str]) -> Found | None:
    feature_specs = [p for p in files if re.fullmatch(r"specs/[^/]+/spec\.md", p)]  # as the glob below selects
    if not feature_specs:
        return None
    globs = ("specs/**/spec.md", ".specify/memory/constitution.md")
    count = f"{len(feature_specs)} feature spec{'s' if len(feature_specs) != 1 else ''}"
    why = f"spec-kit: {count} (specs/*/spec.md); plan.md, tasks.md … are built from them"
    return ("spec-kit", globs, (), why)


def is_kiro_requirements(path: str) -> bool:
    """Whether ``path`` is a Kiro feature's requirements, the file its design and tasks are built from.

    >>> is_kiro_requirements(".kiro/specs/loans/requirements.md"), is_kiro_requirements(".kiro/specs/loans/tasks.md")
    (True, False)
    """
    return path.startswith(".kiro/specs/") and posixpath.basename(path) == "requirements.md"


_ARCHIVE_FOLDER = re.compile(r"(?:^|/)_?archived?/(?!(?:spec|requirements)\.md$)", re.IGNORECASE)


def is_archived(path: str) -> bool:
    """Whether ``path`` sits in an ``archive`` (or ``archived``, ``_archive``) folder: a record of what was decided,
    such as OpenSpec's applied changes (``openspec/changes/archive/<date-name>/``), not a rule in force.
    A spec file right inside such a folder is the living spec of a capability or feature called
    "archive" (``specs/archive/spec.md``), not an archive.

    >>> is_archived("openspec/changes/archive/2025-08-19-add-show/specs/show/spec.md")
    True
    >>> is_archived("spec/archive/2026-01-pickup.md"), is_archived("_archive/4-architecture.md")
    (True, True)
    >>> is_archived("openspec/specs/archive/spec.md"), is_archived("docs/archiving.md")
    (False, False)
    """
    return bool(_ARCHIVE_FOLDER.search(path))


def _kiro(files: list[str]) -> Found | None:
    if not any(is_kiro_requirements(p) for p in files):
        return None
    return (
        "Kiro",
        (".kiro/specs/**/requirements.md",),
        (),
        "Kiro: .kiro/specs/*/requirements.md; design and tasks are built from them",
    )


_KEP = re.compile(r"keps/(?:[^/]+/)+\d+-[^/]+/README\.md")
"""A Kubernetes Enhancement Proposal: its README in a numbered folder under its SIG (and sometimes a
subproject), beside its ``kep.yaml``."""


def _keps(files: list[str]) -> Found | None:
    """Kubernetes Enhancement Proposals: each KEP is the README of its folder, which the community
    exclusions would leave out (kubernetes/enhancements: 656 KEPs, and a diff of one said nothing)."""
    keps = [p for p in files if _KEP.fullmatch(p)]
    if not keps:
        return None
    why = f"Kubernetes enhancement proposals: {len(keps)} KEP{'s' if len(keps) != 1 else ''} (keps/**/<number>-<name>/README.md)"
    return ("KEPs", ("keps/**/README.md", "keps/**/*.md"), (), why)


def _ietf_drafts(files: list[str]) -> Found | None:
    drafts = [p for p in files if posixpath.basename(p).startswith("draft-") and not p.startswith("archive/")]
    if not drafts:
        return None
    archived = any(p.startswith("archive/") for p in files)
    # A working group may keep its published RFCs' sources beside the drafts still in progress
    # (QUIC: rfc9000.md ... beside draft-ietf-quic-http.md), and go on fixing them.
    rfcs = [p for p in files if _RFC_SOURCE.fullmatch(posixpath.basename(p)) and not p.startswith("archive/")]
    why = (
        f"IETF drafts: {len(drafts)} draft-*.md file{'s' if len(drafts) != 1 else ''} (kramdown-rfc)"
        + (f" and {len(rfcs)} published RFC{'s' if len(rfcs) != 1 else ''} (rfc<number>.md)" if rfcs else "")
        + ("; archive/ (published or expired drafts) left out" if archived else "")
    )
    globs = ("**/draft-*.md",) + (("**/rfc????.md", "**/rfc?????.md") if rfcs else ())
    return ("IETF drafts", globs, ("archive/**",) if archived else (), why)


_RFC_SOURCE = re.compile(r"rfc\d{4,5}\.md")


def _spec_folder_tops(paths: Iterable[str]) -> list[str]:
    """The outermost folders named as in ``_SPEC_FOLDERS`` that hold ``paths``.

    >>> _spec_folder_tops(["docs/specification/draft/a.mdx", "docs/specification/b.md", "spec/x.md", "y.md"])
    ['spec', 'docs/specification']
    """
    folders = sorted(
        {
            "/".join(parts[: k + 1])
            for p in paths
            for parts in [p.split("/")]
            for k, part in enumerate(parts[:-1])
            if part in _SPEC_FOLDERS
        },
        key=len,
    )
    return [f for f in folders if not any(f.startswith(g + "/") for g in folders if g != f)]


def _mdx_site(files: list[str]) -> Found | None:
    mdx = [p for p in files if p.endswith(".mdx")]
    if not mdx:
        return None
    tops = _spec_folder_tops(files)
    if tops:
        globs = tuple(f"{top}/**/*{suffix}" for top in tops for suffix in (".mdx", ".md"))
        return ("MDX site", globs, (), f"MDX documentation site: the pages under {', '.join(top + '/' for top in tops)}")
    why = f"MDX documentation site: {len(mdx)} .mdx pages (no specification/ folder, so every page)"
    return ("MDX site", GENERIC_SPECS, ("**/blog/**",), why)


def _spec_folder(files: list[str], removed: Callable[[], Iterable[str]]) -> Found | None:
    tops = _spec_folders_among(files)
    if not tops:
        return None
    gone = sorted(p for p in removed() if p.endswith(PROSE_SUFFIXES))
    before = [top for top in _spec_folders_among(gone) if top not in tops]
    tops += before
    globs = tuple(f"{top}/**/*{suffix}" for top in tops for suffix in PROSE_SUFFIXES)
    # A README in a part of the spec folder is that part's spec (OpenTelemetry's specification/common/README.md
    # holds 24 MUSTs); the folder's own README says how the folder is laid out.
    readmes = tuple(f"{top}/*/**/README.md" for top in tops)
    where = ", ".join(top + "/" for top in tops if top not in before)
    if before:
        where += f" (and {', '.join(top + '/' for top in before)}, where the history kept it)"
    why = f"a spec folder: the Markdown under {where}; the rest of the prose is not the spec"
    return ("spec folder", globs + readmes, tuple(f"{top}/README*" for top in tops), why)


def _spec_folders_among(files: list[str]) -> list[str]:
    """The spec folders, at the top or in ``docs/``, that hold prose of ``files`` other than community files."""
    prose = [p for p in files if _selected(p, GENERIC_SPECS, COMMUNITY_EXCLUDE)]
    return [top for top in _spec_folder_tops(prose) if posixpath.dirname(top) in ("", "docs")]


def _released_versions(files: list[str]) -> Found | None:
    versions = [
        p
        for p in files
        if p.startswith("versions/")
        and _VERSION_FILE.search(posixpath.basename(p))
        and not any(_LANGUAGE_FOLDER.match(part) and part != "en" for part in p.split("/")[1:-1])
    ]
    if len(versions) < 2:
        return None
    translated = any(
        _LANGUAGE_FOLDER.match(part) and part != "en" for p in files if p.startswith("versions/") for part in p.split("/")[1:-1]
    )
    stems = {re.sub(r"[-_ ]?v?\d+(?:\.\d+)+.*$", "", posixpath.basename(p)) for p in versions}
    working = [p for p in files if p.startswith("src/")]
    working = working or [p for p in files if "/" not in p and posixpath.splitext(p)[0] in stems - {""}]
    if stems - {""}:  # toml-v0.5.0.md: the spec has a name, and without toml.md its working copy is the README
        working = working or [p for p in files if "/" not in p and posixpath.splitext(p)[0].upper() == "README"]
    globs = ("versions/**/*.md",) + (("src/**/*.md",) if any(p.startswith("src/") for p in working) else tuple(working))
    why = f"released versions: {len(versions)} files in versions/" + (
        f", and the working copy {', '.join(working)}" if working else ""
    )
    excluded = tuple(
        sorted(
            {
                "/".join(p.split("/")[: k + 2]) + "/**"
                for p in files
                if p.startswith("versions/")
                for k, part in enumerate(p.split("/")[1:-1])
                if _LANGUAGE_FOLDER.match(part) and part != "en"
            }
        )
    )
    if any(p.startswith("versions/") and p.endswith("-editors.md") for p in files):
        excluded += ("versions/**/*-editors.md",)
        why += "; the editors lists left out"
    if translated:
        why += "; translations left out"
    return ("released versions", globs, excluded, why)
