"""The CLI end to end on a real repository: impact, diff's impact, graph, coverage, stamp and check."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from helpers import assert_usage_error

from specdiff.lockfile import LOCK_NAME


def lending(holds: str = "Holds wait at the desk for seven days.", notes: str = "Opening hours are on the website.") -> str:
    return f"""\
# Lending policy

## Holds {{#holds}}

The system must notify the patron when a hold is ready.

{holds}

## Renewals {{#renewals}}

Patrons should renew online before the due date[^ab12].

## Fines {{#fines}}

Fines never exceed the price of the item.

## Notes {{#notes}}

{notes}

[^ab12]: Worked examples.
"""


FILES = {
    "specdiff.toml": 'specs = ["spec/*.md"]\n\n[[artifacts]]\npath = "generated/prompt.txt"\nfrom = ["spec/lending.md#fines"]\n',
    "spec/lending.md": lending(),
    "generated/x.py": '"""Hold notices."""\n# specdiff: spec/lending.md#holds\nPICKUP_DAYS = 7\n',
    "generated/prompt.txt": "You are the library assistant.\n",
    "evals/lending.jsonl": '{"id": "hold-ready", "spec": "spec/lending.md#holds"}\n'
    '{"id": "fine-cap", "spec": "spec/lending.md#fines"}\n',
    "examples/ab12.md": "# Renewal examples\n",
}

HOLDS_CHANGED = "Holds wait at the desk for three days."


@pytest.fixture
def repo(spec_repo):
    """HEAD~1: the first policy; HEAD: the hold pickup window shortened (in #holds)."""
    spec_repo.commit("First policy", FILES)
    spec_repo.commit("Shorten the pickup window", {"spec/lending.md": lending(HOLDS_CHANGED)})
    return spec_repo


# -- impact ---------------------------------------------------------------------------------------


def test_impact_text_lists_outputs_with_arrows_and_why(repo, specdiff):
    run = specdiff("impact", "-C", repo.path, "HEAD~1")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert "generated/x.py  (artifact, 1 amendment)" in lines, run.out
    assert "evals/lending.jsonl#hold-ready  (eval, 1 amendment)" in lines, run.out
    start = lines.index("generated/x.py  (artifact, 1 amendment)")
    arrow = lines[start + 1]
    assert arrow.startswith("  ← modified · ") and "spec/lending.md L7" in arrow and "three days" in arrow, arrow
    assert lines[start + 2].strip() == "generated/x.py → spec/lending.md#holds (specdiff marker, generated/x.py:2)"
    # A modified clause changes its section too, so the shortest why ends at the section.
    assert not lines[start + 3].startswith("      "), f"one step of why: {run.out}"


def test_impact_text_leaves_out_outputs_of_other_sections(repo, specdiff):
    out = specdiff("impact", "-C", repo.path, "HEAD~1").out
    for unrelated in ("generated/prompt.txt", "fine-cap", "examples/ab12.md"):
        assert unrelated not in out, f"{unrelated} does not depend on #holds:\n{out}"


def test_impact_without_outputs_says_so(spec_repo, specdiff):
    spec_repo.commit("First policy", FILES)
    spec_repo.commit("Reword notes", {"spec/lending.md": lending(notes="Opening hours are posted at the door.")})
    run = specdiff("impact", "-C", spec_repo.path, "HEAD~1")
    assert run.code == 0
    assert run.out.strip() == "No artifact or eval depends on what changed."


def test_impact_json_shape(repo, specdiff_json):
    data = specdiff_json("impact", "-C", repo.path, "HEAD~1")
    assert set(data) == {"base", "head", "outputs"}
    assert data["base"] == repo.git("rev-parse", "HEAD~1") and data["head"] is None, "HEAD~1 against the working tree"
    by_node = {o["node"]: o for o in data["outputs"]}
    assert set(by_node) == {"artifact:generated/x.py", "eval:evals/lending.jsonl#hold-ready"}, by_node
    artifact = by_node["artifact:generated/x.py"]
    assert artifact["kind"] == "artifact"
    (amendment,) = artifact["amendments"]
    assert set(amendment) == {"id", "kind", "severity", "why"}
    assert amendment["kind"] == "modified"
    assert amendment["why"][0].startswith("generated/x.py → spec/lending.md#holds"), amendment["why"]


def test_impact_evals_one_per_line(repo, specdiff):
    run = specdiff("impact", "-C", repo.path, "HEAD~1", "--evals")
    assert run.code == 0, run.err
    assert run.out.splitlines() == ["evals/lending.jsonl#hold-ready"], run.out


def test_impact_evals_json_lines(repo, specdiff):
    run = specdiff("impact", "-C", repo.path, "HEAD~1", "--evals", "--format", "json")
    assert run.code == 0, run.err
    records = [json.loads(line) for line in run.out.splitlines()]
    assert len(records) == 1, run.out
    (record,) = records
    assert record["eval"] == "evals/lending.jsonl#hold-ready"
    assert (record["path"], record["case"]) == ("evals/lending.jsonl", "hold-ready")
    assert len(record["amendments"]) == 1 and isinstance(record["amendments"][0], str)


def test_impact_evals_reaches_footnote_examples(spec_repo, specdiff):
    spec_repo.commit("First policy", FILES)
    spec_repo.commit(
        "Renew in person too",
        {"spec/lending.md": lending().replace("renew online before", "renew online or at the desk before")},
    )
    run = specdiff("impact", "-C", spec_repo.path, "HEAD~1", "--evals")
    assert run.out.splitlines() == ["examples/ab12.md"], run.out


def test_impact_evals_prints_nothing_when_no_eval_is_reached(spec_repo, specdiff):
    spec_repo.commit("First policy", FILES)
    spec_repo.commit("Reword notes", {"spec/lending.md": lending(notes="Opening hours are posted at the door.")})
    run = specdiff("impact", "-C", spec_repo.path, "HEAD~1", "--evals", "--format", "json")
    assert run.code == 0
    assert run.out == "", f"no eval to re-run, so no JSON line at all: {run.out!r}"


def test_impact_of_removed_section_reaches_outputs_that_named_it(spec_repo, specdiff_json):
    spec_repo.commit("First policy", FILES)
    without_fines = lending().replace("## Fines {#fines}\n\nFines never exceed the price of the item.\n\n", "")
    spec_repo.commit("Abolish fines", {"spec/lending.md": without_fines})
    data = specdiff_json("impact", "-C", spec_repo.path, "HEAD~1")
    nodes = {o["node"] for o in data["outputs"]}
    assert nodes == {"artifact:generated/prompt.txt", "eval:evals/lending.jsonl#fine-cap"}, nodes


def test_impact_of_uncommitted_edit(spec_repo, specdiff):
    spec_repo.commit("First policy", FILES)
    spec_repo.write("spec/lending.md", lending(HOLDS_CHANGED))
    run = specdiff("impact", "-C", spec_repo.path, "--evals")
    assert run.out.splitlines() == ["evals/lending.jsonl#hold-ready"], "HEAD against the working tree"


def test_impact_text_of_removed_clause_shows_what_was_removed(spec_repo, specdiff):
    spec_repo.commit("First policy", FILES)
    spec_repo.commit(
        "Drop the pickup window", {"spec/lending.md": lending().replace("Holds wait at the desk for seven days.\n\n", "")}
    )
    out = specdiff("impact", "-C", spec_repo.path, "HEAD~1").out
    arrow = next(line for line in out.splitlines() if line.startswith("  ← removed"))
    assert "seven days" in arrow, f"which clause was removed? {arrow!r}"


# -- diff -----------------------------------------------------------------------------------------


def test_diff_json_has_impact_per_amendment_and_rolled_up(repo, specdiff_json):
    data = specdiff_json("diff", "-C", repo.path, "HEAD~1")
    (file,) = data["files"]
    (amendment,) = file["amendments"]
    nodes = {i["node"]: i for i in amendment["impact"]}
    assert set(nodes) == {"artifact:generated/x.py", "eval:evals/lending.jsonl#hold-ready"}, nodes
    assert nodes["eval:evals/lending.jsonl#hold-ready"]["kind"] == "eval"
    assert nodes["artifact:generated/x.py"]["why"], "each impact says why"
    assert data["impact"] == {
        "artifacts": [{"node": "artifact:generated/x.py", "amendments": [amendment["id"]]}],
        "evals": [{"node": "eval:evals/lending.jsonl#hold-ready", "amendments": [amendment["id"]]}],
    }
    assert data["summary"]["outputs"] == 2
    assert data["dangling"] == []


def test_diff_json_lists_dangling_references(spec_repo, specdiff, specdiff_json):
    spec_repo.commit("First policy", FILES)
    spec_repo.commit(
        "Shorten and add a stray marker",
        {"spec/lending.md": lending(HOLDS_CHANGED), "src/old.py": "# specdiff: spec/lending.md#reservations\n"},
    )
    data = specdiff_json("diff", "-C", spec_repo.path, "HEAD~1")
    assert data["dangling"] == [{"where": "src/old.py:1", "target": "spec/lending.md#reservations", "reason": "specdiff marker"}]


def test_a_heading_with_a_type_in_angle_brackets_keeps_it_in_its_anchor(spec_repo, specdiff_json):
    """OpenTelemetry links to "### map<string, AnyValue>" as ``#mapstring-anyvalue``, as GitHub slugs it;
    the diff called the link dangling, having read "<string, AnyValue>" as an HTML tag. A tag's name
    ends at a space, a slash or its ">"; a real tag in a heading still shows nothing."""
    spec = "# Docks\n\n## map<string, Dock>\n\nA map of docks.\n\n## Lamps <a name=\"lamps\"></a>\n\nLamps blink.\n\n"
    spec_repo.commit("Docks", {"spec.md": spec + "See the map.\n"})
    spec_repo.commit("Link", {"spec.md": spec + "See [the map](#mapstring-dock) and [lamps](#lamps-1).\n"})
    dangling = specdiff_json("diff", "-C", spec_repo.path, "HEAD~1")["dangling"]
    assert [d["target"] for d in dangling] == ["spec.md#lamps-1"], dangling


def test_a_link_spelled_as_the_built_site_spells_it_is_followed_not_dangling(spec_repo, specdiff_json):
    """``#sec-Loan-Periods`` names "Loan Periods" in another file, as spec-md spells anchors on the one page
    it builds from every file: the diff does not call it dangling, and a change there reaches who links to it."""
    loans = "# Loans\n\n## Loan Periods\n\nBooks are lent for three weeks.\n"
    desk = "# Desk\n\n## Renewals {{#renewals}}\n\nRenewals extend [the loan period](#sec-{}).\n"
    spec_repo.commit(
        "Desk and loans",
        {
            "specdiff.toml": 'specs = ["spec/*.md"]\n',
            "spec/loans.md": loans,
            "spec/desk.md": desk.replace(" [the loan period](#sec-{})", ""),
            "src/renewals.py": "# specdiff: spec/desk.md#renewals\n",
        },
    )
    spec_repo.commit("Link", {"spec/desk.md": desk.format("Loan-Periods")})
    assert specdiff_json("diff", "-C", spec_repo.path, "HEAD~1")["dangling"] == []
    spec_repo.commit("Loan period", {"spec/loans.md": loans.replace("three", "four")})
    data = specdiff_json("diff", "-C", spec_repo.path, "HEAD~1")
    assert data["impact"]["artifacts"][0]["node"] == "artifact:src/renewals.py", "the renewals rule links to the period"

    spec_repo.commit("Broken link", {"spec/desk.md": desk.format("Loan-Fines")})
    data = specdiff_json("diff", "-C", spec_repo.path, "HEAD~1")
    assert [d["target"] for d in data["dangling"]] == ["spec/desk.md#sec-Loan-Fines"]


def test_diff_fail_on_stale_exits_1_when_an_output_is_reached(repo, specdiff):
    run = specdiff("diff", "-C", repo.path, "HEAD~1", "--fail-on", "stale")
    assert run.code == 1, f"generated/x.py depends on #holds; exit {run.code}\n{run.out}"


def test_diff_fail_on_stale_exits_0_when_none_is_reached(spec_repo, specdiff):
    spec_repo.commit("First policy", FILES)
    spec_repo.commit("Reword notes", {"spec/lending.md": lending(notes="Opening hours are posted at the door.")})
    run = specdiff("diff", "-C", spec_repo.path, "HEAD~1", "--fail-on", "stale")
    assert run.code == 0, f"nothing depends on #notes; exit {run.code}\n{run.out}"


# -- graph and coverage ---------------------------------------------------------------------------


def test_graph_dot(repo, specdiff):
    run = specdiff("graph", "-C", repo.path)
    assert run.code == 0, run.err
    assert run.out.startswith("digraph specdiff {"), run.out[:40]
    assert '"artifact:generated/x.py" -> "section:spec/lending.md#holds"' in run.out


def test_graph_json(repo, specdiff):
    run = specdiff("graph", "-C", repo.path, "--format", "json")
    data = json.loads(run.out)
    ids = {n["id"] for n in data["nodes"]}
    assert {"artifact:generated/x.py", "artifact:generated/prompt.txt", "eval:examples/ab12.md"} <= ids, ids


def test_graph_graphml(repo, specdiff):
    run = specdiff("graph", "-C", repo.path, "--format", "graphml")
    graph = nx.parse_graphml(run.out)
    assert graph.has_edge("eval:evals/lending.jsonl#fine-cap", "section:spec/lending.md#fines")


def test_graph_at_a_revision(repo, specdiff_json):
    old = specdiff_json("graph", "-C", repo.path, "--rev", "HEAD~1")
    texts = {n.get("text") for n in old["nodes"]}
    assert "Holds wait at the desk for seven days." in texts and HOLDS_CHANGED not in texts


def test_coverage_text(repo, specdiff):
    run = specdiff("coverage", "-C", repo.path)
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0].split() == ["section", "rules", "covered", "share"], lines[0]
    rows = {line.split()[0]: line.split()[1:] for line in lines[1:]}
    # #holds: 1 rule (must), covered by hold-ready; #renewals: 1 (should), by examples/ab12.md;
    # #fines: 1 (never), by fine-cap. Nothing normative in #notes.
    assert rows == {
        "spec/lending.md#holds": ["1", "1", "100%"],
        "spec/lending.md#renewals": ["1", "1", "100%"],
        "spec/lending.md#fines": ["1", "1", "100%"],
        "total": ["3", "3", "100%"],
    }, run.out


