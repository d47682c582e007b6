"""How outputs write a work's authors."""

from __future__ import annotations

from citegraph.render.names import author_list


def test_names_written_family_name_first_are_set_apart_by_semicolons() -> None:
    assert author_list(("Okafor, Jo", "Kai Lind"), 3) == "Okafor, Jo; Kai Lind"
    assert author_list(("Jo Okafor", "Kai Lind"), 3) == "Jo Okafor, Kai Lind"
    assert author_list(("Okafor", "Lind", "Marsh", "Sauer"), 3) == "Okafor, Lind, Marsh et al."
