"""specdiff: clause-level semantic diffs of specifications kept in git.

The pipeline runs one way (see docs/ and DESIGN): ``repo`` reads revisions,
``parse`` turns Markdown into clauses, ``align`` pairs old and new clauses,
``semantics`` says what each change means, and ``render`` prints a ``SpecDiff``.
"""

__version__ = "0.1.0"
