"""The network's time limits, apart from the resolvers: every run's configuration reads them."""

from __future__ import annotations

# Network time limits in seconds; `[tool.citegraph]` network-* keys override them.
DEFAULT_REQUEST_TIMEOUT = 20.0
DEFAULT_SERVICE_BUDGET = 30.0
DEFAULT_RUN_BUDGET = 45.0
