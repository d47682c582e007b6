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
# The work's title alone on the line between the mention and its link (`see Okafor (2013).\n
# Direct and indirect paths: definition and limits.\nhttps://...`): a sentence-cased title reads
# like a new sentence of prose, but prose says who does what, and the link opens the next line.
_TITLE_LINE = re.compile(
    r"[ \t]*[.,:]?[ \t]*\n[ \t#*/>!]*(?P<title>[A-Z\"“][^\n]{10,200}?)[ \t]*\n[ \t#*/>!]*"
    r"[(\[<]?(?:(?i:available|online|at|url|doi|pdf|link|from|see)\b[ \t]*[:.]*[ \t]*)?"
)
_PROSE_WORDS = re.compile(
    r"(?i:\b(?:we|i|our|us|you|it|its|this|these|those|they|there|here|is|are|was|were|be|been|"
    r"can|could|will|would|should|must|may|has|have|had|do|does|did|uses?|used|using|note)\b)"
)
# What may close the link's sentence: closing marks, then the line's or the sentence's end
# (another sentence may follow on the line), perhaps after what the link gives (`see <url> for
# details.`, `DOI: <id> for equation references.`) or a locator into the work (`DOI: <id>, Eq.
# 4.`).
_CLOSES = re.compile(
    r"[>}\])`_'\"]*(?:[ \t]+for[ \t]+(?:(?:more|further|full|the|a|an|equation|proof)[ \t]+)?"
    r"(?:details?|information|discussion|explanation|derivation|proof|background|overview|"
    r"references?)\b)?"
    r"(?:[ \t]*,[ \t]*(?i:eqs?|eqn|equation|sec(?:tion)?|§|p|pp|pages?|fig(?:ure)?|table|"
    r"ch(?:apter)?|appendix|theorem|lemma)\.?[ \t]*[\dA-Z][\w–-]*)?"
    r"[ \t]*(?:[.,;:]?[ \t]*(?:\n|$)|[.,;]?[ \t]*[)\]]|\.[ \t]+(?=[A-Z]))"
)


# The mention naming what the link in brackets after a few words gives (`the Athey and Imbens
# (2016) criterion\n(https://arxiv.org/abs/1504.01132, section 3.2)`): the words, then the
# bracket that holds the link and perhaps a locator into the work.
_PHRASE_TO_LINK = re.compile(
    r"[ \t]+(?P<words>(?:[a-z][\w'-]*[ \t]+){0,2}[a-z][\w'-]*)[ \t]*\n?[ \t]*\([ \t]*"
)
_LINK_BRACKET_CLOSES = re.compile(
    r"[ \t]*(?:[,;][ \t]*(?i:sec(?:tion)?s?|§|p|pp|pages?|eqs?|eqn|equation|fig(?:ure)?|"
    r"table|ch(?:apter)?|appendix|theorem|lemma)\.?[ \t]*[\dA-Z][\w.–-]*)?[ \t]*\)"
)


def leads_to_link(text: str, mention: Hit, link: Hit) -> bool:
    """Whether the author-year `mention` opens the sentence that `link` closes, with only
    the work's venue, title, a locator or `see` between them."""
    if mention.kind is not RefKind.AUTHOR_YEAR or mention.ref is not None or link.ref is None:
        return False
    if link.reference is not None and link.reference.title:
        return False  # the link was read with an entry of its own
    gap = text[mention.end : link.start]
    if _phrase_to_link(text, gap, link):
        return True
    if not (
        len(gap) <= _REACH
        and gap.count("\n") <= _LINE_BREAKS
        and ENTRY_BREAK.search(gap) is None
        and _OTHER_WORK.search(gap) is None
    ):
        return False
    if _OPENING.match(gap) is not None and (_PROSE.search(gap) is None or _title_line(gap)):
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


def _title_line(gap: str) -> bool:
    """Whether `gap` is a line break, one line of a title, and the line break before the link."""
    found = _TITLE_LINE.fullmatch(gap)
    return found is not None and _PROSE_WORDS.search(found["title"]) is None


def _phrase_to_link(text: str, gap: str, link: Hit) -> bool:
    """Whether `gap` is a few words of no prose and the bracket the link `link` closes."""
    found = _PHRASE_TO_LINK.fullmatch(gap)
    return (
        found is not None
        and _PROSE_WORDS.search(found["words"]) is None
        and _OTHER_WORK.search(found["words"]) is None
        and _LINK_BRACKET_CLOSES.match(text, link.end) is not None
    )
