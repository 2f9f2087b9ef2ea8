"""The dependency graph: what is built from which part of the spec, and why.

Nodes are named by ``nodes``: sections, clauses, artifacts and eval cases.
Edges point from the dependent to what it depends on, and say why:

- a section depends on its clauses and subsections, and a file (the
  level-0 section) on its top-level sections, since they are its content;
- everything the scanners in ``scan`` find: the config's ``from`` lists,
  ``specdiff:`` markers, links, requirement IDs, eval cases, and the
  conventions of known spec layouts.

The **impact** of a change is every artifact and eval that depends on a changed
node, directly or through sections and cross-references, each with the
shortest chain of dependencies that explains it:

>>> graph = SpecGraph()
>>> graph.add_dependency("section:spec.md#privacy", "clause:spec.md#privacy/1", "contains", "")
>>> graph.add_dependency("artifact:prompt.txt", "section:spec.md#privacy", "specdiff marker", "prompt.txt:3")
>>> for impact in graph.impact(["clause:spec.md#privacy/1"]):
...     print(impact.node, *impact.why, sep="\\n  ")
artifact:prompt.txt
  prompt.txt → spec.md#privacy (specdiff marker, prompt.txt:3)
  spec.md#privacy → spec.md#privacy/1 (contains)

A reference to a section, file or requirement that does not exist is kept as
:class:`Dangling`, and the section is still a (missing) node, so that outputs
naming a section that was removed are found too.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from specdiff.model import Dangling, Dependency, Document, Impact, Target
from specdiff.nodes import Node, clause_nodes, node_name, output_kind, section_node
from specdiff.parse import front_matter_references, requirement_pattern
from specdiff.site_anchors import SiteAnchors
from specdiff.site_pages import SitePages
from specdiff.site_redirects import SiteRedirects

if TYPE_CHECKING:
    import networkx as nx

    from specdiff.scan import Workspace

OUTPUT_KINDS = ("artifact", "eval")

MAX_CROSS_REFERENCES = 1
"""Cross-references followed on one path from an output to a change. One hop
keeps "this clause says *see #privacy*" meaningful; following them on and on
links every eval of the Model Spec to nearly every section (99 % coverage,
why-chains of fifteen links), which tells a reviewer nothing."""


@dataclass(frozen=True)
class CoverageRow:
    """The normative clauses of one section, and those no eval reaches."""

    path: str
    section: str
    heading: str
    normative: int
    uncovered: tuple[str, ...]
    """Node ids of the normative clauses no eval depends on."""

    @property
    def covered(self) -> int:
        return self.normative - len(self.uncovered)


@dataclass(frozen=True)
class GraphClause:
    """A clause as the graph holds it: what the lock, ``check`` and coverage read of it."""

    node: str
    path: str
    section: str
    """The id of the section it is directly in."""
    ordinal: int
    """Its place in that section, from 1."""
    text: str
    """Its normalized text."""
    fingerprint: str


class _Adjacency:
    """Nodes and edges with their attributes, kept as networkx keeps them (dicts in insertion order).

    Building and walking the graph of a diff needs nothing more, and importing
    networkx cost 61 ms of the 820 ms of the largest Model Spec release pair;
    :attr:`SpecGraph.graph` builds the networkx ``DiGraph`` from this when asked.
    """

    def __init__(self) -> None:
        self.nodes: dict[str, dict[str, Any]] = {}
        self.successors: dict[str, dict[str, dict[str, Any]]] = {}
        self.predecessors: dict[str, dict[str, dict[str, Any]]] = {}
        self.edges: dict[tuple[str, str], dict[str, Any]] = {}
        """Every edge, in the order first added (networkx's order of predecessors depends on it)."""

    def add_node(self, node: str, **attributes: Any) -> None:
        if node not in self.nodes:
            self.nodes[node] = {}
            self.successors[node] = {}
            self.predecessors[node] = {}
        self.nodes[node].update(attributes)

    def add_edge(self, source: str, target: str, **attributes: Any) -> None:
        self.add_node(source)
        self.add_node(target)
        data = self.successors[source].get(target)
        if data is None:
            data = self.successors[source][target] = self.predecessors[target][source] = self.edges[(source, target)] = {}
        data.update(attributes)


@dataclass
class SpecGraph:
    """The graph of dependencies (a networkx ``DiGraph`` as :attr:`graph`), and the references that led nowhere."""

    dangling: list[Dangling] = field(default_factory=list)
    _adjacency: _Adjacency = field(default_factory=_Adjacency, repr=False)
    _networkx: nx.DiGraph | None = field(default=None, repr=False)
    _unread: list[tuple[Document, bool | None]] = field(default_factory=list, repr=False)
    """Documents whose clause nodes still say ``normative=None``: see :meth:`_read_normative`."""

    @property
    def graph(self) -> nx.DiGraph:
        """The graph as a networkx ``DiGraph``, for exports and queries: built on first use, to read, not to change."""
        self._read_normative()
        if self._networkx is None:
            import networkx as nx

            graph = nx.DiGraph()
            graph.add_nodes_from(self._adjacency.nodes.items())
            graph.add_edges_from((source, target, data) for (source, target), data in self._adjacency.edges.items())
            self._networkx = graph
        return self._networkx

    def add_node(self, node: str, **attributes: Any) -> None:
        self._adjacency.add_node(node, **attributes)
        self._networkx = None

    def add_edge(self, source: str, target: str, **attributes: Any) -> None:
        self._adjacency.add_edge(source, target, **attributes)
        self._networkx = None

    def add_dependency(self, dependent: str, dependency: str, reason: str, where: str) -> None:
        """Add an edge; one from a clause to what it links to is a cross-reference."""
        for node in (dependent, dependency):
            if node not in self._adjacency.nodes:
                self.add_node(node, kind=output_kind(node), label=node_name(node))
        crossref = output_kind(dependent) == "clause"
        self.add_edge(dependent, dependency, reason=reason, where=where, crossref=crossref)

    def __contains__(self, node: str) -> bool:
        return node in self._adjacency.nodes

    def has_evals(self) -> bool:
        """Whether the graph holds any eval case (without one, "no eval reaches this rule" says nothing)."""
        return any(output_kind(node) == "eval" for node in self._adjacency.nodes)

    def clause(self, node: str) -> GraphClause:
        """The clause a ``clause:`` node names (a KeyError for a node the graph does not hold)."""
        data = self._adjacency.nodes[node]
        ordinal = Node.parse(node).ordinal
        return GraphClause(node, data["path"], data["section"], ordinal or 0, data["text"], data["fingerprint"])

    def clauses(self) -> list[GraphClause]:
        """Every clause in the graph, file by file in document order."""
        return [self.clause(node) for node, data in self._adjacency.nodes.items() if data.get("kind") == "clause"]

    def reasons(self, node: str) -> list[str]:
        """Why ``node`` depends on each thing it depends on ("specdiff marker", "footnote [^k3f9]"), in the order found."""
        return [str(edge.get("reason", "")) for edge in self._adjacency.successors.get(node, {}).values()]

    def spec_paths(self) -> set[str]:
        """The spec files whose sections are in the graph (not counting sections named but missing)."""
        nodes = self._adjacency.nodes.values()
        return {data["path"] for data in nodes if data.get("kind") == "section" and not data.get("missing")}

    def impact(self, changed: Iterable[str], kinds: tuple[str, ...] = OUTPUT_KINDS) -> list[Impact]:
        """Every artifact and eval (or node of ``kinds``: ``mention``) that depends on a changed node,
        with the shortest path as why."""
        came_from = self._reach(changed, towards_dependents=True)
        found = {}
        for node, hops in came_from:
            kind = output_kind(node)
            if kind in kinds and node not in found:
                found[node] = Impact(node, kind, tuple(self._why((node, hops), came_from)))
        return sorted(found.values(), key=lambda i: (i.kind, i.node))

    def outputs(self) -> list[str]:
        """Every artifact and eval node, sorted."""
        return sorted(n for n in self._adjacency.nodes if output_kind(n) in OUTPUT_KINDS)

    def inputs_of(self, output: str) -> list[str]:
        """The clause nodes an output depends on, directly or through its sections and cross-references."""
        return list(dict.fromkeys(n for n, _ in self._reach([output], towards_dependents=False) if output_kind(n) == "clause"))

    def coverage(self) -> list[CoverageRow]:
        """Per section, the normative clauses and those no eval case reaches."""
        self._read_normative()
        nodes = self._adjacency.nodes
        evals = [node for node in nodes if output_kind(node) == "eval"]
        covered = {node for node, _ in self._reach(evals, towards_dependents=False)}
        rows = []
        for node, data in nodes.items():
            if data.get("kind") != "section" or data.get("missing"):
                continue
            normative = [c for c in self._adjacency.successors[node] if nodes[c].get("normative")]
            if normative:
                uncovered = tuple(c for c in normative if c not in covered)
                rows.append(CoverageRow(data["path"], data["section"], data["label"], len(normative), uncovered))
        return sorted(rows, key=lambda r: (r.path, nodes[section_node(r.path, r.section)]["order"]))

    def _reach(self, starts: Iterable[str], *, towards_dependents: bool) -> dict[tuple[str, int], tuple[str, int] | None]:
        """Breadth-first walk from ``starts``, along at most ``MAX_CROSS_REFERENCES`` cross-references.

        Returns, for each ``(node, cross-references used)`` reached, the step it
        was reached from (``None`` for a start), so shortest paths can be read back.
        """
        came_from: dict[tuple[str, int], tuple[str, int] | None] = {
            (n, 0): None for n in dict.fromkeys(starts) if n in self._adjacency.nodes
        }
        adjacency = self._adjacency.predecessors if towards_dependents else self._adjacency.successors
        queue = deque(came_from)
        while queue:
            node, hops = queue.popleft()
            for neighbour, edge in adjacency[node].items():
                used = hops + (1 if edge.get("crossref") else 0)
                if used <= MAX_CROSS_REFERENCES and (neighbour, used) not in came_from:
                    came_from[(neighbour, used)] = (node, hops)
                    queue.append((neighbour, used))
        return came_from

    def add_document(self, document: Document, capitals: bool | None = None) -> None:
        """A spec file's sections and clauses as nodes; a section depends on its content.

        ``capitals`` is the repository's capitals mode (``None``: counted in this document).

        Whether a clause is normative (it obliges, forbids or permits) is read
        only when coverage or an export asks: reading every clause took 43 of
        the 820 ms of the largest Model Spec release pair, whose diff never
        asks. Until then a clause node's ``normative`` is ``None``.
        """
        path = document.path
        nodes = clause_nodes(document)
        for order, section in enumerate(document.sections):
            node = section_node(path, section.id)
            label = f"{path}#{section.id}" if section.id else path
            self.add_node(node, kind="section", path=path, section=section.id, label=label, heading=section.heading, order=order)
            if section.level > 0:
                parent = section_node(path, section.parent if section.parent is not None else "")
                self.add_edge(parent, node, reason="contains", where="")
            for ordinal, clause in enumerate(section.clauses, 1):
                clause_id = nodes[clause.index]
                self.add_node(
                    clause_id,
                    kind="clause",
                    path=path,
                    section=section.id,
                    label=f"{label}/{ordinal}" if section.id else f"{path}#/{ordinal}",
                    text=clause.normalized,
                    fingerprint=clause.fingerprint,
                    normative=None,
                )
                self.add_edge(node, clause_id, reason="contains", where="")
        self._unread.append((document, capitals))

    def _read_normative(self) -> None:
        """Fill in ``normative`` on the clause nodes of the documents added since last time."""
        # Imported here: reading rules loads the lexicon and its patterns (some 40 ms), which a
        # diff whose amendments are kept (amendment_cache) does not otherwise need.
        from specdiff.lexicon import uses_rfc2119_capitals
        from specdiff.semantics import obliges

        for document, capitals in self._unread:
            nodes = clause_nodes(document)
            if capitals is None:
                capitals = uses_rfc2119_capitals(c.normalized for c in document.clauses)
            for clause in (clause for section in document.sections for clause in section.clauses):
                self._adjacency.nodes[nodes[clause.index]]["normative"] = clause.kind != "example" and obliges(
                    clause.normalized, capitals=capitals
                )
        self._unread.clear()

    def label(self, node: str) -> str:
        data = self._adjacency.nodes.get(node)
        return str(data.get("label", node)) if data is not None else node_name(node)

    def _why(self, step: tuple[str, int], came_from: dict[tuple[str, int], tuple[str, int] | None]) -> list[str]:
        """The edges from an output back to the change that reached it, one line each."""
        lines = []
        following = came_from[step]
        while following is not None:
            edge = self._adjacency.edges[step[0], following[0]]
            where = f", {edge['where']}" if edge.get("where") else ""
            lines.append(f"{self.label(step[0])} → {self.label(following[0])} ({edge['reason']}{where})")
            step, following = following, came_from[following]
        return lines


def build_graph(workspace: Workspace, *, changed: Collection[str] | None = None) -> SpecGraph:
    """The dependency graph of a repository at one revision.

    Given ``changed``, the spec files a diff changed (the paths of both sides),
    the graph holds only the spec files that must be parsed to find what impact
    from them reaches: those the caller parsed already (a diff's head side),
    those whose text can define a requirement ID, those something names, and
    those whose links can lead to a changed file or to one of those
    (``crossrefs.linking_to``). A first pass of the scanners finds them; in the
    second, the scanners that read only the files kept (links, footnote
    examples, OpenSpec scenarios) look at those files. A spec file left out is
    reached from no changed node, so every impact, why-chain and dangling
    reference the change introduced is the same as in the complete graph; what
    is kept is added in the same order, so breadth-first walks meet nodes in the
    same order too. On the largest Model Spec release pair that leaves out 89 of
    115 files; on the Rust RFCs' commit that adds RFC 3984, which no file names,
    651 of 652 (every file with a link was parsed before: 130).
    """
    from specdiff.scan import scan_all
    from specdiff.scan.crossrefs import linking_to

    documents = workspace.documents
    index = _TargetIndex(workspace)
    if changed is not None:
        documents.keep_only(set())
        _resolve_all(index, scan_all(workspace))
        reached = set(documents.parsed_paths()) | set(changed)
        documents.keep_only(reached | linking_to(documents, reached, index.pages.shown_with))
    dependencies = scan_all(workspace)
    _resolve_all(index, dependencies)
    graph = SpecGraph()
    for path in documents if changed is None else documents.parsed_paths():
        graph.add_document(documents[path], workspace.config.capitals)
    for dependency in dependencies:
        _add(graph, index, dependency, workspace)
    return graph


def _resolve_all(index: _TargetIndex, dependencies: list[Dependency]) -> None:
    """Resolve every target once, so the files they name are parsed before any node is added."""
    for dependency in dependencies:
        if not isinstance(dependency.target, str):
            index.resolve(dependency.target)


class _TargetIndex:
    """Finds the nodes a :class:`Target` names: a file, a section by id, anchor or slug (also
    behind GitHub's ``user-content-`` prefix), an anchor set inside a clause, a requirement; and,
    when none of those, a heading as a site generator spells its anchor (``site_anchors``), or an
    anchor of another spec file the site shows on the same page (``site_pages``). A missing file
    whose address the site's host redirects (``site_redirects``) is not called dangling.

    Requirement IDs are indexed up front, from the files whose text matches the pattern; a
    file's sections and clause anchors when a target first names it (parsing it then).
    """

    def __init__(self, workspace: Workspace) -> None:
        self.documents = workspace.documents
        self.site = SiteAnchors(workspace.documents)
        self.pages = SitePages(workspace.documents, workspace.files, workspace.text)
        self.redirects = SiteRedirects(workspace.files, workspace.text)
        self.sections: dict[str, dict[str, str]] = {}  # path -> section name -> section id
        self.definitions: dict[str, list[str]] = {}  # requirement ID -> clauses that start with it
        self.first_mention: dict[str, str] = {}  # requirement ID -> the first clause naming it
        self.clauses: dict[str, dict[str, str]] = {}  # path -> anchor set inside a clause -> that clause
        self.references: dict[str, frozenset[str]] = {}  # path -> references its front matter declares
        pattern = requirement_pattern(tuple(workspace.config.requirement_ids))
        for _, document in self.documents.matching(pattern) if pattern else ():
            nodes = clause_nodes(document)
            for clause in document.clauses:
                for requirement in clause.requirements:
                    self.first_mention.setdefault(requirement, nodes[clause.index])
                    if clause.normalized.lstrip("-*[] ").startswith(requirement):  # "**FR-001**: System MUST ..."
                        self.definitions.setdefault(requirement, []).append(nodes[clause.index])

    def resolve(self, target: Target) -> list[str]:
        if target.requirement:
            if target.requirement in self.definitions:
                return self.definitions[target.requirement]
            mention = self.first_mention.get(target.requirement)
            return [mention] if mention else []
        if target.path is None or target.path not in self.documents:
            return []
        if not target.anchor:
            return [section_node(target.path, "")]
        found = self._anchor_in(target.path, target.anchor) or self.site.find(target.path, target.anchor)
        if found is None:  # it may be on another spec file of the page a site builds (site_pages)
            for other in self.pages.shown_with(target.path):
                found = self._anchor_in(other, target.anchor) if other in self.documents else None
                if found:
                    break
        return [found] if found else []

    def shown_elsewhere(self, target: Target) -> bool:
        """Whether a site shows the anchor a link names on its page though no spec file holds it: a file
        the page includes that is not a spec file has it, or the page runs a template (``site_pages``)."""
        if target.path is None or not target.anchor:
            return False
        return self.pages.runs_templates(target.path) or any(
            other not in self.documents and self._anchor_in(other, target.anchor) for other in self.pages.shown_with(target.path)
        )

    def cites(self, target: Target) -> bool:
        """Whether the anchor a link names is a reference its file's front matter declares: kramdown-rfc
        builds an IETF draft with an anchor for each (QUIC's ``[Retry Packet Integrity](#QUIC-TLS)``)."""
        if target.path is None or not target.anchor:
            return False
        if target.path not in self.references:
            document = self.pages.document(target.path)
            first = document.sections[0].clauses[:1] if document and document.sections else ()
            self.references[target.path] = front_matter_references(first[0]) if first else frozenset()
        return target.anchor in self.references[target.path]

    def _anchor_in(self, path: str, written: str) -> str | None:
        """The node of the section or clause of ``path`` an anchor names, if any.

        GitHub prefixes the ids it renders with `user-content-`, and links may say so; a browser
        decodes a percent-encoded fragment (``#p%E2%82%81`` for a heading "P₁") before it looks,
        and GitHub's page finds a heading whatever the case of the link (``#Task-Definition``).
        """
        document = self.pages.document(path)
        if document is None:
            return None
        unprefixed = unquote(written.removeprefix("user-content-"))
        for anchor in dict.fromkeys((written, unprefixed, unprefixed.lower())):
            section = self._sections_of(document).get(anchor)
            if section is not None:
                return section_node(path, section)
            clause = self._clause_anchors_of(document).get(anchor)
            if clause is not None:
                return clause
        return None

    def _sections_of(self, document: Document) -> dict[str, str]:
        if document.path not in self.sections:
            names: dict[str, str] = {}
            for section in document.sections:
                for name in (section.slug, section.anchor, section.id):
                    if name is not None:
                        names.setdefault(name, section.id)
            self.sections[document.path] = names
        return self.sections[document.path]

    def _clause_anchors_of(self, document: Document) -> dict[str, str]:
        """`<a name="x">` inside a clause (a table row, say): links to #x lead to that clause."""
        if document.path not in self.clauses:
            nodes = clause_nodes(document)
            self.clauses[document.path] = {}
            for clause in document.clauses:
                for name in clause.anchors:
                    self.clauses[document.path].setdefault(name, nodes[clause.index])
        return self.clauses[document.path]


def _add(graph: SpecGraph, index: _TargetIndex, dependency: Dependency, workspace: Workspace) -> None:
    target = dependency.target
    if isinstance(target, str):
        graph.add_dependency(dependency.dependent, target, dependency.reason, dependency.where)
        return
    nodes = index.resolve(target)
    for node in nodes:
        if node == dependency.dependent or (
            output_kind(dependency.dependent) == "clause" and _contains(graph, node, dependency.dependent)
        ):
            continue  # a clause's link to its own section adds nothing
        graph.add_dependency(dependency.dependent, node, dependency.reason, dependency.where)
    if nodes:
        return
    if target.path is not None and target.path not in workspace.documents and target.path in workspace.files:
        return  # a link to a Markdown file that is not a spec: not our business
    if index.shown_elsewhere(target):
        return  # the anchor is on the page the site builds, in a file that is not a spec or a template's output
    if index.cites(target):
        return  # an entry of the draft's references, which kramdown-rfc writes from its front matter
    if target.path is not None and target.path not in workspace.files and index.redirects.sends_elsewhere(target.path):
        return  # a page gone on purpose: the site's host sends its address elsewhere (site_redirects)
    graph.dangling.append(Dangling(dependency.where, target.label, dependency.reason))
    if target.path and target.anchor:
        # Keep the missing section as a node: a diff that removed it still finds who named it.
        missing = section_node(target.path, target.anchor)
        graph.add_dependency(dependency.dependent, missing, dependency.reason + " (missing)", dependency.where)
        graph.add_node(missing, missing=True, label=f"{target.path}#{target.anchor}")


def _contains(graph: SpecGraph, section: str, clause: str) -> bool:
    return clause in graph._adjacency.successors.get(section, {})


def export(graph: SpecGraph, format: str) -> str:
    """The graph as ``dot`` (Graphviz), ``graphml`` or ``json`` (networkx node-link) text."""
    import json

    import networkx as nx

    if format == "json":
        return json.dumps(nx.node_link_data(graph.graph, edges="edges"), indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    if format == "graphml":
        return "\n".join(nx.generate_graphml(graph.graph)) + "\n"
    lines = ["digraph specdiff {", "  rankdir=LR;", "  node [shape=box, fontsize=10];"]
    shapes = {"artifact": "note", "eval": "component", "section": "folder", "clause": "box"}
    for node, data in graph.graph.nodes(data=True):
        style = ", style=dashed" if data.get("missing") else ""
        shape = shapes.get(data.get("kind", ""), "box")
        lines.append(f"  {_quoted(node)} [label={_quoted(str(data.get('label', node)))}, shape={shape}{style}];")
    for source, target, data in graph.graph.edges(data=True):
        lines.append(f"  {_quoted(source)} -> {_quoted(target)} [label={_quoted(data.get('reason', ''))}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
