"""Generate a synthetic repository for the scan benchmark: realistic shapes, deterministic.

Most files are ordinary code whose comments cite nothing (license headers with years, TODOs,
docs links); a small fraction cite papers in every form the scanner knows (arXiv ids and URLs,
DOIs, paper URLs, reference entries). File sizes follow a log-normal distribution, as in real
trees (many small files, a long tail of long ones). All code is valid for its language (error
recovery would make a parser far slower than on real code), hand-written code uses small
numbers, and one file in 2,000 is a generated data table of 0.2 to 1 MB, full of numbers
(some of which look like years, as in real tables). A few files are huge (over the scanner's
size limit), some are not UTF-8 and some are binary. The same seed gives the same tree, of
`megabytes` to within a fraction of a percent.
"""

from __future__ import annotations

import argparse
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

# Part of the marker of a generated tree: a tree written by another version is regenerated.
# Bump it whenever the output changes.
GENERATOR_VERSION = 6


@dataclass(frozen=True)
class Shape:
    """How one language's files look: valid code (a parser's error recovery on invalid code
    would cost far more than real code does), in functions of a few statements each."""

    comment: str  # the line comment marker ("" for Markdown: comments are the text)
    share: float  # of all files
    function: str  # a function's first line, formatted with {i}
    statement: str  # a line of its body, formatted with {i}, {j} (= i - 1) and {k} (0 to 16)
    end: str = "}}"  # a function's last line (a format string, like the others)
    opening: str = ""  # the file's first line after the license header, formatted with {n}
    closing: str = ""  # the file's last line


LANGUAGES = {
    ".py": Shape(
        "#",
        0.30,
        "def function_{i}(value_0):",
        "    value_{i} = compute_{k}(value_{j}, scale={i}.5)",
        "    return value_0",
    ),
    ".cpp": Shape(
        "//",
        0.14,
        "int function_{i}(int value_0) {{",
        "  int value_{i} = compute_{k}(value_{j}, {i});",
    ),
    ".h": Shape(
        "//",
        0.12,
        "static inline int function_{i}(int value_0) {{",
        "  int value_{i} = compute_{k}(value_{j}, {i});",
    ),
    ".java": Shape(
        "//",
        0.10,
        "  int function{i}(int value0) {{",
        "    int value{i} = compute{k}(value{j}, {i});",
        "  }}",
        "public class File{n} {{",
        "}}",
    ),
    ".ts": Shape(
        "//",
        0.08,
        "export function function_{i}(value_0: number): number {{",
        "  const value_{i}: number = compute_{k}(value_{j}, {i});",
    ),
    ".js": Shape(
        "//",
        0.07,
        "function function_{i}(value_0) {{",
        "  const value_{i} = compute_{k}(value_{j}, {i});",
    ),
    ".go": Shape(
        "//",
        0.07,
        "func function_{i}(value_0 int) int {{",
        "\tvalue_{i} := compute_{k}(value_{j}, {i})",
        "}}",
        "package pkg{n}",
    ),
    ".rs": Shape(
        "//",
        0.06,
        "pub fn function_{i}(value_0: i64) -> i64 {{",
        "    let value_{i} = compute_{k}(value_{j}, {i});",
    ),
    ".md": Shape(
        "", 0.06, "## Part {i}", "Paragraph {i} of the design notes, about module {k}.", ""
    ),
}
# Generated files are data tables: (first lines, a row's prefix, separator, suffix, last line).
TABLES = {
    ".py": ("TABLE = [", "    ", ", ", ",", "]"),
    ".cpp": ("static const int kTable[] = {", "  ", ", ", ",", "};"),
    ".h": ("static const int table[] = {", "  ", ", ", ",", "};"),
    ".java": (
        "public class Table{n} {\n  static final int[] TABLE = {",
        "    ",
        ", ",
        ",",
        "  };\n}",
    ),
    ".ts": ("export const TABLE: number[] = [", "  ", ", ", ",", "];"),
    ".js": ("export const TABLE = [", "  ", ", ", ",", "];"),
    ".go": ("package pkg{n}\n\nvar table = []int{", "\t", ", ", ",", "}"),
    ".rs": ("pub static TABLE: &[i64] = &[", "    ", ", ", ",", "];"),
    ".md": (
        "| a | b | c | d | e | f | g | h |\n|---|---|---|---|---|---|---|---|",
        "| ",
        " | ",
        " |",
        "",
    ),
}
CITATIONS = [
    "See https://arxiv.org/abs/{yy}{mm:02d}.{n:05d} for the derivation.",
    "Implements arXiv:{yy}{mm:02d}.{n:05d}v2 (section 3).",
    "Reference: doi:10.1145/{a}.{b}",
    "Based on https://doi.org/10.1016/j.jcp.20{yy}.{n:05d}",
    "Proceedings version: https://openreview.net/forum?id=Hk{n:05d}xZ",
    'A. Author and B. Writer, "A Method for Fast Things Number {n}", J. Comput. Phys. {a}, 2019.',
    "Smith et al. (20{yy}) describe the recurrence used here.",
]
PLAIN = [
    "Keep this in sync with the table in the user guide.",
    "The caller owns the buffer; it must outlive this object.",
    "Fast path: both inputs are contiguous and of the same dtype.",
    "Returns the number of elements written, or -1 on overflow.",
]
NOISE = [
    *PLAIN,
    "TODO(jane): handle the empty case, see https://github.com/org/repo/issues/{n}",
    "Version {a}.{b}.{n} changed the default; docs at https://docs.example.org/v{a}/api.html",
    "Listen on 10.0.{a}.{b}:8080 unless configured otherwise.",
]


