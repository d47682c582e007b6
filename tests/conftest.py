"""Shared test guards: no network, no writes to the home directory."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

_LOOPBACK = {"127.0.0.1", "::1", "localhost"}


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refuse connections to anything but loopback, so no test can reach the internet."""
    real_connect = socket.socket.connect

    def guarded_connect(self: socket.socket, address: object) -> object:
        host = address[0] if isinstance(address, tuple) else address
        remote = isinstance(host, str) and host not in _LOOPBACK and not host.startswith("127.")
        if remote and self.family in (socket.AF_INET, socket.AF_INET6):
            raise OSError(f"tests may not reach the network (tried {host!r})")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point HOME, the XDG dirs and citegraph's own paths at a temporary directory."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("CITEGRAPH_CATALOG", str(home / "catalog.sqlite3"))
    monkeypatch.setenv("CITEGRAPH_CACHE_DIR", str(home / "scan-cache"))
    for var in ("CITEGRAPH_MAILTO", "CITEGRAPH_S2_API_KEY"):
        monkeypatch.delenv(var, raising=False)
    return home
