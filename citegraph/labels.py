"""Bibliography keys: a key cited alone is the work of the entry it labels.

colour-science lists its sources as labelled entries (`-   :cite:`Hellwig2022a` : Hellwig,
L., Stolitzka, D., & Fairchild, M. D. (2022). Extending CIECAM02 ... doi:10.1002/col.22793`) and
each function cites the key alone (`:cite:`Hellwig2022a``). The key reads as an author-year
citation (Hellwig 2022), and two works of a surname and year ("Hellwig2022", "Hellwig2022a")
made one card of both, or, beside a second such work, a card of its own. The key names its
entry: an author-year citation written as exactly the key of one entry of the report is that
entry's card, in any file (a project's bibliography keys are its own, across modules). A key
that labels two different works' entries names neither (`scanner.citekeys` already drops the
keys whose entry names no work).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from catalog import RefKind
from scanner import Mention

# An entry's text as the scanner cut it from a Sphinx citation label: the key, its closing
# backquote and a colon (`Hellwig2022a` : Hellwig, L., ...`). A key has letters and digits.
_LABEL = re.compile(r"(?=[^\W_][\w.+:-]*\d)([\w.+:-]+)`[ \t]*:")


def label_of(mention: Mention) -> str | None:
    """The bibliography key a mention's entry is labelled with, if any."""
    found = _LABEL.match(mention.raw)
    return found.group(1) if found else None


def cited_keys(mentions: Iterable[tuple[Mention, str]]) -> dict[str, str]:
    """For (mention, card key) pairs: each key that labels the entries of exactly one card,
    mapped to that card's key."""
    owners: dict[str, set[str]] = defaultdict(set)
    for mention, card in mentions:
        label = label_of(mention)
        if label is not None:
            owners[label].add(card)
    return {label: cards.pop() for label, cards in owners.items() if len(cards) == 1}


def card_of_key(mention: Mention, keys: dict[str, str]) -> str | None:
    """The card an author-year citation written as a labelled key stands for, else None."""
    if mention.kind is not RefKind.AUTHOR_YEAR or not keys:
        return None
    return keys.get(mention.raw.strip())
