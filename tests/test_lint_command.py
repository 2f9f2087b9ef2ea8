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

SPECS = 'specs = ["spec/*.md"]\n'
EXERCISED = '["VAG001", "VAG002", "DUP001", "TST001", "KW001", "KW002", "REF001", "CON001", "CON002"]'
"""The checks these tests exercise, chosen in BASE's config: most are off by default (registry.ON_BY_DEFAULT),
which ``test_the_default_checks_are_those_that_held_on_unseen_specs`` tests."""

BASE = {
    "specdiff.toml": SPECS + f"\n[lint]\nselect = {EXERCISED}\n",
    "spec/desk.md": DESK,
    "spec/wire.md": WIRE,
    "evals/desk.jsonl": '{"id": "renew-card", "spec": "spec/desk.md#renewals"}\n'
    '{"id": "fines-private", "spec": "spec/desk.md#privacy"}\n'
    '{"id": "hold-ready", "spec": "spec/desk.md#holds"}\n'
    '{"id": "version-header", "spec": "spec/wire.md#requests"}\n',
}

CAPITALS = "\n[semantics]\ncapitals = true\n"
"""The keyword checks follow the repository's capitals mode; BASE is mostly lower case, so the
tests of keyword checks on wire.md set the mode."""

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


def _in_both_sections(block: str) -> str:
    """The desk spec with ``block`` opening both its renewals and its holds sections."""
    text = DESK
    for section in ("renewals", "holds"):
        text = text.replace(f"{{#{section}}}\n", f"{{#{section}}}\n\n{block}")
    return text


@pytest.fixture
def base(spec_repo):
    spec_repo.commit("Base spec", BASE)
    return spec_repo


def test_base_spec_is_clean(base, specdiff_json):
    assert _findings(specdiff_json, base, "--all") == [], "the base text must not trip any check"


@pytest.mark.parametrize("check", sorted(CASES))
def test_check_fires_on_the_commit_that_introduces_it_and_not_on_its_fix(base, specdiff_json, check):
    path, anchor, bad, good = CASES[check]
    if check.startswith("KW"):
        base.commit("Keywords in capitals", {"specdiff.toml": BASE["specdiff.toml"] + CAPITALS})
    base.commit(f"Introduce {check}", _with(path, anchor, bad))
    base.commit(f"Fix {check}", _with(path, anchor, good))

    introduced = _findings(specdiff_json, base, "HEAD~2", "HEAD~1", "--select", "ALL")
    assert [f["check"] for f in introduced] == [check], introduced
    assert introduced[0]["path"] == path and introduced[0]["lines"][0] > 1, introduced[0]

    assert _findings(specdiff_json, base, "HEAD~1", "HEAD", "--select", "ALL") == [], (
        f"{check} must not fire on the fixing commit"
    )
    assert _findings(specdiff_json, base, "--all", "--select", "ALL") == [], f"{check}: the fixed spec must be clean"


def test_capitals_without_boilerplate(spec_repo, specdiff_json):
    wire = WIRE.replace(WIRE.split("\n\n")[2] + "\n\n", "")
    spec_repo.commit(
        "Base",
        {
            **BASE,
            "spec/wire.md": wire.replace(REQUEST, "A client sends a version header."),
            "specdiff.toml": BASE["specdiff.toml"] + CAPITALS,
        },
    )
    spec_repo.commit("Introduce KW003", {"spec/wire.md": wire})
    spec_repo.commit("Fix KW003", {"spec/wire.md": WIRE})

    introduced = _findings(specdiff_json, spec_repo, "HEAD~2", "HEAD~1", "--select", "KW003")
    assert [f["check"] for f in introduced] == ["KW003"], introduced
    assert _findings(specdiff_json, spec_repo, "HEAD~2", "HEAD~1") == [], "the config selects checks without KW003"
    assert _findings(specdiff_json, spec_repo, "HEAD~1", "HEAD", "--select", "KW003") == []
    assert _findings(specdiff_json, spec_repo, "--all", "--select", "KW003") == []
    spec_repo.commit("Default checks", {"specdiff.toml": SPECS + CAPITALS})
    assert [f["check"] for f in _findings(specdiff_json, spec_repo, "HEAD~3", "HEAD~2")] == ["KW003"], "on by default"


def test_should_without_reason(spec_repo, specdiff_json):
    """KW004 only in a document whose other SHOULDs say why: there the bare one stands out."""
    reasoned = "A server SHOULD close an idle connection after a minute, to free its socket."
    wire = WIRE.replace(REQUEST, f"{REQUEST}\n\n{reasoned}")
    spec_repo.commit("Base", {**BASE, "spec/wire.md": wire, "specdiff.toml": BASE["specdiff.toml"] + CAPITALS})
    spec_repo.commit("Introduce KW004", {"spec/wire.md": wire + "\nA client SHOULD retry a failed request.\n"})
    fixed = "\nA client SHOULD retry a failed request, unless the server answered 400.\n"
    spec_repo.commit("Fix KW004", {"spec/wire.md": wire + fixed})
    introduced = _findings(specdiff_json, spec_repo, "HEAD~2", "HEAD~1", "--select", "KW004")
    assert [f["check"] for f in introduced] == ["KW004"], introduced
    assert _findings(specdiff_json, spec_repo, "HEAD~1", "HEAD", "--select", "KW004") == []
    assert _findings(specdiff_json, spec_repo, "--all", "--select", "KW004") == []


def test_the_sentence_that_says_how_to_read_the_keywords_is_no_rule(spec_repo, specdiff_json):
    """SLSA writes its conventions sentence with the keywords unquoted: they are named there, not used,
    so the diff reads no obligation into it and KW004 asks no reason of it."""
    reasoned = "A server SHOULD close an idle connection after a minute, to free its socket."
    wire = WIRE.replace(REQUEST, f"{REQUEST}\n\n{reasoned}")
    spec_repo.commit("Base", {**BASE, "spec/wire.md": wire, "specdiff.toml": BASE["specdiff.toml"] + CAPITALS})
    conventions = "The key words MUST, SHOULD, and MAY are to be interpreted as described in [RFC 2119](https://www.rfc-editor.org/rfc/rfc2119)."
    spec_repo.commit("Conventions", {"spec/wire.md": wire + f"\n{conventions}\n"})
    assert _findings(specdiff_json, spec_repo, "HEAD~1", "HEAD", "--select", "KW004") == []
    diff = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")
    [amendment] = [a for f in diff["files"] for a in f["amendments"]]
    assert amendment["effects"] == [] and amendment["severity"] != "breaking", amendment


