"""``specdiff lint``: checks on the rules a change writes.

One module per check family (``vague``, ``keywords``, ``contradictions``,
``duplicates``, ``untested``, ``references``), each with a ``CHECKS`` tuple;
``registry`` gathers them by id, ``rules`` reads a sentence as a rule, ``run``
chooses the clauses and keeps what the change introduced, ``report`` renders.
"""
