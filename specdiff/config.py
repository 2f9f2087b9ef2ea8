"""Read specdiff's settings from ``specdiff.toml`` or ``[tool.specdiff]`` in pyproject.toml.

``specdiff.toml`` holds the keys at top level, as ``ruff.toml`` does; when both
files exist, ``specdiff.toml`` wins. With neither, the defaults apply::

    specs = ["**/*.md", "**/*.markdown", "**/*.mdx"]   # which files are specifications
    exclude = ["**/README*", "**/CONTRIBUTING*", ...]  # community files (see ``layouts``)
    requirement_ids = ['\\b(?:FR|NFR|REQ|SC|US|AC)-\\d+\\b']
    max_file_bytes = 20_000_000

    [[artifacts]]                               # outputs built from the spec
    path = "generated/system_prompt.txt"
    from = ["spec/behavior.md#privacy"]

    [[evals]]                                   # eval suites that test it
    path = "evals/suite.jsonl"
    from = ["spec/behavior.md"]

With no config file at all, the spec files are those of the layout
``layouts.detect_layout`` recognises in the tracked files (the Model Spec,
OpenSpec, IETF drafts, ...).

A file that does not parse, or a key of the wrong type, is a
:class:`~specdiff.errors.SpecdiffError` naming the file and key.

The settings are the working tree's, unless ``--config-from REV`` (or the
environment variable ``SPECDIFF_CONFIG_FROM``) names a revision to read them
from: in CI, the base branch, so a pull request cannot loosen its own check
(see docs/security.md).
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from specdiff.errors import SpecdiffError
from specdiff.layouts import (
    GENERIC_EXCLUDE,
    GENERIC_SPECS,
    Layout,
    default_exclude,
    detect_layout,
    glob_for,
    looks_like_spec,
    without_narrower,
)
from specdiff.parse import DEFAULT_REQUIREMENT_IDS
from specdiff.patterns import check_pattern

if TYPE_CHECKING:
    from specdiff.repo import Repository

DEFAULT_SPECS = GENERIC_SPECS
DEFAULT_EXCLUDE = GENERIC_EXCLUDE
DEFAULT_MAX_FILE_BYTES = 20_000_000


@dataclass(frozen=True)
class DeclaredOutput:
    """An artifact or eval suite named in the config, with the spec parts it is built from."""

    path: str
    sources: tuple[str, ...]
    """``file.md`` or ``file.md#anchor`` references."""


@dataclass(frozen=True)
class LlmSettings:
    """The optional language model (``[llm]`` in specdiff.toml, ``[tool.specdiff.llm]``).

    The API key is never configured here: it comes from ``OPENAI_API_KEY``.
    The endpoint comes from ``OPENAI_BASE_URL`` or else ``base_url`` (any
    OpenAI-compatible server): the environment wins, so a pull request that
    edits the config cannot send the key elsewhere.
    """

    enabled: bool = False
    """True when the table is present (unless it says ``enabled = false``), or with ``--explain``."""
    model: str = "gpt-4o-mini"
    base_url: str | None = None
    batch_size: int = 8
    """Amendments explained per request."""
    concurrency: int = 4
    """Requests in flight at once."""
    timeout: float = 30.0
    """Seconds to wait for one answer."""
    retries: int = 2
    """Retries of a request after a rate limit (429), a server error or a timeout."""


@dataclass(frozen=True)
class LintSettings:
    """``[lint]`` in specdiff.toml (``[tool.specdiff.lint]``): the checks ``specdiff lint`` runs.

    Ids or their prefixes, as ruff takes them: ``select = ["VAG", "CON001"]``,
    ``ignore = ["KW003"]``. The command line's ``--select`` / ``--ignore`` win.
    """

    select: tuple[str, ...] = ()
    """Empty: every check."""
    ignore: tuple[str, ...] = ()


