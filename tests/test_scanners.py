"""Each scanner on a small real repository in the layout it reads: the dependencies it finds, and where.

The repositories describe a fictional library lending service. Every test
opens the working tree with ``open_workspace`` (as the graph does), runs one
scanner and compares its :class:`Dependency` objects with what the module's
docstring promises.
"""

from __future__ import annotations

from specdiff.config import load_config
from specdiff.model import Dependency, Target
from specdiff.repo import Repository
from specdiff.scan import (
    crossrefs,
    declared,
    eval_suites,
    footnotes,
    kiro,
    links,
    markers,
    openspec,
    requirements,
    speckit,
)
from specdiff.workspace import open_workspace

LENDING = """\
# Lending policy

## Holds {#holds}

A patron may place up to five holds. See [renewals](#renewals).

The system must notify the patron when a hold is ready.

## Renewals {#renewals}

Items can be renewed twice unless another patron reserved them.

Terms are defined in the [glossary](glossary.md#patron), logos in [the kit](brand/logo.png).
"""

GLOSSARY = """\
# Glossary

## Patron {#patron}

A patron is anyone holding a valid library card.
"""

SPEC_ONLY = 'specs = ["spec/*.md"]\n'


def scan(spec_repo, scanner) -> list[Dependency]:
    """What ``scanner`` finds in the working tree of ``spec_repo`` (after committing everything)."""
    spec_repo.commit("layout")
    with Repository(spec_repo.path) as repo:
        workspace, warnings = open_workspace(repo, None, load_config(spec_repo.path))
        assert warnings == [], f"unexpected warnings: {warnings}"
        return list(scanner.scan(workspace))


def assert_found(found: list[Dependency], expected: list[Dependency]) -> None:
    """``found`` holds exactly ``expected`` (in any order), with a readable difference otherwise."""
    missing = [d for d in expected if d not in found]
    extra = [d for d in found if d not in expected]
    assert not missing and not extra, f"\nmissing: {missing}\nunexpected: {extra}"
    assert len(found) == len(expected), f"duplicates in {found}"


# -- declared -------------------------------------------------------------------------------------


def test_declared_artifacts_and_evals_with_and_without_anchor(spec_repo):
    spec_repo.write("spec/lending.md", LENDING)
    spec_repo.write(
        "specdiff.toml",
        SPEC_ONLY
        + '[[artifacts]]\npath = "generated/prompt.txt"\nfrom = ["spec/lending.md#holds", "spec/glossary.md"]\n'
        + '[[evals]]\npath = "evals/renewals.jsonl"\nfrom = ["spec/lending.md#renewals"]\n',
    )
    found = scan(spec_repo, declared)
    reason, where = "declared in specdiff.toml", "specdiff.toml"
    assert_found(
        found,
        [
            Dependency("artifact:generated/prompt.txt", Target("spec/lending.md", "holds"), reason, where),
            Dependency("artifact:generated/prompt.txt", Target("spec/glossary.md", None), reason, where),
            Dependency("eval:evals/renewals.jsonl", Target("spec/lending.md", "renewals"), reason, where),
        ],
    )


def test_declared_without_config_finds_nothing(spec_repo):
    spec_repo.write("spec/lending.md", LENDING)
    assert scan(spec_repo, declared) == []


# -- crossrefs ------------------------------------------------------------------------------------


def test_crossrefs_same_file_anchor_and_other_spec_file(spec_repo):
    spec_repo.write("specdiff.toml", SPEC_ONLY)
    spec_repo.write("spec/lending.md", LENDING)
    spec_repo.write("spec/glossary.md", GLOSSARY)
    found = scan(spec_repo, crossrefs)
    assert_found(
        found,
        [
            Dependency(
                "clause:spec/lending.md#holds/1", Target("spec/lending.md", "renewals"), "links to #renewals", "spec/lending.md:5"
            ),
            Dependency(
                "clause:spec/lending.md#renewals/2",
                Target("spec/glossary.md", "patron"),
                "links to glossary.md#patron",
                "spec/lending.md:13",
            ),
        ],
    )


def test_crossrefs_ignore_links_to_files_that_are_not_markdown(spec_repo):
    spec_repo.write("specdiff.toml", SPEC_ONLY)
    spec_repo.write("spec/lending.md", LENDING)
    found = scan(spec_repo, crossrefs)
    assert not [d for d in found if "logo" in d.reason], f"a link to an image is not a cross-reference: {found}"


