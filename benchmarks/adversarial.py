"""Hostile input, run for real: how many adversarial cases specdiff survives.

    python benchmarks/adversarial.py [--source DIR] [--family NAME] [--jobs N] [--list] [-v]

Each case builds a small git repository (and, for the network cases, a scripted
server on 127.0.0.1), runs the real CLI in its own process and checks what
came out. A case fails when the process

- uses more than 5 s of processor time (user and system, with those of the
  git children it has waited for: a child still running is not counted until
  it ends), or more than 300 MB of memory (peak resident size);
- runs longer than its wall-clock limit: 60 s, a safety net that catches a
  hang, or the deadline of a network case whose server waits or drips (there
  the time is spent waiting, and waiting is what the case tests);
- prints a traceback, or exits 2 with more or less than one line on stderr;
- prints a control character (C0 but tab and newline, DEL, C1) anywhere;
- or fails the case's own check: the gate trips, the token and the secret
  stay unprinted, the comment carries no live markup, and so on.

Families are generated from lists of payloads, places and commands, so adding
a payload adds a case everywhere it applies. ``--source DIR`` runs another
copy of specdiff (say ``/work/main``) to compare. Prints the cases tried and
failed per family, each failure with its reason, and the slowest cases with
their processor and wall-clock time; asserts nothing.

Why processor time: the cap says what a case costs, and that must not depend
on who else uses the machine. Two cores shared by up to eight runs put the
load near 10; one run then saw 28 of 94 pathological cases killed at 5 s of
wall-clock time while each had used only 0.2 to 2.9 s of processor time. A
process's user and system time grow only while it runs, so they measure the
case, not the crowd. They are read from ``/proc`` while the case runs (to stop
it at the cap) and from ``os.wait4`` once it ends (which gives the peak
resident size). Both count a git child only once the CLI has waited for it:
the time of one still running when the case is read or killed is left out.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

TIME_CAP = 5.0
"""Processor seconds (user + system, with the git processes the CLI has waited for) a case may use."""
WALL_CAP = 60.0
"""Wall-clock seconds before a case is killed as hung: far above what 5 s of processor time
takes on a crowded machine (19.5 s at a load of 9 on two cores), so only a hang reaches it."""
POLL_SECONDS = 0.05
"""How often a running case's processor time is read, so it stops close to the cap."""
MEMORY_CAP_MB = 300
SLOWEST = 10
"""How many of the costliest cases the report lists."""
ADDRESS_SPACE_LIMIT = 3 << 30
"""A safety net for the machine, far above the 300 MB judged: a runaway case stops at 3 GB."""

TOKEN = "ghs_adversarial0123456789secret"
SECRET = "AUTHORIZATION: basic c2VjcmV0LXRva2VuLWZyb20tY2hlY2tvdXQ="
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
COLOUR = re.compile(r"\x1b\[[0-9;]*m")

RUNNER = """
import os, sys
sys.path.insert(0, os.environ["BENCH_SOURCE"])
from specdiff.cli import main
sys.exit(main())  # no arguments given: the process's own, and the settings the installed command runs with
"""


@dataclass
class Outcome:
    code: int | None
    """The exit code; ``None`` when the case was killed."""
    out: str
    err: str
    wall_seconds: float
    processor_seconds: float
    """User and system time of the CLI and the processes it waited for: what the case costs,
    whatever the load (on a shared machine wall time runs several times longer)."""
    peak_mb: float
    killed: str | None = None
    """Why the case was stopped: ``"processor"`` (over its processor cap) or ``"wall"`` (over its
    wall-clock limit); ``None`` when it ended by itself."""


@dataclass
class Case:
    family: str
    name: str
    build: Callable[[Path], list[str]]
    """Prepare the case in a fresh folder (the repository is ``folder/repo``); return the CLI arguments."""
    check: Callable[[Outcome, Path], str | None] = lambda outcome, folder: None
    """``None`` when the outcome is right, else why not."""
    wall: float = WALL_CAP
    """Wall-clock seconds before it is killed: the safety net, or a network case's deadline."""
    codes: tuple[int, ...] = (0, 1, 2)
    env: dict[str, str] = field(default_factory=dict)
    server: Callable[[], Server] | None = None
    colour_allowed: bool = False


# -- running -----------------------------------------------------------------------


def run_case(case: Case, source: Path) -> tuple[str | None, Outcome | None]:
    """Run one case: ``None`` if it passed, else the reason it failed; and what the process did
    (``None`` when the case could not be built)."""
    folder = Path(tempfile.mkdtemp(prefix="adversarial-"))
    server = None
    outcome = None
    try:
        (folder / "home").mkdir()
        env = hermetic_env(folder)
        if case.server:
            server = case.server()
            (folder / "server.url").write_text(server.url)
        values = {"{server}": server.url if server else "", "{folder}": str(folder)}
        for name, value in case.env.items():
            for placeholder, text in values.items():
                value = value.replace(placeholder, text)
            env[name] = value
        argv = case.build(folder)
        env["BENCH_SOURCE"] = str(source)
        outcome = execute(argv, folder / "repo" if (folder / "repo").exists() else folder, env, TIME_CAP, case.wall)
        return judge(case, outcome, folder, server), outcome
    except Exception as error:  # a broken case is reported, not allowed to stop the run
        return f"the case itself failed: {type(error).__name__}: {error}", outcome
    finally:
        if server:
            server.close()
        shutil.rmtree(folder, ignore_errors=True)


