"""The one error type that means "the user's input is wrong".

Modules raise :class:`SpecdiffError` with a message that names the revision,
path or key at fault and, where there is one, what to do about it. Only
``cli.py`` turns it into a line on stderr and exit code 2; anything else that
escapes is a bug in specdiff and keeps its traceback.
"""


class SpecdiffError(Exception):
    """Bad usage or input, explained in one line for the user."""


class UnreadableFile(SpecdiffError):
    """A spec file that cannot be read as text (binary, not UTF-8).

    The pipeline skips such a file with a warning instead of stopping.
    """


class FileTooLarge(SpecdiffError):
    """A spec file over ``max_file_bytes``.

    A diff stops on one (the user asked about it); the history and the
    dependency graph leave it out with a warning.
    """