@pytest.mark.parametrize(
    ("added", "bare"),
    [
        ("A client SHOULD retry a failed request. Servers MUST log each retry. Retries are cheap, so that is fine.",
         "A client SHOULD retry a failed request. Servers MUST log each retry."),
        ("To keep the queue short, clients follow these rules:\n\n- A client SHOULD drop a stale request.",
         "Clients follow these rules:\n\n- A client SHOULD drop a stale request."),
        ("A client SHOULD cache the version header.[^why]\n\n[^why]: The header changes once a year.",
         "A client SHOULD cache the version header."),
        ("A client SHOULD send the body in UTF-8; other encodings MAY be used.",  # the exception, granted
         "A client SHOULD send the body in UTF-8."),
        ("Re-fetching a schema on every run loads servers, because schemas rarely change.\n\n"
         "A client SHOULD cache fetched schemas.",  # the paragraph before explains
         "Schemas are fetched over HTTPS.\n\nA client SHOULD cache fetched schemas."),
        ("A client SHOULD log each request id for debugging.", "A client SHOULD log each request id."),
        ("A client SHOULD tag each request to signal its priority.",  # a purpose, with no comma before it
         "A client SHOULD be able to tag each request."),
        ("Servers MUST answer pings. Clients watch them, because a lost ping means a dead link.\n\n"
         "A client SHOULD send a ping every minute.",  # the paragraph before explains, beside a rule of its own
         "Servers MUST answer pings. Clients watch them.\n\nA client SHOULD send a ping every minute."),
        ("Receivers SHOULD:\n\n- drop a stale request, to keep the queue short",  # a lead-in; its items say why
         "Receivers SHOULD drop a stale request."),
        ("A client that loses its session SHOULD drop its queue.",  # the circumstance: which clients
         "A client SHOULD drop its queue."),
    ],
)  # fmt: skip
def test_a_should_whose_paragraph_lead_in_or_footnote_says_why(spec_repo, specdiff_json, added, bare):
    reasoned = "A server SHOULD close an idle connection after a minute, to free its socket."
    wire = WIRE.replace(REQUEST, f"{REQUEST}\n\n{reasoned}")
    spec_repo.commit("Base", {**BASE, "spec/wire.md": wire, "specdiff.toml": BASE["specdiff.toml"] + CAPITALS})
    spec_repo.commit("Add", {"spec/wire.md": wire + f"\n{added}\n"})
    assert _findings(specdiff_json, spec_repo, "HEAD~1", "HEAD", "--select", "KW004") == []
    spec_repo.commit("The same SHOULD with no reason", {"spec/wire.md": wire + f"\n{bare}\n"})
    assert [f["check"] for f in _findings(specdiff_json, spec_repo, "HEAD~2", "HEAD", "--select", "KW004")] == ["KW004"]


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


def test_untested_list_items_bind_whom_their_lead_in_binds(base, specdiff_json):
    """An item under "A good pickup note should:" binds no one an eval can watch; under "It must not:" (the
    assistant, named just before) it does. A definition entry ("Pickup: the moment ...") is no rule."""
    section = (
        "\n## Pickup {#pickup}\n\nPickup: the moment a patron should collect a hold.\n\n"
        "A good pickup note should:\n\n- name the branch and its opening hours\n\n"
        "The assistant greets the patron at pickup. It must not:\n\n- read out the patron's fines\n"
    )
    base.commit("Pickup", {"spec/desk.md": DESK + section})
    found = _findings(specdiff_json, base, "HEAD~1", "HEAD")
    assert [(f["check"], f["lines"][0]) for f in found] == [("TST001", DESK.count("\n") + 12)], found


def test_a_condition_before_a_colon_is_not_a_definition(base, specdiff_json):
    """ "Pickup: the moment ..." defines a term; "Before any pickup: the assistant must ..." is a rule."""
    rule = "Before any pickup: the assistant must read back the pickup date."
    base.commit("Pickup", {"spec/desk.md": DESK + f"\n## Pickup {{#pickup}}\n\n{rule}\n"})
    assert [f["check"] for f in _findings(specdiff_json, base, "HEAD~1", "HEAD")] == ["TST001"]


def test_untested_rule_in_the_second_clause_of_a_split(base, specdiff_json):
    """A split's first clause may be a plain statement and its second the new rule: every new clause is read."""
    base.commit(
        "Pickup", {"spec/desk.md": DESK + "\n## Pickup {#pickup}\n\nPickup is at the front desk. Patrons bring their card.\n"}
    )
    split = "Pickup is at the front desk.\n\nPatrons bring their card, and the assistant must read back the pickup date.\n"
    base.commit("Split, with a new rule", {"spec/desk.md": DESK + "\n## Pickup {#pickup}\n\n" + split})
    (found,) = _findings(specdiff_json, base, "HEAD~1", "HEAD")
    assert (found["check"], found["lines"][0]) == ("TST001", DESK.count("\n") + 6), found
    assert "`specdiff evals draft` drafts one" in found["message"], "the message says how to draft the missing case"


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
    path, anchor, bad, _ = CASES["VAG001"]
    base.commit("Introduce", _with(path, anchor, bad))
    base.commit("Ignore it in the config", {"specdiff.toml": BASE["specdiff.toml"] + 'ignore = ["VAG001"]\n'})
    assert _findings(specdiff_json, base, "--all") == []
    assert [f["check"] for f in _findings(specdiff_json, base, "--all", "--ignore", "KW")] == ["VAG001"], "the command line wins"


def test_the_default_checks_are_those_that_held_on_unseen_specs(base, specdiff, specdiff_json):
    """Only KW001, KW003, REF001 (and CON003, with --model) run unless chosen: the others missed 0.85
    precision on a blind held-out set of real findings. Any id, prefix or ALL chooses them."""
    base.commit("Introduce", {**_with(*CASES["VAG003"][:3]), "specdiff.toml": SPECS})
    assert _findings(specdiff_json, base, "HEAD~1", "HEAD") == []
    for select in ("VAG003", "VAG", "ALL", "VAG001,VAG003"):
        assert [f["check"] for f in _findings(specdiff_json, base, "HEAD~1", "HEAD", "--select", select)] == ["VAG003"]
    base.commit("In the config", {"specdiff.toml": SPECS + '\n[lint]\nselect = ["ALL"]\n'})
    assert [f["check"] for f in _findings(specdiff_json, base, "HEAD~2", "HEAD")] == ["VAG003"]
    listed = {line.split()[0]: line for line in specdiff("lint", "--list").out.splitlines()}
    on = sorted(i for i, line in listed.items() if not line.endswith("(off by default)"))
    assert on == ["CON003", "KW001", "KW003", "REF001"]


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
        ((), '[lint]\nselect = ["HLX"]\n', "specdiff.toml: [lint] unknown lint check 'HLX'"),
        ((), '[lint]\nselect = "VAG"\nfoo = 1\n', "lint.foo is not a lint setting"),
        ((), "lint = 3\n", "lint must be a table"),
        (("HEAD", "HEAD"), None, "--all reads one revision"),
    ],
)
def test_bad_selection_is_a_usage_error(base, specdiff, args, config, expected):
    if config:
        base.commit("Config", {"specdiff.toml": SPECS + config})
    assert_usage_error(specdiff("lint", "-C", base.path, "--all", *args), expected)