def hermetic_env(folder: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "LC_ALL", "TMPDIR")}
    env.update(
        HOME=str(folder / "home"),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL="/dev/null",
        GIT_AUTHOR_NAME="A",
        GIT_AUTHOR_EMAIL="a@example.invalid",
        GIT_COMMITTER_NAME="A",
        GIT_COMMITTER_EMAIL="a@example.invalid",
        GIT_AUTHOR_DATE="2026-01-01T12:00:00+00:00",
        GIT_COMMITTER_DATE="2026-01-01T12:00:00+00:00",
        COLUMNS="100",
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def execute(argv: list[str], cwd: Path, env: dict[str, str], processor_cap: float, wall_cap: float) -> Outcome:
    """Run the CLI until it ends, uses ``processor_cap`` seconds of processor time or runs
    ``wall_cap`` seconds; then kill its process group."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_LIMIT, ADDRESS_SPACE_LIMIT))
        os.setsid()

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-c", RUNNER, *argv],
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            preexec_fn=limit,
        )
        killed = None
        while True:
            # Reaped here rather than by Popen, for the usage wait4 returns.
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            used = processor_time(process.pid)
            if used is not None and used > processor_cap:
                killed = "processor"
            elif time.perf_counter() - start > wall_cap:
                killed = "wall"
            if killed:
                try:
                    os.killpg(process.pid, signal.SIGKILL)
                except ProcessLookupError:  # it ended meanwhile
                    pass
                _, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(POLL_SECONDS)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # so Popen does not reap it again
        out.seek(0)
        err.seek(0)
        return Outcome(
            code=None if killed else process.returncode,
            out=out.read().decode("utf-8", "replace"),
            err=err.read().decode("utf-8", "replace"),
            wall_seconds=wall,
            processor_seconds=usage.ru_utime + usage.ru_stime,
            peak_mb=usage.ru_maxrss / 1024,
            killed=killed,
        )


def processor_time(pid: int) -> float | None:
    """User and system time of a running process and the children it has waited for, from
    /proc (``None`` once it has ended)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return sum(int(n) for n in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def judge(case: Case, outcome: Outcome, folder: Path, server: Server | None) -> str | None:
    if outcome.killed == "wall":
        return f"still running after {case.wall:g} s (killed; {outcome.processor_seconds:.1f} s of processor time by then)"
    if outcome.killed or outcome.processor_seconds > TIME_CAP:
        killed = "killed; " if outcome.killed else ""
        return f"over {TIME_CAP:g} s of processor time ({killed}{outcome.wall_seconds:.1f} s wall-clock)"
    if outcome.peak_mb > MEMORY_CAP_MB:
        return f"{outcome.peak_mb:.0f} MB, over {MEMORY_CAP_MB} MB"
    if "Traceback" in outcome.err:
        return "traceback: " + outcome.err.strip().splitlines()[-1][:160]
    if outcome.code not in case.codes:
        return f"exit {outcome.code}, expected {case.codes}: {outcome.err.strip()[:160]}"
    if outcome.code == 2 and len(outcome.err.strip().splitlines()) != 1:
        return f"exit 2 with {len(outcome.err.strip().splitlines())} lines on stderr"
    for stream, text in (("stdout", outcome.out), ("stderr", outcome.err)):
        shown = COLOUR.sub("", text) if case.colour_allowed else text
        if CONTROL.search(shown):
            return f"control character {CONTROL.search(shown).group(0)!r} on {stream}"  # type: ignore[union-attr]
        if TOKEN in text or SECRET in text:
            return f"a secret was printed on {stream}"
    if server and server.leaks:
        return f"the token was sent to {server.leaks[0]}"
    return case.check(outcome, folder)


# -- repositories -----------------------------------------------------------------


def git(repo: Path, *args: str, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env or hermetic_env(repo.parent))
    return done.stdout.decode().strip()


def make_repo(folder: Path, *versions: dict[str, str | bytes | None], messages: list[str] | None = None) -> Path:
    """A repository with one commit per version (``None`` deletes a file); ``folder/repo``."""
    repo = folder / "repo"
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q", "-b", "main")
    for n, files in enumerate(versions):
        write(repo, files)
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "--allow-empty", "-m", (messages or [])[n] if messages and n < len(messages) else f"v{n}")
    return repo


def write(repo: Path, files: dict[str, str | bytes | None]) -> None:
    for path, content in files.items():
        target = repo / path
        if content is None:
            target.unlink()
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode())


SPEC_V1 = "# Rules {#rules}\n\nThe assistant must not share a patron's history.\n\nKeep answers short.\n"
SPEC_V2 = "# Rules {#rules}\n\nThe assistant may share a patron's history.\n\nKeep answers short.\n"
PROMPT = "# specdiff: spec.md#rules\nYou are a librarian.\n"


# -- 1. pathological input ----------------------------------------------------------

SHAPES: dict[str, Callable[[float], str]] = {
    # (the full size of each is what the issue measured; smaller sizes show the growth)
    "unclosed-fence-700KB": lambda k: "```\n" + "let x = 1 // must\n" * int(40_000 * k),
    "identical-headings-20k": lambda k: "## a\n\ntext\n\n" * int(20_000 * k),
    "footnote-openers-210KB": lambda k: "[^a" * int(70_000 * k) + "\n",
    "table-200k-rows": lambda k: "| a | b |\n|---|---|\n" + "| cell must | other |\n" * int(200_000 * k),
    "must-10MB-one-line": lambda k: "must " * int(2_000_000 * k) + "\n",
    "link-openers-100k": lambda k: "[a(" * int(100_000 * k) + "\n",
    "list-markers-50k-one-line": lambda k: "1. " * int(50_000 * k) + "\n",
    "distinct-headings-100k": lambda k: "".join(f"## h{n}\n" for n in range(int(100_000 * k))),
    "requirement-ids-50k": lambda k: "".join(f"- FR-{n:05d}: the system must log event {n}.\n" for n in range(int(50_000 * k))),
    "heading-100k-spaces": lambda k: "# a" + " " * int(100_000 * k) + "b\n\ntext\n",
    "nested-quotes-10k": lambda k: ">" * int(10_000 * k) + " must\n",
    "nested-lists-4k": lambda k: "".join("  " * n + "- must\n" for n in range(int(4_000 * k))),  # 16 MB at 4k
    "emphasis-openers-100k": lambda k: "*a" * int(100_000 * k) + "\n",
    "html-comment-unclosed-1MB": lambda k: "<!--" + " must" * int(200_000 * k) + "\n",
    "backticks-100k": lambda k: "`a" * int(100_000 * k) + "\n",
    "anchor-openers-1MB": lambda k: "<a " * int(350_000 * k) + "\n",
    "heading-anchor-openers-1MB": lambda k: "# " + "<a " * int(350_000 * k) + "\n\ntext\n",
    "link-target-openers-1MB": lambda k: "](<" * int(350_000 * k) + "\n",
    "blank-lines-in-code-1MB": lambda k: "```\nmust\n" + " \n" * int(500_000 * k) + "must not\n```\n",
    "long-code-span-1MB": lambda k: "The service must accept `" + "x " * int(500_000 * k) + "` only.\n",
    "tag-then-spaces-1MB": lambda k: "The assistant must <a" + " " * int(1_000_000 * k) + "reply.\n",
    # A link nothing resolves makes the page's includes and shortcodes read (site_pages).
    "include-without-end-1MB": lambda k: "See [the fees](#nowhere).\n\n{% include " + "a" * int(1_000_000 * k) + "\n",
    "shortcode-without-end-1MB": lambda k: "See [the fees](#nowhere).\n\n{{< " + "x" * int(1_000_000 * k) + "\n",
}
APPENDED = "\n\nThe assistant must log every request.\n"


