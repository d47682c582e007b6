"""The prefilter passes every citation the fixtures and the NAIST comment dataset contain."""

from __future__ import annotations

import csv
import time
from pathlib import Path

import pytest

from benchmarks.scoring import DATASET_ENV
from benchmarks.scoring import DEFAULT_DATASET as NAIST
from scanner.identifiers import EXTRACTORS
from scanner.prefilter import cue_offsets, may_cite

SOURCES = Path(__file__).parents[1] / "fixtures" / "sources"


@pytest.mark.parametrize(
    "text",
    [
        "See arXiv:1706.03762.",
        "https://doi.org/10.1145/3292500.3330701",
        "10.1016/j.jcp.2019.01.001",
        "Vaswani et al. introduced attention.",
        "Smith and Jones (2019) describe the recurrence.",
        "pages 165-175, 2011.",
        'Dekker, "Kohonen Neural Networks for Optimal Colour Quantization", in the paper',
        "IEEE Transactions on Computers, volume 60",
        "ISBN 978-0-262-03384-8",
    ],
)
def test_citation_cues_pass(text: str) -> None:
    assert may_cite(text.encode())


@pytest.mark.parametrize(
    "text",
    [
        "# Copyright 2019-2024 The Authors. SPDX-License-Identifier: MIT\nx = compute(2048)\n",
        "// Returns the number of elements written, or -1 on overflow.\nint n = 3;\n",
        "version = '1.2019.3'\n",
    ],
)
def test_plain_code_is_filtered(text: str) -> None:
    assert not may_cite(text.encode())


@pytest.mark.parametrize(
    "text", [text for extractor in EXTRACTORS.values() for text in extractor.VALID]
)
def test_every_extractor_example_passes(text: str) -> None:
    # Links count only on hosts some extractor reads: a new site needs a needle too.
    assert may_cite(text.encode())


def test_a_year_beside_a_copyright_line_still_passes() -> None:
    assert may_cite(b"# Copyright 2019 Foo\n# Following Knuth 1997.\n")


def test_every_fixture_with_expected_mentions_passes() -> None:
    checked = 0
    for expected in SOURCES.rglob("*.expected.json"):
        source = expected.with_name(expected.name.removesuffix(".expected.json"))
        if source.is_file() and '"kind"' in expected.read_text(encoding="utf-8"):
            assert may_cite(source.read_bytes()), source
            checked += 1
    assert checked >= 10


@pytest.mark.skipif(
    not NAIST.is_file(), reason=f"the NAIST dataset is not at {NAIST} (set ${DATASET_ENV})"
)
def test_all_naist_citation_comments_pass() -> None:
    comments: dict[str, list[str]] = {}
    with NAIST.open(encoding="utf-8", errors="replace", newline="") as handle:
        current = ""
        for row in csv.reader(handle):
            if row[0] == "Sentence #":
                continue
            current = row[0] or current
            comments.setdefault(current, []).append(row[1])
    texts = [" ".join(tokens) for tokens in comments.values()]
    assert len(texts) == 272
    assert [t for t in texts if not may_cite(t.encode())] == []


APACHE_HEADER = (
    "# Licensed under the Apache License, Version 2.0 (the 'License');\n"
    "# you may not use this file except in compliance with the License.\n"
    "# You may obtain a copy of the License at\n"
    "#\n"
    "#     http://www.apache.org/licenses/LICENSE-2.0\n"
    "#\n"
    "# Unless required by applicable law or agreed to in writing, software\n"
    "import numpy as np\n"
)


def test_links_in_license_headers_do_not_make_a_candidate() -> None:
    # Most files of a real tree carry such a header; its link cites nothing.
    assert not may_cite(APACHE_HEADER.encode())
    assert not may_cite(b"// obtain one at http://mozilla.org/MPL/2.0/.\nint x;\n")
    assert not may_cite(b"# see <http://www.gnu.org/licenses/>.\nx = 1\n")


def test_a_very_long_line_is_read_once_not_once_per_cue() -> None:
    # Each year and each link on a line read the whole line again: a 2 MB line of 35,000
    # (a minified file, a data table) took minutes, before a file's time budget starts.
    line = b"# " + b"Smith et al. (2001), doi:10.1000/x; " * 8_000 + b"\n"
    started = time.process_time()
    cues = list(cue_offsets(line))
    assert time.process_time() - started < 1  # about 0.02 s; it was about 10 s
    assert len(cues) >= 16_000
    assert not list(cue_offsets(b"# Copyright " + b"2001, " * 8_000 + b"\n"))


def test_a_link_elsewhere_in_a_licensed_file_still_counts() -> None:
    cited = APACHE_HEADER + "# The step size follows http://portal.acm.org/citation.cfm?id=1\n"
    assert may_cite(cited.encode())


