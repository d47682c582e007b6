"""Generate a synthetic repository for the scan benchmark: realistic shapes, deterministic.

Most files are ordinary code whose comments cite nothing (license headers with years, TODOs,
docs links); a small fraction cite papers in every form the scanner knows (arXiv ids and URLs,
DOIs, paper URLs, reference entries). File sizes follow a log-normal distribution, as in real
trees (many small files, a long tail of long ones); a few files are generated code of half a
megabyte or more, a few are huge (over the scanner's size limit), some are not UTF-8 and some
are binary. The same seed gives the same tree, of `megabytes` to within a fraction of a percent.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

# Part of the marker of a generated tree: a tree written by another version is regenerated.
# Bump it whenever the output changes.
GENERATOR_VERSION = 3

LANGUAGES = {  # extension -> (line comment, share of files)
    ".py": ("#", 0.30),
    ".cpp": ("//", 0.14),
    ".h": ("//", 0.12),
    ".java": ("//", 0.10),
    ".ts": ("//", 0.08),
    ".js": ("//", 0.07),
    ".go": ("//", 0.07),
    ".rs": ("//", 0.06),
    ".md": ("", 0.06),
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


def _code_file(rng: random.Random, ext: str, size: int, cite: bool) -> str:
    """About `size` bytes of code (or Markdown) in the language of `ext`."""
    marker = LANGUAGES[ext][0]
    # Most files carry a license header; about one in ten has links or versions in comments.
    out = [f"{marker} Copyright 2019-2024 The Project Authors. SPDX-License-Identifier: MIT"]
    written = len(out[0]) + 1
    noise = NOISE if cite or rng.random() < 0.08 else PLAIN
    i = 1
    while written < size:
        if i % 12 == 0:
            comment = _line(rng, CITATIONS if cite and rng.random() < 0.3 else noise)
            line = f"{marker} {comment}" if marker else comment
        elif ext == ".py":
            line = (
                f"    value_{i} = compute_{i % 17}(value_{i - 1}, scale={i * 0.5})"
                if i % 7
                else f"def function_{i}(value_0):"
            )
        elif ext == ".md":
            line = f"Paragraph {i} of the design notes, about module {i % 9}."
        else:
            line = f"  int value_{i} = compute_{i % 17}(value_{i - 1}, {i});"
        out.append(line)
        written += len(line) + 1
        i += 1
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
    weights = [LANGUAGES[e][1] for e in extensions]
    budget = megabytes * 1e6
    # Huge files (over the 2 MiB size limit: skipped by the scan, read by the floor) take 15%
    # of the bytes and generated ones (0.3 to 1.8 MB, scanned) about 5%; the rest is spread
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
        elif index % 1009 == 0:
            kinds.append(("generated", int(rng.uniform(0.3e6, 1.8e6))))
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
            path.write_text(_code_file(rng, ext, max(200, int(size * scale)), cite))
        else:
            path.write_text(_code_file(rng, ext, size, cite=False))
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
