"""Which rules run: defaults, then `select` (which also turns on opt-in rules), then `ignore`."""

from __future__ import annotations

from citegraph.config import Config
from citegraph.rules import RULES


def selected(code: str, config: Config) -> bool:
    """Whether findings of rule `code` are reported under `config`.

    `select` and `ignore` take codes or prefixes (`CG2` selects every style rule, `ALL` every
    rule), like ruff's.
    """
    if _matches(code, config.ignore):
        return False
    if config.select:
        return _matches(code, config.select)
    rule = RULES.get(code)
    return rule is None or rule.default_enabled


def _matches(code: str, patterns: tuple[str, ...]) -> bool:
    return any(p == "ALL" or code.startswith(p.upper()) for p in patterns)
