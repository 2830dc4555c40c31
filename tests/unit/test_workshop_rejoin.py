"""Coming back to one's own pseudonym: only from the browser that claimed it."""

from __future__ import annotations

from pathlib import Path

from readiness.workshop.pseudonyms import CLAIMS, claim, claimed_as, has_results

MINE = "m" * 43
THEIRS = "t" * 43


def test_the_same_browser_takes_its_pseudonym_up_again(results: Path) -> None:
    assert claim(results, "Fox", "red", device=MINE) is None
    assert claim(results, "fox", device=MINE) is None, "same browser: welcome back"
    assert claimed_as(results, "FOX") == ("Fox", "red"), "the first spelling finds the runs"
    stored = (results / CLAIMS / "fox").read_text()
    assert MINE not in stored, "only a fingerprint of the token is stored"


def test_another_browser_or_none_cannot_take_it_over(results: Path) -> None:
    assert claim(results, "Fox", device=MINE) is None
    assert claim(results, "Fox", device=THEIRS) == "taken"
    assert claim(results, "Fox") == "taken", "no token: no coming back"


def test_a_claim_without_a_token_is_never_taken_up(results: Path) -> None:
    assert claim(results, "Owl") is None
    assert claim(results, "Owl", device=MINE) == "taken"
    (results / CLAIMS / "wren").write_text("Wren\n\n" + "0" * 64 + "\n")
    assert claim(results, "Wren", device="") == "taken"


def test_results_without_a_claim_stay_someone_elses(results: Path) -> None:
    (results / "heron--room-check-en--r1.toml").write_text("")
    assert has_results(results, "Heron")
    assert claim(results, "Heron", device=MINE) == "taken"