def test_a_bad_check_in_the_config_names_the_file_and_the_revision(base, specdiff):
    base.commit("Config", {"specdiff.toml": SPECS + '[lint]\nselect = ["XYZ"]\n'})
    base.commit("Fix it in the working branch", {"specdiff.toml": BASE["specdiff.toml"]})
    run = specdiff("lint", "-C", base.path, "--all", "--config-from", "HEAD~1")
    assert_usage_error(run, "specdiff.toml at HEAD~1: [lint] unknown lint check 'XYZ'")
    assert specdiff("lint", "-C", base.path, "--all").code == 0, "the working tree's own config is fine"
    replaced = specdiff("lint", "-C", base.path, "--all", "--config-from", "HEAD~1", "--select", "VAG001")
    assert replaced.code == 0, "--select replaces the config's list: its bad code is not read"


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
        "The assistant must renew the loan with the appropriate card type.",  # "the appropriate": the one that fits
        "The assistant must send reminders at whatever interval the branch deems appropriate.",  # discretion, on purpose
        "The assistant must collect sufficient details to identify the patron.",  # says what must suffice
        "The assistant must set reasonable limits, such as three renewals a month, on each loan.",  # examples pin it
        "The renewal policy governs how patrons should renew in a timely manner.",  # an indirect question describes
        "When the assistant must pause for a reasonable time.",  # a fragment, no rule
        f"{USERS}\n\nThe hold must be unchanged after a renewal.",  # "be unchanged": a state, not an act
        "The assistant must not read out private details (address, phone number, etc.).",  # the list illustrates
        "Where the title and/or the author is missing, the assistant must ask the patron.",  # either meets a condition
        "The assistant must confirm it with a staff member (e.g., a librarian and/or a clerk).",  # an illustration
        "The assistant must send appropriate reminders, to prevent missed pickups.",  # the purpose is the measure
        "The assistant must text the patron if possible and otherwise call the branch.",  # says what when it is not
        "The assistant must quote the title, e.g. in italics (or in bold if possible).",  # the example's qualifier
        "The assistant must renew the loan if possible. When it cannot, the assistant must place a hold.",
        "The assistant must pick a reasonable renewal period. This period is described in [renewals](#renewals).",
        "The assistant must repeat the due date when necessary[^due].\n\n[^due]: Two loans due on one day.",
        "The assistant must give an appropriate notice for each fine:\n\n- late fee: a letter\n- lost card: a call",
        "The assistant must format each notice properly according to the branch's template.",  # the measure named
        "The assistant must renew the card if necessary.",  # a need is the holder's own to judge
        "The assistant must stamp each notice properly.",  # nearly always measured beside it: not read
        "The assistant should renew loans at a reasonable interval (recommended: every 14 days).",  # a number given
    ],
)
def test_quiet_on_what_reads_like_a_problem_but_is_not(base, specdiff_json, sentence):
    base.commit("Add", _with("spec/desk.md", HOLD, sentence))
    assert _findings(specdiff_json, base, "HEAD~1", "HEAD") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "When in doubt the assistant must answer hold questions in a timely manner.",
        "If asked the assistant must answer hold questions in a timely manner.",
        "The assistant must send an appropriate notice to the patron.",  # "to the patron": whom, not what for
        # a list of algorithms, not the steps of one: the item is a rule of its own
        "The assistant must support the following card algorithms:\n\n"
        "- The assistant must answer hold questions in a timely manner.",
        "The assistant must answer promptly with a notice like this one:\n\n- Your hold is ready.",  # a time
        "Patrons, e.g. students, must collect their holds in a timely manner.",  # the example is of the patrons
        "The assistant must send adequate notices, to which patrons may reply.",  # "to which": no purpose
    ],
)
def test_vague_rules_that_earlier_readings_missed(base, specdiff_json, sentence):
    """Only a sentence that is all one "when"/"if" clause is a fragment (the first two have a main
    clause), "to" names a purpose only before a verb, and only one algorithm's steps are not rules."""
    base.commit("Add", _with("spec/desk.md", HOLD, sentence))
    assert [f["check"] for f in _findings(specdiff_json, base, "HEAD~1", "HEAD")] == ["VAG001"]


@pytest.mark.parametrize(
    "sentence",
    [
        "A server MAY say under which version a request should be read.",  # a description
        "A client MUST send a cancel notice to indicate that the request should be dropped.",  # what the notice says
        "A server MUST send a note that explains that a client should retry.",  # what the note explains
        "A server MUST report that the client should retry later.",  # what the report says
        "To send a binary body, use a plain string, escaping where necessary.",  # no keyword: no rule in this spec
        "A client SHOULD retry with the appropriate version header, to reach the right handler.",  # the one that fits
        "For new clients, these should be treated as MUST requirements.",  # MUST is named, not used
        "A server MUST read the header to determine if the request should be queued.",  # what a step decides
        "The `cache` field MUST be a boolean that specifies if the proxy should keep copies.",  # what a field says
        "It should be noted that a client MUST NOT retry a rejected request.",  # turns attention, rules nothing
        "- **`proxy`** (string OPTIONAL) The address that a client should send requests to.",  # describes the field
        "- **User** *string*, OPTIONAL\n\n  The name which the process in the container should run as.",
        "A client MUST keep the header's case (e.g. it should not lower-case `Accept`).",  # an example in brackets
        "A client MUST list the servers that the request should reach.",  # a relative clause describes the servers
    ],
)
def test_in_a_capitals_spec_only_keywords_in_capitals_make_rules(base, specdiff_json, sentence):
    base.commit("Keywords in capitals", {"specdiff.toml": BASE["specdiff.toml"] + CAPITALS})
    base.commit("Add", _with("spec/wire.md", REQUEST, sentence))
    assert _findings(specdiff_json, base, "HEAD~1", "HEAD") == []


def test_a_lead_in_over_another_list_and_an_item_under_another_lead_in_restate_nothing(base, specdiff_json):
    """ "Servers must answer these questions first:" over two different lists are two rules (DUP001)."""
    lists = {
        "renewals": "The assistant must answer these questions before anything else:\n\n- due dates\n- fines\n",
        "holds": "The assistant must answer these questions before anything else:\n\n- queue places\n- pickup times\n",
    }
    items = {
        "renewals": "When a patron renews a loan, the assistant must:\n\n- check the patron's library card first\n",
        "holds": "When a patron places a hold, the assistant must:\n\n- check the patron's library card first\n",
    }
    for added in (lists, items):
        text = DESK
        for section, rule in added.items():
            text = text.replace(f"{{#{section}}}\n", f"{{#{section}}}\n\n{rule}")
        base.commit("Add", {"spec/desk.md": text})
        assert [f for f in _findings(specdiff_json, base, "HEAD~1", "HEAD") if f["check"] == "DUP001"] == []
    base.commit("The same item under the same lead-in", {"spec/desk.md": text.replace("places a hold", "renews a loan")})
    assert [f["check"] for f in _findings(specdiff_json, base, "--all")] == ["DUP001", "DUP001"], "each points at the other"


