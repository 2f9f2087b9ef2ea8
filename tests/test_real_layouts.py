"""The first run in repositories laid out as real spec projects are, with no specdiff.toml.

Each test builds a small repository of our own in one layout (an MDX site, an
IETF draft in kramdown-rfc, a spec with OpenAPI-style ``<a name>`` anchors, a
README-only spec, a repository full of community files) and runs the real CLI.
"""

from __future__ import annotations

from helpers import assert_usage_error

# -- an MDX documentation site ---------------------------------------------------------

MDX_PAGE = """\
---
title: Pings
---
import {{ Diagram }} from "/snippets/diagram.mdx";

<div id="enable-section-numbers" />

# Pings

A client MAY send a ping at any time.

<Note>
  A server {rule} answer a ping within {seconds} seconds.
</Note>

<Diagram
  kind="sequence"
/>
"""


def mdx_site(spec_repo, rule: str = "SHOULD", seconds: int = 5, guide: str = "Start here.\n") -> None:
    spec_repo.commit(
        "Pages",
        {
            "docs/specification/draft/pings.mdx": MDX_PAGE.format(rule=rule, seconds=seconds),
            "docs/guide/intro.mdx": guide,
            "README.md": "Read [the ping rules](docs/specification/draft/pings.mdx#pings).\n",
        },
    )


def test_mdx_prose_inside_a_component_is_read_and_jsx_is_not_prose(spec_repo, specdiff_json):
    mdx_site(spec_repo)
    mdx_site(spec_repo, rule="MUST", seconds=2)
    data = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")
    (file,) = data["files"]
    (amendment,) = file["amendments"]
    assert amendment["severity"] == "breaking"
    assert amendment["new"][0]["text"].strip() == "A server MUST answer a ping within 2 seconds."
    effects = {e["type"] for e in amendment["effects"]}
    assert {"modality", "number"} <= effects


def test_mdx_jsx_and_esm_lines_are_html_blocks():
    from specdiff.parse import parse_document

    document = parse_document(MDX_PAGE.format(rule="MUST", seconds=2), "pings.mdx")
    kinds = [(c.kind, c.text.split("\n")[0].strip()) for c in document.clauses]
    assert ("html", 'import { Diagram } from "/snippets/diagram.mdx";') in kinds
    assert ("html", "<Note>") in kinds and ("html", "<Diagram") in kinds
    assert ("paragraph", "A server MUST answer a ping within 2 seconds.") in kinds
    assert [s.heading for s in document.sections] == ["", "Pings"]


# -- a Bikeshed spec ---------------------------------------------------------------------

BIKESHED = """\
<pre class='metadata'>
Title: The Lantern Protocol
Shortname: lantern
Indent: 2
Markup Shorthands: markdown yes
</pre>

## Lantern objects ## {{#lanterns}}

A lantern record has the format:

<pre highlight="json">
{{ "id" : <a>LANTERNID</a> }}
</pre>

      : <dfn>LANTERNID</dfn>
      ::
        The identifier of the lantern. It {rule} be unique among the
        records of one harbour.
"""


def test_bikeshed_definitions_indented_under_a_term_are_prose_not_code(spec_repo, specdiff_json):
    # Bikeshed has no indented code blocks; CommonMark would read the indented definition as code.
    spec_repo.commit("write", {"lantern-spec.md": BIKESHED.format(rule="SHOULD")})
    spec_repo.commit("tighten", {"lantern-spec.md": BIKESHED.format(rule="MUST")})
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    (amendment,) = file["amendments"]
    assert (amendment["kind"], amendment["severity"], amendment["new"][0]["kind"]) == ("modified", "breaking", "paragraph")
    assert amendment["new"][0]["lines"] == [16, 19], "the term and its definition"
    plain = BIKESHED.format(rule="MUST").split("</pre>\n", 1)[1]
    from specdiff.parse import parse_document

    assert parse_document(plain, "x.md").clauses[-1].kind == "example", "without Bikeshed's metadata it is code"


