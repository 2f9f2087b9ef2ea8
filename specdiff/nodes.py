"""Names of the dependency graph's nodes, the one place that spells them.

================================  =========================================
``section:<path>#<id>``           a section (``<id>`` empty: the whole file)
``clause:<path>#<id>/<n>``        the n-th clause (from 1) directly in a section
``artifact:<path>``               an output built from the spec
``eval:<path>`` ``eval:<path>#<case>``   an eval suite, or one case of it
``mention:<path>``                a document that links to the spec (nothing built)
================================  =========================================

>>> clause_node("spec.md", "privacy", 2), output_kind("eval:evals/a.jsonl#c1")
('clause:spec.md#privacy/2', 'eval')
"""

from __future__ import annotations

from specdiff.model import Amendment, Clause, Document


def section_node(path: str, section_id: str) -> str:
    return f"section:{path}#{section_id}"


def clause_node(path: str, section_id: str, ordinal: int) -> str:
    return f"clause:{path}#{section_id}/{ordinal}"


def artifact_node(path: str) -> str:
    return f"artifact:{path}"


def eval_node(path: str, case: str | None = None) -> str:
    return f"eval:{path}#{case}" if case else f"eval:{path}"


def mention_node(path: str) -> str:
    return f"mention:{path}"


def output_kind(node: str) -> str:
    """``artifact``, ``eval``, ``mention``, ``section`` or ``clause``: the part before the colon."""
    return node.split(":", 1)[0]


def output_path(node: str) -> str:
    """The file an artifact or eval node names (without its case)."""
    return node.split(":", 1)[1].split("#", 1)[0]


def clause_nodes(document: Document) -> dict[int, str]:
    """The node of every clause of a document, by the clause's index."""
    return {
        clause.index: clause_node(document.path, section.id, ordinal)
        for section in document.sections
        for ordinal, clause in enumerate(section.clauses, 1)
    }


def changed_nodes(amendment: Amendment, clause_nodes_by_path: dict[str, dict[int, str]]) -> list[str]:
    """The nodes an amendment changes, in the graph of the head side.

    Its new clauses and sections, and the sections its old side was in: a
    clause removed from a section changes that section (or, if the section is
    gone, the missing node that outputs naming it still point to).
    ``clause_nodes_by_path`` holds :func:`clause_nodes` of each head-side document.
    """
    nodes = []
    for item in amendment.new:
        if isinstance(item, Clause):
            if item.path in clause_nodes_by_path:
                nodes.append(clause_nodes_by_path[item.path][item.index])
        else:
            nodes.append(section_node(item.path, item.id))
    for item in amendment.old:
        nodes.append(section_node(item.path, item.section if isinstance(item, Clause) else item.id))
    return nodes