def test_a_duplicate_list_item_that_was_there_before_is_not_the_changes_fault(base, specdiff_json):
    """The old side's items are read under their lead-ins too: touching one of two items that already
    restated each other introduces no DUP001."""
    item = "When a patron renews a loan, the assistant must:\n\n- check the patron's library card first\n"
    text = _in_both_sections(item)
    base.commit("The same item under the same lead-in", {"spec/desk.md": text})
    assert [f["check"] for f in _findings(specdiff_json, base, "--all")] == ["DUP001", "DUP001"]
    touched = text.replace("- check the patron's library card first", "- Check the patron's library card first.", 1)
    base.commit("Touch one item", {"spec/desk.md": touched})
    assert _findings(specdiff_json, base, "HEAD~1", "HEAD") == []


def test_a_pronoun_holder_is_what_its_own_clause_named(base, specdiff_json):
    """ "It must be 3 or more." after a renewal limit and after a hold limit: two quantities (CON002)."""
    limits = "A branch has a renewal limit. It must be 3 or more.\n\nA branch has a hold limit. It must be 5 or more.\n"
    base.commit("Limits", _with("spec/desk.md", HOLD, limits))
    assert _findings(specdiff_json, base, "HEAD~1", "HEAD") == []


@pytest.mark.parametrize(
    ("rules", "contradict"),
    [
        ('The assistant must send the "hold-ready" notice.\n\nThe assistant must not send the "overdue" notice.', False),
        ('The assistant must send the "overdue" notice.\n\nThe assistant must not send the "overdue" notice.', True),
        ("When the patron is a child:\n\n- The assistant must read out the fines to a guardian.\n\n"
         "When the patron is an adult:\n\n- The assistant must not read out the fines to a guardian.", False),
    ],
)  # fmt: skip
def test_opposite_force_needs_one_case_quoted_names_and_lead_ins_included(base, specdiff_json, rules, contradict):
    """Rules that quote different names are about two things, and items under two lead-ins are two branches."""
    base.commit("Two rules", _with("spec/desk.md", HOLD, rules))
    found = [f["check"] for f in _findings(specdiff_json, base, "HEAD~1", "HEAD") if f["check"].startswith("CON")]
    assert found == (["CON001", "CON001"] if contradict else [])


def test_steps_of_two_scenarios_are_not_compared(base, specdiff_json):
    """ "THEN the assistant SHALL renew the loan" under one scenario and "SHALL NOT" under another: each holds
    under its own WHEN."""
    scenarios = "".join(
        f"\n#### Scenario: {name}\n\n- **WHEN** {when}\n- **THEN** the assistant SHALL {then} renew the loan\n"
        for name, when, then in (("Clear", "the card is clear", ""), ("Fines", "the card has fines", "NOT "))
    )
    base.commit("Scenarios", {"spec/desk.md": DESK.replace("{#renewals}\n", "{#renewals}\n" + scenarios)})
    assert [f for f in _findings(specdiff_json, base, "HEAD~1", "HEAD") if f["check"].startswith("CON")] == []


def test_algorithm_steps_are_not_commands(base, specdiff_json):
    """IETF-style steps ("Let input be ...", "If ..., return failure.") under two algorithms: not
    duplicates, not contradictions, no eval owed for each step."""
    steps = "1. Let input be the card number.\n2. If input is empty, return failure.\n3. Return input.\n"
    text = _in_both_sections(f"To read a card, use the following algorithm:\n\n{steps}")
    base.commit("Add", {"spec/desk.md": text})
    assert _findings(specdiff_json, base, "HEAD~1", "HEAD") == []


def test_steps_that_name_their_algorithm_are_not_commands(base, specdiff_json):
    """ "Abort this algorithm ..." in two branches of one procedure whose lead-in says only "as follows:"."""
    steps = (
        "To renew a loan, proceed as follows:\n\n1. If the card has expired:\n\n"
        "    1. Abort this algorithm and tell the patron about the card.\n\n"
        "2. If the card is blocked:\n\n    1. Abort this algorithm and tell the patron about the card.\n"
    )
    base.commit("Add", {"spec/desk.md": DESK.replace("{#renewals}\n", "{#renewals}\n\n" + steps)})
    assert _findings(specdiff_json, base, "HEAD~1", "HEAD") == []


def test_two_procedures_that_share_a_step_restate_nothing(base, specdiff_json):
    """A bare command under a lead-in with no modal is a step of its procedure; under "must:" it is a rule."""
    step = "- Check that the patron's library card has not expired yet.\n"
    for lead_in, expected in (("To renew a loan:", []), ("To renew a loan, the assistant must:", ["DUP001", "DUP001"])):
        text = _in_both_sections(f"{lead_in}\n\n{step}")
        base.commit(f"Steps under {lead_in}", {"spec/desk.md": text})
        assert [f["check"] for f in _findings(specdiff_json, base, "--all")] == expected


def test_a_command_in_a_paragraph_is_a_step_only_under_a_numbered_heading(base, specdiff_json):
    """The same bare command as a paragraph in two sections restates itself, unless each section is a
    numbered step of its procedure ("## 1. Renewals")."""
    command = "Check that the patron's library card has not expired yet."
    text = _in_both_sections(f"{command}\n")
    base.commit("Add", {"spec/desk.md": text})
    assert [f["check"] for f in _findings(specdiff_json, base, "--all")] == ["DUP001", "DUP001"]
    base.commit("Number", {"spec/desk.md": text.replace("## Renewals", "## 1. Renewals").replace("## Holds", "## 2. Holds")})
    assert _findings(specdiff_json, base, "--all") == []


def test_a_rule_about_this_algorithm_is_no_step_of_it(base, specdiff_json):
    """A list item that rules on the algorithm ("must use this algorithm only ...") keeps its rule."""
    item = "Card rules:\n\n- The assistant must use this algorithm only for cards with a reasonable expiry date.\n"
    base.commit("Add", _with("spec/desk.md", HOLD, item))
    assert [f["check"] for f in _findings(specdiff_json, base, "HEAD~1", "HEAD")] == ["VAG001"]


def test_short_rules_lean_on_their_section(base, specdiff_json):
    """A rule of six words or fewer takes what it is about from its section: not a duplicate."""
    text = _in_both_sections("The assistant must implement approval controls.\n")
    base.commit("Add", {"spec/desk.md": text})
    assert _findings(specdiff_json, base, "HEAD~1", "HEAD") == []


