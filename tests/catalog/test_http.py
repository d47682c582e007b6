"""The polite HTTP layer: Retry-After parsing, give-up rules and the User-Agent."""

from __future__ import annotations

import email.utils
import time

import pytest
from fake_services import FakeServices, Fault

from catalog.http import HttpSession, Reply, json_body, retry_after_seconds, user_agent
from catalog.records import ResolverError, ResolverSettings


def test_retry_after_forms() -> None:
    now = time.time()
    assert retry_after_seconds("120", now) == 120.0
    date = email.utils.formatdate(now + 30, usegmt=True)
    assert 28 <= retry_after_seconds(date, now) <= 31
    assert retry_after_seconds(email.utils.formatdate(now - 60, usegmt=True), now) == 0.0
    assert retry_after_seconds("soon", now) is None
    assert retry_after_seconds(None, now) is None


def test_user_agent_carries_contact() -> None:
    assert user_agent("me@example.org").endswith("; mailto:me@example.org)")
    assert "mailto" not in user_agent(None)


def test_too_long_retry_after_gives_up(services: FakeServices) -> None:
    services.fail(Fault("/crossref", status=429, headers={"Retry-After": "3600"}))
    slept: list[float] = []
    session = HttpSession(services.settings(), sleep=slept.append)
    try:
        session.request("crossref", "GET", f"{services.url}/crossref/works")
    except ResolverError as error:
        assert "retry after 3600 s" in str(error)
    else:
        raise AssertionError("a one-hour Retry-After must not be waited for")
    assert slept == [] and session.requests == 1
    session.close()


def test_backoff_grows_without_retry_after(services: FakeServices) -> None:
    services.fail(Fault("/crossref", status=503, times=2))
    slept: list[float] = []
    settings = services.settings(backoff=0.5)
    session = HttpSession(settings, sleep=slept.append)
    response = session.request("crossref", "GET", f"{services.url}/crossref/works")
    assert response is not None and response.status_code == 200
    assert slept == [0.5, 1.0]
    session.close()


def test_client_error_is_not_retried(services: FakeServices) -> None:
    services.fail(Fault("/crossref", status=400, times=5))
    session = HttpSession(services.settings(), sleep=lambda s: None)
    try:
        session.request("crossref", "GET", f"{services.url}/crossref/works")
    except ResolverError as error:
        assert "HTTP 400" in str(error)
    assert session.requests == 1
    session.close()


def test_settings_from_environment() -> None:
    settings = ResolverSettings.from_environment(
        {
            "CITEGRAPH_ARXIV_URL": "http://127.0.0.1:9/arxiv/",
            "CITEGRAPH_MAILTO": "a@b.org",
            "CITEGRAPH_S2_API_KEY": "k",
        },
        retries=0,
    )
    assert settings.base_url("arxiv") == "http://127.0.0.1:9/arxiv"
    assert settings.base_url("crossref") == "https://api.crossref.org"
    assert (settings.mailto, settings.s2_api_key, settings.retries) == ("a@b.org", "k", 0)


def test_an_html_page_instead_of_json_is_named_as_one() -> None:
    # a proxy's or captive portal's page was reported as 'malformed JSON response'
    page = Reply(200, "http://x/works", b"\n <!DOCTYPE html><html><body>Sign in</body></html>")
    with pytest.raises(ResolverError, match="crossref: an HTML page instead of JSON"):
        json_body(page, "crossref")
    with pytest.raises(ResolverError, match="crossref: malformed JSON response"):
        json_body(Reply(200, "http://x/works", b'{"status": "ok", "mess'), "crossref")
