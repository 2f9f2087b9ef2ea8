"""Which files are specs when no config says so: the layouts of real spec repositories."""

from __future__ import annotations

from specdiff.config import Config, detected_config
from specdiff.layouts import detect_layout, glob_for, looks_like_spec

COMMUNITY = [
    "README.md",
    "CONTRIBUTING.md",
    "CODE_OF_CONDUCT.md",
    "GOVERNANCE.md",
    "MAINTAINERS.md",
    "IMPLEMENTATIONS.md",
    "implementations.md",  # the OCI image and runtime specs' adopters
    "docs/adopters.md",
    "SECURITY.md",
    "CHANGELOG.md",
    "RELEASES.md",
    "ROADMAP.md",
    "docs/Roadmap.md",
    "docs/contributing.md",
    "docs/code-of-conduct.md",
    "owners.md",
    "community/contributors.md",
    "docs/2026-01/changelog.mdx",
    "EMERITUS.md",
    "HACKING.md",
    "RELEASE_PROCESS.md",
    "SUBMITTING.md",
    "DEVELOPMENT.md",
    "ANTITRUST.md",
    "AI_POLICY.md",
    "AGENTS.md",
    ".github/pull_request_template.md",
    ".agents/skills/write/SKILL.md",
    "blog/posts/launch.md",
    "content/changelog/v1.19.md",  # release notes, a file per release
    "docs/release-notes/v2.md",
    "_implementors/servers.md",
    "docs/implementations/tools.md",
    "governance/1._Community_Specification_License-v1.md",  # how the project is run (OpenVEX)
]


def selected(paths: list[str]) -> list[str]:
    config = detected_config(paths)
    return sorted(p for p in paths if config.is_spec(p))


def test_community_files_are_left_out_and_the_spec_stays():
    assert selected([*COMMUNITY, "widget.md", "docs/terms.markdown"]) == ["docs/terms.markdown", "widget.md"]


def test_a_folders_readme_is_its_parts_spec_where_every_markdown_file_is_one():
    paths = ["README.md", "ping/README.md", "ping/ping-v2.md", "relay/Readme.md", "CONTRIBUTING.md"]
    assert selected(paths) == ["ping/README.md", "ping/ping-v2.md", "relay/Readme.md"]


def test_readme_is_the_spec_when_it_is_the_only_prose():
    assert selected(["README.md", "CHANGELOG.md", "tests/example.toml", "LICENSE"]) == ["README.md"]
    assert selected(["README.md", "widget.md"]) == ["widget.md"], "with a spec beside it, the README is a README"
    assert selected(["README.md", "docs/README.md", "SECURITY.md"]) == ["README.md"], "a folder's README is no spec beside it"
    assert "only prose" in detect_layout(["README.md"]).reasons[0]


def test_mdx_is_a_spec_suffix_by_default():
    assert Config().is_spec("docs/tools.mdx")
    assert selected(["guide/intro.mdx", "guide/setup.md", "README.md"]) == ["guide/intro.mdx", "guide/setup.md"]


def test_an_mdx_site_with_a_specification_folder_reads_only_that_folder():
    paths = [
        "docs/specification/2026-01-01/basic.mdx",
        "docs/specification/draft/basic.mdx",
        "docs/specification/draft/notes.md",
        "docs/tutorials/quickstart.mdx",
        "blog/content/posts/news.md",
        "README.md",
    ]
    layout = detect_layout(paths)
    assert layout.names == ("MDX site",)
    assert selected(paths) == paths[:3]


def test_test_fixtures_and_tooling_are_not_specs():
    paths = [
        "cloudevents/spec.md",
        "tools/fake-docs/spec.md",
        "test/fixtures/openspec/specs/alpha/spec.md",
        "tests/hooks/plan.md",
        "scripts/release.md",
        "docs/guide/fixtures/sample.md",
        "docs/tools/inspector.md",
    ]
    assert selected(paths) == ["cloudevents/spec.md", "docs/tools/inspector.md"]


def test_a_spec_folder_is_the_spec_and_proposals_and_changelogs_are_not():
    paths = [
        "specification/trace/api.md",
        "specification/overview.md",
        "proposals/0001-sampling.md",
        "changelogs/2026.md",
        "STYLE_GUIDE.md",
        "README.md",
    ]
    layout = detect_layout(paths)
    assert layout.names == ("spec folder",)
    assert selected(paths) == sorted(paths[:2])


