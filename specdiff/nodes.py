"""Names of the dependency graph's nodes, the one place that spells them.

================================  =========================================
``section:<path>#<id>``           a section (``<id>`` empty: the whole file)
``clause:<path>#<id>/<n>``        the n-th clause (from 1) directly in a section
``artifact:<path>``               an output built from the spec
``eval:<path>`` ``eval:<path>#<case>``   an eval suite, or one case of it
``mention:<path>``                a document that links to the spec (nothing built)
================================  =========================================

Other modules build names with the functions below and take them apart with
:meth:`Node.parse` (or the shortcuts :func:`output_kind`, :func:`output_path`
and :func:`node_name`), never by splitting the text themselves:

>>> clause_node("spec.md", "privacy", 2), output_kind("eval:evals/a.jsonl#c1")
('clause:spec.md#privacy/2', 'eval')
>>> Node.parse("clause:spec.md#privacy/2")
Node(kind='clause', path='spec.md', section='privacy', ordinal=2, case=None)
>>> str(Node.parse("eval:evals/a.jsonl#c1")) == "eval:evals/a.jsonl#c1"
True
"""

from __future__ import annotations

from dataclasses import dataclass

from specdiff.model import Amendment, Clause, Document


@dataclass(frozen=True)
class Node:
    """A node name taken apart: its kind, the file it is in, and what it names there.

    ``section`` is the section id of a ``section`` or ``clause`` node (empty: the
    whole file), ``ordinal`` the clause's place in that section (from 1), and
    ``case`` the case of an ``eval`` node (``None``: the whole suite).
    """

    kind: str
    path: str
    section: str | None = None
    ordinal: int | None = None
    case: str | None = None

    @classmethod
    def parse(cls, node: str) -> Node:
        """The parts of a node name written by the functions of this module."""
        kind, _, name = node.partition(":")
        path, _, rest = name.partition("#")
        if kind == "section":
            return cls(kind, path, section=rest)
        if kind == "clause":
            section, _, ordinal = rest.rpartition("/")
            return cls(kind, path, section=section, ordinal=int(ordinal))
        return cls(kind, path, case=rest or None)

    def __str__(self) -> str:
        if self.kind == "section":
            return section_node(self.path, self.section or "")
        if self.kind == "clause":
            return clause_node(self.path, self.section or "", self.ordinal or 0)
        return f"{self.kind}:{self.path}#{self.case}" if self.case else f"{self.kind}:{self.path}"


def node_name(node: str) -> str:
    """A node without its kind, as a person reads it: ``spec.md#privacy/2``, ``evals/a.jsonl#c1``.

    >>> node_name("artifact:generated/policy.py")
    'generated/policy.py'
    """
    kind, colon, name = node.partition(":")
    return name if colon else kind


def section_key(path: str, section_id: str) -> str:
    """How the lock and ``check`` name a section: ``path#id`` (the section node's name)."""
    return f"{path}#{section_id}"


def split_section_key(key: str) -> tuple[str, str]:
    """The file and section id of a :func:`section_key`.

    >>> split_section_key("spec/a.md#holds"), split_section_key("spec/a.md#")
    (('spec/a.md', 'holds'), ('spec/a.md', ''))
    """
    path, _, section_id = key.partition("#")
    return path, section_id


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
    return node.partition(":")[0]


def output_path(node: str) -> str:
    """The file an artifact or eval node names (without its case)."""
    return Node.parse(node).path


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
