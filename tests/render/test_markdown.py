"""The pull-request comment (``specdiff comment``): readable, inert, and within GitHub's size limit."""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

import pytest

from specdiff.diff import DiffRequest, diff_revisions
from specdiff.render.markdown import MARKER, MAX_BODY_CHARS, SEVERITY_TITLE, comment_body

SNAPSHOT = Path(__file__).parent.parent / "snapshots" / "sample_comment.md"
ZWSP = "\u200b"


def test_sample_comment_matches_the_snapshot(sample_repo, specdiff):
    """The comment for the sample's last revision, compared with ``tests/snapshots/sample_comment.md``.

    After an intended change to the comment, rewrite the snapshot with
    ``SPECDIFF_UPDATE_SNAPSHOTS=1 pytest tests/render/test_markdown.py`` and review
    the change to the file (``git diff tests/snapshots``) before committing it.
    """
    path, commits = sample_repo
    result = specdiff("comment", "-C", path, commits[-2], commits[-1])
    assert result.code == 0, result.err
    if os.environ.get("SPECDIFF_UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text(result.out, encoding="utf-8")
    expected = SNAPSHOT.read_text(encoding="utf-8")
    if result.out != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True), result.out.splitlines(keepends=True), "snapshot", "specdiff comment"
            )
        )
        pytest.fail(
            f"the comment differs from {SNAPSHOT.name} (set SPECDIFF_UPDATE_SNAPSHOTS=1 to rewrite it):\n{diff}",
            pytrace=False,
        )


# Hostile spec text, through the real CLI.

HOSTILE_V1 = """# Rules {#rules}

The assistant should answer in English.

## Pipes | and `ticks` {#pipes}

Keep it short.
"""

HOSTILE_V2 = """# Rules {#rules}

The assistant should answer in English.

Tell @alice and @org/team when a card is blocked.

The assistant must never print </details><script>alert(1)</script> to a patron.

## Pipes | and `ticks` {#pipes}

Keep it short | always | and quote `a|b` exactly.
"""


@pytest.fixture
def hostile_comment(spec_repo, specdiff) -> str:
    spec_repo.commit("first", {"spec.md": HOSTILE_V1, "prompt.txt": "# specdiff: spec.md#rules\nprompt\n"})
    spec_repo.commit(
        "second",
        {
            "spec.md": HOSTILE_V2,
            "prompt.txt": "# specdiff: spec.md#rules\nprompt\n",
            "we`ird.txt": "# specdiff: spec.md#pipes\nother\n",
        },
    )
    result = specdiff("comment", "-C", spec_repo.path, "HEAD~1", "HEAD")
    assert result.code == 0, result.err
    return result.out


def table_rows(body: str) -> list[str]:
    return [line for line in body.splitlines() if line.startswith("|")]


def unescaped_pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line))


def test_the_marker_is_the_first_line(hostile_comment):
    assert hostile_comment.splitlines()[0] == MARKER


def test_mentions_cannot_ping_anyone(hostile_comment):
    assert "@alice" not in hostile_comment and "@org/team" not in hostile_comment
    assert f"@{ZWSP}alice" in hostile_comment and f"@{ZWSP}org/team" in hostile_comment
    assert not re.search(r"@[A-Za-z0-9_-]", hostile_comment), "every @ is followed by a zero-width space"


def test_html_in_spec_text_is_escaped(hostile_comment):
    assert "<script>" not in hostile_comment and "</script>" not in hostile_comment
    assert "&lt;/details&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in hostile_comment
    assert hostile_comment.count("<details>") == hostile_comment.count("</details>") >= 1


def test_pipes_in_headings_and_text_do_not_add_table_columns(hostile_comment):
    rows = table_rows(hostile_comment)
    assert len(rows) >= 3, "header, rule and at least one output"
    assert {unescaped_pipes(row) for row in rows} == {5}, rows
    # Outside a table a pipe is escaped too (it renders the same), and so are backticks.
    assert "§ Pipes \\| and \\`ticks\\`" in hostile_comment
    assert "Keep it short \\| always \\|" in hostile_comment


def test_backticks_in_a_path_do_not_break_code_spans(hostile_comment):
    reaches = [line for line in hostile_comment.splitlines() if line.startswith("- reaches")]
    assert any("`we'ird.txt`" in line for line in reaches), reaches
    assert "| `we'ird.txt` | artifact |" in hostile_comment
    for line in hostile_comment.splitlines():
        if line.startswith("**"):  # an amendment's location: the path's code span comes first, whole
            assert re.search(r" · `spec\.md` § ", line), line


def test_a_pipe_in_an_output_name_does_not_add_table_columns(spec_repo, specdiff):
    spec_repo.commit("first", {"spec.md": HOSTILE_V1, "we|ird.txt": "# specdiff: spec.md#rules\nx\n"})
    spec_repo.commit("second", {"spec.md": HOSTILE_V2})
    body = specdiff("comment", "-C", spec_repo.path, "HEAD~1", "HEAD").out
    rows = table_rows(body)
    assert len(rows) == 3
    assert {unescaped_pipes(row) for row in rows} == {5}, rows


# The size limit.

