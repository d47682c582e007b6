"""CG101: arXiv identifiers: `arXiv:` prefixes, arxiv.org URLs, old-style ids, arXiv DOIs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from catalog.ids import ARXIV_ID_TEXT, ARXIV_URL, arxiv_problem, old_archive, parse_arxiv
from catalog.types import RefKind
from scanner.identifiers.base import iter_urls
from scanner.identifiers.hints import role_title
from scanner.spans import SpanSet
from scanner.types import Hit

_ID = ARXIV_ID_TEXT
# A link without its scheme, on arxiv.org or a mirror (`aps.arxiv.org/abs/cond-mat/0303516`).
_BARE_HOST = re.compile(
    r"(?i)(?<![\w/.])(?:export\.|aps\.|lanl\.|xxx\.|[a-z]{2}\.)?arxiv\.org/(?:abs|pdf|html)/"
    r"(?P<id>" + _ID + r")(?:\.pdf)?"
)
# Pages that serve an e-print under its arXiv id elsewhere: Hugging Face's paper pages,
# Semantic Scholar's and SciRate's, and arXiv's own `browse.` host.
_READERS = re.compile(
    r"(?i)^(?:https?://)?(?:www\.)?huggingface\.co/papers/(?P<id>\d{4}\.\d{4,5})"
    r"|^(?:https?://)?(?:www\.|api\.)?(?:semanticscholar\.org|scirate\.com)/arxiv[:/](?P<reader>"
    + _ID
    + r")(?:[/?#].*)?$"
    r"|^(?:https?://)?browse\.arxiv\.org/(?:abs|pdf|html)/(?P<browse>" + _ID + r")"
)
# arXiv's own FTP-path PDFs: `arxiv.org/ftp/arxiv/papers/1808/1808.10489.pdf` for new ids (the
# archive is then `arxiv`), `arxiv.org/ftp/math/papers/0309/0309136.pdf` for old ones.
_FTP_PDF = re.compile(
    r"(?i)^(?:https?://)?(?:www\.|export\.)?arxiv\.org/ftp/(?P<archive>[a-z]+(?:-[a-z]+)?)"
    r"/papers/\d{4}/(?P<number>\d{4}\.\d{4,5}|\d{7})(?P<version>v\d+)?\.pdf$"
)
# An explicit marker: `arXiv:1706.03762`, `arXiv 1706.03762`, `[arXiv:...]`, `arXiv preprint
# arXiv:...`. Whatever follows the marker is validated, and an invalid id is reported.
_PREFIXED = re.compile(
    r"(?i)(?<![\w/.])arxiv\s*[:.]?\s*(?P<id>" + _ID + r"|\d{7}(?:v\d+)?)(?![\w/])"
)
# Sphinx's `:arxiv:` role and BibTeX `eprint = {...}` fields of arXiv entries.
# The role's target may follow a text, reST-style: `:arxiv:`Vaswani et al. "Title" <1706.03762>``.
_ROLE = re.compile(r"(?i):arxiv:`(?:(?P<text>[^`<]*)<(?P<target>[^`\s<>]+)>|(?P<id>[^`\s]+))`")
_EPRINT = re.compile(r"(?i)\beprint\s*=\s*[{\"]\s*(?P<id>" + _ID + r")\s*[}\"]")
# An arXiv abstract/PDF link whose identifier is missing or not one.
_EMPTY_LINK = re.compile(
    r"(?i)^(?:https?://)?(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/?(?P<rest>[^?#]*)"
)
# A plain old-style id is found from its `/NNNNNNN` (a literal-led search), then its archive is
# read backwards: `_OLD_ARCHIVE` must end right at the slash and start a word.
_OLD_NUMBER = re.compile(r"/\d{7}(?:v\d+)?(?![\w/])")
_OLD_DASHED_NUMBER = re.compile(r"-\d{7}(?:v\d+)?(?![\w/-])")
_OLD_ARCHIVE = re.compile(r"(?<![\w/.-])[a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?$")
_OLD_ARCHIVE_MAX = 16  # `solv-int.XX`, the longest archive with a subject class, is 11
# Matched from its `.` (a literal the regex engine can skip to); the look-behind checks the four
# digits before it and what precedes them. The id starts 4 characters before the match.
_NEW_BARE = re.compile(r"\.(?<=(?<![\w.=/:-])\d{4}\.)\d{4,5}(?:v\d+)?(?![\w.]*\d|[\w/-])")
# A bare `YYMM.NNNNN` is only taken after the word arXiv, preprint, e-print or paper earlier in
# the same sentence, or right after "see"/"also"/"cf.", because such numbers are common in code
# (timings, versions, coordinates); validation (month, width, not in the future) does the rest.
_CONTEXT = re.compile(r"(?i)\b(?:arxiv|preprint|e-?print|paper)\b")
# A substring test that lets most blocks skip the context search altogether.
_CONTEXT_WORDS = ("arxiv", "print", "paper", "see", "also", "cf.", "implements", "[")
_CONTEXT_WINDOW = 48
_CUE = re.compile(r"(?i)\b(?:see(?: also)?|also|cf\.|implements:?)[ \t]*$")
# `[0802.2879]` as an entry's label, or an id followed by its subject class
# (`1310.12345 [physics.ins-det]`, `2106.09685 [cs.CL]`).
_CATEGORY_AFTER = re.compile(r"[ \t]*\[[a-z-]+(?:\.[A-Za-z-]+)?\]")
# The two characters before an id and the one after it when the id is an entry's label
# (`[0802.2879] Authors ...`), not an index (`a[1810.04805]`).
_LABEL = re.compile(r"\s?\[\]")
# DBLP's and many BibTeX styles' way to cite a preprint: `CoRR abs/1412.6980`; ADS's
# `arXiv e-prints, abs/1412.6980`.
_CORR = re.compile(
    r"(?i)\b(?:corr|arxiv\s+e-prints?)\b[\s,.:]*(?:vol(?:ume)?\.?\s*)?"
    r"abs/(?P<id>\d{4}\.\d+(?:v\d+)?)"
)
_NEEDLES = ("arxiv", "alphaxiv", "ar5iv", "huggingface", "lanl.gov")


class ArxivExtractor:
    """Finds arXiv ids in URLs, after an `arXiv` marker, and in plain old-style form."""

    rule: ClassVar[str] = "CG101"
    kind: ClassVar[RefKind] = RefKind.ARXIV
    VALID: ClassVar[tuple[str, ...]] = (
        "See https://arxiv.org/abs/1908.03265 for the proof.",
        "arXiv:1706.03762v5",
        "[arXiv: 1412.6980]",
        "http://export.arxiv.org/pdf/1908.03265v2.pdf",
        "https://arxiv.org/pdf/2301.12345v2",
        "https://arxiv.org/html/2403.00001v1/#S3",
        "arXiv preprint arXiv:1607.06450, 2016.",
        "hep-th/9901001",
        "arXiv:math.GT/0309136",
        "https://ar5iv.labs.arxiv.org/html/1512.03385",
        "the arXiv version (1810.04805) shows",
        "as in the paper 1810.04805, we",
        "see 1810.04805 for the derivation",
        "https://www.alphaxiv.org/overview/2301.12345",
        "https://arxiv.org/abs/hepth/9901001",
        "https://huggingface.co/papers/2106.09685",
        "(arxiv.org/abs/1512.03385)",
        "The structure of networks, aps.arxiv.org/abs/cond-mat/0303516",
        "http://lanl.arxiv.org/abs/hep-th/9901001",
        ":arxiv:`1706.03762`",
        ':arxiv:`Vaswani, A. et al. (2017). "Attention Is All You Need" <1706.03762>`',
        "Ann. Phys. hep-ph-9711200",
        "arXiv:hep-ph-9711200v2",
        "arXiv:hep-th/1601.07616",
        "[0802.2879] Smith, J. A paper on graphs, 2008.",
        "1502.01234 [physics.ins-det]",
        "Implements: 1503.01520",
        "# see https://example.org/slice-sampling.pdf\n# also 2002.06212",
        "Kingma and Ba. Adam. CoRR, abs/1412.6980, 2014.",
        "Kingma and Ba. Adam. ArXiv e-prints, abs/1412.6980, 2014.",
        "https://www.arxiv-vanity.com/papers/1412.6980/",
        "https://arxiv.org/ftp/arxiv/papers/1808/1808.10489.pdf",
        "http://arxiv.org/ftp/math/papers/0309/0309136.pdf",
        "archivePrefix={arXiv},\n  eprint={2106.08254},",
    )
    INVALID: ClassVar[tuple[str, ...]] = (
        "version 1.2.3",
        "timeout = 2103.12345",
        "released 2019.1001 build",
        "10.0.1512.2",
        "build/2023010 and tmp/1234567",
        "see https://github.com/org/repo/issues/1908",
        "v2103.1",
        "x = 1810.04805 * scale",
        "Not an arXiv link. Build 2103.12345 of the paper's code",
        "see 2103.1234 and 1513.12345 and 0612.1234",
        "see table 1810.04805x",
        "x = a[1810.04805]",
        "call 555-1234567 now",
        "build-2007001 of the tool",
    )

    def find(self, text: str) -> Iterator[Hit]:
        """Yield arXiv hits; a malformed id after an explicit marker carries a `problem`."""
        lowered = text.lower()
        if "arxiv" not in lowered and "/" not in text and "." not in text:
            return
        taken = SpanSet()
        if any(needle in lowered for needle in _NEEDLES):
            for start, end, url in iter_urls(text):
                written = _link_id(url)
                if written is not None:
                    ref = parse_arxiv(written)
                    problem = None if ref else arxiv_problem(written)
                    taken.add(start, end)
                    yield Hit(start, end, self.kind, self.rule, ref=ref, problem=problem)
                elif (empty := _EMPTY_LINK.match(url)) is not None:
                    taken.add(start, end)
                    rest = empty["rest"].strip("/")
                    # a bare `arxiv.org/abs/` read "arXiv link with 'nothing' where ..."
                    problem = (
                        f"arXiv link with {rest!r} where the identifier belongs"
                        if rest
                        else "arXiv link without an identifier"
                    )
                    yield Hit(start, end, self.kind, self.rule, problem=problem)
            # Explicit markers, most specific first: a Sphinx role, a BibTeX eprint, a link
            # without a scheme, then `arXiv:` prefixes. Whatever follows is validated.
            for pattern in (_ROLE, _EPRINT, _BARE_HOST, _PREFIXED):
                for match in pattern.finditer(text):
                    if not taken.covers(match.start()):
                        taken.add(*match.span())
                        yield self._marked(match)
        if "abs/" in lowered:
            for match in _CORR.finditer(text):
                if not taken.covers(match.start()):
                    taken.add(*match.span())
                    yield self._marked(match)
        old_numbers = [
            *(_OLD_NUMBER.finditer(text) if "/" in text else ()),
            *(_OLD_DASHED_NUMBER.finditer(text) if "-" in text else ()),
        ]
        if old_numbers:
            for number in old_numbers:
                window_start = max(0, number.start() - _OLD_ARCHIVE_MAX - 1)
                before = _OLD_ARCHIVE.search(text, window_start, number.start())
                if before is None or (before.start() == window_start and window_start > 0):
                    continue  # no archive, or a word too long to be one
                start, end = before.start(), number.end()
                archive = before.group(0).split(".")[0]
                if old_archive(archive) is None or taken.covers(start):
                    continue
                ref = parse_arxiv(text[start:end])
                if ref is not None:
                    taken.add(start, end)
                    yield Hit(start, end, self.kind, self.rule, ref=ref, confidence=0.9)
        if "." in text and any(word in lowered for word in _CONTEXT_WORDS):
            for match in _NEW_BARE.finditer(text):
                start, end = match.start() - 4, match.end()
                if taken.covers(start):
                    continue
                window = text[max(0, start - _CONTEXT_WINDOW) : start]
                if _CONTEXT.search(window.split(". ")[-1]) or _CATEGORY_AFTER.match(text, end):
                    confidence = 0.8
                elif _CUE.search(window) or _LABEL.fullmatch(window[-2:] + text[end : end + 1]):
                    confidence = 0.7
                else:
                    continue
                ref = parse_arxiv(text[start:end])
                if ref is not None:
                    yield Hit(
                        start,
                        end,
                        self.kind,
                        self.rule,
                        ref=ref,
                        confidence=confidence,
                    )

    def _marked(self, match: re.Match[str]) -> Hit:
        """The hit of an id written after an explicit marker: a ref, or the reason it is none."""
        groups = match.groupdict()
        written = match["id"] or groups.get("target") or ""
        ref = parse_arxiv(written)
        problem = None if ref else arxiv_problem(written)
        hint = role_title(groups["text"]) if groups.get("text") else None
        return Hit(
            match.start(),
            match.end(),
            self.kind,
            self.rule,
            ref=ref,
            problem=problem,
            title_hint=hint,
        )


def _link_id(url: str) -> str | None:
    """The arXiv id a link to arXiv or one of its readers serves, as written, else None."""
    match = ARXIV_URL.match(url)
    if match:
        return match["id"]
    if (reader := _READERS.match(url)) is not None:
        return reader["id"] or reader["reader"] or reader["browse"]
    ftp = _FTP_PDF.match(url)
    if ftp is None:
        return None
    archive = ftp["archive"].lower()
    number = ftp["number"] + (ftp["version"] or "")
    return number if archive == "arxiv" else f"{archive}/{number}"
