"""Configuration: defaults, then `[tool.citegraph]` in pyproject.toml, then `CITEGRAPH_*`
environment variables, then command-line flags. Unknown keys and wrong types are errors."""

from __future__ import annotations

import math
import os
import sys
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from catalog import DEFAULT_REQUEST_TIMEOUT, DEFAULT_RUN_BUDGET, DEFAULT_SERVICE_BUDGET
from citegraph.errors import ConfigError
from scanner import (
    DEFAULT_MAX_FILE_SIZE,
    DEFAULT_TIME_BUDGET,
    ScanOptions,
    find_pyproject,
    invalid_glob,
)


@dataclass(frozen=True, slots=True)
class Config:
    """Every setting of a run. Field names are the `[tool.citegraph]` keys with `-` for `_`."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    # Apply `exclude` to files named on the command line too (ruff's `force-exclude`).
    force_exclude: bool = False
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    time_budget: float = DEFAULT_TIME_BUDGET  # seconds per file; 0: no limit
    default_excludes: bool = True
    strings: bool = False
    generated: bool = False
    resolve: bool = True
    offline: bool = False
    catalog: str | None = None
    mailto: str | None = None
    jobs: int = 0  # 0: one worker per core
    cache: bool = True
    cache_dir: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    bibliography: str | None = None
    source_url: str | None = None
    min_title_confidence: float = 0.85
    # Seconds the online lookups of one run may spend, in all and per metadata service, and on
    # one request; past them the scan finishes with what it has, from the local catalog.
    network_budget: float = DEFAULT_RUN_BUDGET
    network_service_budget: float = DEFAULT_SERVICE_BUDGET
    network_request_timeout: float = DEFAULT_REQUEST_TIMEOUT

    def scan_options(self) -> ScanOptions:
        """The subset the scanner needs."""
        return ScanOptions(
            include=self.include,
            exclude=self.exclude,
            max_file_size=self.max_file_size,
            time_budget=self.time_budget,
            default_excludes=self.default_excludes,
            strings=self.strings,
            generated=self.generated,
            jobs=min(self.jobs, MAX_JOBS_PER_CORE * _cores()),
            cache=self.cache,
            cache_dir=Path(self.cache_dir).expanduser() if self.cache_dir else None,
        )


# Worker processes past a few per core only cost: `--jobs 1000` forked a thousand scanners.
MAX_JOBS_PER_CORE = 4


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


_FIELDS = {f.name: f for f in fields(Config)}
# Settings that make sense per machine or per CI job rather than per project.
_ENV_KEYS = (
    "offline",
    "catalog",
    "mailto",
    "jobs",
    "cache",
    "cache_dir",
    "source_url",
    "max_file_size",
    "time_budget",
    "network_budget",
    "network_service_budget",
    "network_request_timeout",
)


def load_config(
    root: Path, overrides: dict[str, Any] | None = None, environ: dict[str, str] | None = None
) -> Config:
    """Build the configuration for a scan of `root`."""
    values: dict[str, Any] = {}
    # Where each value came from, so that an error names the place to fix it; a later source
    # overrides an earlier one before anything is checked (a flag mends a bad file value).
    sources: dict[str, str] = {}
    pyproject = find_pyproject(root)
    if pyproject is not None:
        from_file = _from_pyproject(pyproject)
        values.update(from_file)
        sources.update(dict.fromkeys(from_file, f"{pyproject}: [tool.citegraph]"))
    from_environment = _from_environment(os.environ if environ is None else environ)
    values.update(from_environment)
    sources.update({name: f"CITEGRAPH_{name.upper()}" for name in from_environment})
    given = {k: v for k, v in (overrides or {}).items() if v is not None}
    values.update(given)
    sources.update(dict.fromkeys(given, "setting"))
    checked = {key: _coerce(key, value, source=sources[key]) for key, value in values.items()}
    return replace(Config(), **checked)


def check_setting(name: str, value: Any) -> Any:
    """`value` checked (and converted) as the setting `name` is by `load_config`, for a
    command that passes settings on without loading a configuration (`index`)."""
    return _coerce(name, value, source="setting")


def _from_pyproject(path: Path) -> dict[str, Any]:
    # Imported here: a run outside any project with a pyproject.toml (a scan of a vendored or
    # unpacked tree) need not pay for the TOML parser.
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        # utf-8-sig: a byte order mark (saved by some editors) was 'Invalid statement'
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: cannot read: {error}") from error
    section = data.get("tool", {}).get("citegraph", {})
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [tool.citegraph] must be a table")
    out = {}
    for key, value in section.items():
        name = key.replace("-", "_")
        if name not in _FIELDS:
            import difflib

            keys = sorted(k.replace("_", "-") for k in _FIELDS)
            close = difflib.get_close_matches(key.lower().replace("_", "-"), keys, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            known = ", ".join(keys)
            raise ConfigError(
                f"{path}: unknown key {key!r} in [tool.citegraph]{hint} (known: {known})"
            )
        out[name] = value
    return out


def _from_environment(environ: dict[str, str] | os._Environ[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in _ENV_KEYS:
        raw = environ.get("CITEGRAPH_" + name.upper())
        if raw is not None and raw != "":
            out[name] = _coerce(name, raw, source=f"CITEGRAPH_{name.upper()}", text=True)
    return out


# Settings that are gitignore-style globs.
_GLOBS = frozenset({"include", "exclude"})
# Settings that cannot be 0, and why. No request can finish in no time: each service was
# reported as having used up its whole budget, without a request made; and
# `max-file-size = 0` skipped every file as too large, where `--max-file-size 0` is refused.
_POSITIVE = {
    "network_request_timeout": "--offline asks no service",
    "max_file_size": "0 would skip every file",
}
# Settings that are a confidence, a fraction of one.
_FRACTIONS = frozenset({"min_title_confidence"})
# The words an environment variable may say a yes or a no with. TOML has booleans and numbers
# of its own: `strings = "yes"` in pyproject.toml is a string where a boolean belongs, refused
# with one line as ruff refuses it (it had been read as true, and `"off"` as false: two
# spellings of one setting, and a `"nope"` failing where a `"yes"` passed).
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}
_NUMBERS = {"int": "an integer", "float": "a number"}


def _coerce(name: str, value: Any, *, source: str, text: bool = False) -> Any:
    """Check a value against the field's type; `text` (an environment variable's value, the
    only source that has nothing but strings) is converted to it first."""
    kind = str(_FIELDS[name].type)
    label = f"{source} {name.replace('_', '-')!r}"
    if kind == "bool":
        if isinstance(value, bool):
            return value
        if text and isinstance(value, str) and value.lower() in _TRUE | _FALSE:
            return value.lower() in _TRUE
        quoted = isinstance(value, str) and not text
        raise ConfigError(f"{label} must be true or false{', unquoted' * quoted}, not {value!r}")
    if isinstance(value, str) and not text and kind in _NUMBERS:
        raise ConfigError(f"{label} must be {_NUMBERS[kind]}, unquoted, not {value!r}")
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            raise ConfigError(f"{label} must be an integer, not {value!r}")
        try:
            number = int(value)
        except ValueError as error:
            raise ConfigError(f"{label} must be an integer, not {value!r}") from error
        if number < 0:
            raise ConfigError(f"{label} must not be negative")
        if name in _POSITIVE and number == 0:
            raise ConfigError(f"{label} must be more than 0 ({_POSITIVE[name]})")
        return number
    if kind == "float":
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise ConfigError(f"{label} must be a number, not {value!r}")
        try:
            real = float(value)
        except ValueError as error:
            raise ConfigError(f"{label} must be a number, not {value!r}") from error
        if not math.isfinite(real) or real < 0:
            raise ConfigError(f"{label} must be a finite number, not negative: {value!r}")
        if name in _POSITIVE and real == 0:
            raise ConfigError(f"{label} must be more than 0 ({_POSITIVE[name]})")
        if name in _FRACTIONS and real > 1:  # above 1, no title would ever match: say so
            raise ConfigError(f"{label} must be between 0 and 1, not {value!r}")
        return real
    if kind.startswith("tuple"):
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{label} must be a list of strings, not {value!r}")
        if name in _GLOBS and (bad := invalid_glob(value)) is not None:
            raise ConfigError(f"{label} has a glob that cannot be read: {bad[0]!r} ({bad[1]})")
        return tuple(value)
    if value is not None and not isinstance(value, str):
        raise ConfigError(f"{label} must be a string, not {value!r}")
    return value