def pathological_cases() -> list[Case]:
    cases = []
    for shape, make in SHAPES.items():
        for k in (0.25, 0.5, 1.0):
            for command in (["HEAD~1", "HEAD", "--format", "json"], ["HEAD~1", "HEAD"]):
                # As the issue measured: the file is added, then one clause is appended, and the
                # second commit is compared (both sides parsed, one amendment shown).
                def build(
                    folder: Path, make: Callable[[float], str] = make, k: float = k, command: list[str] = command
                ) -> list[str]:
                    text = make(k)
                    make_repo(folder, {"spec.md": SPEC_V1}, {"hostile.md": text}, {"hostile.md": text + APPENDED})
                    return list(command)

                form = "json" if "json" in command else "text"
                cases.append(Case("pathological", f"{shape} x{k} ({form})", build, codes=(0,)))
    for pattern in ("(a+)+$", "(a|aa)+$", "(a*)*b", "^(\\w+\\s?)*$"):

        def build_pattern(folder: Path, pattern: str = pattern) -> list[str]:
            toml = f"requirement_ids = [{json.dumps(pattern)}]\n"
            make_repo(folder, {"specdiff.toml": toml, "spec.md": SPEC_V1}, {"spec.md": SPEC_V1 + "a" * 5000 + "!\n"})
            return ["HEAD~1", "HEAD", "--format", "json"]

        cases.append(Case("pathological", f"requirement_ids {pattern}", build_pattern, codes=(0, 2)))
    return cases


# -- 2. the gate: a spec that turns unreadable ----------------------------------------

PAIRS = [
    ("The assistant must not share a patron's history.", "The assistant may share a patron's history."),
    ("Staff must verify identity before renewals.", "Staff should verify identity before renewals."),
    ("Fines must not exceed five dollars.", "Fines must not exceed fifty dollars."),
]


def _spec(sentence: str) -> str:
    return f"# Rules {{#rules}}\n\n{sentence}\n\n<!-- a comment -->\n"


ENCODINGS: dict[str, tuple[Callable[[str], bytes], bool]] = {
    # name: (how the new version is written, whether specdiff can still read it)
    "nul-in-comment": (lambda t: t.replace("a comment", "a\0comment").encode(), False),
    "invalid-byte-first": (lambda t: b"\xff" + t.encode(), False),
    "invalid-byte-middle": (lambda t: t.encode().replace(b"Rules", b"Ru\xc3les"), False),
    "invalid-byte-last": (lambda t: t.encode() + b"\x80", False),
    "latin1-accent": (lambda t: t.replace("Rules", "Règles").encode("latin-1"), False),
    "lfs-pointer": (lambda t: b"version https://git-lfs.github.com/spec/v1\noid sha256:" + b"0" * 64 + b"\nsize 12\n", False),
    "utf16-le-bom": (lambda t: t.encode("utf-16"), True),
    "utf16-be-bom": (lambda t: b"\xfe\xff" + t.encode("utf-16-be"), True),
    "utf16-le-no-bom": (lambda t: t.encode("utf-16-le"), True),
    "utf8-bom": (lambda t: b"\xef\xbb\xbf" + t.encode(), True),
    "utf32-bom": (lambda t: t.encode("utf-32"), True),
    "crlf": (lambda t: t.replace("\n", "\r\n").encode(), True),
}


def gate_cases() -> list[Case]:
    cases = []
    for name, (encode, readable) in ENCODINGS.items():
        for n, (old, new) in enumerate(PAIRS):
            for side in ("commit", "worktree"):

                def build(
                    folder: Path, encode: Callable[[str], bytes] = encode, old: str = old, new: str = new, side: str = side
                ) -> list[str]:
                    repo = make_repo(folder, {"spec.md": _spec(old), "prompt.txt": PROMPT})
                    write(repo, {"spec.md": encode(_spec(new))})
                    if side == "worktree":
                        return ["HEAD", "--fail-on", "breaking", "--format", "json"]
                    git(repo, "commit", "-qam", "re-encoded")
                    return ["HEAD~1", "HEAD", "--fail-on", "breaking", "--format", "json"]

                def check(outcome: Outcome, folder: Path, readable: bool = readable, n: int = n) -> str | None:
                    breaking = not readable or n == 0  # pair 0 reverses a prohibition
                    if breaking and outcome.code != 1:
                        return f"--fail-on breaking exited {outcome.code}: the gate was dodged"
                    data = json.loads(outcome.out)
                    kinds = {a["kind"] for f in data["files"] for a in f["amendments"]}
                    if readable and "unreadable" in kinds:
                        return "a readable encoding was reported unreadable"
                    if readable and not kinds:
                        return "the change was not seen"
                    return None

                cases.append(Case("gate", f"{name} pair{n} {side}", build, check, codes=(0, 1)))
    for side in ("commit", "worktree"):

        def build_link(folder: Path, side: str = side) -> list[str]:
            repo = make_repo(folder, {"spec.md": _spec(PAIRS[0][0])})
            (repo / "spec.md").unlink()
            (repo / "spec.md").symlink_to("/etc/hostname")
            if side == "commit":
                git(repo, "add", "-A")
                git(repo, "commit", "-qm", "link")
                return ["HEAD~1", "HEAD", "--fail-on", "breaking"]
            return ["HEAD", "--fail-on", "breaking"]

        cases.append(Case("gate", f"spec replaced by a symlink {side}", build_link, codes=(1,)))
    return cases


