"""One place, one reference: the hits of one block that name the same work become one hit.

A place is one docstring or one contiguous comment block (a `TextBlock`). Within it, every
mention of one work is one reference (`reference/references.md`):

- an entry's identifiers (arXiv id, DOI, URL) wherever they stand in the entry, the
  identifier perhaps a few lines after the title;
- the same identifier, or the same title, written twice;
- an in-text author-year mention or label (`Smith et al. (2011)`, `(Nguyen, 2003)`,
  `[Smith2011]_`) that points at an entry or identifier of the place by its first author's
  family name and year (a label spelled slightly differently still matches);
- a title or author-year that is a link's text, stands beside its identifier or opens the
  sentence the identifier closes (`beside.py`, `sentences.py`), an entry's fields after its
  linked title (`fields.py`), another copy of an entry's work linked on the lines after its
  identifier (`copies.py`), two readings of one entry (`same.py`), the one work and the
  one bare link of a place a paragraph apart (`sole.py`), a work named in prose with its year
  and the one bare arXiv preprint of that year, or the preprint its sentence introduces on the
  next line (`preprints.py`), and the fields and identifier
  of one Javadoc `@see "..."` string (`seestrings.py`), a link whose text only says it is the
  paper and the BibTeX entry set as code under it (`entries.py`);
- an entry and its link in the layouts that say so: `See <link> for <what it gives>` on the
  next line, the link opening its paragraph with the entry on the next line, a list item's
  link as the item's next paragraph; a sentence that names an entry's title inside it; a
  mention followed by its entry's label (`Smith et al. (2015) [1]_`);
- an entry's venue in the italics after its linked title (`<a href="doi">Title.</a>
  <em>Journal, 2024</em>`) or after its quoted title read on its own (`&ldquo;<a
  href="...">Title</a>&rdquo;, <i>Journal</i>, 2005`), read as a title, book or author-year of
  its own (`venues.py`).

The merged hit keeps the strongest identifier written (arXiv > DOI > URL > ISBN > book >
title > author-year), the entry's fields, and spans the reference text (the entry with its
identifiers); the other mentions' offsets are its `also`.
"""

from __future__ import annotations

from scanner.places.base import Groups
from scanner.places.beside import join_beside
from scanner.places.combine import merge
from scanner.places.copies import join_link_copies
from scanner.places.entries import (
    join_bibtex_entry_links,
    join_entry_identifiers,
    join_entry_tails,
    join_item_link_paragraphs,
    join_leading_identifiers,
    join_paper_link_bibtex,
    see_tag_entries,
)
from scanner.places.fields import join_fields_after_links
from scanner.places.labels import from_entry_label, join_labels, with_label_mentions
from scanner.places.links import with_link_references
from scanner.places.mentions import join_author_year_mentions
from scanner.places.namedlinks import join_named_link_copies
from scanner.places.preprints import join_dated_preprints
from scanner.places.same import (
    join_chapter_collections,
    join_overlapping,
    join_same_work,
    join_title_prefixes,
    join_titles_named_inside,
    join_volume_series,
)
from scanner.places.seestrings import join_see_strings
from scanner.places.sole import join_paper_copy, join_sole_pair
from scanner.places.venues import join_anchor_venues, join_quoted_title_venues
from scanner.types import Hit

__all__ = ["merge_place"]


def merge_place(text: str, hits: list[Hit]) -> list[Hit]:
    """The hits of one place with each work's mentions merged into one hit, sorted."""
    if len(hits) < 2:
        return _with_labels(text, hits)
    groups = Groups(len(hits))
    join_same_work(text, hits, groups)
    join_named_link_copies(hits, groups)
    join_overlapping(text, hits, groups)
    join_title_prefixes(hits, groups)
    join_titles_named_inside(hits, groups)
    join_chapter_collections(text, hits, groups)
    join_volume_series(text, hits, groups)
    heads, labelled = join_entry_identifiers(text, hits, groups)
    heads |= join_see_strings(text, hits, groups)
    join_leading_identifiers(text, hits, groups)
    join_entry_tails(text, hits, groups)
    join_bibtex_entry_links(text, hits, groups)
    cite_us = join_paper_link_bibtex(text, hits, groups)
    heads |= join_fields_after_links(text, hits, groups)
    join_link_copies(text, hits, groups)
    beside = frozenset(hits[i].start for i in heads | join_beside(text, hits, groups))
    join_anchor_venues(text, hits, groups)  # after the anchor's text joined its link
    join_quoted_title_venues(text, hits, groups)
    join_labels(text, hits, groups)
    join_author_year_mentions(text, hits, groups)
    items = join_item_link_paragraphs(text, hits, groups)
    bridged = frozenset(
        hits[i].start
        for i in items
        | labelled
        | cite_us
        | join_sole_pair(text, hits, groups)
        | join_paper_copy(text, hits, groups)
        | see_tag_entries(text, hits)
    )
    join_dated_preprints(text, hits, groups)  # last: it reads which works the place holds
    merged = [
        merge(text, [hits[i] for i in members], beside, bridged) for members in groups.members()
    ]
    merged.sort(key=lambda h: (h.start, h.end))
    return _with_labels(text, merged)


def _with_labels(text: str, hits: list[Hit]) -> list[Hit]:
    """The place's hits, each labelled entry with its label and the label's mentions (a lone
    entry's too: `As in [KN2018]_, ...` above `.. [KN2018] A. Kern ...`), and links' words."""
    if "[" in text and hits:  # asked once per place: asked per hit, a huge block read per hit
        hits = [
            from_entry_label(text, hit, hits[i - 1].end if i else 0) for i, hit in enumerate(hits)
        ]
        hits = with_label_mentions(text, hits)
    return with_link_references(text, hits)
