"""Hosts whose links are never a paper: code, documentation, Q&A and encyclopedia sites.

The most common links in comments. The prefilter skips them, and a DOI-shaped path segment on
them (`github.com/org/repo/blob/main/10.1234/x`) is a file name, not a DOI. Personal sites
served by a code host (`someone.github.io`) are the exception: a PDF or a paper folder there is
an author's own copy of a paper, so such links are judged by their shape like any other.
"""

from __future__ import annotations

import re

NOT_PAPER_HOSTS: tuple[str, ...] = (
    "github.com", "gitlab.com", "bitbucket.org", "githubusercontent.com", "github.io",
    "stackoverflow.com", "stackexchange.com", "wikipedia.org", "wikimedia.org",
    "readthedocs.io", "readthedocs.org", "pypi.org", "python.org", "cppreference.com",
    "go.dev", "golang.org", "rust-lang.org", "docs.rs", "crates.io", "npmjs.com",
    "npmjs.org", "developer.mozilla.org", "w3.org", "example.com", "example.org",
    "localhost", "youtube.com", "googlesource.com",
)  # fmt: skip
# Code hosts that also serve their users' personal sites, where authors keep their papers.
PERSONAL_SITE_HOSTS: tuple[str, ...] = ("github.io", "gitlab.io")
# The path of an author's copy of a paper: a PDF or PostScript file, or a paper folder.
_PAPER_PATH = re.compile(
    r"(?i)\.(?:pdf|ps)(?:$|[?#])|/(?:papers?|publications?|pubs?|preprints?|articles?|theses|"
    r"thesis)/"
)


def is_not_paper_host(host: str) -> bool:
    """Whether `host` (lowercase, no port) is, or is under, one of `NOT_PAPER_HOSTS`."""
    host = host.rstrip(".")
    return any(host == name or host.endswith("." + name) for name in NOT_PAPER_HOSTS)


def is_personal_site(host: str) -> bool:
    """Whether `host` is a user's site on a code host (`someone.github.io`)."""
    host = host.rstrip(".")
    return any(host.endswith("." + name) for name in PERSONAL_SITE_HOSTS)


def is_ordinary_link(host: str, path: str) -> bool:
    """Whether a link to `host` with `path` can never be a paper: a non-paper host, unless it
    is a personal site and the path has a paper's shape (`someone.github.io/papers/x.pdf`)."""
    if not is_not_paper_host(host):
        return False
    return not (is_personal_site(host) and _PAPER_PATH.search(path))
