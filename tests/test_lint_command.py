"""``specdiff lint`` through the real CLI: each check fires on the commit that introduces its
problem and stays quiet on the commit that fixes it.

The commits are built here, in a temporary repository, rather than in the bundled sample
history: many tests count that history's commits.
"""

from __future__ import annotations

import json

import pytest
from helpers import assert_usage_error

DESK = """\
# Help desk

## Renewals {#renewals}

The assistant must confirm the card number before renewing a loan.

Patrons may renew a book 3 times.

## Privacy {#privacy}

The assistant must not read out a patron's fines.

## Holds {#holds}

The assistant should tell the patron when a hold is ready.
"""

WIRE = """\
# Wire protocol

## Conventions

The key words "MUST", "SHOULD" and "MAY" in this document are to be interpreted as described in BCP 14.

## Requests {#requests}

A client MUST send a version header.
"""

BASE = {
    "specdiff.toml": 'specs = ["spec/*.md"]\n',
    "spec/desk.md": DESK,
    "spec/wire.md": WIRE,
    "evals/desk.jsonl": '{"id": "renew-card", "spec": "spec/desk.md#renewals"}\n'
    '{"id": "fines-private", "spec": "spec/desk.md#privacy"}\n'
    '{"id": "hold-ready", "spec": "spec/desk.md#holds"}\n'
    '{"id": "version-header", "spec": "spec/wire.md#requests"}\n',
}

HOLD = "The assistant should tell the patron when a hold is ready."
USERS = "Users must bring their card to collect a hold."  # a second agent in the section, for HLD001
REQUEST = "A client MUST send a version header."

# check id -> (file, anchor sentence, the sentence the problem adds after it, the same sentence fixed)
CASES = {
    "VAG001": ("spec/desk.md", HOLD, "The assistant must answer hold questions in a timely manner.",
               "The assistant must answer hold questions within two minutes."),
    "VAG002": ("spec/desk.md", HOLD, "The assistant must not reveal a patron's address, phone number, etc.",
               "The assistant must not reveal a patron's address or phone number."),
    "VAG003": ("spec/desk.md", HOLD, "The assistant should confirm the title and/or the author.",
               "The assistant should confirm the title, or the author when the title is ambiguous."),
    "KW001": ("spec/wire.md", REQUEST, "A client MUST not retry a rejected request.",
              "A client MUST NOT retry a rejected request."),
    "KW002": ("spec/wire.md", REQUEST, "A server MUST log the request and should keep the log for a week.",
              "A server MUST log the request and SHOULD keep the log for a week."),
    "CON001": ("spec/desk.md", HOLD, "The assistant must read out a patron's fines.",
               "The assistant must show a patron's fines on screen."),
    "CON002": ("spec/desk.md", HOLD, "Patrons may renew a book 5 times.",
               "Patrons may place 5 holds at once."),
    "DUP001": ("spec/desk.md", HOLD, "Before renewing a loan, the assistant must confirm the card number.",
               "Renewals need the card check described above."),
    "HLD001": ("spec/desk.md", HOLD,
               f"{USERS}\n\nThe card number must be checked before a hold is placed.",
               f"{USERS}\n\nThe assistant must check the card number before placing a hold."),
    "REF001": ("spec/desk.md", HOLD, "Renewals follow [the hold rules](#holds-queue).",
               "Renewals follow [the hold rules](#holds)."),
}  # fmt: skip


def _with(path: str, anchor: str, added: str) -> dict[str, str]:
    text = BASE[path].replace(anchor, f"{anchor}\n\n{added}")
    assert text != BASE[path]
    return {path: text}


def _findings(specdiff_json, repo, *args: str) -> list[dict]:
    return specdiff_json("lint", "-C", repo.path, "--fail-on", "never", *args)["findings"]


@pytest.fixture
def base(spec_repo):
    spec_repo.commit("Base spec", BASE)
    return spec_repo


def test_base_spec_is_clean(base, specdiff_json):
    assert _findings(specdiff_json, base, "--all") == [], "the base text must not trip any check"


