"""Finding rules: stable codes shared by reports, SARIF, `citegraph check` and suppressions."""

from __future__ import annotations

from dataclasses import dataclass

RULES_DOC_URL = "https://github.com/citegraph/citegraph/blob/main/docs/rules.md"


@dataclass(frozen=True, slots=True)
class Rule:
    """A kind of finding. `code` never changes once published: users suppress by it."""

    code: str
    name: str
    level: str  # error | warning | note
    summary: str
    description: str
    default_enabled: bool = True
    fixable: bool = False  # `citegraph check --fix` repairs it

    @property
    def help_uri(self) -> str:
        """The rule's section in docs/rules.md (a GitHub heading anchor)."""
        return f"{RULES_DOC_URL}#{self.code.lower()}-{self.name}"


_RULE_LIST: tuple[Rule, ...] = (
    Rule(
        "CG001",
        "malformed-arxiv-id",
        "error",
        "Malformed arXiv identifier",
        "Text marked as an arXiv identifier is not a valid one (impossible month, wrong digit "
        "count, unknown archive or a truncated number), so it cannot point to a paper.",
    ),
    Rule(
        "CG002",
        "malformed-doi",
        "error",
        "Malformed DOI",
        "Text marked as a DOI is not a valid DOI (no `10.` directory prefix, trailing "
        "punctuation inside the identifier, or an empty suffix).",
    ),
    Rule(
        "CG003",
        "unresolved-identifier",
        "warning",
        "Identifier does not resolve",
        "The identifier is well formed but no metadata source knows it: it may be mistyped "
        "or point to a withdrawn record.",
    ),
    Rule(
        "CG004",
        "title-mismatch",
        "warning",
        "Identifier points to another paper",
        "The title written next to the identifier differs clearly from the title of the "
        "paper the identifier resolves to.",
    ),
    Rule(
        "CG005",
        "bibliography-outdated",
        "error",
        "Bibliography out of date",
        "The committed bibliography lacks papers the code cites, or lists papers no longer "
        "cited. Regenerate it with `citegraph bib`.",
        fixable=True,
    ),
    Rule(
        "CG006",
        "malformed-identifier",
        "error",
        "Malformed identifier",
        "An ISBN with a wrong check digit or a paper URL without the part that names the paper.",
    ),
    Rule(
        "CG201",
        "insecure-link",
        "note",
        "Paper linked over http://",
        "The link uses http:// where the site serves https://.",
        default_enabled=False,
        fixable=True,
    ),
    Rule(
        "CG202",
        "pdf-link",
        "note",
        "PDF link where an abstract page exists",
        "Link to the abstract page, which carries the metadata and every version.",
        default_enabled=False,
        fixable=True,
    ),
    Rule(
        "CG203",
        "versioned-arxiv-link",
        "note",
        "Versioned arXiv link",
        "The link pins one version of the paper; link the unversioned id unless the version "
        "matters.",
        default_enabled=False,
        fixable=True,
    ),
)

RULES: dict[str, Rule] = {rule.code: rule for rule in _RULE_LIST}

# Which finding a malformed mention raises, by the kind of identifier it claimed to be.
MALFORMED_RULE_BY_KIND: dict[str, str] = {"arxiv": "CG001", "doi": "CG002"}
MALFORMED_FALLBACK_RULE = "CG006"
