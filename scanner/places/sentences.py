"""An author-year whose sentence goes on with the work's venue, title or a locator to its link.

`Rots et al., 2015, A&A 574:A36 (arXiv:1409.7583).`, `Tovchigrechko & Vakser (2001), eq. 4,
https://doi.org/...`, `(Bachrach et al., 2014, see https://...)`, `Liu et al (2020): Learning
Deep Kernels for ...\n(https://arxiv.org/abs/...)`, `... of Vallado et al. (2006).\nSee
https://...pdf`: the link closes the sentence the mention opens, and nothing between is prose
about another work (`Smith (2001), which Lee extended in doi:...`, `Smith (2001) and doi:...`).
"""

from __future__ import annotations

import re

from catalog.types import RefKind
from scanner.places.base import ENTRY_BREAK
from scanner.types import Hit

_REACH = 300  # characters from the mention to its link
_LINE_BREAKS = 2  # the venue and title may run over lines, a sentence rarely over more

# What the text after the mention may open with: a capital (a venue or title), a digit (a
# volume), a quote (a title), or a locator or pointer into the work (`eq. 4`, `Section 3`,
# `see`), once past the mention's closing bracket, punctuation and brackets.
_OPENING = re.compile(
    r"[)\]]?[\s.,:;(\[–—-]*(?:$|[A-Z0-9\"“‘'`]|(?i:see|eqn?s?|equation|sec(?:tion)?|p|pp|page|"
    r"table|fig(?:ure)?|appendix|ch(?:apter)?|theorem|lemma|algorithm)\b)"
)
# Words that tie the link to another work than the mention's.
_OTHER_WORK = re.compile(
    r"(?i:\b(?:also|which|who|whose|where|while|whereas|but|however|later|unlike|instead|than|"
    r"cf|compare|extend(?:s|ed)?|improve(?:s|d)?|modif(?:y|ies|ied)|follow(?:s|ed|ing)?|"
    r"generali[sz]e[sd]?|versus|vs)\b)"
)
# A new sentence of prose: `... (2015). We use ...`.
_PROSE = re.compile(r"[.!?][\"”')\]]?\s+(?!(?i:see|available|online)\b)[A-Za-z][a-z]+\s+[a-z]{2,}")
# What may close the link's sentence: closing marks, then the line's or the sentence's end
# (another sentence may follow on the line), perhaps after what the link gives (`see <url> for
# details.`).
_CLOSES = re.compile(
    r"[>}\])`_'\"]*(?:[ \t]+for[ \t]+(?:(?:more|further|full|the|a|an)[ \t]+)?"
    r"(?:details?|information|discussion|explanation|derivation|proof|background|overview)\b)?"
    r"[ \t]*(?:[.,;:]?[ \t]*(?:\n|$)|[.,;]?[ \t]*[)\]]|\.[ \t]+(?=[A-Z]))"
)


def leads_to_link(text: str, mention: Hit, link: Hit) -> bool:
    """Whether the author-year `mention` opens the sentence that `link` closes, with only
    the work's venue, title, a locator or `see` between them."""
    if mention.kind is not RefKind.AUTHOR_YEAR or mention.ref is not None or link.ref is None:
        return False
    if link.reference is not None and link.reference.title:
        return False  # the link was read with an entry of its own
    gap = text[mention.end : link.start]
    if not (
        len(gap) <= _REACH
        and gap.count("\n") <= _LINE_BREAKS
        and ENTRY_BREAK.search(gap) is None
        and _OTHER_WORK.search(gap) is None
    ):
        return False
    if _OPENING.match(gap) is not None and _PROSE.search(gap) is None:
        return _CLOSES.match(text, link.end) is not None
    # `See Appendix A of Kjeldsen & Bedding, 1995 for a full discussion\n(http://...).`: prose
    # about the work, then its link alone in brackets closing the sentence, which names no
    # other work.
    return (
        _SOURCE_OPENS.search(gap) is not None
        and _SENTENCE_END.search(gap) is None
        and _SOURCE_CLOSES.match(text, link.end) is not None
    )


# The link alone in brackets: its opening bracket, perhaps a word that leads to it.
_SOURCE_OPENS = re.compile(r"\((?:[ \t]*(?i:see|at|available at|online|url|doi|pdf):?)?[ \t]*<?$")
# ... and the bracket closing the sentence and its line.
_SOURCE_CLOSES = re.compile(r">?\)[.;]?[ \t]*(?:\n|$)")
_SENTENCE_END = re.compile(r"[.!?;][\"”')\]]?\s+\S")
