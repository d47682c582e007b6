"""An entry's fields are the characters its markup stands for: a BibTeX entry's LaTeX accents
(`S\\"arkk\\"a`, `Ru{\\ss}wurm`) are the letters on the Papers page and in every report, as
Javadoc's HTML character references are (`test_javadoc_html.py`); the rest of a field stays as
written."""

from __future__ import annotations

import pytest

from scanner.titles import find_citations
from scanner.titles.characters import marked_words_read, read_marks
from scanner.types import EntryFields


def _fields(text: str) -> EntryFields:
    (hit,) = find_citations(text)
    assert hit.reference is not None
    return hit.reference


def test_a_bibtex_entrys_accents_are_its_authors_letters() -> None:
    fields = _fields(
        "@article{okafor2019,\n"
        '  author  = {Okafor, Ada and S\\"arkk\\"a, Simo and Ru{\\ss}wurm, Marc and\n'
        "             Kv{\\ae}rn{\\o}, Anne and Erd\\H{o}s, Paul and {\\L}ukasiewicz, Jan},\n"
        "  title   = {Filtering sensor drift in Fr\\'{e}chet space},\n"
        "  journal = {Journal of Synthetic Filtering},\n"
        "  year    = {2019}\n"
        "}"
    )
    assert fields.authors == (
        "Okafor, Ada",
        "Särkkä, Simo",
        "Rußwurm, Marc",
        "Kværnø, Anne",
        "Erdős, Paul",
        "Łukasiewicz, Jan",
    )
    assert fields.title == "Filtering sensor drift in Fréchet space"


@pytest.mark.parametrize(
    "value",
    [
        "Runs in 50% of the time",  # a TeX comment sign is a per cent here
        "An $O(n \\log n)$ bound for \\iid samples",  # math and the author's own macros
        "{GPU} kernels for {FFT}s",  # case-protecting braces are tidy's
        "a trailing backslash \\",
    ],
)
def test_the_rest_of_a_field_stays_as_written(value: str) -> None:
    assert read_marks(value) == value


def test_names_written_with_accents_outside_an_entry_are_read_as_names() -> None:
    """A technical report cited in a C++ comment, its authors' accents in LaTeX: the names
    read as the names they are, so that the entry is read at all."""
    text = (
        "ScatterSVM - Multiclass SVM\n\n"
        "  Details are in the following technical report.\n\n"
        '  Ada Okafor and Marc Lind and S\\"oren Moss and\n'
        '            Klaus-Ravi M\\"{u}ller,\n'
        "  A Multi-Class Tide Machine Based on Scatter Criteria, TR 014-2009\n"
        "  TU Berlin, 2009\n"
    )
    fields = _fields(text)
    assert fields.authors == ("Ada Okafor", "Marc Lind", "Sören Moss", "Klaus-Ravi Müller")
    assert fields.title == "A Multi-Class Tide Machine Based on Scatter Criteria"


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ('by S\\"oren Moss, 2009', "by   Sören Moss, 2009"),
        ("Ru{\\ss}wurm, Erd\\H{o}s", "    Rußwurm,     Erdős"),
        # a compound's parts read as one word
        ("P{\\'e}rez-Garc{\\'i}a, F.", "        Pérez-García, F."),
        # a quote escaped in a string, TeX's math and a line break stay as written
        ('say \\"Tides\\" with $\\pi\\sigma$\\n', 'say \\"Tides\\" with $\\pi\\sigma$\\n'),
    ],
)
def test_a_word_with_accents_reads_as_its_letters_at_the_same_offsets(text: str, read: str) -> None:
    assert marked_words_read(text) == read