def test_bikeshed_headings_lose_their_closing_hashes_and_take_a_no_break_space(spec_repo, specdiff_json):
    """TUF writes "## Title ## {#anchor}", which CommonMark leaves with the closing hashes in its text,
    and a few of its headings have a no-break space after the opening hashes, which Bikeshed takes and
    CommonMark does not: everything under them was filed under the section before."""
    spec_repo.commit("write", {"lantern-spec.md": BIKESHED.format(rule="SHOULD")})
    trimmed = BIKESHED.format(rule="SHOULD") + "\n##\xa0Lantern keys ##\xa0{#keys}\n\nA key MUST be kept dry.\n"
    spec_repo.commit("add keys", {"lantern-spec.md": trimmed})
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    added = [(a["unit"], a["new"][0].get("heading"), a["new"][0]["section"]) for a in file["amendments"]]
    assert added == [("section", "Lantern keys", "keys"), ("clause", "Lantern keys", "keys")]
    from specdiff.parse import parse_document

    assert [s.heading for s in parse_document(trimmed, "lantern-spec.md").sections][1:] == ["Lantern objects", "Lantern keys"]


def test_bikeshed_metadata_is_front_matter_whose_editors_and_version_say_nothing(spec_repo, specdiff_json):
    """TUF's Bikeshed metadata block changed an editor's employer and its "Text Macro: VERSION 1.0.33" ->
    "1.0.34", and read as reworded, substantive. It is the page's front matter: who wrote it and which
    release it is. Its other fields are read, as a spec's own front matter fields are."""
    header = BIKESHED.split("</pre>", 1)[0]
    stamped = header + "Editor: Ann Lee, Docks Inc\nText Macro: VERSION 1.0.33\n" + BIKESHED[len(header) :]
    spec_repo.commit("write", {"lantern-spec.md": stamped.format(rule="SHOULD")})
    moved_on = stamped.replace("Docks Inc", "Harbour Co").replace("1.0.33", "1.0.34")
    spec_repo.commit("new employer", {"lantern-spec.md": moved_on.format(rule="SHOULD")})
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    (amendment,) = file["amendments"]
    assert (amendment["new"][0]["kind"], amendment["severity"]) == ("front_matter", "editorial"), amendment
    indented = moved_on.replace("Indent: 2", "Indent: 4")
    spec_repo.commit("indent", {"lantern-spec.md": indented.format(rule="SHOULD")})
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    assert [a["severity"] for a in file["amendments"]] == ["substantive"]


def test_a_link_is_a_mention_shown_on_request_never_an_output(spec_repo, specdiff, specdiff_json):
    mdx_site(spec_repo)
    mdx_site(spec_repo, rule="MUST")
    plain = specdiff("-C", spec_repo.path, "HEAD~1", "HEAD")
    assert "Outputs to rebuild" not in plain.out and "README.md" not in plain.out
    asked = specdiff("-C", spec_repo.path, "HEAD~1", "HEAD", "--mentions")
    assert "Mentioned in (1):" in asked.out and "⇢ mentioned in README.md" in asked.out
    data = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")
    (amendment,) = data["files"][0]["amendments"]
    assert amendment["impact"] == []
    assert [m["node"] for m in amendment["mentioned_in"]] == ["mention:README.md"]
    assert specdiff("-C", spec_repo.path, "HEAD~1", "HEAD", "--fail-on", "stale").code == 0, "nothing to rebuild"


def test_changed_pages_outside_the_spec_get_one_notice_with_the_line_to_select_them(spec_repo, specdiff):
    mdx_site(spec_repo)
    mdx_site(spec_repo, guide="Start here, then read the spec.\n")
    run = specdiff("-C", spec_repo.path, "HEAD~1", "HEAD")
    notices = [line for line in run.err.splitlines() if "not selected" in line]
    assert len(notices) == 1
    assert "docs/guide/intro.mdx changed and looks like a spec" in notices[0]
    assert '"docs/guide/**/*.mdx"' in notices[0] and "README" not in notices[0]
    log = specdiff("log", "-C", spec_repo.path)
    assert [line for line in log.err.splitlines() if "not selected" in line] == notices, "the log says it once too"


def test_init_for_an_mdx_site(spec_repo, specdiff):
    mdx_site(spec_repo)
    run = specdiff("init", "-C", spec_repo.path, "--print")
    assert run.code == 0
    assert "# Found: MDX documentation site: the pages under docs/specification/." in run.out
    assert 'specs = ["docs/specification/**/*.mdx", "docs/specification/**/*.md"]' in run.out
    assert "#   docs/specification/draft/pings.mdx" in run.out
    assert not (spec_repo.path / "specdiff.toml").exists(), "--print writes nothing"


# -- a spec folder beside proposals and changelogs -----------------------------------


def spec_folder_repo(spec_repo, rule: str = "SHOULD", proposal: str = "We propose pings.\n") -> None:
    spec_repo.commit(
        "Spec and proposals",
        {
            "spec/pings.md": f"# Pings\n\nA server {rule} answer a ping.\n",
            "proposals/0001-pings.md": f"# Proposal: pings\n\n{proposal}",
            "changelogs/2026.md": "# 2026\n\nPings were added.\n",
        },
    )


