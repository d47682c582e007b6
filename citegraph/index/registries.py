"""PyPI and npm: a package's release, found through the registry's JSON document.

The base URLs are injectable (`CITEGRAPH_PYPI_URL`, `CITEGRAPH_NPM_URL`) so tests serve the same
documents from 127.0.0.1. Only the metadata is read here, in the client; the artifact itself is
downloaded by the worker that scans it (`citegraph.index.fetch`).
"""

from __future__ import annotations

import base64
import json
import os
from typing import Any
from urllib.parse import quote, urljoin

from citegraph.index.sources import ARCHIVE_SUFFIXES, Probe, SourceUnavailable
from citegraph.index.types import Source, SourceKind

PYPI_URL = "https://pypi.org"
NPM_URL = "https://registry.npmjs.org"
TIMEOUT = 30.0
MAX_DOCUMENT = 64 * 1024 * 1024  # the full npm document of a package with thousands of releases


def probe_package(source: Source) -> Probe:
    """The release to index: its version, artifact URL and digest."""
    if source.kind is SourceKind.PYPI:
        return _pypi(source)
    if source.kind is SourceKind.NPM:
        return _npm(source)
    raise SourceUnavailable("not a package source")


def _pypi(source: Source) -> Probe:
    base = os.environ.get("CITEGRAPH_PYPI_URL", PYPI_URL).rstrip("/")
    path = f"/pypi/{quote(source.location)}" + (
        f"/{quote(source.version)}" if source.version else ""
    )
    document = _get_json(f"{base}{path}/json")
    version = str(_field(document, "info", "version"))
    files = [f for f in document.get("urls") or [] if isinstance(f, dict) and not f.get("yanked")]
    # The sdist is the source as published (C sources, docs, tests); a wheel only if none.
    ranked = sorted(files, key=lambda f: (f.get("packagetype") != "sdist", _wheel_rank(f)))
    for entry in ranked:
        url, sha256 = entry.get("url"), (entry.get("digests") or {}).get("sha256")
        if isinstance(url, str) and _archive(entry.get("filename") or url):
            return Probe(
                f"{version}:sha256:{sha256}" if sha256 else version,
                urljoin(base + "/", url),
                f"sha256:{sha256}" if sha256 else None,
                version,
                entry.get("size") if isinstance(entry.get("size"), int) else None,
            )
    raise SourceUnavailable(f"release {version} has no sdist or wheel")


def _wheel_rank(entry: dict[str, Any]) -> int:
    name = str(entry.get("filename", ""))
    return 0 if name.endswith("-none-any.whl") else 1


def _archive(name: str) -> bool:
    return name.endswith(ARCHIVE_SUFFIXES)


def _npm(source: Source) -> Probe:
    base = os.environ.get("CITEGRAPH_NPM_URL", NPM_URL).rstrip("/")
    document = _get_json(f"{base}/{quote(source.location, safe='@')}")
    version = source.version or _field(document, "dist-tags", "latest")
    dist = _field(document, "versions", str(version), "dist")
    tarball = dist.get("tarball") if isinstance(dist, dict) else None
    if not isinstance(tarball, str):
        raise SourceUnavailable(f"version {version} has no tarball")
    digest = _npm_digest(dist)
    size = dist.get("unpackedSize")
    return Probe(
        f"{version}:{digest}" if digest else str(version),
        urljoin(base + "/", tarball),
        digest,
        str(version),
        size if isinstance(size, int) else None,
    )


def _npm_digest(dist: dict[str, Any]) -> str | None:
    integrity = dist.get("integrity")
    if isinstance(integrity, str):
        for part in integrity.split():
            algorithm, _, value = part.partition("-")
            if algorithm in ("sha512", "sha384", "sha256"):
                try:
                    return f"{algorithm}:{base64.b64decode(value, validate=True).hex()}"
                except ValueError:
                    continue
    shasum = dist.get("shasum")
    return f"sha1:{shasum.lower()}" if isinstance(shasum, str) else None


def _field(document: Any, *path: str) -> Any:
    value = document
    for name in path:
        if not isinstance(value, dict) or name not in value:
            raise SourceUnavailable(f"the registry's answer has no {'.'.join(path)}")
        value = value[name]
    return value


def _get_json(url: str) -> Any:
    import httpx

    try:
        with (
            httpx.Client(timeout=TIMEOUT, follow_redirects=True) as client,
            client.stream("GET", url, headers={"Accept": "application/json"}) as response,
        ):
            if response.status_code == 404:
                raise SourceUnavailable(f"not found in the registry ({url})")
            if response.status_code != 200:
                raise SourceUnavailable(
                    f"the registry answered HTTP {response.status_code} ({url})"
                )
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > MAX_DOCUMENT:
                    raise SourceUnavailable(f"the registry's answer is over {MAX_DOCUMENT} bytes")
    except httpx.HTTPError as error:
        raise SourceUnavailable(f"cannot reach the registry: {error}") from error
    try:
        return json.loads(body)
    except ValueError as error:
        raise SourceUnavailable(f"the registry's answer is not JSON ({url})") from error