@pytest.mark.parametrize("check", sorted(CASES))
def test_check_fires_on_the_commit_that_introduces_it_and_not_on_its_fix(base, specdiff_json, check):
    path, anchor, bad, good = CASES[check]
    base.commit(f"Introduce {check}", _with(path, anchor, bad))
    base.commit(f"Fix {check}", _with(path, anchor, good))

    introduced = _findings(specdiff_json, base, "HEAD~2", "HEAD~1")
    assert [f["check"] for f in introduced] == [check], introduced
    assert introduced[0]["path"] == path and introduced[0]["lines"][0] > 1, introduced[0]

    assert _findings(specdiff_json, base, "HEAD~1", "HEAD") == [], f"{check} must not fire on the fixing commit"
    assert _findings(specdiff_json, base, "--all") == [], f"{check}: the fixed spec must be clean"


def test_capitals_without_boilerplate(spec_repo, specdiff_json):
    wire = WIRE.replace(WIRE.split("\n\n")[2] + "\n\n", "")
    spec_repo.commit("Base", {**BASE, "spec/wire.md": wire.replace(REQUEST, "A client sends a version header.")})
    spec_repo.commit("Introduce KW003", {"spec/wire.md": wire})
    spec_repo.commit("Fix KW003", {"spec/wire.md": WIRE})

    introduced = _findings(specdiff_json, spec_repo, "HEAD~2", "HEAD~1")
    assert [f["check"] for f in introduced] == ["KW003"], introduced
    assert _findings(specdiff_json, spec_repo, "HEAD~1", "HEAD") == []
    assert _findings(specdiff_json, spec_repo, "--all") == []


def test_should_without_reason(spec_repo, specdiff_json):
    """KW004 only in a document whose other SHOULDs say why: there the bare one stands out."""
    reasoned = "A server SHOULD close an idle connection after a minute, to free its socket."
    wire = WIRE.replace(REQUEST, f"{REQUEST}\n\n{reasoned}")
    spec_repo.commit("Base", {**BASE, "spec/wire.md": wire})
    spec_repo.commit("Introduce KW004", {"spec/wire.md": wire + "\nA client SHOULD retry a failed request.\n"})
    fixed = "\nA client SHOULD retry a failed request, unless the server answered 400.\n"
    spec_repo.commit("Fix KW004", {"spec/wire.md": wire + fixed})
    introduced = _findings(specdiff_json, spec_repo, "HEAD~2", "HEAD~1")
    assert [f["check"] for f in introduced] == ["KW004"], introduced
    assert _findings(specdiff_json, spec_repo, "HEAD~1", "HEAD") == []
    assert _findings(specdiff_json, spec_repo, "--all") == []


def test_untested_rule(base, specdiff_json):
    base.commit(
        "Add a section no eval names",
        {"spec/desk.md": DESK + "\n## Pickup {#pickup}\n\nThe assistant must read back the pickup date.\n"},
    )
    introduced = _findings(specdiff_json, base, "HEAD~1", "HEAD")
    assert [f["check"] for f in introduced] == ["TST001"], introduced
    assert [f["check"] for f in _findings(specdiff_json, base, "--all")] == ["TST001"]

    base.commit("Test it", {"evals/desk.jsonl": BASE["evals/desk.jsonl"] + '{"id": "pickup", "spec": "spec/desk.md#pickup"}\n'})
    assert _findings(specdiff_json, base, "--all") == [], "an eval case now reaches the rule"


def test_only_what_the_change_introduced(base, specdiff_json):
    """A clause that already had the problem, edited elsewhere, is not the change's fault."""
    path, anchor, bad, _ = CASES["VAG001"]
    base.commit("Introduce", _with(path, anchor, bad))
    base.commit("Reword", _with(path, anchor, bad.replace("hold questions", "questions about holds")))
    assert _findings(specdiff_json, base, "HEAD~1", "HEAD") == []
    assert [f["check"] for f in _findings(specdiff_json, base, "--all")] == ["VAG001"]


def test_text_output_and_exit_codes(base, specdiff):
    path, anchor, bad, _ = CASES["VAG001"]
    base.commit("Introduce", _with(path, anchor, bad))
    run = specdiff("lint", "-C", base.path, "HEAD~1")
    assert run.code == 1, "a finding fails the run by default, as ruff does"
    assert run.out.splitlines()[0].startswith('spec/desk.md:17: VAG001 [warning] rule rests on "in a timely manner"'), run.out
    assert run.out.splitlines()[-1] == "1 finding in 1 changed clauses"
    assert specdiff("lint", "-C", base.path, "HEAD~1", "--fail-on", "error").code == 0, "VAG001 is a warning"
    assert specdiff("lint", "-C", base.path, "HEAD~1", "--ignore", "VAG").code == 0
    assert specdiff("lint", "-C", base.path, "HEAD~1", "--select", "CON,DUP").code == 0


