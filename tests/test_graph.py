"""``build_graph`` on real repositories: containment, impact and why, cross-reference hops, dangling, coverage, export."""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from types import SimpleNamespace

import networkx as nx
import pytest

from specdiff.config import load_config
from specdiff.graph import MAX_CROSS_REFERENCES, SpecGraph, build_graph, export
from specdiff.repo import Repository
from specdiff.scan import SCANNERS
from specdiff.workspace import open_workspace

# The Holds section is named by an artifact only through the Renewals clause that
# links to it; Fines links to Renewals, so Holds is two cross-references from Fines.
LENDING = """\
# Lending policy

## Holds {#holds}

The system must notify the patron when a hold is ready.

Holds expire after seven days.

## Renewals {#renewals}

Items can be renewed twice unless reserved[^ab12].

Renewal notices follow the [hold rules](#holds).

### Online renewals {#online}

The website should confirm each renewal by email.

## Fines {#fines}

Fines never exceed the price of the item. See [renewals](#renewals).

[^ab12]: Worked examples.
"""

FILES = {
    "specdiff.toml": 'specs = ["spec/*.md"]\n',
    "spec/lending.md": LENDING,
    "examples/ab12.md": "# Renewal examples\n\nUser: can I renew again?\n",
    "src/renewals.py": "# specdiff: spec/lending.md#renewals\nMAX_RENEWALS = 2\n",
    "src/fines.py": "# specdiff: spec/lending.md#fines\nCAP = 1.0\n",
}

SPEC = "spec/lending.md"


def graph_of(spec_repo, files: dict[str, str] = FILES) -> SpecGraph:
    spec_repo.commit("layout", files)
    with Repository(spec_repo.path) as repo:
        workspace, _ = open_workspace(repo, None, load_config(spec_repo.path))
        return build_graph(workspace)


@pytest.fixture
def lending(spec_repo) -> SpecGraph:
    return graph_of(spec_repo)


def edge(graph: SpecGraph, dependent: str, dependency: str) -> dict:
    assert graph.graph.has_edge(dependent, dependency), (
        f"no edge {dependent} → {dependency}; out-edges: {list(graph.graph.out_edges(dependent))}"
    )
    return graph.graph.edges[dependent, dependency]


def impacted(graph: SpecGraph, *changed: str) -> dict[str, tuple[str, ...]]:
    return {i.node: i.why for i in graph.impact(changed)}


# -- containment ----------------------------------------------------------------------------------


def test_section_contains_its_clauses(lending):
    for ordinal in (1, 2):
        assert edge(lending, f"section:{SPEC}#holds", f"clause:{SPEC}#holds/{ordinal}")["reason"] == "contains"


def test_parent_section_contains_child_section(lending):
    assert edge(lending, f"section:{SPEC}#renewals", f"section:{SPEC}#online")["reason"] == "contains"
    assert edge(lending, f"section:{SPEC}#lending-policy", f"section:{SPEC}#holds")["reason"] == "contains"


def test_file_contains_its_top_level_section(lending):
    assert edge(lending, f"section:{SPEC}#", f"section:{SPEC}#lending-policy")["reason"] == "contains"
    assert not lending.graph.has_edge(f"section:{SPEC}#", f"section:{SPEC}#holds"), "only top-level sections hang off the file"


def test_clause_nodes_carry_text_and_fingerprint(lending):
    data = lending.graph.nodes[f"clause:{SPEC}#holds/1"]
    assert data["text"] == "The system must notify the patron when a hold is ready."
    assert data["kind"] == "clause" and data["fingerprint"]


# -- impact ---------------------------------------------------------------------------------------


def test_changed_clause_reaches_artifact_naming_its_section(lending):
    why = impacted(lending, f"clause:{SPEC}#renewals/1").get("artifact:src/renewals.py")
    assert why is not None, "src/renewals.py names #renewals, which contains the changed clause"
    assert why[0].startswith("src/renewals.py → spec/lending.md#renewals (specdiff marker, src/renewals.py:1)"), why
    assert why[-1] == "spec/lending.md#renewals → spec/lending.md#renewals/1 (contains)", why


def test_changed_clause_reaches_eval_tied_by_footnote(lending):
    why = impacted(lending, f"clause:{SPEC}#renewals/1").get("eval:examples/ab12.md")
    assert why is not None, "examples/ab12.md is the footnote [^ab12] of the changed clause"
    assert why[0].startswith("examples/ab12.md → "), why
    assert why[-1].endswith(f"{SPEC}#renewals/1 (examples for footnote [^ab12], {SPEC}:11)"), why