def test_crossrefs_find_a_link_to_an_mdx_spec(spec_repo):
    # A file whose only link goes to an .mdx spec must still be read for links.
    spec_repo.write("specdiff.toml", 'specs = ["docs/**/*.md", "docs/**/*.mdx"]\n')
    spec_repo.write("docs/intro.md", "# Intro\n\nThe transport rules are in [transports](transports.mdx#framing).\n")
    spec_repo.write("docs/transports.mdx", "# Transports\n\n## Framing\n\nMessages must be framed.\n")
    found = scan(spec_repo, crossrefs)
    assert [d.target for d in found] == [Target("docs/transports.mdx", "framing")], found


# -- markers --------------------------------------------------------------------------------------


def test_marker_in_a_python_comment_names_a_section(spec_repo):
    spec_repo.write("specdiff.toml", SPEC_ONLY)
    spec_repo.write("spec/lending.md", LENDING)
    spec_repo.write("src/holds.py", '"""Hold notifications."""\n# specdiff: spec/lending.md#holds\nLIMIT = 5\n')
    assert_found(
        scan(spec_repo, markers),
        [Dependency("artifact:src/holds.py", Target("spec/lending.md", "holds"), "specdiff marker", "src/holds.py:2")],
    )


def test_html_comment_markers_in_html_and_markdown(spec_repo):
    spec_repo.write("specdiff.toml", SPEC_ONLY)
    spec_repo.write("spec/lending.md", LENDING)
    spec_repo.write("templates/notice.html", "<html>\n<!-- specdiff: spec/lending.md#renewals -->\n</html>\n")
    spec_repo.write("docs/guide.md", "# Guide\n\n<!-- specdiff: spec/lending.md -->\n")
    assert_found(
        scan(spec_repo, markers),
        [
            Dependency(
                "artifact:templates/notice.html",
                Target("spec/lending.md", "renewals"),
                "specdiff marker",
                "templates/notice.html:2",
            ),
            Dependency("artifact:docs/guide.md", Target("spec/lending.md", None), "specdiff marker", "docs/guide.md:3"),
        ],
    )


def test_marker_in_a_test_file_makes_an_eval(spec_repo):
    spec_repo.write("specdiff.toml", SPEC_ONLY)
    spec_repo.write("spec/lending.md", LENDING)
    spec_repo.write("tests/test_holds.py", "# specdiff: spec/lending.md#holds\n")
    found = scan(spec_repo, markers)
    assert [d.dependent for d in found] == ["eval:tests/test_holds.py"], found


def test_marker_in_a_binary_file_is_ignored(spec_repo):
    spec_repo.write("specdiff.toml", SPEC_ONLY)
    spec_repo.write("spec/lending.md", LENDING)
    spec_repo.write("assets/banner.bin", b"\x89PNG\x00\x01\x02 specdiff: spec/lending.md#holds \x00\xff\n")
    assert scan(spec_repo, markers) == [], "a binary file cannot carry a marker"


def test_marker_inside_a_spec_file_is_not_an_output(spec_repo):
    spec_repo.write("specdiff.toml", SPEC_ONLY)
    spec_repo.write("spec/lending.md", LENDING + "\n<!-- specdiff: spec/glossary.md -->\n")
    spec_repo.write("spec/glossary.md", GLOSSARY)
    assert scan(spec_repo, markers) == []


# -- links ----------------------------------------------------------------------------------------


def test_relative_link_from_docs_to_a_spec_section(spec_repo):
    spec_repo.write("specdiff.toml", SPEC_ONLY)
    spec_repo.write("spec/lending.md", LENDING)
    spec_repo.write(
        "docs/guide.md",
        "# Guide\n\nRead the [hold rules](../spec/lending.md#holds) first.\n\nAll of [the policy](../spec/lending.md).\n",
    )
    assert_found(
        scan(spec_repo, links),
        [
            Dependency("mention:docs/guide.md", Target("spec/lending.md", "holds"), "links to it", "docs/guide.md:3"),
            Dependency("mention:docs/guide.md", Target("spec/lending.md", None), "links to it", "docs/guide.md:5"),
        ],
    )