def test_a_readme_in_a_part_of_the_spec_folder_is_that_parts_spec():
    paths = ["specification/common/README.md", "specification/trace/api.md", "specification/README.md", "README.md"]
    assert selected(paths) == ["specification/common/README.md", "specification/trace/api.md"]


def test_a_spec_folder_in_docs_counts_and_one_deep_elsewhere_does_not():
    assert selected(["docs/spec/pings.md", "docs/guide.md"]) == ["docs/spec/pings.md"]
    nested = ["examples/spec/case.md", "guide.md"]
    assert detect_layout(nested).names == () and selected(nested) == sorted(nested)


def test_a_spec_folder_of_community_files_only_is_no_spec_folder():
    paths = ["specification/README.md", "docs/specification.md", "docs/index.md"]
    assert detect_layout(paths).names == ()
    assert selected(paths) == sorted(paths), "every Markdown file, a folder's README too"


def test_a_named_layout_wins_over_a_spec_folder():
    paths = ["specs/loans/spec.md", "specs/loans/plan.md", "spec/notes.md"]
    assert detect_layout(paths).names == ("spec-kit",)


def test_ietf_drafts_leave_the_archive_out():
    paths = [
        "draft-ietf-wg-frames.md",
        "draft-ietf-wg-pings.md",
        "archive/draft-ietf-wg-old.md",
        "writeups/frames.md",
        "README.md",
    ]
    assert selected(paths) == ["draft-ietf-wg-frames.md", "draft-ietf-wg-pings.md"]
    assert "archive/" in detect_layout(paths).reasons[0]


def test_ietf_drafts_with_the_published_rfcs_beside_them():
    paths = ["draft-ietf-wg-pings.md", "rfc9999.md", "rfc10001.md", "rfc-notes.md", "archive/rfc9001.md", "README.md"]
    assert selected(paths) == ["draft-ietf-wg-pings.md", "rfc10001.md", "rfc9999.md"]
    assert "1 draft-*.md file (kramdown-rfc) and 2 published RFCs" in detect_layout(paths).reasons[0]


def test_model_spec_reads_the_spec_and_leaves_examples_as_evals():
    paths = ["model_spec.md", "examples/k3f9.md", "examples/p2x7.md", "README.md", "CHANGELOG.md"]
    assert selected(paths) == ["model_spec.md"]


def test_openspec_speckit_and_kiro_folders():
    paths = [
        "openspec/specs/auth/spec.md",
        "openspec/changes/add-2fa/proposal.md",
        "openspec/changes/add-2fa/specs/auth/spec.md",
        "specs/001-holds/spec.md",
        "specs/001-holds/plan.md",
        "specs/001-holds/tasks.md",
        ".kiro/specs/login/requirements.md",
        ".kiro/specs/login/tasks.md",
        "docs/guide.md",
    ]
    layout = detect_layout(paths)
    assert layout.names == ("OpenSpec", "spec-kit", "Kiro")
    assert selected(paths) == [
        ".kiro/specs/login/requirements.md",
        "openspec/changes/add-2fa/specs/auth/spec.md",
        "openspec/specs/auth/spec.md",
        "specs/001-holds/spec.md",
    ]


def test_kubernetes_enhancement_proposals_are_the_readmes_of_their_folders():
    paths = [
        "keps/sig-lending/1234-renewal-limits/README.md",
        "keps/sig-lending/1234-renewal-limits/kep.yaml",
        "keps/sig-rooms/quiet/987-quiet-hours/README.md",
        "keps/sig-rooms/987-quiet-hours-notes.md",
        "keps/NNNN-kep-template/README.md",
        "README.md",
        "CONTRIBUTING.md",
        "docs/process.md",
    ]
    layout = detect_layout(paths)
    assert layout.names == ("KEPs",) and "2 KEPs" in layout.reasons[0]
    assert selected(paths) == [
        "keps/NNNN-kep-template/README.md",
        "keps/sig-lending/1234-renewal-limits/README.md",
        "keps/sig-rooms/987-quiet-hours-notes.md",
        "keps/sig-rooms/quiet/987-quiet-hours/README.md",
    ]
    assert detect_layout(["keps/README.md", "keps/sig-a/process.md"]).names == (), "no numbered proposal: no KEPs"