# -- 3. the pull-request comment -----------------------------------------------------

PAYLOADS = {
    "img-after-blank-line": "x\n\n<img src=x onerror=alert(1)>",
    "close-details": "</details><script>alert(1)</script>",
    "mention": "@everyone and @org/team",
    "tracking-image": "![t](https://tracker.example/p.png)",
    "link": "[click](https://evil.example)",
    "table-break": "a | b | c",
    "code-then-heading": "`code`\n\n# Injected",
    "issue-reference": "#1 and owner/repo#2",
    "strike": "~~must~~",
    "marker": "<!-- specdiff:comment -->",
    "autolink-html": "<https://evil.example>",
    "entity": "&lt;img src=x onerror=alert(1)&gt;",
}
PLACES = ("clause", "heading", "artifact-path", "eval-id")


def comment_repo(folder: Path, payload: str, place: str) -> Path:
    one_line = " ".join(payload.split())
    old, new = SPEC_V1, SPEC_V2
    if place == "clause":
        new = SPEC_V2.replace("Keep answers short.", f"Keep answers short: {payload}")
    if place == "heading":
        old = old.replace("# Rules", f"# Rules {one_line}")
        new = new.replace("# Rules", f"# Rules {one_line}")
    files: dict[str, str | bytes | None] = {"spec.md": old, "prompt.txt": PROMPT}
    if place == "artifact-path":
        files[f"out/{payload.replace('/', '∕')}.txt"] = PROMPT
    if place == "eval-id":
        files["evals/suite.jsonl"] = json.dumps({"id": payload, "spec": "spec.md#rules"}) + "\n"
    return make_repo(folder, files, {"spec.md": new})


def comment_is_inert(outcome: Outcome, folder: Path) -> str | None:
    body = outcome.out
    lines = body.splitlines()
    text = re.sub(r"(?<!\\)`[^`\n]*`", "``", body)  # inside a code span, markup is shown as text
    if lines[:1] != ["<!-- specdiff:comment -->"] or text.count("<!-- specdiff:comment -->") != 1:
        return "the marker is not the first line, or appears twice"
    for tag in ("<img", "<script", "<a ", "<https"):
        if tag in text:
            return f"raw {tag} in the comment"
    if text.count("<details>") != text.count("</details>"):
        return "<details> and </details> do not pair"
    if re.search(r"@(?=[A-Za-z0-9_-])", text):
        return "an @-mention that pings"
    if re.search(r"(?<!\\)\[[^\]\n]*(?<!\\)\]\(", text):
        return "a live link or image"
    if re.search(r"(?<![\\~])~~", text):
        return "a live strike-through"
    if re.search(r"(?<![\w\u200b/&])#\d", text) or re.search(r"/[\w.-]+#\d", text):
        return "a live issue reference"
    if re.search(r"^#+ Injected", text, re.M):
        return "an injected heading"
    for line in lines:
        if len(re.findall(r"(?<!\\)`", line)) % 2:
            return f"an unclosed code span: {line[:80]!r}"
        if line.startswith("|") and len(re.findall(r"(?<!\\)\|", line)) != 5:
            return f"a table row with extra columns: {line[:80]!r}"
    return None


def comment_cases() -> list[Case]:
    cases = []
    for name, payload in PAYLOADS.items():
        for place in PLACES:

            def build(folder: Path, payload: str = payload, place: str = place) -> list[str]:
                comment_repo(folder, payload, place)
                return ["comment", "HEAD~1", "HEAD"]

            cases.append(Case("comment", f"{name} in {place}", build, comment_is_inert, codes=(0,)))
    return cases


# -- 4. terminal escapes --------------------------------------------------------------

ESCAPES = {
    "title": "\x1b]0;owned\x07",
    "clear-screen": "\x1b[2J\x1b[H",
    "hyperlink": "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\",
    "c1-csi": "\x9b2J",
    "carriage-return": "safe\rEVIL",
    "backspace": "must\x08\x08\x08\x08may ",
    "conceal": "\x1b[8mhidden\x1b[0m",
    "bell": "\x07\x07",
}
TERMINAL_PLACES = ("clause", "heading", "subject", "path")
COMMANDS: dict[str, list[str]] = {
    "diff": ["HEAD~1", "HEAD"],
    "diff-colour": ["HEAD~1", "HEAD", "--color", "always"],
    "log": ["log"],
    "blame": ["blame", "{path}"],
    "changelog": ["changelog", "HEAD~1", "HEAD"],
    "comment": ["comment", "HEAD~1", "HEAD"],
}


def terminal_cases() -> list[Case]:
    cases = []
    for name, escape in ESCAPES.items():
        for place in TERMINAL_PLACES:
            for command, argv in COMMANDS.items():

                def build(folder: Path, escape: str = escape, place: str = place, argv: list[str] = argv) -> list[str]:
                    path = f"spec{escape}.md" if place == "path" else "spec.md"
                    old, new = (
                        SPEC_V1,
                        SPEC_V2.replace("Keep answers short.", f"Keep answers {escape if place == 'clause' else ''}short."),
                    )
                    if place == "heading":
                        old, new = old.replace("# Rules", f"# Rules {escape}"), new.replace("# Rules", f"# Rules {escape}")
                    subject = f"Loosen the rule {escape}" if place == "subject" else "Loosen the rule"
                    make_repo(folder, {path: old}, {path: new}, messages=["First", subject])
                    return [a.replace("{path}", path) for a in argv]

                cases.append(Case("terminal", f"{name} in {place} via {command}", build, colour_allowed=command == "diff-colour"))
    return cases


# -- 5. symbolic links out of the repository ----------------------------------------------

LINK_COMMANDS: dict[str, list[str]] = {
    # the link arrives in the last commit; the base is the commit before it, the head the working tree
    "diff": ["HEAD~1"],
    "diff-json": ["HEAD~1", "--format", "json"],
    "graph": ["graph", "--format", "json"],
    "coverage": ["coverage", "--show-uncovered"],
    "check": ["check"],
    "impact": ["impact", "HEAD~1"],
    "comment": ["comment", "HEAD~1"],
}


