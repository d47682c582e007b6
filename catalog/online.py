"""The online side of one run: the HTTP session made on first use, whether sources may still be
asked, and warnings said once."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from catalog.records import ResolverError, ResolverSettings, ResolverUnavailable, ServiceUnavailable

if TYPE_CHECKING:  # httpx loads with the session, on the first online request
    import httpx

    from catalog.http import HttpSession


class Online:
    """Reaching the metadata services in one run.

    The HTTP stack (httpx) loads on the first request: offline runs, such as the pre-commit
    hook, never pay for it. When the network is unreachable, the first connection failure
    switches the rest of the run to offline with one warning.
    """

    def __init__(
        self,
        settings: ResolverSettings,
        *,
        offline: bool = False,
        client: httpx.Client | None = None,
        on_warning: Callable[[str], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings
        self.offline = offline
        self._client = client
        self._sleep = sleep
        self._session: HttpSession | None = None
        self.on_warning = on_warning  # where warnings go; a command may redirect them
        self._warned: set[str] = set()

    @property
    def session(self) -> HttpSession:
        """The HTTP session, created on first use."""
        if self._session is None:
            from catalog.http import HttpSession

            self._session = HttpSession(self.settings, self._client, sleep=self._sleep)
        return self._session

    @property
    def available(self) -> bool:
        """Whether online sources may still be asked in this run."""
        return not self.offline and not (self._session is not None and self._session.down)

    @property
    def requests(self) -> int:
        """HTTP requests made so far (benchmarks and tests count them)."""
        return self._session.requests if self._session is not None else 0

    def warn(self, message: str) -> None:
        """Report a warning once per run through the observer."""
        if message not in self._warned:
            self._warned.add(message)
            if self.on_warning is not None:
                self.on_warning(message)

    def network_down(self, error: ResolverUnavailable) -> None:
        """Switch to offline for the rest of the run, saying so once."""
        self.warn(f"{error}; continuing offline with the local catalog")

    def source_failed(self, error: ResolverError, consequence: str) -> None:
        """Warn that a source failed; a source stopped for the run is named in one warning."""
        self.warn(
            str(error) if isinstance(error, ServiceUnavailable) else f"{error}; {consequence}"
        )

    def close(self) -> None:
        """Close the HTTP client if a session was made."""
        if self._session is not None:
            self._session.close()
