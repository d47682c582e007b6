"""What a check covers: rules by defaults, then `select` (which also turns on opt-in rules),
then `ignore`; files by the configured excludes."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from citegraph.config import Config
from citegraph.errors import ConfigError
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


def selected_codes(config: Config) -> tuple[str, ...]:
    """The codes of every rule whose findings are reported under `config`."""
    return tuple(code for code in RULES if selected(code, config))


def check_codes(patterns: tuple[str, ...], source: str) -> None:
    """Raise `ConfigError` for a code or prefix that names no rule: a typo in `select` would
    otherwise check nothing, and one in `ignore` would silence nothing, both without a word."""
    unknown = [p for p in patterns if not (p.upper() == "ALL" or _known_prefix(p))]
    if unknown:
        raise ConfigError(
            f"{source}: unknown rule code{'s' if len(unknown) > 1 else ''} "
            f"{', '.join(repr(u) for u in unknown)} (known: ALL, {', '.join(RULES)})"
        )


def _known_prefix(pattern: str) -> bool:
    return bool(pattern) and any(code.startswith(pattern.upper()) for code in RULES)


def _matches(code: str, patterns: tuple[str, ...]) -> bool:
    return any(p.upper() == "ALL" or code.startswith(p.upper()) for p in patterns)


def force_excluded(root: Path, paths: Iterable[str], config: Config) -> set[str]:
    """Those of `paths` (relative to `root`) the walk of `root` would not scan. With
    `force-exclude` they are left out of the files named on the command line too, so a
    pre-commit hook agrees with `scan`."""
    from scanner import excluded

    return excluded(root, paths, config.scan_options())