def test_links_from_a_declared_artifact_or_an_eval_are_dependencies_not_mentions(spec_repo):
    spec_repo.write("specdiff.toml", SPEC_ONLY + '\n[[artifacts]]\npath = "docs/guide.md"\n')
    spec_repo.write("spec/lending.md", LENDING)
    spec_repo.write("docs/guide.md", "Read the [hold rules](../spec/lending.md#holds) first.\n")
    spec_repo.write("tests/holds.md", "Checks the [hold rules](../spec/lending.md#holds).\n")
    spec_repo.write("README.md", "The [policy](spec/lending.md).\n")
    assert_found(
        scan(spec_repo, links),
        [
            Dependency("artifact:docs/guide.md", Target("spec/lending.md", "holds"), "links to it", "docs/guide.md:1"),
            Dependency("eval:tests/holds.md", Target("spec/lending.md", "holds"), "links to it", "tests/holds.md:1"),
            Dependency("mention:README.md", Target("spec/lending.md", None), "links to it", "README.md:1"),
        ],
    )


def test_web_links_and_links_to_other_markdown_are_ignored(spec_repo):
    spec_repo.write("specdiff.toml", SPEC_ONLY)
    spec_repo.write("spec/lending.md", LENDING)
    spec_repo.write("notes/todo.md", "# Todo\n")
    spec_repo.write(
        "docs/guide.md",
        "See [upstream](https://example.com/spec/lending.md#holds) and [todo](../notes/todo.md#top).\n",
    )
    assert scan(spec_repo, links) == [], "web addresses and non-spec Markdown are not dependencies"


# -- requirements ---------------------------------------------------------------------------------

FEATURE_SPEC = """\
# Feature: Hold reminders

## Requirements

- **FR-001**: System MUST text the patron when a hold is ready.
- **FR-002**: System MUST stop reminders once the item is collected.
"""

TASKS = """\
# Tasks

- [ ] T001 Write the SMS template (FR-001)
- [ ] T002 Schedule reminders for FR-001 again
- [ ] T003 Archive old reminders (FR-099)
"""


def test_task_mentioning_a_requirement_depends_on_it(spec_repo):
    spec_repo.write("specdiff.toml", 'specs = ["specs/*/spec.md"]\n')
    spec_repo.write("specs/001-hold-reminders/spec.md", FEATURE_SPEC)
    spec_repo.write("specs/001-hold-reminders/tasks.md", TASKS)
    found = scan(spec_repo, requirements)
    tasks = "specs/001-hold-reminders/tasks.md"
    assert_found(
        found,
        [
            Dependency(f"artifact:{tasks}", Target(requirement="FR-001"), "mentions FR-001", f"{tasks}:3"),
            # Undefined, but mentioned in a file that mentions requirements: the graph reports it dangling.
            Dependency(f"artifact:{tasks}", Target(requirement="FR-099"), "mentions FR-099", f"{tasks}:5"),
        ],
    )


def test_requirement_ids_are_not_looked_for_when_the_spec_defines_none(spec_repo):
    spec_repo.write("specdiff.toml", SPEC_ONLY)
    spec_repo.write("spec/lending.md", LENDING)
    spec_repo.write("docs/notes.txt", "Remember FR-001.\n")
    assert scan(spec_repo, requirements) == []


# -- eval_suites ----------------------------------------------------------------------------------


def test_jsonl_eval_cases_naming_spec_sections(spec_repo):
    spec_repo.write("specdiff.toml", SPEC_ONLY)
    spec_repo.write("spec/lending.md", LENDING)
    spec_repo.write(
        "evals/lending.jsonl",
        '{"id": "hold-ready", "spec": "spec/lending.md#holds", "input": "Is my book in?"}\n'
        "this line is not JSON\n"
        '{"name": "renew-twice", "spec": "spec/lending.md"}\n'
        '{"id": "no-spec", "input": "hello"}\n'
        '{"id": "elsewhere", "spec": "spec/missing.md#x"}\n'
        "[1, 2, 3]\n"
        '{"spec": "spec/lending.md#holds"}\n',
    )
    spec_repo.write("data/cases.jsonl", '{"id": "not-an-eval-folder", "spec": "spec/lending.md#holds"}\n')
    suite = "evals/lending.jsonl"
    assert_found(
        scan(spec_repo, eval_suites),
        [
            Dependency(f"eval:{suite}#hold-ready", Target("spec/lending.md", "holds"), "eval case for it", f"{suite}:1"),
            Dependency(f"eval:{suite}#renew-twice", Target("spec/lending.md", None), "eval case for it", f"{suite}:3"),
        ],
    )


