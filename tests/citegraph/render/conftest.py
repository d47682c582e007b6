"""Headless Chromium for the Papers page tests: a browser per module, pages opened offline."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from citegraph.render import RenderOptions, render
from citegraph.render.html import HtmlRenderer
from citegraph.report import Report

CHROMIUM = Path("/usr/bin/chromium")
SOURCE_URL = "https://example.org/repo/blob/{rev}/{path}#L{line}"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser: Any, tmp_path: Path) -> Iterator[Callable[..., Any]]:
    """Write a report's page (of an index of `repositories`, if given) to a file and open it
    offline, at `hash`, in a `width` px wide window; console errors and dialogs are collected."""
    contexts = []

    def open_report(
        report: Report, hash: str = "", width: int = 1280, repositories: tuple[str, ...] = ()
    ) -> Any:
        path = tmp_path / "papers.html"
        options = RenderOptions(source_url=SOURCE_URL)
        html = HtmlRenderer().render(report, options, repositories) if repositories else None
        path.write_text(html or render(report, "html", options))
        context = browser.new_context(offline=True, viewport={"width": width, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.errors, page.dialogs = [], []
        page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
        page.goto(path.as_uri() + hash, wait_until="load")
        return page

    yield open_report
    for context in contexts:
        context.close()