def test_coverage_json_totals_and_uncovered(spec_repo, specdiff_json):
    files = dict(FILES, **{"evals/lending.jsonl": '{"id": "hold-ready", "spec": "spec/lending.md#holds"}\n'})
    spec_repo.commit("Only one eval case", files)
    data = specdiff_json("coverage", "-C", spec_repo.path)
    assert data["total"] == {"normative": 3, "covered": 2, "share": 0.6667}
    fines = next(s for s in data["sections"] if s["section"] == "fines")
    assert fines["uncovered"] == [
        {"node": "clause:spec/lending.md#fines/1", "text": "Fines never exceed the price of the item."}
    ], "generated/prompt.txt is an artifact, not an eval"


def test_coverage_show_uncovered(spec_repo, specdiff):
    files = dict(FILES, **{"evals/lending.jsonl": '{"id": "hold-ready", "spec": "spec/lending.md#holds"}\n'})
    spec_repo.commit("Only one eval case", files)
    out = specdiff("coverage", "-C", spec_repo.path, "--show-uncovered").out
    assert "    not covered: Fines never exceed the price of the item." in out.splitlines(), out


# -- stamp and check ------------------------------------------------------------------------------


def test_stamp_then_check_is_up_to_date(spec_repo, specdiff):
    spec_repo.commit("First policy", FILES)
    stamped = specdiff("stamp", "-C", spec_repo.path)
    assert stamped.code == 0, stamped.err
    assert stamped.out.strip() == "Stamped 5 outputs in specdiff.lock.", stamped.out
    run = specdiff("check", "-C", spec_repo.path)
    assert run.code == 0, run.err
    assert "up to date" in run.out, run.out