def test_config_selects_checks(base, specdiff, specdiff_json):
    path, anchor, bad, _ = CASES["VAG003"]
    base.commit("Introduce", _with(path, anchor, bad))
    base.commit("Ignore it in the config", {"specdiff.toml": BASE["specdiff.toml"] + '\n[lint]\nignore = ["VAG003"]\n'})
    assert _findings(specdiff_json, base, "--all") == []
    assert [f["check"] for f in _findings(specdiff_json, base, "--all", "--ignore", "KW")] == ["VAG003"], "the command line wins"


def test_sarif_points_at_the_lines(base, specdiff):
    path, anchor, bad, _ = CASES["CON001"]
    base.commit("Introduce", _with(path, anchor, bad))
    run = specdiff("lint", "-C", base.path, "HEAD~1", "--format", "sarif")
    assert run.code == 1
    sarif = json.loads(run.out)
    (result,) = sarif["runs"][0]["results"]
    assert result["ruleId"] == "specdiff-lint/CON001" and result["level"] == "error"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 17, region
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert rules[result["ruleIndex"]]["id"] == "specdiff-lint/CON001"


@pytest.mark.parametrize(
    ("args", "config", "expected"),
    [
        (("--select", "XYZ"), None, "unknown lint check 'XYZ'"),
        ((), '[lint]\nselect = "VAG"\nfoo = 1\n', "lint.foo is not a lint setting"),
        ((), "lint = 3\n", "lint must be a table"),
        (("HEAD", "HEAD"), None, "--all reads one revision"),
    ],
)
def test_bad_selection_is_a_usage_error(base, specdiff, args, config, expected):
    if config:
        base.commit("Config", {"specdiff.toml": BASE["specdiff.toml"] + config})
    assert_usage_error(specdiff("lint", "-C", base.path, "--all", *args), expected)


def test_list_names_every_check(specdiff):
    run = specdiff("lint", "--list")
    assert run.code == 0
    assert [line.split()[0] for line in run.out.splitlines()] == [
        "VAG001", "VAG002", "VAG003", "HLD001", "KW001", "KW002", "KW003", "KW004", "CON001", "CON002", "DUP001",
        "TST001", "REF001", "CON003",
    ]  # fmt: skip


def test_a_comment_suppresses_a_check(base, specdiff, specdiff_json):
    path, anchor, bad, _ = CASES["VAG001"]
    base.commit("Introduce, with a reason to keep it", _with(path, anchor, "<!-- specdiff-lint: ignore VAG001 -->\n" + bad))
    assert _findings(specdiff_json, base, "HEAD~1", "HEAD") == []
    assert _findings(specdiff_json, base, "--all") == []
    base.commit("Ignore another check", _with(path, anchor, "<!-- specdiff-lint: ignore KW -->\n" + bad))
    assert [f["check"] for f in _findings(specdiff_json, base, "--all")] == ["VAG001"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The assistant should act as a reasonable user would expect.",  # a person standard, not a vague qualifier
        "Renewals follow [the hold rules](#3-holds).",  # the heading's slug once the build numbers headings
        "Note that a reasonable wait depends on the branch.",  # a remark, not a rule
        "The assistant must not read out fees (e.g., late fees, lost-card fees, etc.).",  # e.g. already illustrates
        "The assistant can read out a patron's fines.",  # an ability ("can"), not a licence that contradicts the ban
        "A hold must be collected by the patron within a week.",  # a passive that names its agent
        "A hold may be cancelled at any time.",  # a permission binds no one
        "The card number must be checked before a hold is placed.",  # the section binds one agent: it is theirs
    ],
)
def test_quiet_on_what_reads_like_a_problem_but_is_not(base, specdiff_json, sentence):
    base.commit("Add", _with("spec/desk.md", HOLD, sentence))
    assert _findings(specdiff_json, base, "HEAD~1", "HEAD") == []


def test_lowercase_keyword_in_a_description_is_plain_english(base, specdiff_json):
    base.commit("Add", _with("spec/wire.md", REQUEST, "A server MAY say under which version a request should be read."))
    assert _findings(specdiff_json, base, "HEAD~1", "HEAD") == []


