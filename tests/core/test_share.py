"""The URL codec: round trips, and hostile input that never raises."""

import math
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from xentcore.app.settings import SETTINGS
from xentcore.app.share import (
    MAX_ISSUES,
    Bool,
    Choice,
    Distribution,
    Float,
    Floats,
    Int,
    Issue,
    Names,
    Note,
    Schema,
    clean_name,
    dump,
    parse,
)

SCHEMA = Schema(
    "demo",
    (
        Float("lr", 0.1, lo=1e-4, hi=10.0),
        Float("g", 0.01, options=(0.001, 0.01, 0.1, 1.0)),
        Int("ep", 100, lo=1, hi=2000),
        Choice("data", "blobs", options=("blobs", "moons", "xor")),
        Bool("log", False),
        Floats("z", (1.0, -1.0), min_len=2, max_len=6, lo=-10, hi=10),
        Distribution("p", (0.5, 0.3, 0.2), min_len=2, max_len=12),
        Names("names", ("a", "b", "c"), min_len=2, max_len=12),
    ),
)

finite = st.floats(allow_nan=False, allow_infinity=False)
name_text = st.text(
    st.characters(blacklist_characters=",<>&\"'`\\", blacklist_categories=("Cc", "Cs", "Z")), min_size=1
)


@st.composite
def states(draw):
    k = draw(st.integers(2, 12))
    weights = draw(st.lists(st.floats(0.0, 10.0), min_size=k, max_size=k).filter(lambda w: sum(w) > 1e-3))
    total = math.fsum(weights)
    return {
        "lr": draw(st.floats(1e-4, 10.0)),
        "g": draw(st.sampled_from((0.001, 0.01, 0.1, 1.0))),
        "ep": draw(st.integers(1, 2000)),
        "data": draw(st.sampled_from(("blobs", "moons", "xor"))),
        "log": draw(st.booleans()),
        "z": tuple(draw(st.lists(st.floats(-10, 10), min_size=2, max_size=6))),
        "p": tuple(w / total for w in weights),
        "names": tuple(clean_name(n) or "x" for n in draw(st.lists(name_text, min_size=2, max_size=12))),
    }


@given(states())
def test_round_trip(state):
    params = dump(state, SCHEMA)
    parsed, issues = parse(params, SCHEMA)
    p_issues = [i for i in issues if i.key == "p"]
    assert all(i.code == "normalised" for i in p_issues)
    if not p_issues:
        assert parsed == state
    else:  # a sum off by more than 1e-9 through float rounding: renormalised, still the same view
        assert all(
            math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12) for a, b in zip(parsed["p"], state["p"], strict=True)
        )
        assert {k: v for k, v in parsed.items() if k != "p"} == {k: v for k, v in state.items() if k != "p"}


def test_defaults_are_left_out_and_readable():
    assert dump(SCHEMA.defaults(), SCHEMA) == {}
    state = {**SCHEMA.defaults(), "p": (0.5, 0.5), "lr": 0.5, "log": True}
    assert dump(state, SCHEMA) == {"lr": "0.5", "log": "1", "p": "0.5,0.5"}


def test_each_bad_parameter_falls_back_alone():
    params = {"lr": "nan", "ep": "50", "data": "spiral", "p": "0.2,-1", "names": "x,y", "zz": "1"}
    state, issues = parse(params, SCHEMA)
    assert state["lr"] == 0.1 and state["data"] == "blobs" and state["p"] == (0.5, 0.3, 0.2)
    assert state["ep"] == 50 and state["names"] == ("x", "y")
    assert {(i.key, i.code) for i in issues} == {
        ("lr", "invalid"),
        ("data", "invalid"),
        ("p", "invalid"),
        ("zz", "unknown"),
    }


