"""Hostile pull-request text reaching people: the PR comment stays inert Markdown, and no control
character reaches a terminal from diff, log, blame, changelog, comment or the review app.

Every case runs the real CLI on a real repository; payloads are the ones a stranger's pull
request can carry in clause text, headings, file names, eval ids and commit subjects.
"""

from __future__ import annotations

import asyncio
import json
import re

import pytest
from conftest import SpecRepo

from specdiff.render.markdown import MARKER

SPEC_V1 = "# Rules {#rules}\n\nThe assistant must not share a patron's history.\n\nKeep answers short.\n"
SPEC_V2 = "# Rules {#rules}\n\nThe assistant may share a patron's history.\n\nKeep answers short.\n"
PROMPT = "# specdiff: spec.md#rules\nYou are a librarian.\n"
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

PAYLOADS = {
    "img-after-blank-line": "x\n\n<img src=x onerror=alert(1)>",
    "close-details": "</details><script>alert(1)</script>",
    "mention": "@everyone and @org/team",
    "tracking-image": "![t](https://tracker.example/p.png)",
    "link": "[click](https://evil.example)",
    "table-break": "a | b | c",
    "code-then-heading": "`code`\n\n# Injected",
    "issue-reference": "#1 and owner/repo#2",
    "strike": "~~must~~",
    "marker": MARKER,
    "control": "\x1b]0;owned\x07",
}


@pytest.fixture(scope="module", params=list(PAYLOADS.values()), ids=list(PAYLOADS))
def hostile_repo(request, tmp_path_factory):
    """A repository whose last commit carries one payload in every place at once:
    a changed clause, a heading, an artifact's file name and an eval case's id."""
    payload = request.param
    one_line = " ".join(payload.split())
    repo = SpecRepo(tmp_path_factory.mktemp("hostile") / "repo")
    old = SPEC_V1.replace("# Rules", f"# Rules {one_line}")
    new = SPEC_V2.replace("# Rules", f"# Rules {one_line}").replace("Keep answers short.", f"Keep answers short: {payload}")
    repo.commit(
        "first",
        {
            "spec.md": old,
            "prompt.txt": PROMPT,
            f"out/{payload.replace('/', '∕')}.txt": PROMPT,
            "evals/suite.jsonl": json.dumps({"id": payload, "spec": "spec.md#rules"}) + "\n",
        },
    )
    repo.commit("second", {"spec.md": new})
    return repo


def problems_in_comment(body: str) -> list[str]:
    """What would be live in GitHub's rendering of ``body``: each a short reason."""
    found = []
    lines = body.splitlines()
    text = re.sub(r"(?<!\\)`[^`\n]*`", "``", body)  # inside a code span, markup is shown as text
    if lines[:1] != [MARKER] or text.count(MARKER) != 1:
        found.append("the marker is not alone on the first line")
    found += [f"raw {tag}" for tag in ("<img", "<script", "<a ", "<https") if tag in text]
    if text.count("<details>") != text.count("</details>"):
        found.append("unpaired <details>")
    if re.search(r"@(?=[A-Za-z0-9_-])", text):
        found.append("a mention that pings")
    if re.search(r"(?<!\\)\[[^\]\n]*(?<!\\)\]\(", text):
        found.append("a live link or image")
    if re.search(r"(?<![\\~])~~", text):
        found.append("a live strike-through")
    if re.search(r"(?<![\w\u200b/&])#\d", text) or re.search(r"/[\w.-]+#\d", text):
        found.append("a live issue reference")
    if re.search(r"^#+ Injected", text, re.M):
        found.append("an injected heading")
    if CONTROL.search(body):
        found.append("a control character")
    for line in lines:
        if len(re.findall(r"(?<!\\)`", line)) % 2:
            found.append(f"an unclosed code span in {line!r}")
        if line.startswith("|") and len(re.findall(r"(?<!\\)\|", line)) != 5:
            found.append(f"extra table columns in {line!r}")
    return found


def test_the_comment_stays_inert(hostile_repo, specdiff):
    result = specdiff("comment", "-C", hostile_repo.path, "HEAD~1", "HEAD")
    assert result.code == 0, result.err
    assert "2 outputs to rebuild" in result.out or "output" in result.out, "the payloads were reached"
    assert problems_in_comment(result.out) == []


def test_the_release_notes_stay_inert(hostile_repo, specdiff):
    result = specdiff("changelog", "-C", hostile_repo.path, "HEAD~1", "HEAD")
    assert result.code == 0, result.err
    problems = problems_in_comment(MARKER + "\n" + result.out)
    # "# Injected" after a blank line is a real heading of the spec, which the notes list as "### Injected".
    assert [p for p in problems if p != "an injected heading"] == []


def test_a_path_with_a_newline_stays_inside_its_code_span(spec_repo, specdiff):
    spec_repo.commit("first", {"spec.md": SPEC_V1, "out/x\n\n<img src=x>.txt": PROMPT})
    spec_repo.commit("second", {"spec.md": SPEC_V2})
    body = specdiff("comment", "-C", spec_repo.path, "HEAD~1", "HEAD").out
    assert "`out/x <img src=x>.txt`" in body, "one line, inside the span, where HTML is text"