def test_comment_gains_a_lint_section(base, specdiff):
    path, anchor, bad, _ = CASES["CON001"]
    base.commit("Introduce <b>trouble</b> for @alice", _with(path, anchor, bad.replace("fines.", "fines, @alice <b>now</b>.")))
    run = specdiff("comment", "-C", base.path, "HEAD~1", "--lint")
    assert run.code == 0, run.err
    section = run.out[run.out.index("### Lint: 1 finding") :]
    assert "| 🔴 | CON001 opposite-force | <code>spec/desk.md:17</code> |" in section, section
    assert "<b>" not in section and "@alice" not in section.replace("@\u200balice", ""), "spec text is escaped"
    assert "### Lint" not in specdiff("comment", "-C", base.path, "HEAD~1").out, "only with --lint"


def test_paths_limit_what_is_linted(base, specdiff_json):
    base.commit("Introduce", {**_with(*CASES["VAG001"][:3]), **_with(*CASES["KW001"][:3])})
    assert [f["check"] for f in _findings(specdiff_json, base, "--all", "--", "spec/wire.md")] == ["KW001"]
    assert [f["check"] for f in _findings(specdiff_json, base, "HEAD~1", "--", "spec/desk.md")] == ["VAG001"]


def test_a_pipe_in_a_finding_stays_one_table_cell():
    from specdiff.lint.base import Finding
    from specdiff.lint.comment import lint_section
    from specdiff.lint.run import LintResult
    from specdiff.model import Revision

    finding = Finding("VAG003", "spec/desk.md", (3, 3), "'and/or' in a | b leaves it open")
    row = lint_section(LintResult([finding], 1, Revision(None, None))).splitlines()[-1]
    assert "a \\| b" in row and "&#124;" not in row, row
    assert row.replace("\\|", "").count("|") == 5, "four cells: the pipe in the message is escaped, not a border"


def test_rules_about_a_sections_own_thing_and_copies_of_a_spec_are_not_compared(spec_repo, specdiff_json):
    """ "The queue" of one section is not the queue of another; two releases side by side restate each other."""
    rules = "The queue must not be empty.\n\nThe assistant must confirm the card number before renewing a loan.\n"
    release = f"# Desk\n\n## Holds {{#holds}}\n\n{rules}"
    spec_repo.commit("Base", {"specdiff.toml": 'specs = ["spec/**/*.md"]\n', "spec/v1/desk.md": release})
    spec_repo.commit(
        "Another section, and the next release beside the first",
        {
            "spec/v1/desk.md": release + "\n## Renewals {#renewals}\n\nThe queue must be empty.\n",
            "spec/v2/desk.md": release.replace("Desk", "Desk, release 2"),
        },
    )
    assert _findings(specdiff_json, spec_repo, "HEAD~1", "HEAD") == []
    assert _findings(specdiff_json, spec_repo, "--all") == []


def test_the_sample_draft_has_a_problem_of_each_kind_and_its_tidy_commit_none(sample_repo, specdiff):
    """Sample commit 17 drafts ``spec/interlibrary-loans.md`` with one problem of each kind; commit 18 fixes them."""
    path, commits = sample_repo

    def found(*args: str) -> list[dict]:
        run = specdiff("lint", "-C", path, "--format", "json", "--fail-on", "never", *args)
        assert run.code == 0, run.err
        return json.loads(run.out)["findings"]

    draft = found(commits[15], commits[16])
    # Not KW003: the behaviour spec cites RFC 2119 for the whole spec (test_capitals_without_boilerplate has it).
    every_check = {"VAG001", "VAG002", "VAG003", "HLD001", "KW001", "KW002", "KW004"}
    every_check |= {"CON001", "CON002", "DUP001", "TST001", "REF001"}
    assert {f["check"] for f in draft} == every_check, draft
    assert {f["path"] for f in draft} == {"spec/interlibrary-loans.md"}
    assert found(commits[16], commits[17]) == [], "the tidy commit fixes every problem and brings none"
    assert found(commits[17], commits[18]) == [], "the release after it writes none either"
    assert found(commits[17], "--all", "--", "spec/interlibrary-loans.md") == []


def test_one_citation_of_bcp14_covers_every_file_of_the_spec(spec_repo, specdiff_json):
    spec_repo.commit("Base", {**BASE, "spec/more.md": "# More\n\n## Limits {#limits}\n\nA server SHOULD NOT cache a refusal.\n"})
    assert [f for f in _findings(specdiff_json, spec_repo, "--all") if f["check"] == "KW003"] == [], "wire.md cites BCP 14"