def test_clamped_normalised_snapped_and_repeated():
    state, issues = parse({"lr": "1e9", "ep": ["5", "7"], "p": "2,1,1", "g": "0.02"}, SCHEMA)
    assert state["lr"] == 10.0 and state["ep"] == 7 and state["p"] == (0.5, 0.25, 0.25) and state["g"] == 0.01
    notes = {i.key: (i.code, i.note) for i in issues}
    assert notes == {
        "lr": ("clamped", Note.of("clamped", value=10)),
        "ep": ("repeated", Note.of("repeated", n=2)),
        "p": ("normalised", Note.of("normalised", total=4)),
        "g": ("clamped", Note.of("snapped", value=0.01)),
    }


def test_all_zero_and_wrong_length_distribution():
    _, issues = parse({"p": "0,0,0"}, SCHEMA)
    assert issues == [Issue("p", "invalid", Note("all_zero"))]
    _, issues = parse({"p": "1"}, SCHEMA)
    assert issues == [Issue("p", "invalid", Note.of("count", lo=2, hi=12, n=1))]


def test_names_are_cleaned():
    state, issues = parse({"names": "<b>sun</b>,rain\x00"}, SCHEMA)
    assert state["names"] == ("<b>sun</b>", "rain")  # only the control character goes; sinks escape the rest
    assert issues == [Issue("names", "cleaned", Note("cleaned"))]


def test_every_note_has_words_in_both_languages():
    """The UI puts each note in words as ``detail.<what>``; a note without a translation would crash."""
    from pathlib import Path

    from xentcore.app.ui.text import TABLE

    root = Path(__file__).resolve().parents[2] / "xentcore"
    source = "\n".join(p.read_text(encoding="utf-8") for p in root.rglob("*.py"))
    whats = set(re.findall(r'(?:Reject|Note\.of|Note)\(\s*"(\w+)"', source))
    assert whats >= {"clamped", "not_number", "q_length"}
    assert {w for w in whats if f"detail.{w}" not in TABLE} == set()


def test_known_keys_of_other_schemas_are_not_reported():
    _, issues = parse({"unit": "bits", "lr": "0.5"}, SCHEMA, known=SETTINGS.keys)
    assert issues == []


def test_issue_list_is_capped():
    _, issues = parse({f"k{i}": "1" for i in range(50)}, SCHEMA)
    assert len(issues) == MAX_ISSUES and issues[-1] == Issue("…", "more", Note.of("more", n=50 - MAX_ISSUES + 1))


hostile_values = st.one_of(
    st.text(max_size=50),
    st.sampled_from(["nan", "inf", "-inf", "1e400", "", ",", ",,,", "0x10", "1_000", "None", "[1,2]", "\u202e"]),
    st.text(min_size=2001, max_size=2100),
    st.lists(st.text(max_size=10), max_size=3),
)


@settings(max_examples=300)
@given(st.dictionaries(st.one_of(st.sampled_from(SCHEMA.keys), st.text(max_size=60)), hostile_values, max_size=8))
def test_parse_never_raises_and_always_gives_a_valid_state(params):
    state, issues = parse(params, SCHEMA)
    assert set(state) == set(SCHEMA.keys)
    assert 1e-4 <= state["lr"] <= 10 and 1 <= state["ep"] <= 2000
    assert state["data"] in ("blobs", "moons", "xor")
    assert 2 <= len(state["p"]) <= 12 and math.isclose(sum(state["p"]), 1.0, rel_tol=1e-9)
    assert all(math.isfinite(v) and v >= 0 for v in state["p"])
    assert len(issues) <= MAX_ISSUES
    # what was accepted survives a second trip unchanged
    assert parse(dump(state, SCHEMA), SCHEMA)[0] == state


def test_a_value_between_options_snaps_to_its_neighbour_when_zero_is_an_option():
    # a log grid with 0 in front (L2 strengths, smoothing α): 0.02 lies between 0.01 and 0.03, never near 0
    grid = Float("l2", 0.0, options=(0.0, 0.0001, 0.001, 0.01, 0.03, 0.1))
    assert grid.decode("0.02")[0] in (0.01, 0.03)
    assert grid.decode("0.00004")[0] == 0.0
    assert grid.decode("0.00007")[0] == 0.0001
    assert grid.decode("-1")[0] == 0.0