def test_released_versions_with_their_working_copy_and_without_translations_or_editor_lists():
    numbered = ["versions/1.0.0.md", "versions/1.1.0.md", "versions/1.1.0-editors.md", "proposals/webhooks.md", "GOVERNANCE.md"]
    assert selected(numbered) == ["versions/1.0.0.md", "versions/1.1.0.md"]
    named = ["widget.md", "versions/en/widget-v0.1.0.md", "versions/en/widget-v0.2.0.md", "versions/ja/widget-v0.2.0.md"]
    assert selected(named) == ["versions/en/widget-v0.1.0.md", "versions/en/widget-v0.2.0.md", "widget.md"]
    in_readme = ["README.md", "versions/en/widget-v0.1.0.md", "versions/en/widget-v0.2.0.md"]
    assert selected(in_readme) == in_readme, "no widget.md: the working copy is the README"


def test_looks_like_spec_and_the_glob_that_selects_a_path():
    assert looks_like_spec("docs/guide/intro.mdx") and not looks_like_spec("CONTRIBUTING.md")
    assert glob_for("docs/guide/deep/intro.mdx") == "docs/guide/**/*.mdx"


def test_the_notice_names_the_files_and_the_line_that_selects_them():
    config = detected_config(["docs/specification/a.mdx", "docs/guide/b.mdx"])
    notice = config.unselected_notice(["docs/guide/b.mdx", "CONTRIBUTING.md", "docs/specification/a.mdx"])
    assert notice is not None
    assert notice.startswith("docs/guide/b.mdx changed and looks like a spec but is not selected")
    assert 'specs = ["docs/specification/**/*.mdx", "docs/specification/**/*.md", "docs/guide/**/*.mdx"]' in notice
    assert config.unselected_notice(["CONTRIBUTING.md"]) is None
    drafts = detected_config(["draft-ietf-wg-a.md", "archive/draft-ietf-wg-b.md", "notes/plan.md"])
    assert drafts.unselected_notice(["archive/draft-ietf-wg-b.md"]) is None, "left out on purpose"
    assert "notes/plan.md" in (drafts.unselected_notice(["notes/plan.md"]) or "")
    assert Config(source="specdiff.toml").unselected_notice(["docs/guide/b.mdx"]) is None, "a written config is a choice"


def test_the_notice_suggests_no_glob_that_another_covers():
    config = detected_config(["docs/specification/a.mdx", "docs/guide/b.mdx", "docs/c.mdx", "docs/about/d.md"])
    notice = config.unselected_notice(["docs/guide/b.mdx", "docs/c.mdx", "docs/about/d.md"])
    assert notice is not None
    assert notice.endswith('specs = ["docs/specification/**/*.md", "docs/about/**/*.md", "docs/**/*.mdx"]'), notice


def test_a_standards_folder_is_the_spec_and_the_steering_committee_is_not():
    paths = [
        "standards/ID.md",
        "standards/Workload_API.md",
        "ssc/elections/2026H1/CANDIDATE.md",
        "community/volunteers.md",
        "MATURITY.md",
        "README.md",
    ]
    assert detect_layout(paths).names == ("spec folder",)
    assert selected(paths) == paths[:2]


def test_a_jekyll_sites_templates_are_not_specs():
    paths = ["_format/1.1/index.md", "_includes/status.md", "_layouts/page.md", "faq/index.md"]
    assert selected(paths) == ["_format/1.1/index.md", "faq/index.md"]


def test_meeting_records_are_not_specs():
    """SARIF's technical committee keeps 61 meetings' minutes beside its spec; GraphQL over HTTP keeps
    its working group's agendas."""
    paths = [
        "sarif-2.2/prose/edit/src/conformance.md",
        "meeting_minutes/240711_SARIF_TC_89.md",
        "working-group/agendas/2026/08-Aug/05-wg.md",
        "wg/minutes/2025-01-02.md",
        "meetings/2024-q1.md",
    ]
    assert selected(paths) == paths[:1]
