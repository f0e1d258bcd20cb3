"""Arguments are checked in the server, before any worker sees them: sizes, types, Unicode."""

from __future__ import annotations

import pytest

from eqchain.mcp_server import LIMITS, TOOLS, ArgumentError, validate


def test_a_lone_surrogate_is_refused():
    with pytest.raises(ArgumentError, match="'text' is not valid Unicode"):
        validate(TOOLS["check"], {"text": "$$ a = a\ud800 $$"})


def test_a_formula_over_its_limit_is_refused_by_size():
    big = "x" * (LIMITS["formula"] + 1)
    with pytest.raises(ArgumentError, match=r"argument 'constraints' too large \(20001 bytes"):
        validate(TOOLS["maximize"], {"objective": "x", "variables": ["x"], "constraints": [big]})


def test_data_values_are_integers_or_text_never_booleans_or_floats():
    arguments = {"objective": "x", "variables": ["x"]}
    for value in (True, 0.5, [1, 0.5]):
        with pytest.raises(ArgumentError, match="'data.y"):
            validate(TOOLS["maximize"], {**arguments, "data": {"y": value}})
    checked = validate(TOOLS["maximize"], {**arguments, "data": {"y": [1, "1/2"]}})
    assert checked["data"] == {"y": [1, "1/2"]}


def test_omitted_arguments_are_left_to_the_tool():
    assert validate(TOOLS["check"], {"text": "$$ a = a $$"}) == {"text": "$$ a = a $$"}