def test_declared_eval_suite_outside_an_evals_folder_is_read(spec_repo):
    spec_repo.write("specdiff.toml", SPEC_ONLY + '[[evals]]\npath = "qa/cases.jsonl"\nfrom = []\n')
    spec_repo.write("spec/lending.md", LENDING)
    spec_repo.write("qa/cases.jsonl", '{"id": 7, "spec": "spec/lending.md#renewals"}\n')
    assert_found(
        scan(spec_repo, eval_suites),
        [Dependency("eval:qa/cases.jsonl#7", Target("spec/lending.md", "renewals"), "eval case for it", "qa/cases.jsonl:1")],
    )


# -- footnotes ------------------------------------------------------------------------------------

MODEL_SPEC = """\
# Model behaviour

## Privacy {#privacy}

The assistant should not reveal a patron's loans[^ab12].

The assistant should refuse to guess a patron's address[^zz99].

[^ab12]: Worked examples.
[^zz99]: Not written yet.
"""


def test_footnote_with_an_examples_file_makes_an_eval_of_the_clause(spec_repo):
    spec_repo.write("specdiff.toml", SPEC_ONLY)
    spec_repo.write("spec/model.md", MODEL_SPEC)
    spec_repo.write("examples/ab12.md", "# Example\n\nUser: what did Ana borrow?\n")
    assert_found(
        scan(spec_repo, footnotes),
        [
            Dependency(
                "eval:examples/ab12.md", "clause:spec/model.md#privacy/1", "examples for footnote [^ab12]", "spec/model.md:5"
            )
        ],
    )


def test_footnote_without_an_examples_file_finds_nothing(spec_repo):
    spec_repo.write("specdiff.toml", SPEC_ONLY)
    spec_repo.write("spec/model.md", MODEL_SPEC)
    assert scan(spec_repo, footnotes) == [], "no examples/<label>.md, no eval"


def test_footnote_examples_beside_the_spec_file(spec_repo):
    spec_repo.write("specdiff.toml", SPEC_ONLY)
    spec_repo.write("spec/model.md", MODEL_SPEC)
    spec_repo.write("spec/examples/zz99.md", "# Example\n")
    found = scan(spec_repo, footnotes)
    assert [(d.dependent, d.target) for d in found] == [("eval:spec/examples/zz99.md", "clause:spec/model.md#privacy/2")]


# -- openspec -------------------------------------------------------------------------------------

OPENSPEC = """\
# Auth Specification

## Requirements

### Requirement: Sessions
The system SHALL end idle sessions after 30 minutes.

#### Scenario: Idle timeout
- **WHEN** a session is idle for 30 minutes
- **THEN** the patron is signed out
"""


def test_openspec_scenario_is_an_eval_of_its_steps_and_requirement(spec_repo):
    spec_repo.write("specdiff.toml", 'specs = ["openspec/specs/**/*.md"]\n')
    spec_repo.write("openspec/specs/auth/spec.md", OPENSPEC)
    path = "openspec/specs/auth/spec.md"
    case = f"eval:{path}#scenario-idle-timeout"
    assert_found(
        scan(spec_repo, openspec),
        [
            Dependency(case, f"section:{path}#scenario-idle-timeout", "OpenSpec scenario steps", f"{path}:8"),
            Dependency(case, f"section:{path}#requirement-sessions", "OpenSpec scenario of this requirement", f"{path}:8"),
        ],
    )


def test_openspec_without_scenarios_finds_nothing(spec_repo):
    spec_repo.write("specdiff.toml", SPEC_ONLY)
    spec_repo.write("spec/lending.md", LENDING)
    assert scan(spec_repo, openspec) == []


# -- speckit --------------------------------------------------------------------------------------


def test_speckit_siblings_and_contracts_are_artifacts_of_the_whole_spec(spec_repo):
    spec_repo.write("specdiff.toml", 'specs = ["specs/*/spec.md"]\n')
    folder = "specs/001-hold-reminders"
    spec_repo.write(f"{folder}/spec.md", FEATURE_SPEC)
    spec_repo.write(f"{folder}/plan.md", "# Plan\n\nUse the SMS gateway.\n")
    spec_repo.write(f"{folder}/tasks.md", TASKS)
    spec_repo.write(f"{folder}/contracts/api.yaml", "openapi: 3.0.0\n")
    spec_repo.write(f"{folder}/notes.md", "# Unrelated notes\n")
    whole = Target(f"{folder}/spec.md")
    reason = "spec-kit feature folder"
    assert_found(
        scan(spec_repo, speckit),
        [
            Dependency(f"artifact:{folder}/plan.md", whole, reason, f"{folder}/plan.md"),
            Dependency(f"artifact:{folder}/tasks.md", whole, reason, f"{folder}/tasks.md"),
            Dependency(f"artifact:{folder}/contracts/api.yaml", whole, reason, f"{folder}/contracts/api.yaml"),
        ],
    )


