"""Publishers' names, written once for every reader that tells a publisher from a title, a
venue or an author.

Regular-expression sources, not compiled patterns: each reader sets them in its own context
(at a line's start, after a title's last comma, as a whole field).
"""

from __future__ import annotations

__all__ = ["BOOK_HOUSES", "HOUSES", "IMPRINT", "JOURNAL_HOUSES", "PRESS"]

# Book publishers that are surnames too: a reader of names takes them as a publisher only where
# a publisher stands (after a title), never at the head of an entry.
_SURNAME_HOUSES = r"Springer(?:-Verlag)?|Wiley|Dover|Pearson"
_NAMED_HOUSES = (
    r"Addison[- ]Wesley|Prentice[- ]Hall|McGraw[- ]Hill|Chapman\s*(?:&|and)\s*Hall|CRC\b|"
    r"North[- ]Holland|Birkh(?:ä|a)user|Kluwer|O'Reilly|Morgan\s+Kaufmann|Pergamon|Clarendon|"
    r"Macmillan|Wadsworth|Duxbury|Marcel\s+Dekker|World\s+Scientific"
)
# Houses that publish books more than journals: a book's entry names one.
BOOK_HOUSES = r"(?:" + _SURNAME_HOUSES + "|" + _NAMED_HOUSES + ")"
# Houses known for their journals: a journal's name is often followed by one.
JOURNAL_HOUSES = r"(?:Elsevier|Springer|Wiley|Kluwer|Birkh|Taylor|Sage)"
HOUSES = r"(?:" + JOURNAL_HOUSES + "|" + BOOK_HOUSES + ")"
# A name ending in what a publisher calls itself: `Princeton University Press`, `The MIT
# Press`, `University of Chicago Press`, `Atlantic Financial Publishers`, `Vieweg Verlag`.
# (A word's stop only after an abbreviation, `Univ. Press`: a sentence ends at any other.)
PRESS = (
    r"(?:[A-Z](?:[A-Za-z&'’-]*|[a-z]{0,4}\.)[ \t]+(?:(?:of|for|and|&)[ \t]+)?){0,4}"
    r"(?:Press|Publishers?|Publishing|Verlag)"
)
# A publisher's whole name as an imprint line opens with it (`Morgan Kaufmann, San Francisco,
# 2002.`, `Chapman & Hall/CRC, Boca Raton`, `Springer Science & Business Media, 2012`, as
# Google Books names Springer's imprint), surnames left out.
IMPRINT = (
    r"(?:"
    + PRESS
    + r"|Springer-Verlag|Springer[ \t]+Science[ \t]*(?:&|and)[ \t]*Business[ \t]+Media"
    + r"|Wiley-\w+|Elsevier|(?:"
    + _NAMED_HOUSES
    + r")(?:[ \t]+(?:Academic|Media)|/CRC)?)"
)