@dataclass(frozen=True)
class Config:
    specs: tuple[str, ...] = DEFAULT_SPECS
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    requirement_ids: tuple[str, ...] = DEFAULT_REQUIREMENT_IDS
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    artifacts: tuple[DeclaredOutput, ...] = ()
    evals: tuple[DeclaredOutput, ...] = ()
    llm: LlmSettings = LlmSettings()
    lint: LintSettings = LintSettings()
    capitals: bool | None = None
    """``[semantics] capitals``: whether the specs write RFC 2119 keywords in capitals on purpose;
    ``None`` ("auto"): counted once per repository (see ``capitals``)."""
    source: str | None = None
    """The file the settings came from, ``None`` for the defaults."""
    warnings: tuple[str, ...] = field(default=(), compare=False)
    layout: Layout | None = field(default=None, compare=False)
    """The detected layout the defaults came from (no config file, tracked files known)."""

    def is_spec(self, path: str) -> bool:
        """Whether ``path`` (relative to the repository root, with ``/``) is a spec file.

        >>> Config().is_spec("spec/behavior.md"), Config().is_spec("README.md")
        (True, False)
        """
        return matches_any(path, self.specs) and not matches_any(path, self.exclude)

    def unselected_notice(self, changed: Iterable[str]) -> str | None:
        """A note when files that look like specs changed but are not selected, with the line that would select them.

        Only under the detected defaults: a ``specs`` written in a config file is a choice.
        """
        if self.source is not None:
            return None
        # Files the defaults leave out on purpose (archive/, translations, editor lists) are not missed.
        missed = sorted(p for p in set(changed) if looks_like_spec(p) and not matches_any(p, self.specs + self.exclude))
        if not missed:
            return None
        globs = without_narrower(list(dict.fromkeys([*self.specs, *(glob_for(p) for p in missed)])))
        shown = ", ".join(missed[:3]) + (f" and {len(missed) - 3} more" if len(missed) > 3 else "")
        verb = "looks" if len(missed) == 1 else "look"
        line = "specs = [" + ", ".join(f'"{g}"' for g in globs) + "]"
        them = "it as a spec" if len(missed) == 1 else "them as specs"
        return (
            f"{shown} changed and {verb} like a spec but {'is' if len(missed) == 1 else 'are'} not selected; "
            f"to read {them}, put this line in specdiff.toml (`specdiff init` writes one): {line}"
        )


CONFIG_FROM: ContextVar[str | None] = ContextVar("config_from", default=None)
"""The revision ``--config-from`` names for this run; ``None``: ``SPECDIFF_CONFIG_FROM``, else the working tree."""


def config_revision() -> str | None:
    """The revision to read the settings from (``--config-from``, else ``SPECDIFF_CONFIG_FROM``), or ``None``."""
    return CONFIG_FROM.get() or os.environ.get("SPECDIFF_CONFIG_FROM") or None


def repository_config(repo: Repository, commit: str | None = None) -> Config:
    """The settings of ``repo``: its config file, or defaults detected from the files tracked at ``commit``
    (``None``: the working tree).

    Under ``--config-from REV`` both come from ``REV`` instead, whatever the
    working tree or ``commit`` hold: a pull request's own config is not read.
    """
    source = config_revision()
    if source is not None:
        return config_at(repo, source)
    return load_config(repo.root, lambda: [f.path for f in repo.list_files(commit)])


def history_config(repo: Repository, revisions: list[str]) -> Config:
    """The settings for reading the history of ``revisions``: :func:`repository_config`'s, except that
    defaults are detected from the working tree's files together with those the history removed, so
    a spec folder moved is read where each commit kept it (``layouts.detect_layout``)."""
    if config_revision() is not None:
        return repository_config(repo)
    return load_config(repo.root, lambda: [f.path for f in repo.list_files(None)], lambda: repo.removed_paths(revisions))


def config_at(repo: Repository, revision: str) -> Config:
    """The settings as committed at ``revision``: its config file, else the defaults for its files."""
    commit = repo.commit_of(revision)
    tracked = {f.path: f for f in repo.list_files(commit)}

    def read(name: str) -> str | None:
        found = tracked.get(name)
        if found is None:
            return None
        _check_size(found.size, name)
        try:
            return repo.read(commit, name).decode("utf-8")
        except UnicodeDecodeError as error:
            raise SpecdiffError(f"cannot read {name} at {revision}: {error}") from None

    return _config_from(read, lambda: tracked, f" at {revision}")


def load_config(
    root: Path, tracked: Callable[[], Iterable[str]] | None = None, removed: Callable[[], Iterable[str]] = lambda: ()
) -> Config:
    """The settings for the repository whose work tree is ``root``.

    Without a config file, the spec files are those of the layout detected in
    the paths ``tracked`` returns, beside those its history ``removed`` (see
    ``layouts``), or the generic defaults when ``tracked`` is not given.
    """

    def read(name: str) -> str | None:
        path = root / name
        if not path.is_file():
            return None
        try:
            _check_size(path.stat().st_size, name)
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise SpecdiffError(f"cannot read {name}: {error}") from None

    return _config_from(read, tracked, "", removed)


