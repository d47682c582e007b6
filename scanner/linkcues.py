"""Whether a link in a file's bytes is a citation cue for the prefilter: whether some extractor
could read it as a paper.

Most links in a real tree are no citation: license headers (`http://www.apache.org/licenses/`),
code, documentation and encyclopedia hosts (`scanner.identifiers.hosts`), and the pages of
project sites, bug trackers and manuals (`https://protobuf.dev/reference/cpp/...`,
`crbug.com/1234`, `gcc.gnu.org/onlinedocs/...`). A link counts unless it is one of these; the
last are told by asking the URL extractor's own judgement (`is_paper_link`) with the entry most
in favour of a paper (a year beside the link, no word before it), so that a link it refuses
there it refuses in every entry. Links that other extractors read by their text (`doi`,
`arxiv`, `10.NNNN/`, `huggingface`) carry needles or shapes of their own, found whatever
this says of the link.
"""

from __future__ import annotations

import re
from functools import lru_cache

from scanner.identifiers.base import URL as _TEXT_URL
from scanner.identifiers.cleaning import clean
from scanner.identifiers.hosts import is_not_paper_host, is_ordinary_link, is_personal_site
from scanner.identifiers.joining import join_wrapped
from scanner.identifiers.paperlinks import LINK_MARK, is_paper_link
from scanner.identifiers.urls import canonical_paper_url

# License texts put their link on a line of its own ("obtain one at http://mozilla.org/MPL/2.0/").
_LICENSE_WORDS = (b"copyright", b"(c)", b"\xc2\xa9", b"spdx", b"license")
_LICENSE_LINKS = (*_LICENSE_WORDS, b"mozilla.org/mpl", b"creativecommons.org")
_LICENSE_LINK = re.compile(b"|".join(re.escape(word) for word in _LICENSE_LINKS))
# A link's scheme; tokenized text (the NAIST comments) spaces it out: `http : dl.acm.org`.
_SCHEME = re.compile(rb"https?[ \t]*:")
_HOST = re.compile(rb"[a-z0-9.-]+")
_PATH = re.compile(rb"[^\s\"'<>`]*")
# The link as the extractors cut it out of a block's text (`scanner.identifiers.base.URL`),
# over the bytes; it stops at any non-ASCII byte, where the extractors' URL may go on.
_URL = re.compile(rb"""(?:https?://|www\.)[^\s"'<>`|\\^{}\x80-\xff]+""")
# The entry most in favour of a paper: nothing before the link that calls it slides, docs or
# a standard, no license wording, and a year after it (the evidence of a reference entry).
_FAVOURABLE_ENTRY = LINK_MARK + " 2001"
# What makes a link some other extractor's, read by its text: a DOI (`10.1234%2Fx` carries no
# `10.NNNN/` the prefilter finds), a bioRxiv number, an arXiv id on a mirror.
_OTHER_EXTRACTORS = ("10.", "10/", "rxiv", "arxiv", "doi")
# A line that ends inside a link after one of these may be joined with the next one before
# the extractors read it (`scanner.identifiers.joining`): the link read here is cut short then.
_WRAPS_AFTER = frozenset(b"/-_=?&#.:")
# The next line's comment delimiter, blanked in a block's text (or not: both are tried).
_DELIMITER = re.compile(rb"[ \t]*(?://+!?|#+|\*+/?|/\*+!?)")


class LinkJudge:
    """Judges the links of one file (`ordinary`): a file of thousands of links to other hosts
    (a generated index) has only its first `MAX_JUDGED` read by the URL extractor's rules, so
    the prefilter stays linear in the file; the others count."""

    MAX_JUDGED = 500  # the most in a file of tf-include, scipy or boost-math: 117

    def __init__(self) -> None:
        self.left = self.MAX_JUDGED

    def ordinary(self, lowered: bytes, at: int) -> bool:
        """`ordinary_link`, within the file's allowance of judged links."""
        return ordinary_link(lowered, at, self)


