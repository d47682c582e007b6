"""Configuration layering and validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from citegraph.config import load_config
from citegraph.errors import ConfigError


def project(tmp_path: Path, body: str) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text(body)
    return tmp_path


def test_defaults_without_pyproject(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    config = load_config(tmp_path, environ={})
    assert config.resolve and not config.offline and config.exclude == ()


def test_layering_pyproject_then_environment_then_flags(tmp_path: Path) -> None:
    root = project(
        tmp_path, '[tool.citegraph]\nexclude = ["vendor/**"]\nmax-file-size = 10\noffline = false\n'
    )
    assert load_config(root, environ={}).max_file_size == 10
    config = load_config(
        root, environ={"CITEGRAPH_OFFLINE": "yes", "CITEGRAPH_MAX_FILE_SIZE": "20"}
    )
    assert config.offline and config.max_file_size == 20 and config.exclude == ("vendor/**",)
    config = load_config(root, {"max_file_size": 30, "offline": None}, environ={})
    assert config.max_file_size == 30 and not config.offline


def test_pyproject_is_found_from_a_subdirectory(tmp_path: Path) -> None:
    root = project(tmp_path, '[tool.citegraph]\ninclude = ["src/**"]\n')
    sub = root / "src" / "pkg"
    sub.mkdir(parents=True)
    assert load_config(sub, environ={}).include == ("src/**",)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[tool.citegraph]\nexclud = []\n", "unknown key 'exclud'"),
        ('[tool.citegraph]\nmax-file-size = "big"\n', "must be an integer"),
        ("[tool.citegraph]\noffline = 3\n", "must be true or false"),
        ("[tool.citegraph]\nexclude = [1]\n", "must be a list of strings"),
        ("[tool.citegraph\n", "cannot read"),
        # a confidence above 1 matched no title at all, in silence
        ("[tool.citegraph]\nmin-title-confidence = 2\n", "must be between 0 and 1"),
        # a glob pathspec cannot compile was an internal error with a traceback from the walk
        ('[tool.citegraph]\nexclude = ["ok/**", "**/[z-a]"]\n', r"exclude.*'\*\*/\[z-a\]'"),
        ('[tool.citegraph]\ninclude = ["src\\\\"]\n', r"include.*cannot be read"),
        # globs read as no pattern at all excluded nothing, without a word
        (
            '[tool.citegraph]\nexclude = ["vendor/[old"]\n',
            r"'vendor/\[old' \(its '\[' is never closed",
        ),
        ('[tool.citegraph]\nexclude = ["#gen"]\n', r"'#gen' \(a '#' starts a comment"),
        ('[tool.citegraph]\ninclude = [""]\n', r"include.*'' \(it matches nothing\)"),
    ],
)
def test_bad_configuration_is_a_clear_error(tmp_path: Path, body: str, message: str) -> None:
    root = project(tmp_path, body)
    with pytest.raises(ConfigError, match=message):
        load_config(root, environ={})


def test_a_bad_value_names_the_file_to_fix(tmp_path: Path) -> None:
    # "setting 'max-file-size' must not be negative" left the reader to find which file said so
    root = project(tmp_path, "[tool.citegraph]\nmax-file-size = -5\n")
    expected = f"{root / 'pyproject.toml'}: [tool.citegraph] 'max-file-size' must not be negative"
    with pytest.raises(ConfigError) as raised:
        load_config(root, environ={})
    assert str(raised.value) == expected
    # A flag still mends it; a variable is named as before.
    assert load_config(root, {"max_file_size": 10}, environ={}).max_file_size == 10
    with pytest.raises(ConfigError, match=r"^CITEGRAPH_MAX_FILE_SIZE 'max-file-size' must not"):
        load_config(root, environ={"CITEGRAPH_MAX_FILE_SIZE": "-1"})


@pytest.mark.parametrize(
    ("key", "hint"),
    [("exlude", "exclude"), ("Exclude", "exclude"), ("max-filesize", "max-file-size")],
)
def test_an_unknown_key_suggests_the_closest_one(tmp_path: Path, key: str, hint: str) -> None:
    # the message listed all 23 keys and left the reader to find the typo among them
    root = project(tmp_path, f"[tool.citegraph]\n{key} = 1\n")
    with pytest.raises(ConfigError, match=f"unknown key '{key}' .*; did you mean '{hint}'\\?"):
        load_config(root, environ={})


def test_jobs_are_capped_at_four_per_core(tmp_path: Path) -> None:
    # `--jobs 1000` forked a thousand scan workers on a two-core machine
    import os

    cores = len(os.sched_getaffinity(0))
    config = load_config(tmp_path, {"jobs": 1000}, environ={})
    assert config.jobs == 1000 and config.scan_options().jobs == 4 * cores
    assert load_config(tmp_path, {"jobs": 2}, environ={}).scan_options().jobs == 2
    assert load_config(tmp_path, environ={}).scan_options().jobs == 0  # one per core


def test_a_pyproject_saved_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_bytes(b'\xef\xbb\xbf[tool.citegraph]\nexclude = ["x/**"]\n')
    assert load_config(tmp_path, environ={}).exclude == ("x/**",)


def test_a_request_timeout_of_0_is_refused(tmp_path: Path) -> None:
    # each service was then reported as having used up its 30 s budget, with no request made
    with pytest.raises(ConfigError, match=r"CITEGRAPH_NETWORK_REQUEST_TIMEOUT.*more than 0"):
        load_config(tmp_path, environ={"CITEGRAPH_NETWORK_REQUEST_TIMEOUT": "0"})
    root = project(tmp_path, "[tool.citegraph]\nnetwork-request-timeout = 0\n")
    with pytest.raises(ConfigError, match="'network-request-timeout' must be more than 0"):
        load_config(root, environ={})
    assert load_config(root, {"network_request_timeout": 0.5}, environ={}).network_request_timeout


def test_a_max_file_size_of_0_is_refused_as_the_flag_refuses_it(tmp_path: Path) -> None:
    # every file was skipped as too large and `check` passed having checked nothing
    root = project(tmp_path, "[tool.citegraph]\nmax-file-size = 0\n")
    with pytest.raises(ConfigError, match="'max-file-size' must be more than 0"):
        load_config(root, environ={})
    with pytest.raises(ConfigError, match=r"CITEGRAPH_MAX_FILE_SIZE.*more than 0"):
        load_config(tmp_path, environ={"CITEGRAPH_MAX_FILE_SIZE": "0"})


def test_bad_environment_value_names_the_variable(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="CITEGRAPH_JOBS"):
        load_config(project(tmp_path, ""), environ={"CITEGRAPH_JOBS": "many"})


@pytest.mark.parametrize(
    ("line", "message"),
    [
        # `"yes"` was read as true and `"off"` as false, while `"nope"` failed: TOML has
        # booleans and numbers of its own, and a quoted one is refused as ruff refuses it
        ('strings = "yes"', r"'strings' must be true or false, unquoted, not 'yes'"),
        ('generated = "false"', r"'generated' must be true or false, unquoted, not 'false'"),
        ('jobs = "2"', r"'jobs' must be an integer, unquoted, not '2'"),
        ('time-budget = "10"', r"'time-budget' must be a number, unquoted, not '10'"),
    ],
)
def test_a_quoted_boolean_or_number_in_pyproject_is_refused(
    tmp_path: Path, line: str, message: str
) -> None:
    root = project(tmp_path, f"[tool.citegraph]\n{line}\n")
    with pytest.raises(ConfigError, match=f"pyproject.toml: \\[tool.citegraph\\] {message}$"):
        load_config(root, environ={})


def test_environment_variables_still_say_yes_and_no_in_words(tmp_path: Path) -> None:
    # a variable has nothing but strings: its words stay converted
    environ = {"CITEGRAPH_OFFLINE": "Yes", "CITEGRAPH_CACHE": "off", "CITEGRAPH_JOBS": "3"}
    config = load_config(tmp_path, environ=environ)
    assert config.offline and not config.cache and config.jobs == 3


def test_a_glob_with_an_escaped_bracket_or_hash_is_read(tmp_path: Path) -> None:
    root = project(tmp_path, '[tool.citegraph]\nexclude = ["vendor/\\\\[old", "\\\\#gen"]\n')
    assert load_config(root, environ={}).exclude == ("vendor/\\[old", "\\#gen")