def symlink_cases() -> list[Case]:
    cases = []
    for target in ("git-config", "outside-file", "outside-folder"):
        for link in ("spec/leak.md", "docs/leak.md", "evals/leak.jsonl")[: 1 if target == "outside-folder" else 3]:
            for command, argv in LINK_COMMANDS.items():

                def build(folder: Path, target: str = target, link: str = link, argv: list[str] = argv) -> list[str]:
                    outside = folder / "outside"
                    outside.mkdir()
                    (outside / "secret.md").write_text(f"# Secret\n\n{SECRET}\n")
                    repo = make_repo(folder, {"spec/rules.md": SPEC_V1, "docs/guide.md": "[r](../spec/rules.md#rules)\n"})
                    with open(repo / ".git" / "config", "a") as config:
                        config.write(f'[http "https://github.com/"]\n\textraheader = {SECRET}\n')
                    where = repo / link
                    where.parent.mkdir(parents=True, exist_ok=True)
                    if target == "git-config":
                        where.symlink_to(os.path.relpath(repo / ".git" / "config", where.parent))
                    elif target == "outside-file":
                        where.symlink_to(outside / "secret.md")
                    else:  # a tracked file under a folder that is later swapped for a link
                        (repo / "spec" / "linked").mkdir()
                        (repo / "spec" / "linked" / "secret.md").write_text(SPEC_V1)
                    git(repo, "add", "-A")
                    git(repo, "commit", "-qm", "add a link")
                    if target == "outside-folder":
                        shutil.rmtree(repo / "spec" / "linked")
                        (repo / "spec" / "linked").symlink_to(outside)
                    write(repo, {"spec/rules.md": SPEC_V2})
                    return list(argv)

                cases.append(Case("symlink", f"{target} as {link} via {command}", build))
    return cases


# -- 6. GitHub -----------------------------------------------------------------------------


class Server:
    """A scripted HTTP server on 127.0.0.1 that answers with raw bytes, drips them, or loops.

    ``script(method, path, headers) -> bytes | list[bytes]``: a list is sent
    one piece per ``drip`` seconds. Requests carrying the token to a path
    under ``/elsewhere`` (standing in for another host) are recorded as leaks.
    """

    def __init__(self, script: Callable[[str, str, dict[str, str], Server], bytes | list[bytes]], drip: float = 0.0) -> None:
        self.script = script
        self.drip = drip
        self.leaks: list[str] = []
        self.requests: list[tuple[str, str]] = []
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}"
        self.other = Other(self)
        self.closed = False
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while not self.closed:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(connection,), daemon=True).start()

    def _answer(self, connection: socket.socket) -> None:
        try:
            connection.settimeout(10)
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = connection.recv(65536)
                if not chunk:
                    return
                data += chunk
            head, _, body = data.partition(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            method, path, _ = lines[0].split(" ", 2)
            headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
            length = int(headers.get("content-length", "0"))
            while len(body) < length:
                body += connection.recv(65536)
            self.requests.append((method, path))
            reply = self.script(method, path, headers, self)
            pieces = reply if isinstance(reply, list) else [reply]
            for piece in pieces:
                connection.sendall(piece)
                if self.drip and len(pieces) > 1:
                    time.sleep(self.drip)
        except OSError:
            pass
        finally:
            connection.close()

    def close(self) -> None:
        self.closed = True
        self.socket.close()
        self.other.close()


class Other(Server):
    """The "other host": a second server on another port that records any token it receives."""

    def __init__(self, owner: Server) -> None:  # noqa: D107
        self.owner = owner
        self.script = lambda m, p, h, s: http(200, [])
        self.drip = 0.0
        self.leaks = owner.leaks
        self.requests = []
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}"
        self.closed = False
        threading.Thread(target=self._serve, daemon=True).start()

    def _answer(self, connection: socket.socket) -> None:
        try:
            connection.settimeout(10)
            head = connection.recv(65536).decode("latin-1")
            if TOKEN in head:
                self.leaks.append(self.url)
            connection.sendall(http(200, []))
        except OSError:
            pass
        finally:
            connection.close()

    def close(self) -> None:
        self.closed = True
        self.socket.close()


