"""What an ADS bibcode says of its work: the year, its first author's initial, the volume."""

from __future__ import annotations

import re

from catalog import ADS_RECORD
from catalog.types import PaperRef, RefKind

# `ui.adsabs.harvard.edu/abs/2008MNRAS.390...71C`, the canonical form `identifiers/urls.py`
# gives every ADS link: a bibcode is the year, the journal, volume and page, then the first
# author's initial (`2008MNRAS.390...71C`, Cappellari's).
_ADS_RECORD = re.compile(
    r"(?:https?://)?ui\.adsabs\.harvard\.edu/abs/(?P<year>\d{4})\S{14}(?P<initial>[A-Za-z])"
)


def year_and_initial(ref: PaperRef | None) -> tuple[int, str] | None:
    """The year and the first author's initial (lower case) an ADS record's link names, else
    None."""
    if ref is None or ref.kind is not RefKind.URL:
        return None
    # The link's key writes A&A's `&` as `%26` (`2020A%26A...639A.138L`), which is one
    # character of the bibcode's nineteen.
    record = _ADS_RECORD.fullmatch(ref.value.replace("%26", "&"))
    if record is None:
        return None
    return int(record["year"]), record["initial"].lower()


def volume_of_record(ref: PaperRef | None) -> str | None:
    """The journal volume an ADS record's link names (`2009ApJ...705.1320G`: `705`), else
    None."""
    if ref is None or ref.kind is not RefKind.URL:
        return None
    record = ADS_RECORD.fullmatch(ref.key.replace("%26", "&"))
    return record["volume"].strip(".") if record is not None else None
