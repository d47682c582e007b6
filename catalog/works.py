"""Reference works online whose links address one of their sections: one work, many links.

Code cites the NIST Digital Library of Mathematical Functions by the equation it implements
(`https://dlmf.nist.gov/10.6.E7`) and the NIST/SEMATECH e-Handbook of Statistical Methods by
the page of the test it runs. Each link counts as a reference, like the book the work is; the
Papers page shows the work once, with every function that cites any of its sections.
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
)

_SCHEME = re.compile(r"(?i)^(?:[a-z]+://)?(?:www\.)?")


def reference_work_of(url: str) -> ReferenceWork | None:
    """The reference work a link addresses a section of, else None."""
    bare = _SCHEME.sub("", unquote(url))
    return next((work for work in REFERENCE_WORKS if work.sections.match(bare)), None)


def reference_work_keyed(key: str) -> ReferenceWork | None:
    """The reference work whose card `key` is (`url:` and its home page), else None."""
    return next((work for work in REFERENCE_WORKS if work.key == key), None)