def http(status: int, body: object, headers: dict[str, str] | None = None, raw: bytes | None = None) -> bytes:
    payload = raw if raw is not None else json.dumps(body).encode()
    lines = [f"HTTP/1.1 {status} X", "Content-Type: application/json", f"Content-Length: {len(payload)}", "Connection: close"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + payload


MARKED = "<!-- specdiff:comment -->\n\nold"
OK_COMMENTS = http(200, [])


def _listing(method: str, path: str, h: dict[str, str], s: Server, reply: bytes) -> bytes:
    if method == "GET" and "/comments" in path:
        return reply
    if path == "/user":
        return http(200, {"login": "specdiff-bot"})
    return http(201, {"id": 1, "body": "x"})


def dripped(payload: bytes) -> list[bytes]:
    """A 200 answer whose headers come at once and whose body comes one byte at a time."""
    whole = http(200, None, raw=payload)
    return [whole[: len(whole) - len(payload)]] + [bytes([c]) for c in payload]


def deep_json(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


Script = Callable[[str, str, dict[str, str], Server], bytes | list[bytes]]

GITHUB_SCENARIOS: dict[str, tuple[Script, dict[str, str], float | None]] = {
    # name: (script, extra environment, deadline): the deadline is the wall-clock time a scenario whose
    # server waits or drips may take (the CLI's own total deadlines must end it); None for the safety net
    "redirect-to-other-host": (lambda m, p, h, s: http(302, {}, {"Location": f"{s.other.url}/elsewhere"}), {}, None),
    "redirect-same-host": (lambda m, p, h, s: http(301, {}, {"Location": f"{s.url}/elsewhere"}), {}, None),
    "next-page-other-host": (
        lambda m, p, h, s: _listing(m, p, h, s, http(200, [], {"Link": f'<{s.other.url}/elsewhere?page=2>; rel="next"'})),
        {},
        None,
    ),
    "next-page-loop": (
        lambda m, p, h, s: _listing(m, p, h, s, http(200, [], {"Link": f'<{s.url}{p}>; rel="next"'})),
        {},
        None,
    ),
    "next-page-bad-port": (
        lambda m, p, h, s: _listing(m, p, h, s, http(200, [], {"Link": '<http://127.0.0.1:x/a>; rel="next"'})),
        {},
        None,
    ),
    "retry-after-negative": (lambda m, p, h, s: http(429, {"message": "slow"}, {"Retry-After": "-1"}), {}, 10.0),
    "retry-after-huge": (lambda m, p, h, s: http(429, {"message": "slow"}, {"Retry-After": "1e400"}), {}, None),
    "retry-after-nan": (lambda m, p, h, s: http(429, {"message": "slow"}, {"Retry-After": "nan"}), {}, 10.0),
    "reset-not-a-number": (
        lambda m, p, h, s: http(403, {"message": "rate"}, {"x-ratelimit-remaining": "0", "x-ratelimit-reset": "soon"}),
        {},
        10.0,
    ),
    "not-json": (lambda m, p, h, s: _listing(m, p, h, s, http(200, None, raw=b"<html>oops</html>")), {}, None),
    "truncated-body": (
        lambda m, p, h, s: _listing(m, p, h, s, OK_COMMENTS.replace(b"Content-Length: 2", b"Content-Length: 9")),
        {},
        None,
    ),
    "bad-status-line": (lambda m, p, h, s: b"HTTP/1.1 two hundred OK\r\n\r\n", {}, 10.0),
    "not-http": (lambda m, p, h, s: b"SSH-2.0-OpenSSH\r\n", {}, 10.0),
    "deep-json": (lambda m, p, h, s: _listing(m, p, h, s, http(200, None, raw=deep_json(100_000))), {}, None),
    "object-not-list": (lambda m, p, h, s: _listing(m, p, h, s, http(200, {"a": 1})), {}, None),
    "marker-without-id": (
        lambda m, p, h, s: _listing(m, p, h, s, http(200, [{"body": MARKED, "user": {"login": "specdiff-bot"}}])),
        {},
        None,
    ),
    "marker-id-is-text": (
        lambda m, p, h, s: _listing(
            m, p, h, s, http(200, [{"id": "../../x", "body": MARKED, "user": {"login": "specdiff-bot"}}])
        ),
        {},
        None,
    ),
    "marker-by-stranger": (
        lambda m, p, h, s: (
            http(403, {"message": "forbidden"})
            if m == "PATCH"
            else _listing(m, p, h, s, http(200, [{"id": 5, "body": MARKED, "user": {"login": "mallory"}}]))
        ),
        {},
        None,
    ),
    "huge-body": (lambda m, p, h, s: _listing(m, p, h, s, http(200, None, raw=b"[" + b'"x",' * 10_000_000 + b'"x"]')), {}, 15.0),
    "drip-headers": (lambda m, p, h, s: [bytes([c]) for c in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 400], {}, 45.0),
    "drip-body": (lambda m, p, h, s: dripped(b" " * 400 + b"[]"), {}, 45.0),
    "status-500-forever": (lambda m, p, h, s: http(500, {"message": "down"}), {}, 15.0),
    "token-with-newline": (lambda m, p, h, s: _listing(m, p, h, s, OK_COMMENTS), {"GITHUB_TOKEN": TOKEN + "\n"}, None),
    "token-with-space": (lambda m, p, h, s: _listing(m, p, h, s, OK_COMMENTS), {"GITHUB_TOKEN": "ghs abc " + TOKEN}, None),
    "token-with-control": (
        lambda m, p, h, s: _listing(m, p, h, s, OK_COMMENTS),
        {"GITHUB_TOKEN": TOKEN + "\r\nX-Evil: 1"},
        None,
    ),
    "api-url-file": (lambda m, p, h, s: OK_COMMENTS, {"GITHUB_API_URL": "file:///etc/passwd"}, None),
    "api-url-ftp": (lambda m, p, h, s: OK_COMMENTS, {"GITHUB_API_URL": "ftp://127.0.0.1/"}, None),
    "event-nested": (lambda m, p, h, s: OK_COMMENTS, {"EVENT": "[" * 100_000 + "]" * 100_000}, None),
    "event-pull-request-list": (lambda m, p, h, s: OK_COMMENTS, {"EVENT": '{"pull_request": [7]}'}, None),
    "event-number-bool": (lambda m, p, h, s: OK_COMMENTS, {"EVENT": '{"pull_request": {"number": true}}'}, None),
    "event-not-utf8": (lambda m, p, h, s: OK_COMMENTS, {"EVENT": "\udcff"}, None),
    "message-echoes-token": (
        lambda m, p, h, s: http(401, {"message": f"bad credentials {h.get('authorization', '')}"}),
        {},
        None,
    ),
    "message-with-escapes": (lambda m, p, h, s: http(404, {"message": "\x1b]0;owned\x07 Not Found"}), {}, None),
}


def github_cases() -> list[Case]:
    cases = []
    for name, (script, extra, deadline) in GITHUB_SCENARIOS.items():
        for changed in (True, False):

            def build(folder: Path, extra: dict[str, str] = extra, changed: bool = changed) -> list[str]:
                make_repo(folder, {"spec.md": SPEC_V1}, {"spec.md": SPEC_V2 if changed else SPEC_V1, "x.txt": "x"})
                event = folder / "event.json"
                event.write_bytes(extra.get("EVENT", '{"pull_request": {"number": 7}}').encode("utf-8", "surrogateescape"))
                return ["comment", "HEAD~1", "HEAD", "--post"]

            def check(outcome: Outcome, folder: Path, name: str = name) -> str | None:
                if name in ("redirect-to-other-host", "next-page-other-host", "next-page-loop") and outcome.code != 2:
                    return f"exit {outcome.code}: a redirect, a page on another host or a loop must stop the post"
                return None

            env = {
                "GITHUB_TOKEN": TOKEN,
                "GITHUB_REPOSITORY": "owner/repo",
                "GITHUB_API_URL": "{server}",
                **{k: v for k, v in extra.items() if k != "EVENT"},
            }
            drip = 0.1 if name.startswith("drip") else 0.0
            cases.append(
                Case(
                    "github",
                    f"{name} ({'changed' if changed else 'unchanged'})",
                    build,
                    check,
                    wall=deadline or WALL_CAP,
                    env={**env, "GITHUB_EVENT_PATH": "{folder}/event.json"},
                    server=lambda script=script, drip=drip: Server(script, drip),
                )
            )
    return cases


# -- 7. the language model -----------------------------------------------------------------


def completion(content: object) -> bytes:
    body = {
        "id": "c",
        "object": "chat.completion",
        "created": 1,
        "model": "m",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}}],
    }
    return json.dumps(body).encode()