def test_a_model_summary_is_escaped_like_spec_text():
    from specdiff.render.escaping import inline

    assert inline("![x](https://t.example/p.png)\n\n</details>") == "!\\[x\\](https://t.example/p.png) &lt;/details&gt;"


# Terminal escapes.

ESCAPES = {
    "title": "\x1b]0;owned\x07",
    "clear-screen": "\x1b[2J\x1b[H",
    "hyperlink": "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\",
    "c1-csi": "\x9b2J",
    "carriage-return": "safe\rEVIL",
    "conceal": "\x1b[8mhidden\x1b[0m",
}
COMMANDS = {
    "diff": ["HEAD~1", "HEAD"],
    "diff-colour": ["HEAD~1", "HEAD", "--color", "always"],
    "log": ["log"],
    "blame": ["blame", "{path}"],
    "changelog": ["changelog", "HEAD~1", "HEAD"],
    "comment": ["comment", "HEAD~1", "HEAD"],
    "json": ["HEAD~1", "HEAD", "--format", "json"],
}


@pytest.fixture(scope="module", params=list(ESCAPES.values()), ids=list(ESCAPES))
def escape_repo(request, tmp_path_factory):
    """A repository with one escape sequence in a clause, a heading, a file name and a commit subject."""
    escape = request.param
    repo = SpecRepo(tmp_path_factory.mktemp("escapes") / "repo")
    path = f"spec{escape}.md"
    old = SPEC_V1.replace("# Rules", f"# Rules {escape}")
    new = SPEC_V2.replace("# Rules", f"# Rules {escape}").replace("Keep answers short.", f"Keep answers {escape}short.")
    repo.commit("First", {path: old})
    repo.commit(f"Loosen the rule {escape}", {path: new})
    repo.escape, repo.spec = escape, path
    return repo


@pytest.mark.parametrize("command", COMMANDS)
def test_no_control_character_reaches_the_terminal(escape_repo, specdiff, command):
    result = specdiff(*[a.replace("{path}", escape_repo.spec) for a in COMMANDS[command]], "-C", escape_repo.path)
    assert result.code == 0 and "Traceback" not in result.err, result.err
    out = re.sub(r"\x1b\[[0-9;]*m", "", result.out) if command == "diff-colour" else result.out
    assert not CONTROL.search(out), repr(out)
    assert not CONTROL.search(result.err), repr(result.err)
    if command == "json":  # JSON stays lossless: the escape decodes back to the character
        assert any(escape_repo.escape.replace("\r", "\n")[:2] in text for text in strings(json.loads(result.out)))
    else:
        assert "\\u00" in out, "the escape is shown, made visible"


def strings(data: object) -> list[str]:
    """Every string in decoded JSON."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for k, v in data.items() for s in strings(k) + strings(v)]
    if isinstance(data, list):
        return [s for item in data for s in strings(item)]
    return []


def test_colour_codes_of_specdiff_itself_stay(spec_repo, specdiff):
    spec_repo.commit("first", {"spec.md": SPEC_V1})
    spec_repo.commit("second", {"spec.md": SPEC_V2})
    out = specdiff("HEAD~1", "HEAD", "--color", "always", "-C", spec_repo.path).out
    assert "\x1b[" in out and not CONTROL.search(re.sub(r"\x1b\[[0-9;]*m", "", out))


def test_a_commit_subject_cannot_restyle_the_log_in_colour(spec_repo, specdiff):
    spec_repo.commit("first", {"spec.md": SPEC_V1})
    spec_repo.commit("second \x1b[8m hidden", {"spec.md": SPEC_V2})
    out = specdiff("log", "--color", "always", "-C", spec_repo.path).out
    assert "\x1b[8m" not in out and "\\u001b[8m" in out, "a colour code in a subject is shown, not obeyed"


def test_the_review_app_gets_no_control_character(spec_repo):
    from specdiff.diff import DiffRequest
    from specdiff.tui.app import make_app

    spec_repo.commit("first", {"spec.md": SPEC_V1})
    spec_repo.commit("second", {"spec.md": SPEC_V2.replace("short.", "short \x1b]0;owned\x07 \x9b2J.")})
    app = make_app(DiffRequest(spec_repo.path, ("HEAD~1", "HEAD")))

    async def shown_diff():
        async with app.run_test(size=(80, 24)) as pilot:
            while app.diff is None and app.error is None:  # the diff is read behind a loading screen
                await pilot.pause(0.05)
            await pilot.pause()  # and the review screen drawn over it
            return app.diff

    diff = asyncio.run(shown_diff())
    assert diff is not None, app.error
    texts = [piece for a in diff.amendments for _, piece in a.word_diff] + [
        item.text for a in diff.amendments for item in a.new if hasattr(item, "text")
    ]
    assert any("\\u001b]0;owned" in text for text in texts)
    assert not any(CONTROL.search(text) for text in texts)