def test_check_fail_on_stale_names_the_output_after_a_committed_change(spec_repo, specdiff):
    spec_repo.commit("First policy", FILES)
    specdiff("stamp", "-C", spec_repo.path)
    commit = spec_repo.commit("Shorten the pickup window", {"spec/lending.md": lending(HOLDS_CHANGED)})
    run = specdiff("check", "-C", spec_repo.path, "--fail-on", "stale")
    assert run.code == 1, f"exit {run.code}\n{run.out}{run.err}"
    lines = run.out.splitlines()
    assert lines[0].startswith("generated/x.py is stale (stamped at "), run.out
    assert f'  spec/lending.md#holds changed in {commit[:10]} "Shorten the pickup window"' in lines, run.out
    assert "    was: Holds wait at the desk for seven days." in lines
    assert f"    now: {HOLDS_CHANGED}" in lines
    assert "evals/lending.jsonl#hold-ready is stale" in run.out
    assert "generated/prompt.txt" not in run.out, "its section #fines did not change"


def test_check_without_fail_on_exits_0_even_when_stale(spec_repo, specdiff):
    spec_repo.commit("First policy", FILES)
    specdiff("stamp", "-C", spec_repo.path)
    spec_repo.commit("Shorten the pickup window", {"spec/lending.md": lending(HOLDS_CHANGED)})
    run = specdiff("check", "-C", spec_repo.path)
    assert run.code == 0 and "is stale" in run.out