def _config_from(
    read: Callable[[str], str | None],
    tracked: Callable[[], Iterable[str]] | None,
    where: str,
    removed: Callable[[], Iterable[str]] = lambda: (),
) -> Config:
    """The settings in the files ``read`` returns (``None``: no such file); ``where`` follows the file's name."""
    own_text = read("specdiff.toml")
    if own_text is not None:
        return _from_table(_parse_toml(own_text, "specdiff.toml"), f"specdiff.toml{where}", "")
    pyproject = read("pyproject.toml")
    if pyproject is not None:
        tool = _parse_toml(pyproject, "pyproject.toml").get("tool", {})
        if not isinstance(tool, dict):
            raise SpecdiffError("pyproject.toml: [tool] must be a table")
        table = tool.get("specdiff")
        if table is not None:
            if not isinstance(table, dict):
                raise SpecdiffError("pyproject.toml: [tool.specdiff] must be a table")
            return _from_table(table, f"pyproject.toml{where}", "tool.specdiff.")
    return Config() if tracked is None else detected_config(tracked(), removed)


def detected_config(tracked: Iterable[str], removed: Callable[[], Iterable[str]] = lambda: ()) -> Config:
    """The defaults for a repository that tracks these paths, and whose history removed those ``removed``
    gives (asked only for a spec folder): the spec files of its layout."""
    layout = detect_layout(tracked, removed)
    return Config(specs=layout.specs, exclude=layout.exclude, layout=layout)


MAX_CONFIG_BYTES = 1_000_000
"""A config is a few kilobytes; a pull request's 1 GB one is refused before it is read."""


def _check_size(size: int, name: str) -> None:
    if size > MAX_CONFIG_BYTES:
        raise SpecdiffError(
            f"{name} is over {MAX_CONFIG_BYTES // 1_000_000} MB, more than settings can need; "
            "keep only the keys docs/getting-started.md lists"
        )


