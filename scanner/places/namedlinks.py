"""Two links of one work in one place, each named by its authors and year.

A docstring may link one paper twice, far apart and on two hosts, each link's text its authors
and year: `` `Groemping et al. 2006 <http://dx.doi.org/10.18637/jss.v017.i01>`_ `` in the Notes,
`` `Groemping 2006 <https://www.jstatsoft.org/article/view/v017i01>`_ `` in the Examples. The
texts name the same first author and year, and the hosts differ: one work, one reference. Two
links of one source (two DOIs, two pages of one journal) list two works, and a link with a title
of its own is left to the title rules.
"""

from __future__ import annotations

from catalog.keys import family_name
from scanner.places.base import Groups, mergeable, same_source
from scanner.types import Hit

__all__ = ["join_named_link_copies"]


def join_named_link_copies(hits: list[Hit], groups: Groups) -> None:
    """Join identifier hits whose texts give the same first author and year and no title, when
    their identifiers come from different sources."""
    seen: dict[tuple[str, int], list[int]] = {}
    for index, hit in enumerate(hits):
        fields = hit.reference
        if hit.ref is None or not mergeable(hit) or fields is None:
            continue
        if fields.title or not fields.authors or fields.year is None:
            continue
        family = family_name(fields.authors[0])
        if not family:
            continue
        earlier = seen.setdefault((family, fields.year), [])
        for other in earlier:
            if not same_source(hits[other], hit):
                groups.join(other, index)
                break
        earlier.append(index)