def test_archived_changes_and_a_changes_copy_of_the_spec_restate_nothing(spec_repo, specdiff_json):
    """OpenSpec-style folders: the living spec, a pending change's copy of it, an archived change. Each
    file has rules of its own, so no two are copies by their shared clauses."""
    rule = "The assistant must confirm the card number before renewing a loan."

    def spec(title: str, *others: str) -> str:
        return f"# {title}\n\n## Rules {{#rules}}\n\n{rule}\n\n" + "".join(f"{o}\n\n" for o in others)

    spec_repo.commit(
        "Base",
        {
            "specdiff.toml": 'specs = ["spec/**/*.md"]\n' + f"[lint]\nselect = {EXERCISED}\n",
            "spec/specs/renewals/spec.md": spec("Renewals", "Patrons may renew a book 3 times.", "Fines are due weekly."),
            "spec/changes/add-cards/specs/renewals/spec.md": spec("Renewals", "Cards expire yearly.", "Cards are blue."),
            "spec/changes/archive/2025-01-02-add-cards/specs/loans/spec.md": spec("Loans", "Loans last 3 weeks.", "Fees apply."),
        },
    )
    assert _findings(specdiff_json, spec_repo, "--all") == []
    holds = spec("Holds", "Patrons may place 5 holds at once.", "Holds wait a week.")
    spec_repo.commit("The rule again in the living spec", {"spec/specs/holds/spec.md": holds})
    found = _findings(specdiff_json, spec_repo, "--all")
    # the living files restate each other; the change's copy restates the other living file, not its own
    assert sorted(f["path"] for f in found) == [
        "spec/changes/add-cards/specs/renewals/spec.md",
        "spec/specs/holds/spec.md",
        "spec/specs/renewals/spec.md",
    ]
    assert {f["check"] for f in found} == {"DUP001"}
    assert all("archive" not in json.dumps(f) for f in found)


@pytest.mark.parametrize(
    "paths",
    [
        ("spec/specs/archive/spec.md", "spec/specs/renewals/spec.md"),  # the living spec of an archive command
        ("spec/client/docs/index.md", "spec/server/docs/index.md"),  # two packages' pages: a folder and a name alike
    ],
)
def test_ordinary_folders_are_neither_archives_nor_copies(spec_repo, specdiff_json, paths):
    rule = "The assistant must confirm the card number before renewing a loan."
    spec_repo.commit(
        "Base",
        {"specdiff.toml": 'specs = ["spec/**/*.md"]\n' + f"[lint]\nselect = {EXERCISED}\n"}
        | {path: f"# Page {n}\n\n## Rules {{#rules}}\n\n{rule}\n\nPage {n} has its own words.\n" for n, path in enumerate(paths)},
    )
    assert sorted(f["path"] for f in _findings(specdiff_json, spec_repo, "--all")) == sorted(paths)


def test_comment_gains_a_lint_section(base, specdiff):
    path, anchor, bad, _ = CASES["CON001"]
    base.commit("Introduce <b>trouble</b> for @alice", _with(path, anchor, bad.replace("fines.", "fines, @alice <b>now</b>.")))
    run = specdiff("comment", "-C", base.path, "HEAD~1", "--lint")
    assert run.code == 0, run.err
    section = run.out[run.out.index("### Lint: 1 finding") :]
    assert "| 🔴 | CON001 opposite-force | <code>spec/desk.md:17</code> |" in section, section
    assert "<b>" not in section and "@alice" not in section.replace("@\u200balice", ""), "spec text is escaped"
    assert "### Lint" not in specdiff("comment", "-C", base.path, "HEAD~1").out, "only with --lint"


def test_keyword_checks_follow_the_repositorys_capitals_mode(base, specdiff_json):
    """One mode for the repository (``[semantics] capitals``, else counted over all its spec files),
    not a guess per file: in BASE, mostly lower case, wire.md's capitals are not read as keywords."""
    base.commit("Introduce", _with(*CASES["KW001"][:3]))
    assert _findings(specdiff_json, base, "HEAD~1", "HEAD") == []
    base.commit("Keywords in capitals", {"specdiff.toml": BASE["specdiff.toml"] + CAPITALS})
    assert [f["check"] for f in _findings(specdiff_json, base, "HEAD~2", "HEAD")] == ["KW001"]


def test_paths_limit_what_is_linted(base, specdiff_json):
    base.commit("Introduce", {**_with(*CASES["VAG001"][:3]), **_with("spec/wire.md", REQUEST, "See [the rules](#nowhere).")})
    assert [f["check"] for f in _findings(specdiff_json, base, "--all", "--", "spec/wire.md")] == ["REF001"]
    assert [f["check"] for f in _findings(specdiff_json, base, "HEAD~1", "--", "spec/desk.md")] == ["VAG001"]
    assert sorted(f["check"] for f in _findings(specdiff_json, base, "--all", "--", "spec/")) == ["REF001", "VAG001"]


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
    config = 'specs = ["spec/**/*.md"]\n' + f"[lint]\nselect = {EXERCISED}\n"
    spec_repo.commit("Base", {"specdiff.toml": config, "spec/v1/desk.md": release})
    spec_repo.commit(
        "Another section, and the next release beside the first",
        {
            "spec/v1/desk.md": release + "\n## Renewals {#renewals}\n\nThe queue must be empty.\n",
            "spec/v2/desk.md": release.replace("Desk", "Desk, release 2"),
        },
    )
    assert _findings(specdiff_json, spec_repo, "HEAD~1", "HEAD") == []
    assert _findings(specdiff_json, spec_repo, "--all") == []


def test_releases_named_with_a_pre_release_are_copies_too(spec_repo, specdiff_json):
    """SLSA keeps ``docs/spec/v1.0-rc1/`` beside ``docs/spec/v1.1/``: a rule carried into the next release,
    even into another file of it, restates nothing."""
    rule = "The assistant must confirm the card number before renewing a loan."
    config = 'specs = ["spec/**/*.md"]\n' + f"[lint]\nselect = {EXERCISED}\n"
    first = f"# Desk\n\n## Renewals\n\n{rule}\n\nPatrons may renew twice.\n\nFines stop at ten dollars.\n"
    spec_repo.commit("Release candidate", {"specdiff.toml": config, "spec/v1.0-rc1/desk.md": first})
    later = f"# Loans\n\n## Loan rules\n\nLoans last three weeks.\n\nLate books are fined daily.\n\n{rule}\n"
    spec_repo.commit("Next release", {"spec/v1.1/loans.md": later})
    assert _findings(specdiff_json, spec_repo, "HEAD~1", "HEAD") == []
    again = first.replace("# Desk", "# Front desk")  # a copy of a page would be compared with its source
    spec_repo.commit("The same rule twice in one release", {"spec/v1.1/front-desk.md": again})
    assert [f["check"] for f in _findings(specdiff_json, spec_repo, "HEAD~1", "HEAD")] == ["DUP001"]


def test_the_sample_draft_has_a_problem_of_each_kind_and_its_tidy_commit_none(sample_repo, specdiff):
    """Sample commit 17 drafts ``spec/interlibrary-loans.md`` with one problem of each kind; commit 18 fixes them."""
    path, commits = sample_repo

    def found(*args: str) -> list[dict]:
        run = specdiff("lint", "-C", path, "--format", "json", "--fail-on", "never", "--select", "ALL", *args)
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


