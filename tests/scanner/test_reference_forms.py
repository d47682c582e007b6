"""Issue #15's reference forms in every language (`tests/fixtures/sources/<lang>/forms.*`):
one place, one reference with its other lines, Sphinx roles and reST links, Markdown links,
paper links on other hosts, books, attribution; and the look-alikes that are not citations
(slides, documentation and GitHub links, library and eponymous-algorithm names, numeric
back-references, vague mentions). The fixtures hold the same paragraphs in each language's
comment syntax; their exact output is pinned by `test_fixtures`, while this test states what
each form must give, with the lines found by the text on them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import SOURCES

from scanner.languages import LANGUAGES
from scanner.scan import scan_file
from scanner.types import Mention


@dataclass(frozen=True)
class Expected:
    """One citation: its key (id, or the title for a citation without one), its kind, the
    text on its first line, the texts on its other lines, and the definition it belongs to."""

    key: str
    kind: str
    line: str
    also: tuple[str, ...]
    definition: str


CODE_FORMS = (
    Expected(
        "url:https://hal.science/hal-00406166",
        "url",
        "[FFGM2007] P. Flajolet",
        ("Flajolet et al. (2007) do", "the one of [FFGM2007]"),
        "estimate",
    ),
    Expected(
        "doi:10.1145/3147.3165",
        "doi",
        "J. S. Vitter. Random sampling",
        ("(Vitter, 1985)",),
        "Reservoir",
    ),
    Expected(
        "doi:10.1000/mqs.2019.12",
        "doi",
        "[LeePark2019] H. Lee",
        ("Lee and Park 2019 describe", "is the one of [LeeEtal2019]"),
        "Reservoir",
    ),
    Expected("Nguyen 2003", "author-year", "(Nguyen, 2003)", (), "merge"),
    Expected(
        "The Art of Computer Programming",
        "book",
        "The recurrence is the one of Knuth",
        (),
        "update",
    ),
    Expected(
        "url:https://cs.example.edu/~someone/papers/robust-quantiles.pdf",
        "url",
        "papers/robust-quantiles.pdf",
        (),
        "layer",
    ),
    Expected("arxiv:1706.03762", "arxiv", "[Attention Is All You Need](", (), "layer"),
    # The same work in another place is another citation.
    Expected("doi:10.1145/3147.3165", "doi", "reservoir paper again", (), "again"),
)
# Sphinx roles, reST named and anonymous links and an entry's labels (Python, Cython, reST).
SPHINX_FORMS = (
    Expected("arxiv:1412.6980", "arxiv", "Steps as :arxiv:", (), "orient"),
    Expected("doi:10.1145/3360572", "doi", "Unwinding as :doi:", (), "orient"),
    Expected(
        "url:https://cs.example.edu/~jrs/papers/robustr.pdf",
        "url",
        ".. _Adaptive precision floating-point arithmetic:",
        ("Orientation after `Adaptive",),
        "orient",
    ),
    Expected(
        "doi:10.1007/pl00009321", "doi", "__ https://doi.org/10.1007", ("`its journal",), "orient"
    ),
    Expected(
        "Greedy splits for regression forests",
        "title",
        ".. [Smith2011] A. Smith",
        ("splits as [Smith2011]_ and [SmithEtal2011]_",),
        "orient",
    ),
)
# Lines that hold only look-alikes: no citation starts or is mentioned there.
NEGATIVES = (
    "Welford's algorithm",
    "Cephes library and from Boost;",
    "see [1] and Sec. 3.2 of [2]",
    "as the original paper says",
    "Not papers: the slides",
    "the manual https://docs.example.org",
    "https://github.com/example/sketch",
    "Not citations: see [1]_",
    ".. _user guide:",
    "__ https://www.example.edu/~someone/talks",
)

# The fixture of each language and how it names the definitions of the code forms.
SYMBOLS = {
    "python/forms.py": "forms.{}",
    "cython/forms.pyx": "cython.forms.{}",
    "c/forms.c": "{}",
    "cpp/forms.hpp": "sketch::{}",
    "cuda/forms.cuh": "sketch::{}",
    "go/forms.go": "sketch.{}",
    "rust/forms.rs": "crate::rust::forms::{}",
    "java/Forms.java": "org.example.sketch.Forms.{}",
    "javascript/forms.js": "forms.{}",
    "typescript/forms.ts": "forms.{}",
    "tsx/Forms.tsx": "Forms.{}",
    "markdown/forms.md": "markdown/forms.md",
    "text/FORMS.txt": "text/FORMS.txt",
    "rst/forms.rst": "rst/forms.rst",
    "matlab/forms.m": "forms.{}",
    "fortran/forms.f90": "sketch::{}",
    "fortran-fixed/forms.f": "{}",
}
# Each language's spelling of the definitions (C and Go names, the member's separator).
DEFINITIONS = {
    "c/forms.c": {"Reservoir": "reservoir", "merge": "reservoir_merge"},
    "cpp/forms.hpp": {"merge": "Reservoir::merge", "update": "Update"},
    "cuda/forms.cuh": {"merge": "Reservoir::merge", "update": "Update"},
    "go/forms.go": {
        "estimate": "Estimate",
        "merge": "Reservoir.Merge",
        "update": "Update",
        "layer": "Layer",
        "again": "Again",
    },
    "rust/forms.rs": {"merge": "Reservoir::merge"},
    "tsx/Forms.tsx": {"merge": "Reservoir.merge", "layer": "Layer"},
    "matlab/forms.m": {"Reservoir": "reservoir", "merge": "reservoir_merge"},
    "fortran/forms.f90": {"Reservoir": "reservoir", "merge": "reservoir_merge"},
    "fortran-fixed/forms.f": {
        "estimate": "ESTIMATE",
        "Reservoir": "RESERVOIR",
        "merge": "RESERVOIR_MERGE",
        "update": "UPDATE",
        "layer": "LAYER",
        "again": "AGAIN",
    },
}
DOCUMENTS = {"markdown/forms.md", "text/FORMS.txt", "rst/forms.rst"}
WITH_SPHINX = {"python/forms.py", "cython/forms.pyx", "rst/forms.rst"}


def _line_of(lines: list[str], text: str) -> int:
    found = [number for number, line in enumerate(lines, 1) if text in line]
    assert len(found) == 1, f"{text!r} is on lines {found}"
    return found[0]


def _key(mention: Mention) -> str:
    if mention.ref is not None and mention.kind.value in ("arxiv", "doi", "url", "isbn"):
        return mention.ref.key
    if mention.kind.value == "author-year":
        reference = mention.reference
        assert reference is not None
        return f"{reference.authors[0]} {reference.year}"
    return mention.title_hint or ""


def _expected(fixture: str) -> list[Expected]:
    forms = list(CODE_FORMS)
    if fixture in DOCUMENTS:
        # A document is one place: the second mention of the reservoir paper is not there.
        forms = [f for f in forms if f.definition != "again"]
    if fixture in WITH_SPHINX:
        forms += SPHINX_FORMS
    return forms


def _symbol(fixture: str, definition: str) -> str:
    member = {"merge": "Reservoir.merge"}.get(definition, definition)
    name = DEFINITIONS.get(fixture, {}).get(definition, member)
    return SYMBOLS[fixture].format(name)


def test_every_language_has_a_forms_fixture() -> None:
    languages = {fixture.split("/")[0] for fixture in SYMBOLS}
    assert languages == set(LANGUAGES)


@pytest.mark.parametrize("fixture", sorted(SYMBOLS))
def test_each_form_is_one_citation_with_its_other_lines(fixture: str) -> None:
    lines = (SOURCES / fixture).read_text(encoding="utf-8").splitlines()
    scan = scan_file(SOURCES, fixture)
    actual = sorted(
        (m.line, _key(m), m.kind.value, m.also_lines, m.symbol.name) for m in scan.mentions
    )
    expected = sorted(
        (
            _line_of(lines, form.line),
            form.key,
            form.kind,
            tuple(sorted(_line_of(lines, also) for also in form.also)),
            _symbol(fixture, form.definition),
        )
        for form in _expected(fixture)
    )
    assert actual == expected


@pytest.mark.parametrize("fixture", sorted(SYMBOLS))
def test_look_alikes_are_not_citations(fixture: str) -> None:
    lines = (SOURCES / fixture).read_text(encoding="utf-8").splitlines()
    scan = scan_file(SOURCES, fixture)
    cited = set()
    for m in scan.mentions:
        cited.update(range(m.line, m.end_line + 1))
        cited.update(m.also_lines)
    for negative in NEGATIVES:
        if any(negative in line for line in lines):
            assert _line_of(lines, negative) not in cited, negative
    titles = " ".join(m.title_hint or "" for m in scan.mentions)
    for name in ("Welford", "Cephes", "Boost", "original paper", "user guide", "slides", "version"):
        assert name not in titles
    keys = " ".join(m.ref.key for m in scan.mentions if m.ref is not None)
    for host in ("github.com", "docs.example.org", "talks/"):
        assert host not in keys


def test_fixtures_are_the_same_paragraphs() -> None:
    """Every fixture holds each form's text, so a form dropped from one language shows."""
    for fixture in SYMBOLS:
        text = Path(SOURCES / fixture).read_text(encoding="utf-8")
        for form in _expected(fixture):
            assert form.line in text, (fixture, form.line)
        assert "Welford's algorithm" in text, fixture