def test_init_finds_the_spec_folder_and_leaves_the_proposals_out(spec_repo, specdiff):
    spec_folder_repo(spec_repo)
    run = specdiff("init", "-C", spec_repo.path, "--print")
    assert run.code == 0
    assert "# Found: a spec folder: the Markdown under spec/" in run.out
    assert "#   spec/pings.md" in run.out and "proposals/0001-pings.md" not in run.out.split("specs = ")[0]


def test_a_spec_folder_moved_is_read_where_each_commit_kept_it(spec_repo, specdiff, specdiff_json):
    """SLSA moved its spec from docs/spec/<version>/ to spec/; the layout detected in the working tree chose
    spec/ alone, and a log of the history found only the commits after the move. The folders the history
    removed count too, for `log` and for `init`; a diff reads the files of its own revisions."""
    spec_repo.commit("docks", {"docs/spec/v1/docks.md": "# Docks\n\nA dock SHOULD lock its racks.\n", "guide.md": "Hi.\n"})
    spec_repo.commit("docks must lock", {"docs/spec/v1/docks.md": "# Docks\n\nA dock MUST lock its racks.\n"})
    spec_repo.git("mv", "docs/spec/v1", "spec")
    spec_repo.commit("move the spec", {"spec/docks.md": "# Docks\n\nA dock MUST lock its racks.\n\nRiders MUST pay.\n"})
    log = specdiff_json("-C", spec_repo.path, "log", lines=True)
    assert [entry["subject"] for entry in log] == ["move the spec", "docks must lock", "docks"], log
    init = specdiff("init", "-C", spec_repo.path, "--print")
    assert "spec/ (and docs/spec/, where the history kept it)" in init.out, init.out
    assert '"docs/spec/**/*.md"' in init.out, init.out


def test_a_changed_proposal_is_no_amendment_but_a_notice(spec_repo, specdiff, specdiff_json):
    spec_folder_repo(spec_repo)
    spec_folder_repo(spec_repo, rule="MUST", proposal="We propose pings, and a pong.\n")
    data = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")
    assert [f["new_path"] for f in data["files"]] == ["spec/pings.md"]
    run = specdiff("-C", spec_repo.path, "HEAD~1", "HEAD")
    notices = [line for line in run.err.splitlines() if "not selected" in line]
    assert len(notices) == 1 and "proposals/0001-pings.md changed and looks like a spec" in notices[0]


# -- an IETF draft in kramdown-rfc ----------------------------------------------------

DRAFT = """\
---
title: Frame Pacing for HTTP
docname: draft-ietf-wg-pacing-latest
author:
 -
    ins: A. Writer
    name: Ada Writer
    org: Example
--- abstract

This document defines frame pacing.

--- middle

# Introduction

Pacing spreads frames out.

# The Pacing Field {{#pacing}}

A sender {rule} honour the field.

~~~
Pacing: 10
~~~
{{: #fig-pacing title="A pacing field"}}

See {{{{pacing}}}} and [the figure](#fig-pacing).

--- back

# Acknowledgments
{{:numbered="false"}}

Thanks to the reviewers.
"""


def test_kramdown_rfc_front_matter_is_not_prose_and_the_parts_are_sections():
    from specdiff.parse import parse_document

    document = parse_document(DRAFT.format(rule="MUST"), "draft-ietf-wg-pacing.md")
    assert [(s.heading, s.id) for s in document.sections] == [
        ("", ""),
        ("Abstract", "abstract"),
        ("Introduction", "introduction"),
        ("The Pacing Field", "pacing"),
        ("Acknowledgments", "acknowledgments"),
    ]
    assert document.clauses[0].kind == "front_matter" and "ins: A. Writer" in document.clauses[0].text
    figure = next(c for c in document.clauses if c.kind == "example")
    assert figure.anchors == ("fig-pacing",), "a {: #id} line under a block anchors that block"
    assert not any("{:" in c.text for c in document.clauses)