MODEL_SHAPES: dict[str, bytes | list[bytes]] = {
    "not-json": http(200, None, raw=b"this is not JSON"),
    "html": http(200, None, raw=b"<html><body>502 Bad Gateway</body></html>"),
    "choices-null": http(200, {"id": "c", "choices": None}),
    "choices-text": http(200, {"id": "c", "choices": "many"}),
    "choices-empty": http(200, {"id": "c", "choices": []}),
    "choice-text": http(200, {"id": "c", "choices": ["x"]}),
    "message-null": http(200, {"id": "c", "choices": [{"message": None}]}),
    "content-number": http(200, None, raw=completion(42)),
    "content-object": http(200, None, raw=completion({"amendments": []})),
    "content-not-json": http(200, None, raw=completion("Sure! Here is the JSON you asked for.")),
    "content-deep-json": http(200, None, raw=completion("[" * 100_000 + "]" * 100_000)),
    "body-deep-json": http(200, None, raw=deep_json(100_000)),
    "amendments-object": http(200, None, raw=completion('{"amendments": {"id": "x"}}')),
    "entry-id-list": http(200, None, raw=completion('{"amendments": [{"id": ["x"], "summary": "s", "verdict": "narrowed"}]}')),
    "entry-summary-number": http(200, None, raw=completion('{"amendments": [{"id": "x", "summary": 1, "verdict": "narrowed"}]}')),
    "summary-escapes": http(200, None, raw=completion('{"summary": "\\u001b]0;owned\\u0007 fine", "amendments": []}')),
    "huge-answer": http(200, None, raw=completion("x" * 40_000_000)),
    "truncated": http(200, None, raw=completion("{}"))[:-10],
    "status-500": http(500, {"error": {"message": "boom"}}),
    "drip": [bytes([c]) for c in http(200, None, raw=completion("{}"))],
}


def model_cases() -> list[Case]:
    cases = []
    for name, reply in MODEL_SHAPES.items():
        for command in (["HEAD~1", "HEAD", "--explain", "--format", "json"], ["changelog", "HEAD~1", "HEAD", "--explain"]):

            def build(folder: Path, command: list[str] = command) -> list[str]:
                url = (folder / "server.url").read_text()
                toml = f'[llm]\nenabled = true\nbase_url = "{url}/v1"\ntimeout = 2\nretries = 0\n'
                make_repo(folder, {"spec.md": SPEC_V1}, {"spec.md": SPEC_V2})
                (folder / "repo" / "specdiff.toml").write_text(toml)
                return list(command)

            drip = 0.05 if name == "drip" else 0.0
            cases.append(
                Case(
                    "model",
                    f"{name} via {command[0] if command[0] == 'changelog' else 'diff'}",
                    build,
                    wall=15.0 if name == "drip" else WALL_CAP,  # a model that drips its answer must be cut off
                    codes=(0,),
                    env={"OPENAI_API_KEY": TOKEN},
                    server=lambda reply=reply, drip=drip: Server(lambda m, p, h, s: reply, drip),
                )
            )
    return cases


# -- 8. repositories, config, lock and cache ---------------------------------------------


