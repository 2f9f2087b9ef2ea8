"""pytest tests that name the spec section they test, one eval case per test.

    @pytest.mark.spec("spec/behavior.md#borrowing_privacy")
    def test_no_history_on_kiosk(): ...

    def test_renewal_limit():
        \"\"\"specdiff: spec/behavior.md#holds_and_renewals\"\"\"

A mark (any ``@…mark.spec("file#anchor")``, several arguments allowed) or a
``specdiff:`` marker in the test's docstring ties that test, or every test of
a marked class, to the section. The case id is the pytest node id after the
path (``TestKiosk::test_no_history``), so ``eval:<file>#<case>`` reads back as
``<file>::<case>``. Files are read when they are named like pytest tests
(``test_*.py``, ``*_test.py``).
"""

from __future__ import annotations

import ast
import posixpath
from collections.abc import Iterator
from dataclasses import dataclass

from specdiff.model import Dependency, Target
from specdiff.nodes import eval_node
from specdiff.scan import Search, Workspace
from specdiff.scan.markers import MARKER

SEARCH: Search = (("mark.spec(", "specdiff:"), True)
"""The files that may mark a test (or name a section in a docstring)."""

_Definition = ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef


@dataclass(frozen=True)
class MarkedTest:
    """A test function and the spec references its marks, its class's marks or its docstring carry."""

    case: str
    """``test_x`` or ``TestClass::test_x``."""
    specs: tuple[str, ...]
    line: int
    docstring_specs: tuple[str, ...] = ()
    """The references among ``specs`` that come from ``specdiff:`` markers in the docstring."""


def is_test_file(path: str) -> bool:
    name = posixpath.basename(path)
    return name.endswith(".py") and (name.startswith("test_") or name.endswith("_test.py"))


def tests_of(source: str) -> list[MarkedTest]:
    """Every test function of a module (top level, or in ``Test*`` classes), with its spec references.

    >>> [(t.case, t.specs) for t in tests_of('@pytest.mark.spec("s.md#a")\\ndef test_a(): pass\\ndef test_b(): pass')]
    [('test_a', ('s.md#a',)), ('test_b', ())]
    """
    try:
        module = ast.parse(source)
    except (SyntaxError, ValueError):
        return []
    found = []
    for node in module.body:
        if isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            inherited = _references(node)
            for member in node.body:
                if _is_test(member):
                    assert isinstance(member, (ast.FunctionDef, ast.AsyncFunctionDef))
                    specs = tuple(dict.fromkeys(inherited + _references(member)))
                    found.append(MarkedTest(f"{node.name}::{member.name}", specs, member.lineno, _docstring_references(member)))
        elif _is_test(node):
            assert isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            found.append(MarkedTest(node.name, _references(node), node.lineno, _docstring_references(node)))
    return found


def _is_test(node: ast.stmt) -> bool:
    return isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test")


def _references(node: _Definition) -> tuple[str, ...]:
    references = []
    for decorator in node.decorator_list:
        if (
            isinstance(decorator, ast.Call)
            and isinstance(decorator.func, ast.Attribute)
            and decorator.func.attr == "spec"
            and isinstance(decorator.func.value, ast.Attribute)
            and decorator.func.value.attr == "mark"
        ):
            references += [a.value for a in decorator.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    return tuple(references) + _docstring_references(node)


def _docstring_references(node: _Definition) -> tuple[str, ...]:
    docstring = ast.get_docstring(node) or ""
    return tuple(m.group(0).split(":", 1)[1].strip() for m in MARKER.finditer(docstring))


def scan(workspace: Workspace) -> Iterator[Dependency]:
    candidates = workspace.grep(*SEARCH) & workspace.files
    for path in sorted(p for p in candidates if is_test_file(p)):
        for test in tests_of(workspace.text(path) or ""):
            for reference in test.specs:
                spec_path, _, anchor = reference.lstrip("/").partition("#")
                if spec_path in workspace.documents:
                    where = f"{path}:{test.line}"
                    yield Dependency(eval_node(path, test.case), Target(spec_path, anchor or None), "pytest mark for it", where)