def test_ietf_draft_diff_and_init(spec_repo, specdiff):
    spec_repo.commit("Draft", {"draft-ietf-wg-pacing.md": DRAFT.format(rule="SHOULD"), "archive/draft-ietf-wg-old.md": "# Old\n"})
    spec_repo.commit("Require pacing", {"draft-ietf-wg-pacing.md": DRAFT.format(rule="MUST")})
    run = specdiff("-C", spec_repo.path, "HEAD~1", "HEAD")
    assert "§ The Pacing Field  #pacing" in run.out
    assert "1 amendment in 1 file (1 breaking)" in run.out
    assert "Dangling" not in run.out, "#fig-pacing is the figure's anchor"
    init = specdiff("init", "-C", spec_repo.path, "--print")
    assert "# Found: IETF drafts: 1 draft-*.md file (kramdown-rfc); archive/ (published or expired drafts) left out." in init.out
    assert 'specs = ["**/draft-*.md"]' in init.out and '"archive/**",' in init.out


def test_a_drafts_informative_references_and_contributors_say_nothing_but_its_normative_ones_do(spec_repo, specdiff_json):
    """SCITT's architecture draft added a DOI to its "informative:" references and a contributor's e-mail
    changed case: each read as reworded (a DOI as a number changed), substantive. Informative references,
    contributors, the mailing list and kramdown's options are the page's metadata; a normative reference
    added is a new dependency."""
    def drafted(informative: str, normative: str = "") -> str:
        head = "contributor:\n - name: Bo Reader\n   email: Bo@example.org\n" + informative + normative
        return DRAFT.replace("--- abstract", head + "--- abstract").format(rule="MUST")

    spec_repo.commit("Draft", {"draft-ietf-wg-pacing.md": drafted("informative:\n  RFC9000:\n")})
    cited = drafted("informative:\n  RFC9000:\n  PACE: DOI.10.1145/1323293.1294280\n").replace("Bo@", "bo@")
    spec_repo.commit("Cite", {"draft-ietf-wg-pacing.md": cited})
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    assert [a["severity"] for a in file["amendments"]] == ["editorial"], file["amendments"]
    core = 'PACE-CORE:\n    title: "Core"\n    date: {DATE}'
    depending = cited.replace("--- abstract", f"normative:\n  RFC9110:\n  {core}\n--- abstract")
    spec_repo.commit("Depend", {"draft-ietf-wg-pacing.md": depending})
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    assert [a["severity"] for a in file["amendments"]] == ["substantive"], file["amendments"]
    # QUIC's drafts, at publication, dated their references and gave the documents keywords; then cut the
    # references' entries down to their names: the same documents, and each read as reworded.
    dated = depending.replace("{DATE}", "2021-05").replace("--- abstract", "keyword:\n  - pacing\n  - frames\n--- abstract")
    spec_repo.commit("Dated", {"draft-ietf-wg-pacing.md": dated})
    named = dated.replace(core.replace("{DATE}", "2021-05"), "PACE-CORE: RFC9999")
    spec_repo.commit("Named", {"draft-ietf-wg-pacing.md": named})
    for before, after in (("HEAD~2", "HEAD~1"), ("HEAD~1", "HEAD")):
        (file,) = specdiff_json("-C", spec_repo.path, before, after)["files"]
        assert [a["severity"] for a in file["amendments"]] == ["editorial"], (after, file["amendments"])


# -- OpenAPI-style anchors ------------------------------------------------------------

OAS = """\
# Widget Description Format

## Schema

### <a name="{doc}"></a>Widget Document

The root of a description is a [Widget Document](#{doc}).

#### Fixed Fields

Field Name | Type | Description
---|:---:|---
<a name="{title}"></a>title | `string` | **REQUIRED**. The title of the widget. See [Info](#{info}).
<a name="{size}"></a>size | `number` | The size, which MUST be positive.

### <a name="{info}"></a>Info Object

Info about the widget. The [title](#{title}) is shown first.
"""

OLD_ANCHORS = {"doc": "widgetDocument", "title": "widgetTitle", "size": "widgetSize", "info": "infoObject"}
NEW_ANCHORS = {"doc": "widget-document", "title": "widget-title", "size": "widget-size", "info": "info-object"}


def test_anchors_in_table_rows_resolve(spec_repo, specdiff_json):
    spec_repo.commit("Spec", {"versions/1.0.0.md": OAS.format(**OLD_ANCHORS), "versions/1.1.0.md": OAS.format(**OLD_ANCHORS)})
    data = specdiff_json("coverage", "-C", spec_repo.path)
    assert data["dangling"] == []


