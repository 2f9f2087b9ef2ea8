"""A spec file that turns unreadable is a change of its own: the ``unreadable`` amendment.

When the new side of a spec file cannot be read as text (binary, invalid
UTF-8, a Git LFS pointer, a symbolic link leaving the repository), nothing in
it can be compared, so its rules could have changed in any way: "must not"
could now say "may". Skipping the file with a warning would let such a change
pass ``--fail-on breaking`` with "No spec changes". Instead the file gets one
amendment, unit ``file``, kind ``unreadable``, at the highest severity, which
every renderer shows and every ``--fail-on`` level trips on.
"""

from __future__ import annotations

import hashlib

from specdiff.model import Amendment, Clause, Effect, Severity

SEVERITY: Severity = "breaking"
"""Nothing in the file can be checked, so assume the worst."""


def unreadable_amendment(path: str, reason: str) -> Amendment:
    """The amendment for ``path`` whose new side could not be read, ``reason`` saying why.

    >>> a = unreadable_amendment("spec.md", "spec.md looks binary (a NUL byte); skipped")
    >>> a.kind, a.severity, a.effects[0].new
    ('unreadable', 'breaking', 'looks binary (a NUL byte)')
    """
    why = reason.removeprefix(f"{path} ").removesuffix("; skipped")
    text = f"{path} can no longer be read as text: it {why}."
    fingerprint = hashlib.blake2b(text.encode(), digest_size=8).hexdigest()
    clause = Clause(path, "unreadable", text, text, (1, 1), "", "", 0, fingerprint)
    return Amendment(
        unit="file",
        kind="unreadable",
        severity=SEVERITY,
        old=(),
        new=(clause,),
        similarity=0.0,
        effects=[Effect("unreadable", "text", why, normative=True)],
        word_diff=[("equal", text)],
        id=hashlib.blake2b(f"file\nunreadable\n{path}\n{why}".encode(), digest_size=6).hexdigest(),
    )