def test_untested_rule_needs_a_suite_that_tests_the_spec(spec_repo, specdiff_json):
    """TST001 speaks where the eval cases reach a tenth of the spec's rules or more: below that the
    repository's tests are about something else, and every rule would be "untested"."""
    sections = "".join(f"\n## Desk task {n} {{#task{n}}}\n\nThe assistant must finish desk task {n}.\n" for n in range(1, 12))
    case = '{{"id": "task{0}", "spec": "spec/guide.md#task{0}"}}\n'
    tst = ("--select", "TST001")  # the numbered rules are alike: CON002 and DUP001 would speak
    config = {"specdiff.toml": 'specs = ["spec/*.md"]\n'}
    files = {**config, "spec/guide.md": "# Guide\n" + sections, "evals/guide.jsonl": case.format(1)}
    spec_repo.commit("Eleven rules, one eval", files)
    new = "\n## Pickup {#pickup}\n\nThe assistant must read back the pickup date.\n"
    spec_repo.commit("A twelfth rule", {"spec/guide.md": "# Guide\n" + sections + new})
    assert _findings(specdiff_json, spec_repo, "HEAD~1", "HEAD", *tst) == [], "1 rule of 12 reached: no suite for this spec"
    assert _findings(specdiff_json, spec_repo, "--all", *tst) == []

    spec_repo.commit("A second eval", {"evals/guide.jsonl": case.format(1) + case.format(2)})
    untested = [f["lines"][0] for f in _findings(specdiff_json, spec_repo, "--all", *tst)]
    assert len(untested) == 10, "2 rules of 12 reached: the other 10 are gaps in a suite that exists"
    spec_repo.commit("A new rule", {"spec/guide.md": "# Guide\n" + sections + new + "\nThe assistant must stamp the slip.\n"})
    assert [f["check"] for f in _findings(specdiff_json, spec_repo, "HEAD~1", "HEAD", *tst)] == ["TST001"]


@pytest.mark.parametrize(
    ("quiet", "rule"),
    [
        # the authors' own undertaking, not a command to an agent
        ("To run the desk well, we need to:\n\n- Keep the branch hours posted.",
         "To run the desk well, the assistant must:\n\n- Keep the branch hours posted."),
        # what is possible, not what anyone must do
        ("Patrons can always ask for a printed receipt.", "The assistant must always offer a printed receipt."),
        # which times? no one case shows it kept or broken
        ("Queues are long at noon, so an effective assistant must sometimes skip the greeting.",
         "Queues are long at noon, so the assistant must skip the greeting."),
    ],
)  # fmt: skip
def test_untested_rule_only_where_an_eval_could_show_it(base, specdiff_json, quiet, rule):
    base.commit("Pickup", {"spec/desk.md": DESK + f"\n## Pickup {{#pickup}}\n\n{quiet}\n"})
    assert _findings(specdiff_json, base, "HEAD~1", "HEAD") == []
    base.commit("Pickup rule", {"spec/desk.md": DESK + f"\n## Pickup {{#pickup}}\n\n{rule}\n"})
    assert {f["check"] for f in _findings(specdiff_json, base, "HEAD~2", "HEAD")} == {"TST001"}, "the rule itself is told"


def test_a_markdown_page_that_cites_bcp14_covers_the_spec(spec_repo, specdiff_json):
    """The conventions may be stated in the project's documentation rather than in a spec file."""
    wire = WIRE.replace(WIRE.split("\n\n")[2] + "\n\n", "")
    spec_repo.commit("Base", {**BASE, "spec/wire.md": wire, "specdiff.toml": BASE["specdiff.toml"] + CAPITALS})
    kw003 = ("--select", "KW003")
    assert [f["check"] for f in _findings(specdiff_json, spec_repo, "--all", *kw003)] == ["KW003"]
    conventions = "# Writing specs\n\nOur specs use the key words of BCP 14 (RFC 2119, RFC 8174) in capitals.\n"
    spec_repo.commit("Document the conventions", {"docs/writing-specs.md": conventions})
    assert _findings(specdiff_json, spec_repo, "--all", *kw003) == []


def test_a_percent_encoded_heading_is_a_link_target(base, specdiff_json):
    """``#https%3A%2F%2F`` is the fragment of a link to ``### https://`` on a site that keeps its punctuation."""
    schemes = DESK + "\n## Web links {#web}\n\n### https://\n\nThe assistant links only to the library's own pages.\n"
    base.commit("Schemes", {"spec/desk.md": schemes})
    link = "Hold notices follow [the link rules](#{}%3A%2F%2F)."
    base.commit("Link", {"spec/desk.md": schemes.replace(HOLD, f"{HOLD}\n\n{link.format('https')}")})
    assert _findings(specdiff_json, base, "HEAD~1", "HEAD") == []
    base.commit("Broken link", {"spec/desk.md": schemes.replace(HOLD, f"{HOLD}\n\n{link.format('ftp')}")})
    assert [f["check"] for f in _findings(specdiff_json, base, "HEAD~1", "HEAD")] == ["REF001"]


@pytest.mark.parametrize(
    ("link", "dangling"),
    [
        ("[the plan](#-launch-plan)", False),  # GitHub keeps the space after a dropped emoji, as a hyphen
        ("[the plan](#launch-plan)", True),
        ("[the first rule](#p%E2%82%81-renewals)", False),  # decoded, "p₁-renewals": the heading as a site spells it
        ("[the first rule](#p%E2%82%82-renewals)", True),
        ("[the notices](#Hold-Ready-Notices)", False),  # GitHub finds the heading whatever the link's case
        ("[the event](#hold-ready)", False),  # a heading that is a link is slugged by its words
        ("[the plan](#-launch-plan) <!-- and [the old plan](#old-plan) -->", False),  # a comment's link is not seen
        ("[the fees](#fee-table)", False),  # a site's heading link sets the id: <a href=... id=... class=...>
        ("[the fees](#fee-tables)", True),
        ("[the fines](#fines-list)", False),  # so does an anchor around the heading's words
        ("[the first rule](#p-renewals)", False),  # GitHub drops a number that is not a digit (₁, ②, ½)
        ("[the pair](#the-card-patron-pair)", False),  # a code span's `<...>` is text, not a tag
        ("[the grace days](#grace-days)", False),  # any element's id is a target: a term, a table row
        ("[the late fees](#late-fees)", False),
        ("[the grace days](#grace-day)", True),
        ("[the first note](#note-one)", False),  # an anchor alone above a paragraph names the paragraph
        ("[the queue](#new-hold_branch-queue)", False),  # a code span keeps its underscores
        ("[the record](#fines-paid---waived)", False),  # "<->" is no tag: its hyphen stays
        ("[the record](#fines-paid--waived)", True),
    ],
)
def test_links_to_headings_as_github_spells_their_anchors(base, specdiff_json, link, dangling):
    headed = DESK + (
        "\n## 🚀 Launch plan\n\nThe assistant opens at nine.\n\n## P₁ renewals\n\nThe assistant renews once.\n"
        "\n## [hold ready](events/hold-ready.json)\n\nThe assistant sends it once.\n"
        "\n## Hold ready notices\n\nThe assistant sends them by email.\n"
        '\n## <a href="#fee-table" id="fee-table" class="headerlink"></a> Fees\n\nThe assistant states each fee.\n'
        '\n## <a name="fines-list">Fines</a>\n\nThe assistant states each fine.\n'
        "\n## The `<Card, Patron>` pair\n\nThe assistant checks both.\n"
        '\n| Term | Meaning |\n|---|---|\n| <span id="grace-days">Grace days</span> | Days before a fine. |\n'
        '\n<table>\n<tr id="late-fees"><td>Late fees<td>Ten cents a day.\n</table>\n'
        '\n## Notes\n\n<a name="note-one"></a>\n\n**1.** A fine is waived once a year.\n'
        "\n## New `hold_{branch}` queue\n\nThe assistant keeps one per branch.\n"
        "\n## Fines `paid` <-> `waived`\n\nThe assistant records both.\n"
    )
    base.commit("Headings", {"spec/desk.md": headed})
    base.commit("Link", {"spec/desk.md": headed.replace(HOLD, f"{HOLD}\n\nRenewals follow {link}.")})
    assert [f["check"] for f in _findings(specdiff_json, base, "HEAD~1", "HEAD")] == (["REF001"] if dangling else [])


