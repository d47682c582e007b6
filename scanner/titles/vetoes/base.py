"""What every veto reads of a hit."""

from __future__ import annotations

from scanner.types import EntryFields, Hit


def fields_of(hit: Hit) -> EntryFields:
    return hit.reference or EntryFields()


def is_bare(hit: Hit) -> bool:
    """Whether the hit is a title alone: no authors, year or venue vouch for it."""
    fields = fields_of(hit)
    return not fields.authors and fields.year is None and not fields.venue
