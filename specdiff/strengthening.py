"""Whether an amendment makes its clause bind more: the one definition of "strengthens a rule".

``lint`` (TST001: a rule added or strengthened that no eval reaches) and
``evals draft`` (which amendments need a new eval case) ask the same question;
this is where it is answered, from the effects ``semantics`` found:

- an effect says ``strengthened`` (``should`` → ``must``, or an obligation or
  prohibition added with the clause), or
- the force turned from a non-obligation into an obligation or prohibition: a
  permission that became a duty ("may" → "must not") reads as ``reversed``, but
  binds more.

A rule that stayed an obligation but flipped ("must" → "must not") is a changed
rule, not a stronger one.

>>> from specdiff.model import Amendment, Effect
>>> def modality(old, new, direction, old_obliges, new_obliges):
...     effect = Effect("modality", old, new, direction, old_obliges=old_obliges, new_obliges=new_obliges)
...     return Amendment("clause", "modified", "breaking", (), (), 0.9, [effect], [], "a")
>>> strengthens(modality("should", "must", "strengthened", True, True))
True
>>> strengthens(modality("may", "must not", "reversed", False, True))
True
>>> strengthens(modality("must", "must not", "reversed", True, True))
False
"""

from __future__ import annotations

from specdiff.model import Amendment


def strengthens(amendment: Amendment) -> bool:
    """Whether ``amendment`` adds an obligation or prohibition, or makes one stronger (see the module docstring)."""
    return any(
        e.direction == "strengthened" or (e.type == "modality" and e.new_obliges and not e.old_obliges) for e in amendment.effects
    )