def test_an_anchor_migration_is_editorial_and_renames_no_section(spec_repo, specdiff_json):
    spec_repo.commit("Spec", {"versions/1.0.0.md": OAS.format(**OLD_ANCHORS), "versions/1.1.0.md": OAS.format(**OLD_ANCHORS)})
    spec_repo.commit("Kebab-case anchors", {"versions/1.1.0.md": OAS.format(**NEW_ANCHORS)})
    data = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")
    amendments = [a for f in data["files"] for a in f["amendments"]]
    assert amendments and {a["severity"] for a in amendments} == {"editorial"}
    assert not any(a["kind"] == "renamed" for a in amendments)
    sections = [a for a in amendments if a["unit"] == "section"]
    assert {(e["old"], e["new"]) for a in sections for e in a["effects"]} == {
        ("#widgetDocument", "#widget-document"),
        ("#infoObject", "#info-object"),
    }
    assert all(e["type"] == "attribute" for a in sections for e in a["effects"])
    row = next(a for a in amendments if "size" in a["new"][0].get("text", "") and a["unit"] == "clause")
    assert row["effects"] == [{"type": "attribute", "old": "#widgetSize", "new": "#widget-size", "direction": None}] or any(
        e["type"] == "attribute" and e["new"] == "#widget-size" for e in row["effects"]
    )
    assert data["dangling"] == []


def test_github_user_content_links_resolve(spec_repo, specdiff_json):
    spec_repo.commit("Spec", {"widget.md": "# Widget\n\n- [Keys](#user-content-keys)\n\n## Keys\n\nA key MUST be unique.\n"})
    data = specdiff_json("coverage", "-C", spec_repo.path)
    assert data["dangling"] == []


# -- dangling references -----------------------------------------------------------------


def test_dangling_references_are_shown_when_the_change_made_them(spec_repo, specdiff):
    spec = "# Widget\n\nSee [old](#nowhere).\n\n## Keys\n\nA key MUST be unique.\n\n## Sizes\n\nA size SHOULD be small.\n"
    spec_repo.commit("Spec with a broken link", {"widget.md": spec, "notes/guide.md": "[Sizes](../widget.md#sizes)\n"})
    spec_repo.commit("Reword a key", {"widget.md": spec.replace("unique", "unique in its table")})
    run = specdiff("-C", spec_repo.path, "HEAD~1", "HEAD")
    assert "Dangling" not in run.out, "the broken link was there before this change"
    everything = specdiff("-C", spec_repo.path, "HEAD~1", "HEAD", "--all-dangling")
    assert "Dangling references (1):" in everything.out and "widget.md#nowhere" in everything.out
    spec_repo.commit("Drop sizes", {"widget.md": spec.split("## Sizes")[0]})
    dropped = specdiff("-C", spec_repo.path, "HEAD~1", "HEAD")
    assert "Dangling references (1):" in dropped.out
    assert "notes/guide.md:1  widget.md#sizes does not exist" in dropped.out
    coverage = specdiff("coverage", "-C", spec_repo.path)
    assert "Dangling references (2):" in coverage.out


# -- README-only spec and community files ------------------------------------------------

README_SPEC = "# Keyfile\n\n## Keys\n\nA key {rule} be quoted when it holds a space.\n"


def test_a_readme_only_spec_is_read(spec_repo, specdiff):
    spec_repo.commit("Spec", {"README.md": README_SPEC.format(rule="SHOULD"), "CHANGELOG.md": "- first\n"})
    spec_repo.commit("Require quotes", {"README.md": README_SPEC.format(rule="MUST"), "CHANGELOG.md": "- quotes\n"})
    run = specdiff("-C", spec_repo.path, "HEAD~1", "HEAD")
    assert "README.md  (modified, 1 amendment)" in run.out and "(1 breaking)" in run.out
    init = specdiff("init", "-C", spec_repo.path, "--print")
    assert "# Found: README.md: the only prose in the repository, so it is the spec." in init.out
    assert 'specs = ["README.md"]' in init.out and "exclude = []" in init.out


def test_a_kep_is_read_where_its_readme_would_be_a_community_file(spec_repo, specdiff):
    kep = "# KEP-1234: Renewal limits\n\n## Proposal\n\nThe desk {rule} refuse a third renewal.\n"
    spec_repo.commit(
        "KEP",
        {
            "README.md": "# Enhancements\n\nHow to propose a change.\n",
            "keps/sig-lending/1234-renewal-limits/README.md": kep.format(rule="should"),
            "keps/sig-lending/1234-renewal-limits/kep.yaml": "title: Renewal limits\nstatus: implementable\n",
        },
    )
    spec_repo.commit("Require it", {"keps/sig-lending/1234-renewal-limits/README.md": kep.format(rule="must")})
    run = specdiff("-C", spec_repo.path, "HEAD~1", "HEAD")
    assert "keps/sig-lending/1234-renewal-limits/README.md  (modified, 1 amendment)" in run.out and "(1 breaking)" in run.out
    init = specdiff("init", "-C", spec_repo.path, "--print")
    assert "# Found: Kubernetes enhancement proposals: 1 KEP (keps/**/<number>-<name>/README.md)." in init.out
    assert 'specs = ["keps/**/README.md", "keps/**/*.md"]' in init.out