def _line(rng: random.Random, templates: list[str]) -> str:
    return rng.choice(templates).format(
        yy=rng.randint(15, 24),
        mm=rng.randint(1, 12),
        n=rng.randint(1, 99999),
        a=rng.randint(100, 9999),
        b=rng.randint(100, 9999),
    )


def _code_file(rng: random.Random, ext: str, size: int, cite: bool, n: int) -> str:
    """About `size` bytes of code (or Markdown) in the language of `ext`."""
    shape = LANGUAGES[ext]
    marker = shape.comment
    # Most files carry a license header; about one in ten has links or versions in comments.
    header = f"{marker} Copyright 2019-2024 The Project Authors. SPDX-License-Identifier: MIT"
    header = header.lstrip()
    out = [header, shape.opening.format(n=n)] if shape.opening else [header]
    written = sum(len(line) + 1 for line in out)
    noise = NOISE if cite or rng.random() < 0.08 else PLAIN
    i = 1
    while written < size:
        if i % 12 == 0:  # a comment before every twelfth line: doc comments, notes, citations
            comment = _line(rng, CITATIONS if cite and rng.random() < 0.3 else noise)
            out.append(f"{marker} {comment}" if marker else comment)
            written += len(out[-1]) + 1
        if i % 7 == 1:
            line = shape.function.format(i=i // 7 % 500)
        elif i % 7 == 0:
            line = shape.end.format(i=i)
        else:
            # Hand-written code names things with words and uses small numbers: the numbers
            # stay below 100 (ones that look like years are the generated files' business).
            line = shape.statement.format(i=i % 7, j=i % 7 - 1, k=i % 17)
        out.append(line)
        written += len(line) + 1
        i += 1
    if i % 7 != 1:  # close the function left open
        out.append(shape.end.format(i=i % 7))
    if shape.closing:
        out.append(shape.closing.format(n=n))
    return "\n".join(out) + "\n"


def _generated_file(rng: random.Random, ext: str, size: int, n: int) -> str:
    """About `size` bytes of a generated data table in the language of `ext`."""
    first, prefix, separator, suffix, last = TABLES[ext]
    marker = LANGUAGES[ext].comment
    out = [f"{marker} Generated by tools/make_tables.py; do not edit.".lstrip()]
    out.append(first.replace("{n}", str(n)))
    written = sum(len(line) + 1 for line in out)
    while written < size:
        numbers = separator.join(str(rng.randrange(100000)) for _ in range(8))
        out.append(f"{prefix}{numbers}{suffix}")
        written += len(out[-1]) + 1
    out.append(last)
    return "\n".join(out) + "\n"


def generate(root: Path, files: int = 20000, megabytes: float = 150.0, seed: int = 1) -> Path:
    """Write the tree under `root` (reused when its marker says it has the same shape)."""
    marker = root / ".synth"
    shape = f"{GENERATOR_VERSION} {files} {megabytes} {seed}"
    if marker.is_file() and marker.read_text() == shape:
        return root
    if root.exists():
        # Regenerate from scratch, so that no file of another shape lingers; only ever delete
        # a tree this module wrote (the marker is written first, so even a partial one).
        if not marker.is_file():
            raise SystemExit(f"{root} exists and is not a generated tree; not touching it")
        shutil.rmtree(root)
    root.mkdir(parents=True)
    marker.write_text("incomplete")
    rng = random.Random(seed)
    extensions = list(LANGUAGES)
    weights = [LANGUAGES[e].share for e in extensions]
    budget = megabytes * 1e6
    # Huge files (over the 2 MiB size limit: skipped by the scan, read by the floor) take 15%
    # of the bytes and generated tables (0.2 to 1 MB, scanned) about 4%; the rest is spread
    # log-normally (median about 4 KB) and scaled to fill the budget.
    huge = max(1, files // 4000)
    huge_size = int(budget * 0.15 / huge)
    kinds: list[tuple[str, int]] = []
    for index in range(files):
        if index < huge:
            kinds.append(("huge", huge_size))
        elif index % 997 == 0:
            kinds.append(("binary", 4102))
        elif index % 991 == 0:
            kinds.append(("cp1252", 1200))
        elif index % 2003 == 0:
            kinds.append(("generated", int(rng.uniform(0.2e6, 1.0e6))))
        else:
            kinds.append(("code", int(rng.lognormvariate(8.3, 1.0))))
    fixed = sum(size for kind, size in kinds if kind != "code")
    spread = sum(size for kind, size in kinds if kind == "code")
    scale = max(0.0, budget - fixed) / max(spread, 1)
    for index, (kind, size) in enumerate(kinds):
        ext = rng.choices(extensions, weights)[0]
        path = root / f"pkg{index % 40}" / f"sub{index % 7}" / f"file{index}{ext}"
        path.parent.mkdir(parents=True, exist_ok=True)
        if kind == "binary":
            path.write_bytes(b"\x7fELF\x00\x00" + rng.randbytes(4096))  # binary, code name
        elif kind == "cp1252":
            path.write_bytes(("// Müller, Crème brûlée " * 50).encode("cp1252"))  # not UTF-8
        elif kind == "code":
            cite = rng.random() < 0.03
            path.write_text(_code_file(rng, ext, max(200, int(size * scale)), cite, index))
        elif kind == "generated":
            path.write_text(_generated_file(rng, ext, size, index))
        else:
            path.write_text(_code_file(rng, ext, size, False, index))
    marker.write_text(shape)
    return root


def main() -> None:
    """Command line: `python benchmarks/synth.py OUT [--files N] [--megabytes M]`."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--files", type=int, default=20000)
    parser.add_argument("--megabytes", type=float, default=150.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.files, args.megabytes, args.seed)


if __name__ == "__main__":
    main()
