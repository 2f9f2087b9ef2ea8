"""The examples in the pure modules' docstrings run as tests, so they cannot go stale."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "specdiff.parse",
    "specdiff.align",
    "specdiff.align.text",
    "specdiff.semantics",
    "specdiff.editorial",
    "specdiff.lexicon",
    "specdiff.force",
    "specdiff.worddiff",
    "specdiff.config",
    "specdiff.layouts",
    "specdiff.dangling",
    "specdiff.repo",
    "specdiff.render.terminal",
    "specdiff.render.words",
    "specdiff.lint.base",
    "specdiff.lint.rules",
    "specdiff.lint.registry",
    "specdiff.render.escaping",
    "specdiff.render.controls",
    "specdiff.spec_files",
    "specdiff.unreadable",
    "specdiff.patterns",
    "specdiff.github",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    failures, tried = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert tried > 0, f"{name} has no examples"
    assert failures == 0