def test_impact_lists_only_outputs_sorted_by_kind(lending):
    impacts = lending.impact([f"clause:{SPEC}#renewals/1"])
    assert [(i.kind, i.node) for i in impacts] == sorted((i.kind, i.node) for i in impacts)
    assert {i.kind for i in impacts} <= {"artifact", "eval"}


def test_change_in_subsection_reaches_artifact_of_parent_section(lending):
    assert "artifact:src/renewals.py" in impacted(lending, f"clause:{SPEC}#online/1")


def test_one_cross_reference_is_followed(lending):
    # holds/1 ← #holds ← renewals/2 (links to #holds) ← #renewals ← src/renewals.py
    why = impacted(lending, f"clause:{SPEC}#holds/1").get("artifact:src/renewals.py")
    assert why is not None, "one cross-reference away: impacted"
    assert any("links to #holds" in line for line in why), why


def test_two_chained_cross_references_are_not_followed(lending):
    assert MAX_CROSS_REFERENCES == 1
    # holds/1 ← #holds ← renewals/2 ← #renewals ← fines/1 (links to #renewals) ← #fines ← src/fines.py: two links
    assert "artifact:src/fines.py" not in impacted(lending, f"clause:{SPEC}#holds/1")
    assert "artifact:src/fines.py" in impacted(lending, f"clause:{SPEC}#renewals/1"), "one link from #fines to #renewals"


def test_change_reaches_only_outputs_that_depend_on_it(lending):
    assert set(impacted(lending, f"clause:{SPEC}#fines/1")) == {"artifact:src/fines.py"}, "nothing else names #fines"


def test_impact_of_unknown_node_is_empty(lending):
    assert lending.impact(["clause:spec/nowhere.md#x/1"]) == []


def test_inputs_of_an_output_are_its_clauses(lending):
    inputs = lending.inputs_of("artifact:src/fines.py")
    assert f"clause:{SPEC}#fines/1" in inputs
    assert f"clause:{SPEC}#renewals/1" in inputs, "through the cross-reference to #renewals"
    assert f"clause:{SPEC}#holds/1" not in inputs, "two cross-references away"


# -- dangling -------------------------------------------------------------------------------------

DANGLING = {
    "specdiff.toml": 'specs = ["spec/*.md"]\n',
    "spec/lending.md": LENDING + "\n## Requirements\n\n- **FR-001**: System MUST send hold notices.\n",
    "src/old.py": "import os\n# specdiff: spec/lending.md#gone\n",
    "docs/guide.md": "# Guide\n\nSee [nowhere](../spec/lending.md#nowhere).\n",
    "docs/tasks.txt": "T1 notices (FR-001)\nT2 archive (FR-099)\n",
}


def test_dangling_references_are_kept_with_where(spec_repo):
    graph = graph_of(spec_repo, DANGLING)
    found = {(d.where, d.target) for d in graph.dangling}
    assert ("src/old.py:2", "spec/lending.md#gone") in found, f"marker to a missing anchor: {graph.dangling}"
    assert ("docs/guide.md:3", "spec/lending.md#nowhere") in found, f"link to a missing anchor: {graph.dangling}"
    assert ("docs/tasks.txt:2", "FR-099") in found, f"undefined requirement ID: {graph.dangling}"
    assert ("docs/tasks.txt:1", "FR-001") not in found, "FR-001 is defined"


def test_defined_requirement_resolves_to_its_clause(spec_repo):
    graph = graph_of(spec_repo, DANGLING)
    assert graph.graph.has_edge("artifact:docs/tasks.txt", f"clause:{SPEC}#requirements/1")


def test_missing_section_is_a_node_that_finds_who_named_it(spec_repo):
    graph = graph_of(spec_repo, DANGLING)
    node = f"section:{SPEC}#gone"
    assert graph.graph.nodes[node].get("missing") is True
    assert [i.node for i in graph.impact([node])] == ["artifact:src/old.py"]


def test_crossref_to_missing_anchor_is_dangling(spec_repo):
    files = dict(FILES, **{"spec/lending.md": LENDING + "\n## Appeals\n\nAppeals follow [the old rules](#retired).\n"})
    graph = graph_of(spec_repo, files)
    assert [(d.target, d.reason) for d in graph.dangling] == [(f"{SPEC}#retired", "links to #retired")]


