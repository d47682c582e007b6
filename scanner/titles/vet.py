"""The last look at each citation read without an identifier: what its place says it is not.

Both readers (rules and tagger) take a quoted phrase, a date or an encyclopedia entry for a
citation when its shape is an entry's; the words around it tell. `VETOES` is the one list of
what they say, each a named test of one hit in its block. A veto of the source (`Wikipedia`,
a manual, a talk) drops the hit; a veto of the title alone (a quotation, a sentence of prose)
keeps the authors and year the hit was read with, as an author-year mention, when it has both.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from catalog.types import RefKind
from scanner.titles import AUTHOR_YEAR_RULE
from scanner.titles.names import AUTHOR_LIST, ETAL, split_authors
from scanner.titles.vetoes import (
    affiliations,
    authorship,
    dates,
    marked,
    notworks,
    phrases,
    quotes,
    sources,
)
from scanner.titles.vetoes.base import fields_of
from scanner.titles.vetoes.dates import all_acronyms
from scanner.types import EntryFields, Hit

__all__ = ["VETOES", "Veto", "vet"]


@dataclass(frozen=True, slots=True)
class Veto:
    """One thing a place says about a hit: `test(text, hit, stop)` is True when it says the
    hit is not a citation (`stop`: where the hit's entry must end, the next hit). With
    `title_only`, it says the hit's title is not a title: authors and a year still cite."""

    name: str
    test: Callable[[str, Hit, int], bool]
    title_only: bool = False


def vet(text: str, hits: list[Hit]) -> list[Hit]:
    """`hits` without those a veto rejects (see the module); title vetoes demote a hit that
    has authors and a year to an author-year mention."""
    out: list[Hit] = []
    demoted: list[Hit] = []
    for index, hit in enumerate(hits):
        if hit.ref is not None or hit.kind not in (RefKind.TITLE, RefKind.AUTHOR_YEAR):
            out.append(hit)
            continue
        stop = hits[index + 1].start if index + 1 < len(hits) else len(text)
        kept = _vetted(text, hit, stop)
        if kept is not None:
            out.append(kept)
            if kept.kind is not hit.kind:
                demoted.append(kept)
    if demoted:
        # a wrong title's authors and year are a mention only where no entry already cites
        # them: "Theory and Methods", a journal's section read as a second title of an entry
        titles = [hit for hit in out if hit.kind is RefKind.TITLE]
        out = [
            hit
            for hit in out
            if not any(hit is d for d in demoted)
            or not any(t.start < hit.end and hit.start < t.end for t in titles)
        ]
    return out


def _vetted(text: str, hit: Hit, stop: int) -> Hit | None:
    for veto in VETOES:
        if veto.title_only and not fields_of(hit).title:
            continue
        if veto.test(text, hit, stop):
            if not veto.title_only:
                return None
            demoted = _demoted(hit)
            # the author-year mention left is vetted again, as one
            return _vetted(text, demoted, stop) if demoted is not None else None
    return hit


def _demoted(hit: Hit) -> Hit | None:
    """The hit as the author-year mention it still is, or None without authors and year.
    A "title" that is an author list with `et al` holds the authors (`Abdelhafez et al. PRA
    (2019)`, read as title "Abdelhafez et al" by "PRA")."""
    fields = hit.reference or EntryFields()
    title = (fields.title or "").strip(" .,")
    if ETAL.search(title) and AUTHOR_LIST.fullmatch(title):
        fields = replace(fields, authors=split_authors(title))
    if not fields.authors or fields.year is None or all_acronyms(fields.authors):
        return None
    return replace(
        hit,
        kind=RefKind.AUTHOR_YEAR,
        rule=AUTHOR_YEAR_RULE,
        title_hint=None,
        reference=replace(fields, title=None),
    )


VETOES: tuple[Veto, ...] = (
    # first: the names it holds are the mention's, which the acronym test then reads
    Veto("mention-in-title", phrases.mention_title, title_only=True),
    Veto("nameless-mention", dates.nameless),
    Veto("encyclopedia", sources.encyclopedia),
    Veto("standard", sources.standard),
    Veto("dataset", sources.dataset),
    Veto("web-page", sources.web_page),
    Veto("not-a-work", sources.not_work_title),
    Veto("code-repository", sources.code_repository),
    Veto("forum", sources.forum),
    Veto("message-subject", sources.message_subject),
    Veto("blog", sources.blog),
    Veto("code-credit", authorship.code_credit),
    Veto("code-author", authorship.code_author),
    Veto("talk", sources.talk),
    Veto("talk-file", notworks.talk_link),
    Veto("retrieved-page", notworks.retrieved_page),
    Veto("personal-communication", notworks.personal_communication),
    Veto("venue-editors", notworks.venue_editors),
    Veto("software-file", notworks.software_file),
    Veto("change-note", notworks.change_note),
    Veto("manual-entry", notworks.manual_entry),
    Veto("talk-link-text", sources.talk_link_text),
    Veto("publisher-as-author", authorship.publisher_as_author),
    Veto("body-as-author", authorship.body_as_author),
    Veto("date", dates.date),
    Veto("product-year", dates.product_year),
    Veto("acronym", dates.acronym),
    Veto("glued-year", dates.glued_year),
    Veto("count", dates.count),
    Veto("year-edition", dates.year_edition),
    Veto("versioned", dates.versioned),
    Veto("bibtex-field", dates.bibtex_field),
    Veto("product-model", dates.product_model),
    Veto("dataset-name", dates.dataset_name),
    Veto("named-with-year", marked.named_with_year),
    Veto("verb-first", quotes.verb_first, title_only=True),
    Veto("passive-sentence", quotes.passive_sentence, title_only=True),
    Veto("quotation", quotes.quotation, title_only=True),
    Veto("quoted-list-item", quotes.quoted_list_item, title_only=True),
    Veto("quoted-beside-words", quotes.quoted_beside_words, title_only=True),
    Veto("image-caption", quotes.image_caption, title_only=True),
    Veto("eponym-name", quotes.eponym_name, title_only=True),
    Veto("named-thing", quotes.named_thing, title_only=True),
    Veto("part-of", phrases.part_of, title_only=True),
    Veto("call-argument", phrases.call_argument, title_only=True),
    Veto("venue-as-title", affiliations.venue_title, title_only=True),
    Veto("locator-as-title", phrases.locator_title, title_only=True),
    Veto("path-as-title", phrases.path_title),
    Veto("address-as-title", phrases.address_title, title_only=True),
    Veto("institution-as-title", affiliations.institution_title),
    Veto("affiliation-as-title", affiliations.affiliation_title, title_only=True),
    Veto("department-as-title", affiliations.affiliation_line_title, title_only=True),
    Veto("commented-code", phrases.commented_code),
    Veto("edition-as-title", phrases.edition_title, title_only=True),
    Veto("publisher-as-title", affiliations.publisher_title, title_only=True),
    Veto("after-issue", phrases.after_issue, title_only=True),
    Veto("lower-case-phrase", phrases.lower_phrase, title_only=True),
    Veto("lower-case-clause", phrases.bare_lower, title_only=True),
    Veto("year-inside-title", phrases.year_inside, title_only=True),
    Veto("unclosed-bracket", phrases.unclosed_bracket, title_only=True),
    Veto("prose-after-mention", phrases.prose_title, title_only=True),
    Veto("markup-inside-title", marked.markup_inside_title, title_only=True),
    Veto("prose-after-emphasized-mention", marked.prose_after_emphasized_mention, title_only=True),
    Veto("title-in-mid-sentence", marked.title_in_mid_sentence, title_only=True),
    Veto("definition-in-list-item", marked.definition_in_list_item, title_only=True),
    Veto("sentence-names-author", phrases.names_author, title_only=True),
    Veto("lead-in-line", quotes.lead_in, title_only=True),
    Veto("title-over-list-items", phrases.field_list_title, title_only=True),
)