def test_a_heading_of_another_spec_file_is_a_link_target_on_a_page_built_from_all(base, specdiff_json):
    """``#sec-Loan-Periods`` in desk.md names "Loan Periods" in loans.md: a generator that builds one page
    from every file (spec-md) spells the anchor so. A heading that no file has is still dangling, and so is
    a lower-case slug of another file's heading (GitHub renders each file alone)."""
    base.commit("Loans", {"spec/loans.md": "# Loans\n\n## Loan Periods\n\nBooks are lent for three weeks.\n"})
    link = "Renewals extend [the loan period](#sec-{})."
    base.commit("Link", {"spec/desk.md": DESK.replace(HOLD, f"{HOLD}\n\n{link.format('Loan-Periods')}")})
    assert _findings(specdiff_json, base, "HEAD~1", "HEAD") == []
    base.commit("Broken link", {"spec/desk.md": DESK.replace(HOLD, f"{HOLD}\n\n{link.format('Loan-Fines')}")})
    assert [f["check"] for f in _findings(specdiff_json, base, "HEAD~1", "HEAD")] == ["REF001"]
    slug = "Renewals extend [the loan period](#loan-periods)."  # GitHub's slug, which names this page's headings only
    base.commit("Slug", {"spec/desk.md": DESK.replace(HOLD, f"{HOLD}\n\n{slug}")})
    assert [f["check"] for f in _findings(specdiff_json, base, "HEAD~1", "HEAD")] == ["REF001"]


SITE_PAGES = {
    "spec/manual.md": "# Desk manual\n\n{% include_relative desk.md %}\n{% include_relative fees.md %}\n{% include terms.md %}\n",
    "spec/fees.md": '## <a name="fee-table">Fees</a>\n\nThe assistant states each fee.\n',
    "_includes/terms.md": "## Grace days\n\nDays before a fine.\n",
    "spec/api.md": '# API\n\n## Login\n\n{{% http-api spec="desk" api="login" %}}\n',
    "spec/notes.md": '# Notes\n\n## Login\n\nAdded in {{< added-in v="1.2" >}}.\n',
    "spec/_redirects": "# moved pages\n/retired.md   https://example.org/retired.md   301\n/*   /index.html   200\n",
}
"""A Jekyll page built from desk.md, fees.md and an include that is not a spec file; a Hugo page whose
shortcode on a line of its own builds sections no file shows; one with a shortcode inside a sentence;
the site's redirects (Netlify's ``_redirects``) for a page removed on purpose."""


@pytest.mark.parametrize(
    ("added", "dangling"),
    [
        ("Renewals follow [the fees](#fee-table).", False),  # in fees.md, which shows on the page desk.md is on
        ("Renewals follow [the grace days](#grace-days).", False),  # in _includes/, not a spec file
        ("Renewals follow [the fees](#fee-tables).", True),  # on no file of the page
        ("Renewals follow [the fees](fees.md#grace-days).", False),  # fees.md shows on the same page too
        ("Renewals follow [the login](api.md#post_login).", False),  # a shortcode may have built it
        ("Renewals follow [the login](notes.md#post_login).", True),  # an inline shortcode writes words only
        ("```ts\n// renewals follow [the queue](#holds-queue)\n```", False),  # code, not a link
        ("```ts\n// renewals follow [the queue](#holds-queue)", True),  # a fence left open: a slip, links meant
        ("Renewals follow [the old rules](retired.md#holds).", False),  # gone, but the site redirects it
        ("Renewals follow [the old rules](gone.md).", True),  # a single-page app's catch-all redirects nothing
    ],
)
def test_links_resolve_as_on_the_site_built_from_the_spec(base, specdiff_json, added, dangling):
    """Jekyll's includes put several files on one page, so a link in any of them names an anchor of the
    page, whichever file it came from; a Hugo shortcode alone on its line runs a template whose anchors
    no file shows, so a link into its page is not called dangling (site_pages); nor is a link to a page
    the site's host redirects (site_redirects)."""
    base.commit("Site pages", SITE_PAGES)
    base.commit("Link", {"spec/desk.md": DESK.replace(HOLD, f"{HOLD}\n\n{added}")})
    assert [f["check"] for f in _findings(specdiff_json, base, "HEAD~1", "HEAD")] == (["REF001"] if dangling else [])


REF_ONLY = 'specs = ["spec/**/*.md"]\n[lint]\nselect = ["REF001"]\n'


def _dangling(specdiff_json, spec_repo) -> list[tuple[str, str]]:
    return [(f["path"], f["evidence"].rpartition("#")[2]) for f in _findings(specdiff_json, spec_repo, "--all")]


def test_a_fragment_a_shortcode_names_shows_on_the_pages_that_name_it(spec_repo, specdiff_json):
    """Matrix's room versions pull in ``fragments/v3-handling-redactions.md`` with ``{{% rver-fragment
    name="v3-handling-redactions" %}}``: the fragment's link names a heading of those pages."""
    link = "Redactions follow [the authorisation rules](#authorisation-rules).\n"
    spec_repo.commit(
        "Room versions",
        {
            "specdiff.toml": REF_ONLY,
            "spec/rooms/v3.md": "# Room version 3\n\n## Authorisation rules\n\nRules.\n\n"
            '{{% rver-fragment name="v3-redactions" %}}\n',
            "spec/rooms/fragments/v3-redactions.md": link,
            "spec/rooms/fragments/v4-redactions.md": link,  # no page names it
        },
    )
    assert _dangling(specdiff_json, spec_repo) == [("spec/rooms/fragments/v4-redactions.md", "authorisation-rules")]


