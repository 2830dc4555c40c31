"""Join codes: readable from the back row, and a wrong code gets nowhere."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from readiness.workshop.joincode import ALPHABET, LENGTH, JoinGate, matches, new_code, normalise


def test_codes_use_only_unambiguous_characters() -> None:
    codes = {new_code() for _ in range(200)}
    assert len(codes) > 190, "codes must be random"
    for code in codes:
        assert len(code) == LENGTH
        assert set(code) <= set(ALPHABET)
    assert not set("01OIL") & set(ALPHABET)


@given(st.text(alphabet=ALPHABET, min_size=LENGTH, max_size=LENGTH))
def test_a_code_matches_however_it_is_typed(code: str) -> None:
    typed = " " + code[:3].lower() + "-" + code[3:] + " "
    assert matches(typed, code)


@given(st.text(max_size=12))
def test_only_the_code_itself_matches(typed: str) -> None:
    code = "K7MPQ3"
    assert matches(typed, code) == (normalise(typed) == code)


def test_empty_expected_code_never_matches() -> None:
    assert not matches("", "")


def test_gate_locks_after_five_wrong_codes_even_for_the_right_one() -> None:
    gate = JoinGate("ABC234")
    for left in (4, 3, 2, 1, 0):
        assert not gate.try_code("WRONG1")
        assert gate.attempts_left == left
    assert gate.locked
    assert not gate.try_code("ABC234")
    assert not gate.opened


def test_gate_opens_for_the_right_code() -> None:
    gate = JoinGate("ABC234")
    assert not gate.try_code("abc235")
    assert gate.try_code("abc 234")
    assert gate.opened and not gate.locked