def test_check_json(spec_repo, specdiff, specdiff_json):
    spec_repo.commit("First policy", FILES)
    specdiff("stamp", "-C", spec_repo.path)
    commit = spec_repo.commit("Shorten the pickup window", {"spec/lending.md": lending(HOLDS_CHANGED)})
    data = specdiff_json("check", "-C", spec_repo.path)
    stale = {s["output"]: s for s in data["stale"]}
    assert set(stale) == {"artifact:generated/x.py", "eval:evals/lending.jsonl#hold-ready"}
    (change,) = stale["artifact:generated/x.py"]["changes"]
    assert change == {
        "section": "spec/lending.md#holds",
        "commit": commit,
        "subject": "Shorten the pickup window",
        "added": [HOLDS_CHANGED],
        "removed": ["Holds wait at the desk for seven days."],
    }
    assert (data["unstamped"], data["gone"]) == ([], [])


def test_stamp_one_path_stamps_only_that_output(spec_repo, specdiff):
    spec_repo.commit("First policy", FILES)
    run = specdiff("stamp", "-C", spec_repo.path, "generated/x.py")
    assert run.code == 0, run.err
    assert run.out.strip() == "Stamped 1 output in specdiff.lock."
    lock = json.loads((spec_repo.path / LOCK_NAME).read_text(encoding="utf-8"))
    assert list(lock["outputs"]) == ["artifact:generated/x.py"]
    check = specdiff("check", "-C", spec_repo.path, "--fail-on", "stale")
    assert check.code == 1, "the other outputs are not stamped yet"
    assert "Not stamped yet (4): " in check.out, check.out