@pytest.mark.parametrize(
    "comment",
    [
        b"// TODO: see https://github.com/org/repo/issues/123 before changing this\n",
        b"# Docs: https://docs.python.org/3/library/heapq.html and https://numpy.readthedocs.io\n",
        b"/* Explained at https://en.wikipedia.org/wiki/Fenwick_tree (www.stackoverflow.com) */\n",
    ],
)
def test_links_to_code_docs_and_encyclopedia_hosts_do_not_make_a_candidate(
    comment: bytes,
) -> None:
    assert not may_cite(comment + b"int main(void) { return 0; }\n")


@pytest.mark.parametrize(
    "comment",
    [
        b"// The trick is from https://graphics.stanford.edu/~seander/bithacks.pdf\n",
        b'# "Fast Inverse Square Root" by Lomont, https://www.lomont.org/papers/fast.pdf\n',
        b"# mirrored at https://github.io.example.net/papers/paper.pdf\n",
        b"// https://www.example.edu/~smith/publications/fast-sort\n",
        b"// https://www.jstor.org/stable/2346830\n",
        b"// https://openreview.net/forum?id=abc\n",
        b"// https://www.biorxiv.org/content/biorxiv/early/2019/01/01/123456\n",
        b"// https://pubs.example.net/x/10.1234%2Fabc.5\n",
        # The link may go on on the next line, where the extractors read it whole.
        b"// see https://www.example.edu/~smith/\n// papers/fast.pdf\n",
        b"/* see https://www.example.edu/~smith/\n * papers/fast.pdf */\n",
        b"// https://www.example.edu/~smith/fast.pdf*/\n",
        "// https://www.example.edu/~smith/fast\u00e9.pdf\n".encode(),
    ],
)
def test_links_to_other_hosts_still_count(comment: bytes) -> None:
    assert may_cite(comment)


@pytest.mark.parametrize(
    "comment",
    [
        b"// The trick is from https://graphics.stanford.edu/~seander/bithacks.html\n",
        b"// https://protobuf.dev/reference/cpp/cpp-generated#fields\n",
        b"// See crbug.com/1234 and https://crbug.com/5678.\n",
        b"// https://gcc.gnu.org/onlinedocs/gcc/Common-Function-Attributes.html\n",
        b"// https://www.unicode.org/reports/tr29/\n// for the rules.\n",
        b"/* https://llvm.org/docs/LangRef.html#id1 */\n",
    ],
)
def test_links_no_extractor_reads_do_not_make_a_candidate(comment: bytes) -> None:
    # The URL extractor refuses them whatever their entry: project pages, bug trackers, docs.
    assert not may_cite(comment + b"int main(void) { return 0; }\n")


@pytest.mark.parametrize(
    "code",
    [
        b"typedef std::remove_reference_t<T> U;\nusing W = std::reference_wrapper<T>;\n",
        b'#include "src/core/util/http_client/httpcli.h"\n#include "chttp2/transport.h"\n',
        b"static bool doit(); // doing it twice is harmless\n",
        b"// Set all bits of the mask.\nclass FieldValuePrinter; class Wallpaper;\n",
        b"int q = total / 3802363;\nint r = total - 1234567;\n",
        b"double d = APFloat::IEEEdouble(); // siamese twins\n",
        b" * Copyright (C) Daniel Stenberg, <daniel@example.net>, et al.\n",
        b"refcount_t referenced; int reference_count; T& reference(int i);\n",
        # C++ vocabulary in prose: a reference, not a reference section.
        b"/// Returns a reference to the element.\nT& at(int i);\n",
        b'// Increments the reference count.\n//\n// See the notes in "x.h".\nvoid Ref();\n',
        b"  using reference = value_type&;  // references to elements\n",
    ],
)
def test_cue_words_inside_code_do_not_make_a_candidate(code: bytes) -> None:
    assert not may_cite(code)


@pytest.mark.parametrize(
    "text",
    [
        b"// hep-th/9901001 and math.GT/0309136\n",
        b"// hepth/9901001\n",
        b"// (doi.org/10.1/x) doi: 10.1000/182\n",
        b"// DOI:10.1000/182\n",
        b"// References:\n// A. Smith. A fast method.\n",
        b"// for reference, see the original\n",
        b"// see reference [3]\n",
        b"// references\n// -----------\n// A. Smith. A fast method.\n",
        b"/* reference: Smith, A fast method */\n",
        b"/** <b>REFERENCES</b> */\n",
        # Prose beside a sign of an entry in its paragraph, which the tagger reads.
        b'// The reference implementation of "A Fast Method for Sorting".\n',
        b"// This follows the reference algorithm of J. Smith,\n// A fast method.\n",
        b"/* @inproceedings{smith, title={A fast method}} */\n",
        b"// Vaswani et al. introduced attention.\n",
        b"// http://ieeexplore.ieee.org/document/1234\n",
        b"// IEEE Trans. on Computers\n",
        b"// SIAM J. Sci. Comput.\n",
        b"/** \\cite smith and @cite jones */\n",
        b"// (see paper) and the Papers of Smith\n",
    ],
)
def test_cue_words_in_prose_still_pass(text: bytes) -> None:
    assert may_cite(text)


