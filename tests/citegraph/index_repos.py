"""Synthetic repositories and a fake PyPI/npm registry for the `citegraph index` tests."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import subprocess
import tarfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote

SHARED = "arXiv:1412.6980"  # cited by alpha and beta (and the PyPI package)
FILES = {
    "alpha": {
        "opt.py": f'def adam_step(x):\n    """One step of Adam ({SHARED})."""\n    return x\n'
    },
    "beta": {"train.py": f'class Optimizer:\n    """Follows {SHARED} and arXiv:1512.03385."""\n'},
    "gamma": {
        "net.c": "/* Hashing, see doi:10.1145/1553374.1553516 */\nint h(int x) { return x; }\n"
    },
}


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout.strip()


def make_repo(root: Path, files: dict[str, str]) -> Path:
    """A git repository at `root` with `files` committed."""
    root.mkdir(parents=True)
    git("init", "-q", "-b", "main", cwd=root)
    git("config", "user.email", "test@example.invalid", cwd=root)
    git("config", "user.name", "Test", cwd=root)
    commit(root, files)
    return root


def commit(root: Path, files: dict[str, str]) -> str:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    git("add", "-A", cwd=root)
    git("commit", "-q", "-m", "change", cwd=root)
    return git("rev-parse", "HEAD", cwd=root)


def make_repos(base: Path) -> dict[str, Path]:
    return {name: make_repo(base / name, files) for name, files in FILES.items()}


def tar_bytes(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as bundle:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            bundle.addfile(info, io.BytesIO(data))
    return out.getvalue()


class Registry:
    """PyPI's JSON API and an npm registry document, with their artifacts, on 127.0.0.1."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, bytes]] = {}
        self.requests: list[str] = []
        self.base = ""

    def add_pypi(
        self, name: str, version: str, members: dict[str, bytes], sha256: str | None = None
    ) -> None:
        data = tar_bytes(members)
        filename = f"{name.replace('-', '_')}-{version}.tar.gz"
        url = f"{self.base}/packages/source/{filename}"
        self.routes[f"/packages/source/{filename}"] = (200, data)
        document = {
            "info": {"name": name, "version": version, "summary": "a synthetic package"},
            "last_serial": 1,
            "urls": [
                {
                    "filename": filename,
                    "packagetype": "sdist",
                    "url": url,
                    "size": len(data),
                    "digests": {"sha256": sha256 or hashlib.sha256(data).hexdigest(), "md5": ""},
                    "yanked": False,
                }
            ],
        }
        body = json.dumps(document).encode()
        self.routes[f"/pypi/{name}/json"] = (200, body)
        self.routes[f"/pypi/{name}/{version}/json"] = (200, body)

    def add_npm(self, name: str, version: str, members: dict[str, bytes]) -> None:
        data = tar_bytes({f"package/{k}": v for k, v in members.items()})
        short = name.rsplit("/", 1)[-1]
        path = f"/{name}/-/{short}-{version}.tgz"
        self.routes[path] = (200, data)
        integrity = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
        document = {
            "_id": name,
            "name": name,
            "dist-tags": {"latest": version},
            "versions": {
                version: {
                    "name": name,
                    "version": version,
                    "dist": {
                        "tarball": f"{self.base}{path}",
                        "shasum": hashlib.sha1(data).hexdigest(),
                        "integrity": integrity,
                    },
                }
            },
        }
        self.routes[f"/{name}"] = (200, json.dumps(document).encode())


@contextmanager
def serve_registry() -> Iterator[Registry]:
    registry = Registry()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = unquote(self.path.split("?", 1)[0])
            registry.requests.append(path)
            status, body = registry.routes.get(path, (404, b'{"message": "not found"}'))
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    registry.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield registry
    finally:
        server.shutdown()
        server.server_close()