def test_stamp_a_folder_stamps_the_outputs_under_it_and_dot_stamps_all(spec_repo, specdiff):
    spec_repo.commit("First policy", FILES)
    run = specdiff("stamp", "-C", spec_repo.path, "generated")
    assert run.out.strip() == "Stamped 2 outputs in specdiff.lock.", run.out + run.err
    lock = json.loads((spec_repo.path / LOCK_NAME).read_text(encoding="utf-8"))
    assert sorted(lock["outputs"]) == ["artifact:generated/prompt.txt", "artifact:generated/x.py"]
    run = specdiff("stamp", "-C", spec_repo.path, ".")
    assert run.code == 0, f"'.' is the whole tree, as for git: {run.err}"
    assert run.out.strip() == "Stamped 5 outputs in specdiff.lock.", run.out


def test_stamp_a_path_that_is_not_an_output(spec_repo, specdiff):
    spec_repo.commit("First policy", FILES)
    assert_usage_error(specdiff("stamp", "-C", spec_repo.path, "specdiff.toml"), "specdiff.toml", "not an output")
    assert not (spec_repo.path / LOCK_NAME).exists()


def test_check_without_a_lock_is_a_one_line_error(spec_repo, specdiff):
    spec_repo.commit("First policy", FILES)
    run = specdiff("check", "-C", spec_repo.path)
    assert_usage_error(run, "no specdiff.lock", "specdiff stamp")
    assert run.out == ""


