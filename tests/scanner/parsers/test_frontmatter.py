"""A page's front matter (YAML between `---`, TOML between `+++`) is blanked, offsets kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from scanner import ScanOptions, scan_file
from scanner.parsers.frontmatter import blank_front_matter

TOML_PAGE = (
    "+++\n"
    'title = "Release 0.2.1"\n'
    'date = "2020-11-29"\n'
    "+++\n"
    "\n"
    "This release adds the k-means++ seeding of Arthur and Vassilvitskii (2007).\n"
)


@pytest.mark.parametrize(
    "page",
    [
        TOML_PAGE,
        "---\ntitle: Release notes\ndate: 2020-11-29\n---\nBody, Smith (2011).\n",
        "---\ntitle: Release notes\ndate: 2020-11-29\n...\nBody, Smith (2011).\n",
    ],
)
def test_the_fields_are_blanked_and_the_body_kept_in_place(page: str) -> None:
    blanked = blank_front_matter(page)
    assert len(blanked) == len(page)
    assert blanked.count("\n") == page.count("\n")
    assert "Release" not in blanked and "2020" not in blanked
    body = page.index("\n\n") if "\n\n" in page else page.rindex("Body")
    assert blanked[body:] == page[body:]


@pytest.mark.parametrize(
    "text",
    [
        "Intro\n---\ntitle: not at the start\n---\n",  # a rule in the middle of a page
        "--- a heading underline?\ntext\n",  # never closed
        "No front matter (Smith, 2011).\n",
    ],
)
def test_text_without_front_matter_is_kept(text: str) -> None:
    assert blank_front_matter(text) == text


def test_a_release_page_cites_nothing_but_its_body(tmp_path: Path) -> None:
    (tmp_path / "release_021.md").write_text(TOML_PAGE, encoding="utf-8")
    scan = scan_file(tmp_path, "release_021.md", ScanOptions(cache=False))
    cited = [(m.line, m.reference.authors if m.reference else None) for m in scan.mentions]
    assert all(line == 6 for line, _ in cited)
    assert cited, "the body's author-year mention is still read"
