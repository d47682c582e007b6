"""Report factories for renderer tests: small hand-made reports and large generated ones."""

from __future__ import annotations

import random

from citegraph.report import Citation, Finding, PaperEntry, Report, SkippedFile


def citation(
    paper: str,
    path: str,
    line: int,
    symbol: str,
    *,
    language: str = "python",
    kind: str = "arxiv",
    raw: str = "arXiv:1706.03762",
) -> Citation:
    return Citation(
        path=path,
        line=line,
        column=5,
        end_line=line,
        end_column=5 + len(raw),
        symbol=symbol,
        symbol_kind="function",
        language=language,
        context="comment",
        kind=kind,
        id=paper if kind != "title" else None,
        version=None,
        raw=raw,
        title_hint=None,
        rule="CG101",
        confidence=1.0,
        paper=paper,
    )


def small_report() -> Report:
    papers = (
        PaperEntry(
            key="arxiv:1706.03762",
            kind="arxiv",
            status="resolved",
            title="Attention Is All You Need",
            authors=("Ashish Vaswani", "Noam Shazeer"),
            year=2017,
            venue="NeurIPS",
            url="https://arxiv.org/abs/1706.03762",
            abstract="A sequence model built from attention alone. " * 12,
            ids={"arxiv": "1706.03762"},
            primary_category="cs.CL",
        ),
        PaperEntry(
            key="doi:10.1145/362686.362692",
            kind="doi",
            status="resolved",
            title="Space/Time Trade-offs in Hash Coding with Allowable Errors",
            authors=("Burton H. Bloom",),
            year=1970,
            venue="Communications of the ACM",
            url="https://doi.org/10.1145/362686.362692",
            ids={"doi": "10.1145/362686.362692"},
        ),
        PaperEntry(
            key="arxiv:2001.00001",
            kind="arxiv",
            status="not-found",
            ids={"arxiv": "2001.00001"},
            url="https://arxiv.org/abs/2001.00001",
        ),
        PaperEntry(
            key="title:note on a method for calculating corrected sums",
            kind="title",
            status="unresolved-title",
            title_hint="Note on a method for calculating corrected sums",
            authors=("B. P. Welford",),
            year=1962,
        ),
    )
    citations = (
        citation("arxiv:1706.03762", "model/attention.py", 10, "model.attention.Attention"),
        citation("arxiv:1706.03762", "native/attn.cpp", 4, "ops::attn", language="cpp"),
        citation("arxiv:1706.03762", "model/attention.py", 40, "model.attention.Attention.fwd"),
        citation(
            "doi:10.1145/362686.362692",
            "native/bloom.rs",
            3,
            "crate::Bloom",
            language="rust",
            kind="doi",
            raw="doi:10.1145/362686.362692",
        ),
        citation("arxiv:2001.00001", "model/typo.py", 7, "model.typo"),
        citation(
            "title:note on a method for calculating corrected sums",
            "stats/var.py",
            12,
            "stats.var.welford",
            kind="title",
            raw="Welford 1962",
        ),
    )
    findings = (
        Finding(
            rule="CG003",
            level="warning",
            path="model/typo.py",
            line=7,
            column=5,
            end_line=7,
            end_column=21,
            paper="arxiv:2001.00001",
            message="arxiv:2001.00001 was not found by any metadata source",
        ),
    )
    return Report(
        root="/src/demo",
        repository="demo",
        revision="0123456789abcdef",
        tool_version="0.1.0",
        papers=papers,
        citations=citations,
        findings=findings,
        skipped=(SkippedFile("blob.bin.c", "binary (NUL bytes)"),),
        stats={"files": 9, "citations": 6, "papers": 4},
    )


def large_report(papers: int = 2000, citations: int = 20000, seed: int = 7) -> Report:
    rng = random.Random(seed)
    entries = tuple(
        PaperEntry(
            key=f"arxiv:{2000 + i // 100:04d}.{i % 100 + 1:05d}",
            kind="arxiv",
            status="resolved",
            title=f"Synthetic paper number {i} on topic {i % 37}",
            authors=(f"Author {i}", f"Coauthor {i % 11}", f"Théophile Ünal {i % 7}"),
            year=1990 + i % 35,
            abstract=f"Abstract of paper {i}. " * 20,
            url=f"https://arxiv.org/abs/{2000 + i // 100:04d}.{i % 100 + 1:05d}",
        )
        for i in range(papers)
    )
    languages = ["python", "cpp", "rust", "go", "java"]
    sites = tuple(
        citation(
            entries[rng.randrange(papers)].key,
            f"dir{j % 50}/file{j % 700}.py",
            j % 900 + 1,
            f"pkg.mod{j % 700}.fn{j % 13}",
            language=languages[j % 5],
        )
        for j in range(citations)
    )
    return Report(
        root="/big",
        repository="big",
        revision="f" * 40,
        tool_version="0.1.0",
        papers=entries,
        citations=tuple(sorted(sites, key=lambda c: (c.path, c.line))),
        stats={"files": 700},
    )
