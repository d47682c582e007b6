"""citegraph's own errors.

CitegraphError
├── ConfigError      bad [tool.citegraph] key/value, environment variable or flag
└── InputError       a scan file or path that cannot be used
"""

from __future__ import annotations


class CitegraphError(Exception):
    """Base of every error citegraph reports to the user by message."""


class ConfigError(CitegraphError):
    """The configuration is invalid; the message names the key and what was expected."""


class InputError(CitegraphError):
    """An input (a saved scan, a path, a revision) cannot be used."""