FILLER = "while the librarian catalogues every returned volume, checks its barcode and shelves it by call number"


@pytest.fixture(scope="module")
def large_repo(tmp_path_factory) -> Path:
    """200 sections: each gets an editorial typo fix and a long added clause; every tenth added clause is breaking."""
    import subprocess

    path = tmp_path_factory.mktemp("large") / "repo"
    path.mkdir()
    old, new = ["# Spec\n"], ["# Spec\n"]
    for i in range(200):
        old.append(f"## Topic {i} {{#t{i}}}\n\nPatrons recieve notice {i} {FILLER}.\n")
        added = (
            f"The assistant must confirm request {i} {FILLER}."
            if i % 10 == 0
            else f"Item {i} is described at length {FILLER}, {FILLER}."
        )
        new.append(f"## Topic {i} {{#t{i}}}\n\nPatrons receive notice {i} {FILLER}.\n\n{added}\n")
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
    }

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(path), *args], check=True, capture_output=True, env=env)

    git("init", "-q", "-b", "main")
    for text, message in (("\n".join(old), "first"), ("\n".join(new), "second")):
        (path / "spec.md").write_text(text, encoding="utf-8")
        (path / "prompt.txt").write_text("# specdiff: spec.md\n", encoding="utf-8")
        git("add", "-A")
        git("commit", "-q", "-m", message)
    return path


@pytest.fixture(scope="module")
def large_diff(large_repo):
    diff = diff_revisions(DiffRequest(large_repo, ("HEAD~1",)))
    assert diff.by_severity == {"editorial": 200, "substantive": 180, "breaking": 20}
    return diff


def blocks(body: str, severity: str) -> int:
    """How many amendments of ``severity`` the comment shows."""
    return body.count(f"**{SEVERITY_TITLE[severity]}**")


def test_a_large_comment_drops_editorial_amendments_first(large_diff):
    whole = comment_body(large_diff, limit=10**9)
    limit = len(whole) - len(whole) // 4
    body = comment_body(large_diff, limit=limit)
    assert len(body) <= limit
    head, foot = whole.split("\n\n")[1], whole.rstrip("\n").rsplit("\n\n", 1)[1]
    assert body.startswith(f"{MARKER}\n\n{head}\n\n") and body.endswith(foot + "\n"), "headline and footer kept"
    assert (blocks(body, "breaking"), blocks(body, "substantive"), blocks(body, "editorial")) == (20, 180, 0)
    assert "This comment was cut to fit GitHub's size limit: 200 editorial amendments not shown." in body
    assert "<details><summary>Outputs and eval cases reached" in body, "the outputs table goes only after editorial ones"


def test_a_tight_limit_drops_substantive_before_breaking_amendments(large_diff):
    limit = 20_000
    body = comment_body(large_diff, limit=limit)
    assert len(body) <= limit
    assert blocks(body, "breaking") == 20 and 0 < blocks(body, "substantive") < 180 and blocks(body, "editorial") == 0
    note = next(line for line in body.splitlines() if "cut to fit" in line)
    shown = blocks(body, "substantive")
    assert "200 editorial amendments" in note and "the table of outputs and eval cases" in note
    assert f"the last {180 - shown} breaking or substantive amendments not shown" in note
    assert body.splitlines()[-1].startswith("<sub>specdiff ") and "suggested bump: **major**" in body


def test_the_cli_comment_for_a_large_diff_fits_github(large_repo, specdiff, large_diff):
    assert len(comment_body(large_diff, limit=10**9)) > MAX_BODY_CHARS, "the diff really is too large"
    result = specdiff("comment", "-C", large_repo, "HEAD~1", "HEAD")
    assert result.code == 0, result.err
    assert len(result.out) <= MAX_BODY_CHARS == 65_536
    assert result.out.startswith(MARKER + "\n") and "cut to fit GitHub's size limit" in result.out


def test_a_breaking_amendment_too_long_to_show_keeps_its_location_and_effects(spec_repo):
    old = " ".join(f"word{i}" for i in range(400))
    new = " ".join(f"word{i}" if i % 6 else f"term{i}" for i in range(400))
    spec_repo.commit("first", {"spec.md": f"# Rules\n\nThe assistant should keep {old} in mind.\n"})
    spec_repo.commit("second", {"spec.md": f"# Rules\n\nThe assistant must keep {new} in mind.\n"})
    diff = diff_revisions(DiffRequest(spec_repo.path, ("HEAD~1",)))
    assert [a.severity for a in diff.amendments] == ["breaking"]
    body = comment_body(diff, limit=3_000)
    assert len(body) <= 3_000
    assert "`spec.md` § Rules" in body and "modality: should → must (strengthened)" in body


def test_no_spec_changes_says_so(spec_repo, specdiff):
    spec_repo.commit("first", {"spec.md": HOSTILE_V1})
    spec_repo.commit("code only", {"main.py": "print('hi')\n"})
    result = specdiff("comment", "-C", spec_repo.path, "HEAD~1", "HEAD")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == MARKER
    assert "### Spec changes: none" in lines and "No spec file changed in the compared revisions." in lines
    assert lines[-1].startswith("<sub>specdiff ") and "<details>" not in result.out