def test_the_parts_a_build_joins_into_one_document_share_its_anchors(spec_repo, specdiff_json):
    """SARIF's build joins the files of ``edit/src/`` in the order ``edit/etc/bind.txt`` lists them, and
    writes anchors of its own (``#def;result``): a list of parts makes one page whose build this cannot read."""
    part = "## Alpha\n\nSee [beta](#beta) and [a result](#def;result).\n"
    spec_repo.commit(
        "Parts of one document",
        {
            "specdiff.toml": REF_ONLY,
            "spec/edit/src/alpha.md": part,
            "spec/edit/src/beta.md": "## Beta\n\nThe assistant reads every part.\n",
            "spec/edit/etc/bind.txt": "alpha.md\nbeta.md\nchangelog.md\n",
            "spec/edit/src/changelog.md": "# Changes\n",
            "spec/edit/etc/notes.txt": "gamma.md comes first\n",  # prose, not a list of parts
            "spec/other/src/gamma.md": part,
        },
    )
    assert _dangling(specdiff_json, spec_repo) == [("spec/other/src/gamma.md", "beta"), ("spec/other/src/gamma.md", "def;result")]


def test_a_draft_links_the_references_its_front_matter_declares(spec_repo, specdiff_json):
    """kramdown-rfc makes an anchor of each reference under ``normative:`` and ``informative:`` (QUIC's
    ``[Retry Packet Integrity](#QUIC-TLS)``); a name declared nowhere still dangles."""
    front = "---\ntitle: Desk protocol\nnormative:\n  DESK-TLS:\n    title: Desk over TLS\n  RFC8126:\n"
    front += "informative:\n  EARLY: RFC1\n---\n"
    body = "\n# Introduction\n\nSee [the TLS mapping](#DESK-TLS), [early work](#EARLY) and [the title](#title).\n"
    spec_repo.commit("Draft", {"specdiff.toml": REF_ONLY, "spec/draft.md": front + body})
    assert _dangling(specdiff_json, spec_repo) == [("spec/draft.md", "title")]


def test_an_archived_change_is_a_record_not_a_rule_to_test(base, specdiff_json):
    pickup = "# Pickup\n\n## Pickup {#pickup}\n\nThe assistant must read back the pickup date.\n"
    base.commit("Every folder", {"specdiff.toml": 'specs = ["spec/**/*.md"]\n' + f"[lint]\nselect = {EXERCISED}\n"})
    base.commit("Archive a change", {"spec/archive/2026-01-pickup.md": pickup})
    assert _findings(specdiff_json, base, "HEAD~1", "HEAD") == []
    base.commit("The same change in force", {"spec/pickup.md": pickup})
    assert [f["check"] for f in _findings(specdiff_json, base, "HEAD~1", "HEAD")] == ["TST001"]


def test_untested_rules_held_back_are_told(spec_repo, specdiff):
    """Under a tenth of the rules reached, TST001 says nothing, and a warning says why: else a suite just
    starting cannot tell a spec without gaps from one whose gaps go untold."""
    sections = "".join(f"\n## Desk task {n} {{#task{n}}}\n\nThe assistant must finish desk task {n}.\n" for n in range(1, 12))
    files = {"specdiff.toml": 'specs = ["spec/*.md"]\n', "spec/guide.md": "# Guide\n" + sections}
    spec_repo.commit("Eleven rules, no eval", files)
    new = "\n## Pickup {#pickup}\n\nThe assistant must read back the pickup date.\n"
    spec_repo.commit("A twelfth rule", {"spec/guide.md": "# Guide\n" + sections + new})
    lint = ("lint", "-C", spec_repo.path, "--select", "TST001")
    assert specdiff(*lint, "HEAD~1", "HEAD").err == "", "no evals at all: nothing held back, nothing to say"

    spec_repo.commit("One eval", {"evals/guide.jsonl": '{"id": "t1", "spec": "spec/guide.md#task1"}\n'})
    run = specdiff(*lint, "HEAD~2", "HEAD")
    assert run.code == 0 and "0 findings" in run.out, run.out
    assert "TST001 held back: the evals reach 1 of 12 rules, under 10%" in run.err, run.err
    assert "TST001 held back: the evals reach 1 of 12 rules, under 10%" in specdiff(*lint, "--all").err
    assert specdiff(*lint, "HEAD~2", "HEAD", "--ignore", "TST001").err == "", "not asked for TST001: nothing to say"


def test_a_lead_in_that_names_us_but_not_as_its_subject_still_commands(base, specdiff_json):
    """A condition that mentions "our" patrons is not the authors' undertaking: its items command the agent."""
    room = "\n## Rooms {#rooms}\n\nWhen one of our patrons asks for a room:\n\n- Check the library card.\n"
    base.commit("Rooms", {"spec/desk.md": DESK + room})
    assert [f["check"] for f in _findings(specdiff_json, base, "HEAD~1", "HEAD")] == ["TST001"]
    ours = room.replace("When one of our patrons asks for a room", "We commit to")
    base.commit("Our undertaking", {"spec/desk.md": DESK + ours})
    assert _findings(specdiff_json, base, "HEAD~1", "HEAD") == []


def test_a_citation_wrapped_over_two_lines_covers_every_file_of_the_spec(spec_repo, specdiff_json):
    more = "# More\n\n## Limits {#limits}\n\nA server SHOULD NOT cache a refusal.\n"
    uncited = WIRE.replace(WIRE.split("\n\n")[2] + "\n\n", "")
    files = {**BASE, "specdiff.toml": BASE["specdiff.toml"] + CAPITALS, "spec/more.md": more, "spec/wire.md": uncited}
    spec_repo.commit("Base", files)
    kw003 = ("--all", "--select", "KW003")
    assert {f["path"] for f in _findings(specdiff_json, spec_repo, *kw003)} == {"spec/more.md", "spec/wire.md"}
    spec_repo.commit("Cite, wrapped", {"spec/wire.md": WIRE.replace("in BCP 14.", "in BCP\n14.")})
    assert _findings(specdiff_json, spec_repo, *kw003) == [], "wire.md cites BCP 14 over two lines"


def test_a_can_always_elsewhere_in_the_sentence_leaves_the_rule_testable(base, specdiff_json):
    """Only the "can always" rule says what is possible; the assistant's own rule beside it binds."""
    fines = "\n## Fines {#fines}\n\nThe assistant never reads out fines, though patrons can always ask for a receipt.\n"
    base.commit("Fines", {"spec/desk.md": DESK + fines})
    assert [f["check"] for f in _findings(specdiff_json, base, "HEAD~1", "HEAD")] == ["TST001"]