def test_community_files_are_not_specs(spec_repo, specdiff):
    files = {
        name: f"# {name}\n\nMaintainers MUST review each change.\n"
        for name in (
            "CONTRIBUTING.md",
            "GOVERNANCE.md",
            "MAINTAINERS.md",
            "IMPLEMENTATIONS.md",
            "CODE_OF_CONDUCT.md",
            "SECURITY.md",
        )
    }
    spec_repo.commit("Project files", {**files, "widget.md": "# Widget\n\nA widget MUST turn.\n"})
    spec_repo.commit("Stricter", {name: text.replace("MUST", "MUST always") for name, text in files.items()})
    run = specdiff("-C", spec_repo.path, "HEAD~1", "HEAD")
    assert run.out.startswith("No spec amendments") and run.err == ""
    init = specdiff("init", "-C", spec_repo.path, "--print")
    assert 'specs = ["**/*.md", "**/*.markdown", "**/*.mdx"]' in init.out
    assert "# That selects 1 spec file:\n#   widget.md\n" in init.out


# -- init writes the file once ----------------------------------------------------------


def test_init_writes_the_file_says_why_and_will_not_overwrite(spec_repo, specdiff):
    spec_repo.commit(
        "Model spec",
        {
            "model_spec.md": "# Be kind {#kind}\n\nThe assistant MUST be kind.[^a1b2]\n\n[^a1b2]: examples/a1b2.md\n",
            "examples/a1b2.md": "A kind answer.\n",
        },
    )
    run = specdiff("init", "-C", spec_repo.path)
    assert run.code == 0
    assert run.out.splitlines()[:2] == [
        "Wrote specdiff.toml: 1 spec file.",
        "  OpenAI Model Spec: model_spec.md, with examples/*.md as its eval cases",
    ]
    assert "0 outputs and 1 eval case depend on them." in run.out
    written = (spec_repo.path / "specdiff.toml").read_text()
    assert 'specs = ["model_spec.md"]' in written and "#   examples/a1b2.md" in written
    import tomllib

    assert tomllib.loads(written)["specs"] == ["model_spec.md"], "the file is valid TOML"
    assert_usage_error(specdiff("init", "-C", spec_repo.path), "specdiff.toml already exists")
    assert specdiff("init", "-C", spec_repo.path, "--force").code == 0


# -- headers and labels ------------------------------------------------------------------------


def test_a_file_whose_change_means_nothing_gets_no_header(spec_repo, specdiff):
    spec_repo.commit("Spec", {"widget.md": "# Widget\n\nA widget MUST turn.\n", "gadget.md": "# Gadget\n\nIt MAY hum.\n"})
    spec_repo.commit(
        "Rewrap and reword", {"widget.md": "# Widget\n\nA widget  MUST\nturn.\n", "gadget.md": "# Gadget\n\nIt MUST hum.\n"}
    )
    run = specdiff("-C", spec_repo.path, "HEAD~1", "HEAD")
    assert "gadget.md  (modified, 1 amendment)" in run.out
    assert "widget.md" not in run.out and "0 amendments" not in run.out


def test_root_commit_labels_and_errors(spec_repo, specdiff):
    spec_repo.commit("First", {"widget.md": "# Widget\n\nA widget MUST turn.\n"})
    log = specdiff("log", "-C", spec_repo.path)
    assert "nothing (first commit)" in log.out and "working tree" not in log.out
    error = assert_usage_error(specdiff("-C", spec_repo.path, "HEAD~1", "HEAD"), "past the first commit")
    assert "fetch" not in error


def test_blame_on_a_file_that_is_not_a_spec_says_so(spec_repo, specdiff):
    spec_repo.commit("Files", {"widget.md": "# Widget\n\nA widget MUST turn.\n", "CONTRIBUTING.md": "# How\n\nSend patches.\n"})
    assert_usage_error(specdiff("blame", "-C", spec_repo.path, "CONTRIBUTING.md"), "CONTRIBUTING.md is not a spec file")
