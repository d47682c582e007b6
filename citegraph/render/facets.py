"""The Papers page's filters and sort orders, as data: adding one is one entry in a tuple.

A facet is a select box over values that papers have (a kind, the languages and directories of
the code citing it, ...). The page's script knows nothing about any particular facet: it reads
each facet's options and each paper's option indices from the embedded data, builds the select,
filters and keeps the choice in the URL under the facet's name.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from citegraph.report import Citation, PaperEntry

# (paper, its citation sites) -> the facet values this paper has.
Values = Callable[[PaperEntry, Sequence[Citation]], Iterable[str]]


@dataclass(frozen=True, slots=True)
class Facet:
    """One filter: `name` is the control's id and URL key, `label` its accessible name and
    `everything` the option that turns it off; `order` fixes the option order (else sorted).
    `tree` values are `/`-separated paths: the list shows them as a tree (a chain of folders
    with one child each is one entry, as editors show them) and a paper is in every folder
    above its values too."""

    name: str
    label: str
    everything: str
    values: Values
    labels: dict[str, str] | None = None
    order: tuple[str, ...] | None = None
    tree: bool = False


def resolved(paper: PaperEntry) -> bool:
    """Whether the paper's metadata was found."""
    return paper.status in ("resolved", "cached")


def directory(path: str) -> str:
    """The directory `path` lies in; `.` for a file at the top level."""
    return path.rsplit("/", 1)[0] if "/" in path else "."


def ancestors(path: str) -> list[str]:
    """`path` and every directory above it, outermost first."""
    parts = path.split("/")
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]


FACETS: tuple[Facet, ...] = (
    Facet("kind", "Identifier kind", "All kinds", lambda paper, sites: [paper.kind]),
    Facet(
        "status",
        "Metadata",
        "Any metadata",
        lambda paper, sites: ["resolved" if resolved(paper) else "unresolved"],
        labels={"resolved": "Resolved", "unresolved": "Unresolved"},
        order=("resolved", "unresolved"),
    ),
    Facet(
        "language", "Language", "All languages", lambda paper, sites: [s.language for s in sites]
    ),
    Facet(
        "directory",
        "Directory",
        "All directories",
        lambda paper, sites: [directory(s.path) for s in sites],
        labels={".": "./ (top level)"},
        tree=True,
    ),
)


def repository_of(path: str, repositories: Sequence[str]) -> str | None:
    """The repository an index's `path` (`<repository>/<path in it>`) belongs to."""
    # Longest name first: "lib-extra/x" belongs to "lib-extra", not to "lib".
    return next(
        (
            name
            for name in sorted(repositories, key=len, reverse=True)
            if path.startswith(name + "/")
        ),
        None,
    )


def repository_facet(repositories: Sequence[str]) -> Facet:
    """The facet of a cross-repository page: the repositories citing each paper, in the order
    of `repositories` (the page's)."""
    owners: dict[str, str | None] = {}  # by path: sites share their files

    def owner(path: str) -> str | None:
        if path not in owners:
            owners[path] = repository_of(path, repositories)
        return owners[path]

    return Facet(
        "repository",
        "Repository",
        "All repositories",
        lambda paper, sites: {name for s in sites if (name := owner(s.path)) is not None},
        order=tuple(repositories),
    )


# (key, label): `refs`, `year` and `title` are built in; `count:<facet>` sorts by how many values
# of that facet a paper has, most first (e.g. `count:repository`).
SORTS: tuple[tuple[str, str], ...] = (
    ("refs", "Most referenced"),
    ("year", "Newest first"),
    ("title", "Title"),
)


def facet_data(
    facets: Sequence[Facet], papers: Sequence[PaperEntry], sites: dict[str, list[Citation]]
) -> tuple[list[dict[str, Any]], list[list[list[int]]]]:
    """The facets' options for the page, and for each paper its option indices per facet.

    An option is `[value, label, depth]`; depth indents tree facets' nested values.
    """
    per_paper = [[set(f.values(p, sites.get(p.key, []))) for f in facets] for p in papers]
    described = []
    indices: list[dict[str, int]] = []
    for position, facet in enumerate(facets):
        present = set().union(*(values[position] for values in per_paper))
        if facet.tree:
            present = _tree(present)
            for values in per_paper:
                values[position] = {a for v in values[position] for a in ancestors(v)} & present
        ordered = _ordered(facet, present)
        labels = facet.labels or {}
        options = [[v, labels.get(v, _label(v, facet)), _depth(v, facet, present)] for v in ordered]
        described.append(
            {"name": facet.name, "label": facet.label, "all": facet.everything, "options": options}
        )
        indices.append({value: i for i, value in enumerate(ordered)})
    memberships = [
        [sorted(indices[i][v] for v in values) for i, values in enumerate(paper_values)]
        for paper_values in per_paper
    ]
    return described, memberships


def by_name(name: str) -> tuple[str, str]:
    """The order names are listed in: case ignored, as file browsers list them (`alpha`,
    `Beta`, `gamma`; in code-point order every capital came first), the exact text breaking
    ties."""
    return name.casefold(), name


def _ordered(facet: Facet, present: set[str]) -> list[str]:
    if facet.order:
        return [value for value in facet.order if value in present]
    if facet.tree:  # by path components, so that `a/b` follows `a` and precedes `a-c`
        return sorted(
            present, key=lambda value: (value != ".", list(map(by_name, value.split("/"))))
        )
    return sorted(present, key=by_name)


def _tree(leaves: set[str]) -> set[str]:
    """The folders to list for `leaves`: each leaf, each top-level folder, and each folder
    where the tree branches; the folders of a single-child chain are left out."""
    children: dict[str, set[str]] = {}
    for leaf in leaves:
        for parent, child in itertools.pairwise(ancestors(leaf)):
            children.setdefault(parent, set()).add(child)
    every = {a for leaf in leaves for a in ancestors(leaf)}
    return {
        folder
        for folder in every
        if folder in leaves or "/" not in folder or len(children.get(folder, ())) > 1
    }


def _label(value: str, facet: Facet) -> str:
    return value + "/" if facet.tree else value


def _depth(value: str, facet: Facet, listed: set[str]) -> int:
    """How many listed folders contain `value`: its indentation in a tree facet."""
    if not facet.tree or value == ".":
        return 0
    return sum(1 for a in ancestors(value)[:-1] if a in listed)