def test_link_to_non_spec_markdown_is_not_dangling(spec_repo):
    files = dict(FILES, **{"notes/todo.md": "# Todo\n", "src/todo.py": "# see [todo](../notes/todo.md#x)\n"})
    assert graph_of(spec_repo, files).dangling == []


# -- coverage -------------------------------------------------------------------------------------


def test_coverage_counts_normative_and_uncovered_clauses(lending):
    rows = {row.section: row for row in lending.coverage()}
    # Normative: holds/1 (must), online/1 (should), fines/1 (never). "can be renewed" and "expire" are not.
    assert set(rows) == {"holds", "online", "fines"}, rows
    assert (rows["holds"].normative, rows["holds"].uncovered) == (1, (f"clause:{SPEC}#holds/1",))
    assert rows["fines"].covered == 0


def test_eval_on_a_section_covers_its_normative_clauses(spec_repo):
    files = dict(FILES, **{"tests/test_holds.py": "# specdiff: spec/lending.md#holds\n"})
    rows = {row.section: row for row in graph_of(spec_repo, files).coverage()}
    assert rows["holds"].covered == 1 and rows["holds"].uncovered == ()
    assert rows["fines"].uncovered == (f"clause:{SPEC}#fines/1",), "an artifact is not an eval"


def test_coverage_rows_in_document_order(lending):
    assert [r.section for r in lending.coverage()] == ["holds", "online", "fines"]


# -- export ---------------------------------------------------------------------------------------


def test_export_json_is_node_link_data(lending):
    data = json.loads(export(lending, "json"))
    ids = {node["id"] for node in data["nodes"]}
    assert {"artifact:src/renewals.py", "eval:examples/ab12.md", f"clause:{SPEC}#holds/1"} <= ids
    assert any(e["source"] == "artifact:src/fines.py" and e["target"] == f"section:{SPEC}#fines" for e in data["edges"])


def test_export_graphml_parses(lending):
    parsed = nx.parse_graphml(export(lending, "graphml"))
    assert set(parsed.nodes) == set(lending.graph.nodes)
    assert parsed.number_of_edges() == lending.graph.number_of_edges()


def test_export_dot_is_a_digraph(lending):
    text = export(lending, "dot")
    assert text.startswith("digraph"), text[:40]
    assert text.rstrip().endswith("}")
    assert '"artifact:src/fines.py" -> "section:spec/lending.md#fines" [label="specdiff marker"];' in text


def test_export_dot_marks_missing_sections_dashed(spec_repo):
    text = export(graph_of(spec_repo, DANGLING), "dot")
    line = next(line for line in io.StringIO(text) if line.strip().startswith('"section:spec/lending.md#gone" ['))
    assert "style=dashed" in line, line


def test_export_graphml_with_missing_and_dangling_nodes_parses(spec_repo):
    graph = graph_of(spec_repo, DANGLING)
    parsed = nx.parse_graphml(export(graph, "graphml"))
    assert parsed.nodes[f"section:{SPEC}#gone"]["missing"] is True


# -- the graph of a diff: only the spec files impact can reach -------------------------------

SPREAD = {
    "specdiff.toml": 'specs = ["spec/*.md"]\n',
    "spec/lending.md": LENDING,
    "spec/glossary.md": "# Glossary\n\n## Patron {#patron}\n\nA patron is anyone with a library card.\n",
    "spec/rooms.md": "# Rooms\n\nRooms can be booked for two hours, as the [holds](lending.md#holds) rules say.\n\n"
    "Quiet hours: see [noise](Glossary.md#noise).\n",
    "spec/tasks.md": "# Tasks\n\n- **FR-001**: The system must list overdue items.\n- See [patron](glossary.md#patron).\n",
    # Named by nothing, naming nothing in another file: a diff's graph leaves these two out.
    "spec/history.md": "# History\n\nThe library opened in 1901[^cd34].\n\n[^cd34]: Dates.\n",
    "spec/scenarios.md": "# Requirement: Quiet rooms\n\nRooms must stay quiet.\n\n## Scenario: Noise\n\n- **THEN** staff act\n",
    "examples/ab12.md": "# Renewal examples\n\nUser: can I renew again?\n",
    "examples/cd34.md": "# Dates\n\nUser: when did the library open?\n",
    "src/renewals.py": "# specdiff: spec/lending.md#renewals\nMAX_RENEWALS = 2\n",
    "src/report.py": "# Lists overdue items (FR-001), see spec/glossary.md#gone\n# specdiff: spec/glossary.md#gone\n",
    "evals/rooms.jsonl": '{"id": "two-hours", "spec": "spec/rooms.md"}\n',
}
SELF_CONTAINED = {"spec/history.md", "spec/scenarios.md"}


