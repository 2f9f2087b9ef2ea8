"""The parse cache under ``.git/specdiff/parsed``, through the CLI: shared, keyed by settings, never trusted blindly."""

from __future__ import annotations

import json
import shutil

import pytest

import specdiff.parse_cache as parse_cache
import specdiff.spec_files as spec_files

SPEC_V1 = "# Rules {#rules}\n\nThe assistant should be brief.\n\nSee [scope](#scope).\n\n# Scope {#scope}\n\nQuestions.\n"
SPEC_V2 = SPEC_V1.replace("should", "must")
GLOSSARY = "# Glossary\n\nA patron holds a card (RULE-7).\n"


@pytest.fixture
def parses(monkeypatch):
    """The paths ``parse_document`` is asked to parse through ``spec_files``, in order."""
    paths: list[str] = []
    real = spec_files.parse_document

    def counting(text, path, requirement_ids=()):
        paths.append(path)
        return real(text, path, requirement_ids)

    monkeypatch.setattr(spec_files, "parse_document", counting)
    return paths


@pytest.fixture
def two_versions(spec_repo):
    spec_repo.commit("first", {"spec.md": SPEC_V1, "glossary.md": GLOSSARY, "notes/todo.py": "# see spec.md#rules\n"})
    spec_repo.commit("stricter", {"spec.md": SPEC_V2})
    return spec_repo


def diff_json(specdiff, repo) -> str:
    result = specdiff("-C", repo.path, "HEAD~1", "HEAD", "--format", "json")
    assert result.code == 0, result.err
    return result.out


def test_a_second_diff_parses_nothing_and_prints_the_same(two_versions, specdiff, parses):
    first = diff_json(specdiff, two_versions)
    assert sorted(parses) == ["spec.md", "spec.md"], "both sides of the change; the glossary names nothing and is not parsed"
    parses.clear()
    assert diff_json(specdiff, two_versions) == first
    assert parses == []
    assert len(list((two_versions.path / ".git" / "specdiff" / "parsed").iterdir())) == 2


def test_working_tree_files_are_kept_by_their_text(two_versions, specdiff, parses):
    first = specdiff("coverage", "-C", two_versions.path)
    assert first.code == 0 and sorted(parses) == ["glossary.md", "spec.md"]
    parses.clear()
    assert specdiff("coverage", "-C", two_versions.path).out == first.out
    assert parses == [], "the working tree has no blob ids: the text's hash keeps each parse"
    (two_versions.path / "spec.md").write_text(SPEC_V1)
    assert specdiff("coverage", "-C", two_versions.path).code == 0
    assert parses == ["spec.md"], "an edited file is parsed again"


def test_blame_reads_the_parse_a_diff_left(two_versions, specdiff, parses):
    diff_json(specdiff, two_versions)
    parses.clear()
    assert specdiff("blame", "-C", two_versions.path, "spec.md", "--format", "json").code == 0
    assert parses == ["glossary.md"], "both versions of spec.md were parsed by the diff; the first commit added the glossary too"


def test_other_requirement_ids_miss_the_cache(two_versions, specdiff, parses):
    before = json.loads(diff_json(specdiff, two_versions))
    parses.clear()
    two_versions.write("specdiff.toml", 'requirement_ids = ["\\\\bRULE-\\\\d+\\\\b"]\n')
    after = json.loads(diff_json(specdiff, two_versions))
    assert sorted(parses) == ["glossary.md", "spec.md", "spec.md"], "reparsed, and the glossary now defines RULE-7"
    assert after["files"] == before["files"]


def test_a_damaged_entry_is_parsed_again(two_versions, specdiff, parses):
    first = diff_json(specdiff, two_versions)
    shutil.rmtree(two_versions.path / ".git" / "specdiff" / "amendments")  # else the kept comparison needs no parse
    for entry in (two_versions.path / ".git" / "specdiff" / "parsed").iterdir():
        entry.write_bytes(b"not a pickle")
    parses.clear()
    assert diff_json(specdiff, two_versions) == first
    assert sorted(parses) == ["spec.md", "spec.md"]


def test_the_folder_is_kept_under_its_size_limit(two_versions, specdiff, monkeypatch):
    monkeypatch.setattr(parse_cache, "MAX_BYTES", 1)
    first = diff_json(specdiff, two_versions)
    assert list((two_versions.path / ".git" / "specdiff" / "parsed").iterdir()) == []
    assert diff_json(specdiff, two_versions) == first
