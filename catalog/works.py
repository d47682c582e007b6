"""Reference works and books online whose links address one of their sections: one work,
many links.

Code cites the NIST Digital Library of Mathematical Functions by the equation it implements
(`https://dlmf.nist.gov/10.6.E7`), the NIST/SEMATECH e-Handbook of Statistical Methods by the
page of the test it runs, and a published textbook whose full text its authors put online by
the section it follows (`https://otexts.com/fpp3/hierarchical.html`). Each link counts as a
reference, like the book the work is (the convention counts a URL of the work itself); the
Papers page shows the work once, with every function that cites any of its sections. Only
books also published as books are here: course notes and lecture pages are not works.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

from catalog.ids import normalize_url


@dataclass(frozen=True, slots=True)
class ReferenceWork:
    """A reference work online: its home page (the key of its card), its title, and the
    pattern of its sections' links (host and path, no scheme, no `www.`)."""

    home: str
    title: str
    sections: re.Pattern[str]

    @property
    def key(self) -> str:
        return f"url:{normalize_url(self.home)}"


REFERENCE_WORKS: tuple[ReferenceWork, ...] = (
    ReferenceWork(
        "https://dlmf.nist.gov/",
        "NIST Digital Library of Mathematical Functions",
        re.compile(r"(?i)dlmf\.nist\.gov/\d"),
    ),
    ReferenceWork(
        "https://www.itl.nist.gov/div898/handbook/",
        "NIST/SEMATECH e-Handbook of Statistical Methods",
        re.compile(r"(?i)itl\.nist\.gov/div898/handbook/"),
    ),
    # Textbooks online, each also a printed book (Cambridge UP, OTexts, MIT Press, Springer,
    # W3K Publishing); the second and third editions of one text share its card.
    ReferenceWork(
        "https://nlp.stanford.edu/IR-book/",
        "Introduction to Information Retrieval",
        re.compile(r"nlp\.stanford\.edu/IR-book/"),
    ),
    ReferenceWork(
        "https://otexts.com/fpp3/",
        "Forecasting: Principles and Practice",
        re.compile(r"(?i)otexts\.(?:com|org)/fpp[23]/"),
    ),
    ReferenceWork(
        "https://www.deeplearningbook.org/",
        "Deep Learning",
        re.compile(r"(?i)deeplearningbook\.org/contents/"),
    ),
    ReferenceWork(
        "https://ccrma.stanford.edu/~jos/mdft/",
        "Mathematics of the Discrete Fourier Transform (DFT)",
        re.compile(r"ccrma\.stanford\.edu/~jos/mdft/"),
    ),
    ReferenceWork(
        "https://ccrma.stanford.edu/~jos/filters/",
        "Introduction to Digital Filters with Audio Applications",
        re.compile(r"ccrma\.stanford\.edu/~jos/(?:filters|fp)/"),
    ),
    ReferenceWork(
        "https://ccrma.stanford.edu/~jos/pasp/",
        "Physical Audio Signal Processing",
        re.compile(r"ccrma\.stanford\.edu/~jos/pasp/"),
    ),
    ReferenceWork(
        "https://ccrma.stanford.edu/~jos/sasp/",
        "Spectral Audio Signal Processing",
        re.compile(r"ccrma\.stanford\.edu/~jos/sasp/"),
    ),
)

_SCHEME = re.compile(r"(?i)^(?:[a-z]+://)?(?:www\.)?")


def reference_work_of(url: str) -> ReferenceWork | None:
    """The reference work a link addresses a section of, else None."""
    bare = _SCHEME.sub("", unquote(url))
    return next((work for work in REFERENCE_WORKS if work.sections.match(bare)), None)


def reference_work_keyed(key: str) -> ReferenceWork | None:
    """The reference work whose card `key` is (`url:` and its home page), else None."""
    return _BY_KEY.get(key)


# Asked once per paper of every report: normalizing each work's home page on every call took
# a second of an unchanged `citegraph index` rerun of 89 packages.
_BY_KEY = {work.key: work for work in REFERENCE_WORKS}