def test_corrupt_lock_is_a_one_line_error_and_stamp_refuses(spec_repo, specdiff):
    spec_repo.commit("First policy", FILES)
    (spec_repo.path / LOCK_NAME).write_text('{"version": 1, "outputs": ', encoding="utf-8")
    assert_usage_error(specdiff("check", "-C", spec_repo.path), "specdiff.lock is not valid JSON")
    assert_usage_error(specdiff("stamp", "-C", spec_repo.path), "specdiff.lock is not valid JSON", "--force")
    assert (spec_repo.path / LOCK_NAME).read_text(encoding="utf-8") == '{"version": 1, "outputs": ', "left as it was"
    forced = specdiff("stamp", "-C", spec_repo.path, "--force")
    assert forced.code == 0, forced.err
    assert specdiff("check", "-C", spec_repo.path).code == 0


def test_a_lock_commit_that_is_not_a_commit_id_is_refused_and_never_reaches_git(spec_repo, specdiff):
    spec_repo.commit("first", FILES)
    assert specdiff("stamp", "-C", spec_repo.path).code == 0
    lock_path = spec_repo.path / LOCK_NAME
    lock = json.loads(lock_path.read_text(encoding="utf-8"))
    trap = spec_repo.path / "written-by-git"
    for entry in lock["outputs"].values():
        entry["commit"] = f"--output={trap}"
    lock_path.write_text(json.dumps(lock), encoding="utf-8")
    assert_usage_error(specdiff("check", "-C", spec_repo.path), "is not a commit id")
    assert not list(spec_repo.path.glob("written-by-git*")), "the lock's text was handed to git as an option"


def test_a_lock_stamped_at_a_commit_this_clone_lacks_still_checks(spec_repo, specdiff):
    spec_repo.commit("first", FILES)
    assert specdiff("stamp", "-C", spec_repo.path).code == 0
    lock_path = spec_repo.path / LOCK_NAME
    lock = json.loads(lock_path.read_text(encoding="utf-8"))
    for entry in lock["outputs"].values():
        entry["commit"] = "ab" * 20  # squashed away, or beyond a shallow clone's depth
        entry["inputs"] = {key: ["0" * 16] for key in entry["inputs"]}
    lock_path.write_text(json.dumps(lock), encoding="utf-8")
    run = specdiff("check", "-C", spec_repo.path)
    assert run.code == 0 and run.err == "", run.err
    assert "stale" in run.out


def test_a_lock_from_a_newer_specdiff_asks_for_an_upgrade(spec_repo, specdiff):
    spec_repo.commit("first", FILES)
    (spec_repo.path / LOCK_NAME).write_text('{"version": 2, "outputs": {}}\n', encoding="utf-8")
    assert_usage_error(specdiff("check", "-C", spec_repo.path), "newer specdiff", "upgrade specdiff")