def _parse_toml(text: str, name: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SpecdiffError(f"{name} is not valid TOML: {error}") from None
    except (ValueError, RecursionError):  # a number of thousands of digits, or arrays nested thousands deep
        raise SpecdiffError(f"{name} is not valid TOML (a number too large or nesting too deep)") from None


_KNOWN_KEYS = {"specs", "exclude", "requirement_ids", "max_file_bytes", "artifacts", "evals", "llm", "lint", "semantics"}


def _from_table(table: dict[str, Any], source: str, prefix: str) -> Config:
    def where(key: str) -> str:
        return f"{source}: {prefix}{key}"

    warnings = tuple(f"{where(key)} is not a specdiff setting; ignored" for key in sorted(table.keys() - _KNOWN_KEYS))
    requirement_ids = _strings(table, "requirement_ids", where, DEFAULT_REQUIREMENT_IDS)
    for pattern in requirement_ids:
        # A pull request can change the config: a pattern is matched in linear time or refused.
        problem = check_pattern(pattern)
        if problem:
            raise SpecdiffError(f"{where('requirement_ids')}: {pattern!r} is not a usable regular expression ({problem})")
    max_file_bytes = table.get("max_file_bytes", DEFAULT_MAX_FILE_BYTES)
    if not isinstance(max_file_bytes, int) or isinstance(max_file_bytes, bool) or max_file_bytes <= 0:
        raise SpecdiffError(f"{where('max_file_bytes')} must be a positive whole number of bytes")
    specs = _strings(table, "specs", where, DEFAULT_SPECS)
    return Config(
        specs=specs,
        exclude=_strings(table, "exclude", where, default_exclude(specs)),
        requirement_ids=requirement_ids,
        max_file_bytes=max_file_bytes,
        artifacts=_outputs(table, "artifacts", where),
        evals=_outputs(table, "evals", where),
        llm=_llm(table.get("llm"), where),
        lint=_lint(table.get("lint"), where),
        capitals=_capitals(table.get("semantics"), where),
        source=source,
        warnings=warnings,
    )


def _llm(table: Any, where: Callable[[str], str]) -> LlmSettings:
    if table is None:
        return LlmSettings()
    if not isinstance(table, dict):
        raise SpecdiffError(f"{where('llm')} must be a table")
    checks: dict[str, tuple[type | tuple[type, ...], str]] = {
        "enabled": (bool, "true or false"),
        "model": (str, "a model name"),
        "base_url": (str, "an http(s) address"),
        "batch_size": (int, "a whole number from 1"),
        "concurrency": (int, "a whole number from 1"),
        "timeout": ((int, float), "a number of seconds above 0"),
        "retries": (int, "a whole number from 0"),
    }
    if "api_key" in table:
        raise SpecdiffError(f"{where('llm.api_key')}: keep the API key in OPENAI_API_KEY, not in a file")
    least = {"batch_size": 1, "concurrency": 1, "retries": 0}
    values: dict[str, Any] = {"enabled": True}
    for key, value in table.items():
        if key not in checks:
            raise SpecdiffError(f"{where('llm.' + key)} is not an llm setting ({', '.join(checks)})")
        kind, wanted = checks[key]
        wrong_type = not isinstance(value, kind) or (isinstance(value, bool) and key != "enabled")
        too_small = not wrong_type and ((key in least and value < least[key]) or (key == "timeout" and value <= 0))
        if wrong_type or too_small:
            raise SpecdiffError(f"{where('llm.' + key)} must be {wanted}")
        values[key] = value
    return LlmSettings(**values)


def _lint(table: Any, where: Callable[[str], str]) -> LintSettings:
    if table is None:
        return LintSettings()
    if not isinstance(table, dict):
        raise SpecdiffError(f"{where('lint')} must be a table")
    for key in table.keys() - {"select", "ignore"}:
        raise SpecdiffError(f"{where('lint.' + key)} is not a lint setting (select, ignore)")
    inside = _prefixed(where("lint"))
    return LintSettings(_strings(table, "select", inside, ()), _strings(table, "ignore", inside, ()))


def _capitals(table: Any, where: Callable[[str], str]) -> bool | None:
    """``[semantics] capitals = "auto" | true | false``; ``None`` for "auto" or no setting."""
    if table is None:
        return None
    if not isinstance(table, dict):
        raise SpecdiffError(f"{where('semantics')} must be a table")
    for key in table.keys() - {"capitals"}:
        raise SpecdiffError(f"{where('semantics.' + key)} is not a semantics setting (capitals)")
    value = table.get("capitals", "auto")
    if value == "auto":
        return None
    if not isinstance(value, bool):
        raise SpecdiffError(f'{where("semantics.capitals")} must be "auto", true or false')
    return value


def _strings(table: dict[str, Any], key: str, where: Callable[[str], str], default: tuple[str, ...]) -> tuple[str, ...]:
    value = table.get(key, default)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise SpecdiffError(f"{where(key)} must be a list of strings")
    return tuple(value)


def _outputs(table: dict[str, Any], key: str, where: Callable[[str], str]) -> tuple[DeclaredOutput, ...]:
    entries = table.get(key, [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise SpecdiffError(f"{where(key)} must be an array of tables ([[{key}]])")
    outputs = []
    for n, entry in enumerate(entries, 1):
        path = entry.get("path")
        if not isinstance(path, str) or not path:
            raise SpecdiffError(f'{where(key)} entry {n} needs a path = "..."')
        sources = _strings(entry, "from", _prefixed(f"{where(key)} entry {n}"), ())
        outputs.append(DeclaredOutput(path, sources))
    return tuple(outputs)


def _prefixed(prefix: str) -> Callable[[str], str]:
    """Names a key of one entry in error messages: ``specdiff.toml: artifacts entry 2 from``."""
    return lambda key: f"{prefix} {key}"


def matches_any(path: str, patterns: tuple[str, ...]) -> bool:
    """Whether ``path`` matches one of the globs."""
    return bool(_globs_pattern(patterns).fullmatch(path))


@lru_cache(maxsize=256)
def _globs_pattern(globs: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a list of globs: the default exclude list has dozens, and asking each in turn
    for each of the Rust RFCs' 652 files took a tenth of a second.

    >>> bool(_globs_pattern(("docs/*.md", "**/README.md")).fullmatch("a/README.md")), bool(_globs_pattern(()).fullmatch(""))
    (True, False)
    """
    return re.compile("|".join(f"(?:{_glob_regex(glob)})" for glob in globs) or "(?!)")


def _glob_regex(glob: str) -> str:
    """A path glob as a regular expression: ``**`` spans folders, ``*`` and ``?`` stay within one.

    >>> bool(re.fullmatch(_glob_regex("**/*.md"), "a.md")), bool(re.fullmatch(_glob_regex("spec/*.md"), "spec/x/a.md"))
    (True, False)
    """
    out, i = [], 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return "".join(out)