def test_cue_offsets_point_at_every_cue() -> None:
    text = b"int x = 1; // See arXiv:1706.03762\nint y = 2; /* Smith (2019) */\n"
    offsets = sorted(cue_offsets(text))
    assert offsets == [text.index(b"arXiv"), text.index(b"2019")]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (b"// at x.org/10.1000/182 and y\n", b"10.1000"),  # `10.` right after a slash
        (b"// id 5.10.1000/182 here\n", b"10.1000"),  # after a decimal's dot
        (b"// see 2010.01234 now\n", b"2010.01234"),  # the dot of `10.` starts a new-style id
        (b"// see 1706.03762\n", b"1706.03762"),
        (b"// [0802.2879]\n", b"0802.2879"),
        (b"// cf. hep-th/9901001\n", b"/9901001"),
        (b"// cf. hep-ph-9711200\n", b"-9711200"),
    ],
)
def test_identifier_shapes_without_a_needle_are_cues(text: bytes, cue: bytes) -> None:
    assert sorted(set(cue_offsets(text))) == [text.index(cue)]


def test_overlapping_doi_prefixes_count_once() -> None:
    # As one search for the prefix reads them: the second `10.` lies inside the first's match.
    text = b"// 10.1010.1234/x\n"
    assert sorted(set(cue_offsets(text))) == [text.index(b"10.")]


@pytest.mark.parametrize(
    "text",
    [
        b' * squaring; see "Nineteen Dubious Ways to Compute the Exponential of a\n'
        b' * Matrix," by Moler and Van Loan.\n',
        b'// as described in "Fast Algorithms for Sorting Large Arrays".\n',
        b'# "Fast Algorithms for Sorting Large Arrays", by Smith and Jones\n',
        "// \u201cFast Algorithms for Sorting Large Arrays\u201d\n".encode(),
    ],
)
def test_a_quoted_title_is_a_cue(text: bytes) -> None:
    # The title detector finds such citations without a year or any other needle.
    assert may_cite(text)


@pytest.mark.parametrize(
    "code",
    [
        b'import x from "react";\nconst y = "A", by = 2;\n',
        b'std::string domain "Foo";\n',
    ],
)
def test_quotes_in_code_are_no_cue(code: bytes) -> None:
    assert not may_cite(code)


def test_prose_references_read_each_paragraph_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # A long run of comment lines without a blank one: each `reference` would read back 4 KB.
    import scanner.prefilter as prefilter

    reads: list[int] = []
    read = prefilter._blank_before

    def counted(lowered: bytes, start: int) -> int | None:
        reads.append(start)
        return read(lowered, start)

    monkeypatch.setattr(prefilter, "_blank_before", counted)
    line = b"// returns a reference to the element\nint x = f(y);\n"
    assert len(list(cue_offsets(line * 4000))) == 4000  # too long a paragraph to read: they count
    once = len(reads)
    reads.clear()
    assert len(list(cue_offsets(line * 16000))) == 16000
    assert len(reads) == once < 100  # only those within reach of the file's start
    paragraphs = b"//\n// returns a reference to the element\n// the reference count\n" * 1000
    assert not may_cite(paragraphs)
    reads.clear()
    quoted = paragraphs + b'// a "quoted" reference\n'  # joins the last paragraph
    assert len(list(cue_offsets(quoted))) == 3  # that paragraph's three
    assert len(reads) == 1000


def test_a_file_of_many_links_is_judged_within_its_allowance() -> None:
    # A generated index of links to other hosts: the first ones are read by the URL
    # extractor's rules (none is a paper), the rest count unread.
    from scanner.linkcues import LinkJudge

    def name(i: int) -> bytes:
        return bytes(97 + i // 26**k % 26 for k in range(3))  # no digits: `10.` is a DOI's

    links = b"".join(
        b"// see https://%s.example.net/docs/page.html\n" % name(i)
        for i in range(LinkJudge.MAX_JUDGED + 3)
    )
    unread = [links.index(b"https://%s." % name(LinkJudge.MAX_JUDGED + i)) for i in range(3)]
    assert sorted(cue_offsets(links)) == unread
    assert not may_cite(links[: unread[0]])
