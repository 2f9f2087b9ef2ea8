"""The examples in every module's docstrings run as tests, so they cannot go stale.

The list of modules is not kept by hand: every module under ``specdiff`` that has an
example is collected here, so a new module's examples run from the day they are written.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import specdiff


def modules_with_examples() -> list[str]:
    """Every module under ``specdiff`` whose docstrings hold at least one ``>>>`` example."""
    finder = doctest.DocTestFinder()
    names = []
    for info in pkgutil.walk_packages(specdiff.__path__, prefix="specdiff."):
        if info.name == "specdiff.__main__":  # importing it runs the CLI
            continue
        module = importlib.import_module(info.name)
        if any(test.examples for test in finder.find(module)):
            names.append(info.name)
    return sorted(names)


MODULES = modules_with_examples()


def test_the_examples_are_found():
    assert {"specdiff.parse", "specdiff.lexicon", "specdiff.nodes", "specdiff.graph"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    failures, tried = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert tried > 0, f"{name} has no examples"
    assert failures == 0