def test_speckit_sibling_that_is_itself_a_spec_is_not_an_output(spec_repo):
    # With the default globs every .md file is a spec, plan.md included.
    spec_repo.write("specs/001-hold-reminders/spec.md", FEATURE_SPEC)
    spec_repo.write("specs/001-hold-reminders/plan.md", "# Plan\n")
    assert scan(spec_repo, speckit) == []


# -- kiro -----------------------------------------------------------------------------------------

KIRO_REQUIREMENTS = """\
# Requirements Document

## Introduction

Patrons sign in to manage their holds.

## Requirements

### Requirement 1

**User Story:** As a patron, I want to sign in, so that I can see my holds.

#### Acceptance Criteria

1. WHEN a patron submits valid credentials THEN the system SHALL start a session
2. WHEN a patron submits a wrong password THEN the system SHALL show an error
3. IF five attempts fail THEN the system SHALL lock the account for 15 minutes

### Requirement 2

**User Story:** As a librarian, I want to unlock accounts.

#### Acceptance Criteria

1. WHEN a librarian unlocks an account THEN the system SHALL clear the failed attempts
"""

KIRO_TASKS = """\
# Implementation Plan

- [ ] 1. Build the sign-in form
  - _Requirements: 1.2_
- [ ] 2. Unlock screen
  - _Requirements: 2, 9.9_
"""


def test_kiro_task_depends_on_the_numbered_acceptance_criterion(spec_repo):
    spec_repo.write("specdiff.toml", 'specs = [".kiro/specs/*/requirements.md"]\n')
    folder = ".kiro/specs/login"
    spec_repo.write(f"{folder}/requirements.md", KIRO_REQUIREMENTS)
    spec_repo.write(f"{folder}/design.md", "# Design\n")
    spec_repo.write(f"{folder}/tasks.md", KIRO_TASKS)
    requirements_md = f"{folder}/requirements.md"
    tasks = f"artifact:{folder}/tasks.md"
    assert_found(
        scan(spec_repo, kiro),
        [
            Dependency(f"artifact:{folder}/design.md", Target(requirements_md), "Kiro spec folder", f"{folder}/design.md"),
            Dependency(tasks, Target(requirements_md), "Kiro spec folder", f"{folder}/tasks.md"),
            Dependency(tasks, f"clause:{requirements_md}#acceptance-criteria/2", "_Requirements: 1.2_", f"{folder}/tasks.md:4"),
            Dependency(tasks, f"section:{requirements_md}#requirement-2", "_Requirements: 2_", f"{folder}/tasks.md:6"),
            # A criterion that does not exist is a Target the graph cannot resolve: dangling.
            Dependency(tasks, Target(requirements_md, "requirement-9.9"), "_Requirements: 9.9_", f"{folder}/tasks.md:6"),
        ],
    )


def test_kiro_criterion_beyond_the_last_is_dangling(spec_repo):
    spec_repo.write("specdiff.toml", 'specs = [".kiro/specs/*/requirements.md"]\n')
    folder = ".kiro/specs/login"
    spec_repo.write(f"{folder}/requirements.md", KIRO_REQUIREMENTS)
    spec_repo.write(f"{folder}/tasks.md", "- [ ] 1. Lockout\n  - _Requirements: 1.4_\n")
    found = [d for d in scan(spec_repo, kiro) if d.reason.startswith("_Requirements")]
    assert found == [
        Dependency(
            f"artifact:{folder}/tasks.md",
            Target(f"{folder}/requirements.md", "requirement-1.4"),
            "_Requirements: 1.4_",
            f"{folder}/tasks.md:2",
        )
    ], "requirement 1 has three criteria; 1.4 does not exist"


KIRO_TEST_TASKS = """\
# Implementation Plan

- [x] 1. Build the sign-in form
  - _Requirements: 1.1_
- [ ]* 1.1 Write property test for the lockout
  - **Property 3: five failures lock the account**
  - **Validates: Requirements 1.3, 2.1**
- [ ] 2. Integration testing of the unlock screen
  - _Requirements: 2_
"""


