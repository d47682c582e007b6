"""Process exit codes, documented in the README and relied on by CI and pre-commit."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """0 clean, 1 findings, 2 usage error, 3 internal error, 130 interrupted."""

    OK = 0
    FINDINGS = 1
    USAGE = 2
    ERROR = 3
    INTERRUPTED = 130


# Said under `citegraph --help`: a CI step or a hook is written against these.
EXIT_CODES_HELP = (
    "\b\nExit codes: 0 success; 1 findings (check, catalog check); 2 usage or configuration"
    "\nerror (and an internal error of check, as linters exit); 3 internal error; 130"
    "\ninterrupted."
)