def test_the_graph_of_a_diff_runs_again_only_the_scanners_that_read_kept_files(spec_repo, monkeypatch):
    spec_repo.commit("layout", SPREAD)
    runs: Counter[str] = Counter()

    def counted(name, scanner):
        def scan(workspace):
            runs[name] += 1
            return scanner.scan(workspace)

        return SimpleNamespace(scan=scan)

    def reads_kept(workspace):  # a new scanner that reads the kept files, listed nowhere
        list(workspace.documents.kept(re.compile("Noise")))
        return []

    for name, scanner in list(SCANNERS.items()):
        monkeypatch.setitem(SCANNERS, name, counted(name, scanner))
    monkeypatch.setitem(SCANNERS, "new", counted("new", SimpleNamespace(scan=reads_kept)))
    with Repository(spec_repo.path) as repo:
        workspace, _ = open_workspace(repo, None, load_config(spec_repo.path), {})
        build_graph(workspace, changed=set())
    assert dict(runs) == {name: 2 if name in ("crossrefs", "footnotes", "openspec", "new") else 1 for name in SCANNERS}


def test_the_graph_of_a_diff_parses_only_what_impact_can_reach_and_finds_the_same(spec_repo):
    spec_repo.commit("layout", SPREAD)
    config = load_config(spec_repo.path)
    with Repository(spec_repo.path) as repo:
        workspace, _ = open_workspace(repo, None, config)
        complete = build_graph(workspace)
        for path in sorted(workspace.documents):
            head = {path: workspace.documents[path]}
            small_workspace, _ = open_workspace(repo, None, config, head)
            small = build_graph(small_workspace, changed={path})
            assert set(small_workspace.documents.parsed_paths()) & SELF_CONTAINED <= {path}, f"diff of {path}"
            # Every dangling reference the change can have introduced: written in the changed file,
            # naming it (in any case), or written outside the spec files; and no other.
            introducible = [
                d
                for d in complete.dangling
                if d.where.startswith(f"{path}:")
                or d.target.lower().startswith(f"{path.lower()}#")
                or not d.where.startswith("spec/")
            ]
            assert all(d in small.dangling for d in introducible), f"diff of {path}"
            assert all(d in complete.dangling for d in small.dangling)
            for node, data in complete.graph.nodes(data=True):
                if data.get("path") == path:
                    assert small.impact([node]) == complete.impact([node]), f"impact of {node} with {path} changed"
    assert {i.node for i in complete.impact(["clause:spec/history.md#history/1"])} == {"eval:examples/cd34.md"}
    assert {i.node for i in complete.impact(["clause:spec/scenarios.md#scenario-noise/1"])} == {
        "eval:spec/scenarios.md#scenario-noise"
    }
    assert {i.node for i in complete.impact(["clause:spec/lending.md#holds/1"])} == {
        "artifact:src/renewals.py",  # renewals links to holds (one cross-reference)
        "eval:evals/rooms.jsonl#two-hours",  # rooms links to holds, and the eval names rooms
    }


def test_past_its_bound_linking_to_keeps_every_file_with_a_link(monkeypatch):
    from specdiff.parse import parse_document
    from specdiff.scan import crossrefs
    from specdiff.spec_documents import SpecDocuments

    texts = {"a.md": "[b](b.md)", "b.md": "[c](c.md#x)", "c.md": "", "d.md": "[d](#d)", "e.md": ""}
    documents = SpecDocuments(texts, parse_document)
    assert crossrefs.linking_to(documents, {"c.md", "e.md"}, lambda path: []) == {"a.md", "b.md"}
    monkeypatch.setattr(crossrefs, "MAX_NAMED", 1)
    assert crossrefs.linking_to(documents, {"c.md", "e.md"}, lambda path: []) == {"a.md", "b.md", "d.md"}