def repo_cases() -> list[Case]:
    cases: list[Case] = []

    def add(name: str, build: Callable[[Path], list[str]], check: Callable[[Outcome, Path], str | None] | None = None) -> None:
        cases.append(Case("repository", name, build, check or (lambda o, f: None)))

    def submodule(folder: Path) -> list[str]:
        inner = make_repo(folder / "inner", {"spec.md": SPEC_V1})
        repo = make_repo(folder, {"spec.md": SPEC_V1})
        git(repo, "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(inner), "sub.md")
        git(repo, "commit", "-qm", "submodule")
        return ["HEAD~1", "HEAD"]

    add("submodule under the spec globs", submodule)
    for command in (["log"], ["blame", "spec.md"], ["changelog", "HEAD~1", "HEAD"], [], ["graph"], ["check"], ["stamp"]):

        def empty(folder: Path, command: list[str] = command) -> list[str]:
            (folder / "repo").mkdir()
            git(folder / "repo", "init", "-q")
            return command

        add(f"{' '.join(command) or 'diff'} in an empty repository", empty)
    for depth in (1_000, 100_000):

        def deep_toml(folder: Path, depth: int = depth) -> list[str]:
            make_repo(
                folder, {"spec.md": SPEC_V1, "specdiff.toml": "a = " + "[" * depth + "]" * depth + "\n"}, {"spec.md": SPEC_V2}
            )
            return ["HEAD~1", "HEAD"]

        def deep_lock(folder: Path, depth: int = depth) -> list[str]:
            make_repo(
                folder,
                {"spec.md": SPEC_V1, "specdiff.lock": '{"outputs": ' + "[" * depth + "]" * depth + "}"},
                {"spec.md": SPEC_V2},
            )
            return ["check"]

        def deep_pyproject(folder: Path, depth: int = depth) -> list[str]:
            nested = "[tool.specdiff]\nspecs = " + "[" * depth + "]" * depth + "\n"
            make_repo(folder, {"spec.md": SPEC_V1, "pyproject.toml": nested}, {"spec.md": SPEC_V2})
            return ["HEAD~1", "HEAD"]

        add(f"TOML nested {depth} deep", deep_toml)
        add(f"lock nested {depth} deep", deep_lock)
        add(f"pyproject nested {depth} deep", deep_pyproject)
    for where in ("specdiff.toml", "specdiff.lock"):

        def big_number(folder: Path, where: str = where) -> list[str]:
            text = (
                ("max_file_bytes = " + "9" * 5001 + "\n")
                if where.endswith("toml")
                else '{"version": ' + "9" * 5001 + ', "outputs": {}}'
            )
            make_repo(folder, {"spec.md": SPEC_V1, where: text}, {"spec.md": SPEC_V2})
            return ["check"] if where.endswith("lock") else ["HEAD~1", "HEAD"]

        add(f"5,001-digit number in {where}", big_number)
    for shape in ("directory", "fifo", "symlink-outside", "not-utf8", "huge"):
        for command in (["check"], ["stamp"], ["HEAD~1", "HEAD"]):

            def odd_lock(folder: Path, shape: str = shape, command: list[str] = command) -> list[str]:
                repo = make_repo(folder, {"spec.md": SPEC_V1, "prompt.txt": PROMPT}, {"spec.md": SPEC_V2})
                lock = repo / "specdiff.lock"
                if shape == "directory":
                    lock.mkdir()
                elif shape == "fifo":
                    os.mkfifo(lock)
                elif shape == "symlink-outside":
                    (folder / "secret.json").write_text(json.dumps({"version": 1, "outputs": {SECRET: {}}}))
                    lock.symlink_to(folder / "secret.json")
                elif shape == "not-utf8":
                    lock.write_bytes(b"\xff\xfe{")
                else:
                    entry = {"commit": None, "inputs": {f"spec.md#s{n}": ["0" * 16] * 10 for n in range(100)}}
                    outputs = {f"artifact:out/{n}.txt": entry for n in range(2_000)}
                    lock.write_text(json.dumps({"version": 1, "outputs": outputs}))
                return list(command)

            def no_stray(outcome: Outcome, folder: Path) -> str | None:
                stray = [p.name for p in (folder / "repo").iterdir() if p.name.startswith(".specdiff.lock.")]
                return f"stray temporary files: {stray}" if stray else None

            add(f"lock as {shape} via {' '.join(command)}", odd_lock, no_stray)

    def shallow(folder: Path, command: list[str]) -> list[str]:
        source = make_repo(folder / "source", {"spec.md": SPEC_V1}, {"spec.md": SPEC_V2}, {"spec.md": SPEC_V2 + "\nMore.\n"})
        subprocess.run(
            ["git", "clone", "-q", "--depth", "1", source.as_uri(), str(folder / "repo")], check=True, capture_output=True
        )
        return command

    for command in (["log"], ["blame", "spec.md"], ["HEAD~1", "HEAD"], ["changelog", "HEAD~1", "HEAD"]):
        add(f"shallow clone: {' '.join(command)}", lambda folder, command=command: shallow(folder, command))

    def partial(folder: Path) -> list[str]:
        repo = make_repo(folder, {"spec.md": SPEC_V1}, {"spec.md": SPEC_V2}, {"spec.md": SPEC_V2 + "\nMore.\n"})
        blob = git(repo, "rev-parse", "HEAD~1:spec.md")
        (repo / ".git" / "objects" / blob[:2] / blob[2:]).unlink()
        return ["log"]

    add("missing object during log", partial)

    def cache_damaged(folder: Path) -> list[str]:
        repo = make_repo(folder, {"spec.md": SPEC_V1}, {"spec.md": SPEC_V2})
        state = repo / ".git" / "specdiff"
        state.mkdir(parents=True)
        for name in ("history.sqlite", "history.db", "reviewed.json"):
            (state / name).write_bytes(b"\0garbage" * 100)
        return ["log"]

    add("damaged caches", cache_damaged)
    return cases


FAMILIES: dict[str, Callable[[], list[Case]]] = {
    "pathological": pathological_cases,
    "gate": gate_cases,
    "comment": comment_cases,
    "terminal": terminal_cases,
    "symlink": symlink_cases,
    "github": github_cases,
    "model": model_cases,
    "repository": repo_cases,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", type=Path, default=Path(__file__).resolve().parent.parent, help="the specdiff tree to run")
    parser.add_argument("--family", action="append", choices=FAMILIES, help="only this family (repeat for several)")
    parser.add_argument("--match", help="only cases whose name contains this")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--list", action="store_true", help="list the cases and stop")
    parser.add_argument("-v", "--verbose", action="store_true", help="print each case as it ends")
    args = parser.parse_args()
    cases = [c for name in (args.family or FAMILIES) for c in FAMILIES[name]()]
    if args.match:
        cases = [c for c in cases if args.match in c.name]
    if args.list:
        for case in cases:
            print(f"{case.family}: {case.name}")
        print(f"{len(cases)} cases")
        return
    source = args.source.resolve()
    print(f"specdiff from {source}: {len(cases)} cases, {args.jobs} at a time", flush=True)

    def one(case: Case) -> tuple[Case, str | None, Outcome | None]:
        failure, outcome = run_case(case, source)
        if args.verbose:
            spent = f" ({outcome.processor_seconds:.1f} s processor, {outcome.wall_seconds:.1f} s wall)" if outcome else ""
            print(
                f"  {'FAIL' if failure else 'ok  '} {case.family}: {case.name}{spent}" + (f" — {failure}" if failure else ""),
                flush=True,
            )
        return case, failure, outcome

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(one, cases))
    failures = [(c, f) for c, f, _ in results if f]
    print(f"\n{'family':<14}{'cases':>7}{'failed':>8}")
    for family in dict.fromkeys(c.family for c in cases):
        tried = [r for r in results if r[0].family == family]
        print(f"{family:<14}{len(tried):>7}{sum(1 for _, f, _ in tried if f):>8}")
    print(f"{'total':<14}{len(results):>7}{len(failures):>8}   ({time.perf_counter() - start:.0f} s)")
    ran = sorted(((c, o) for c, _, o in results if o), key=lambda r: r[1].processor_seconds, reverse=True)
    print(f"\nslowest {min(SLOWEST, len(ran))} (processor / wall-clock seconds, peak MB):")
    for case, outcome in ran[:SLOWEST]:
        print(
            f"  {outcome.processor_seconds:6.2f} {outcome.wall_seconds:7.2f} {outcome.peak_mb:6.0f}  {case.family}: {case.name}"
        )
    if failures:
        print("\nfailures:")
        for case, failure in failures:
            print(f"  {case.family}: {case.name} — {failure}")


if __name__ == "__main__":
    main()
