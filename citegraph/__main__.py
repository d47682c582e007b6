"""`python -m citegraph`: the same as the `citegraph` command."""

from citegraph.cli import main

main()