def ordinary_link(lowered: bytes, at: int, judge: LinkJudge | None = None) -> bool:
    """Whether the link at `at` of a file's lowercased bytes cannot lead to a paper: it sits in
    license wording, its host serves code, documentation or encyclopedia pages (a paper link
    on any other host, or a title beside such a link, still makes the file a candidate), or
    the URL extractor refuses it whatever its entry (while `judge` has links left to judge)."""
    if _on_license_line(lowered, at):
        return True
    if lowered[at : at + 1] == b"h" and not _SCHEME.match(lowered, at):
        return True  # `http_client.h`, `HTTP/1.1`: no link, and every link extractor needs one
    scheme = lowered.find(b"://", at, at + 8)
    host_start = scheme + 3 if scheme >= 0 else at
    host = _HOST.match(lowered, host_start)
    if host is None:
        return False
    name = host.group().decode("ascii")
    if is_not_paper_host(name):
        if not is_personal_site(name):
            return True
        # `someone.github.io/papers/x.pdf`: an author's copy of a paper on a personal site.
        path = _PATH.match(lowered, host.end())
        return is_ordinary_link(name, path.group().decode("ascii", "replace") if path else "")
    if judge is not None:
        if judge.left <= 0:
            return False
        judge.left -= 1
    return _never_a_paper(lowered, at)


def _never_a_paper(lowered: bytes, at: int) -> bool:
    """Whether no extractor reads the link at `at` as a paper, in any entry around it."""
    match = _URL.match(lowered, at)
    if match is None:
        return False
    end = match.end()
    following = lowered[end : end + 1]
    if following and following[0] >= 0x80:
        return False  # a non-ASCII letter may go on in the extractors' URL
    raw = match.group()
    if b"*/" in raw:
        return False  # a block comment's end, blanked in the text
    urls = [raw.decode("ascii")]
    if following == b"\n" and raw[-1] in _WRAPS_AFTER:
        joined = _joined_urls(lowered, raw, end + 1)
        if joined is None:
            return False
        urls += joined
    return all(_refused(url) for url in urls)


@lru_cache(maxsize=4096)  # a tree links to the same pages from many files
def _refused(link: str) -> bool:
    """Whether the URL extractor refuses `link` (cleaned as the extractors clean it) in every
    entry and no other extractor reads it."""
    url = clean(link)
    if not url or any(marker in url for marker in _OTHER_EXTRACTORS):
        return False
    return canonical_paper_url(url) is None and not is_paper_link(url, _FAVOURABLE_ENTRY)


def _joined_urls(lowered: bytes, raw: bytes, line_start: int) -> list[str] | None:
    """The links the extractors may read when the link `raw`, which ends its line, is joined
    with the next line (starting at `line_start`), its delimiter blanked or not; None when
    the joined link may go on again."""
    line_end = lowered.find(b"\n", line_start)
    line = lowered[line_start : line_end if line_end >= 0 else len(lowered)]
    delimiter = _DELIMITER.match(line)
    lines = [line]
    if delimiter is not None:
        lines.append(b" " * delimiter.end() + line[delimiter.end() :])
    urls = []
    for text in lines:
        view = join_wrapped((raw + b"\n" + text).decode("utf-8", "replace")).text
        url = _TEXT_URL.match(view)
        if url is None or (url.end() == len(view) and line_end >= 0):
            return None  # runs to the end of the next line too
        urls.append(url.group())
    return urls


def _on_license_line(lowered: bytes, at: int) -> bool:
    """Whether the link at `at` sits in license wording: within 60 bytes on its own line."""
    start = max(lowered.rfind(b"\n", 0, at) + 1, at - 60)
    end = lowered.find(b"\n", at, at + 60)
    return _LICENSE_LINK.search(lowered, start, end if end >= 0 else at + 60) is not None