def test_kiro_test_tasks_are_eval_cases_of_the_criteria_they_name(spec_repo):
    spec_repo.write("specdiff.toml", 'specs = [".kiro/specs/*/requirements.md"]\n')
    folder = ".kiro/specs/login"
    spec_repo.write(f"{folder}/requirements.md", KIRO_REQUIREMENTS)
    spec_repo.write(f"{folder}/tasks.md", KIRO_TEST_TASKS)
    requirements_md = f"{folder}/requirements.md"
    found = [d for d in scan(spec_repo, kiro) if d.reason.startswith("_Requirements")]
    tasks, criteria = f"{folder}/tasks.md", f"clause:{requirements_md}#acceptance-criteria"
    test = f"eval:{tasks}#task-1.1"
    assert found == [
        Dependency(f"artifact:{tasks}", f"{criteria}/1", "_Requirements: 1.1_", f"{tasks}:4"),
        Dependency(test, f"{criteria}/3", "_Requirements: 1.3_", f"{tasks}:7"),
        Dependency(test, f"{criteria}-1/1", "_Requirements: 2.1_", f"{tasks}:7"),
        Dependency(f"eval:{tasks}#task-2", f"section:{requirements_md}#requirement-2", "_Requirements: 2_", f"{tasks}:9"),
    ], "a build task makes tasks.md an artifact; a test task (Kiro's **Validates:** form too) is an eval case"


def test_kiro_ranges_name_each_criterion_and_all_names_none(spec_repo):
    spec_repo.write("specdiff.toml", 'specs = [".kiro/specs/*/requirements.md"]\n')
    folder = ".kiro/specs/login"
    spec_repo.write(f"{folder}/requirements.md", KIRO_REQUIREMENTS)
    tasks = "- [ ] 1. Sign-in\n  - _Requirements: All, 1.2-1.3, 2.1_\n- [ ] 2. Done\n  - _Requirements: All_\n"
    spec_repo.write(f"{folder}/tasks.md", tasks)
    found = [(d.target, d.reason) for d in scan(spec_repo, kiro) if d.reason.startswith("_Requirements")]
    criteria = f"clause:{folder}/requirements.md#acceptance-criteria"
    assert found == [
        (f"{criteria}/2", "_Requirements: 1.2_"),
        (f"{criteria}/3", "_Requirements: 1.3_"),
        (f"{criteria}-1/1", "_Requirements: 2.1_"),
    ], "before, the range made the whole list unreadable"


KIRO_NESTED = """\
# Requirements Document

### Requirement 1

**User Story:** As a patron, I want to sign in.

#### Acceptance Criteria

1. WHEN a patron signs in THEN the system SHALL:
   - start a session
   - show the holds page
2. WHEN a patron submits a wrong password THEN the system SHALL show an error
"""


def test_kiro_criterion_number_ignores_nested_bullets(spec_repo):
    spec_repo.write("specdiff.toml", 'specs = [".kiro/specs/*/requirements.md"]\n')
    folder = ".kiro/specs/login"
    spec_repo.write(f"{folder}/requirements.md", KIRO_NESTED)
    spec_repo.write(f"{folder}/tasks.md", "- [ ] 1. Error message\n  - _Requirements: 1.2_\n")
    spec_repo.commit("layout")
    with Repository(spec_repo.path) as repo:
        workspace, _ = open_workspace(repo, None, load_config(spec_repo.path))
        (target,) = [d.target for d in kiro.scan(workspace) if d.reason == "_Requirements: 1.2_"]
        document = workspace.documents[f"{folder}/requirements.md"]
    texts = {
        f"clause:{document.path}#{c.section}/{n}": c.normalized for s in document.sections for n, c in enumerate(s.clauses, 1)
    }
    assert texts.get(target, "").startswith("WHEN a patron submits a wrong password"), f"1.2 resolved to {texts.get(target)!r}"


def test_link_with_a_title_counts(spec_repo):
    spec_repo.write("specdiff.toml", SPEC_ONLY)
    spec_repo.write("spec/lending.md", LENDING)
    spec_repo.write("docs/guide.md", 'See the [hold rules](../spec/lending.md#holds "Hold rules").\n')
    assert scan(spec_repo, links) == [
        Dependency("mention:docs/guide.md", Target("spec/lending.md", "holds"), "links to it", "docs/guide.md:1")
    ]
