"""The one quantity parser the profile and every rule share: numbers as people write them."""

from __future__ import annotations

import pytest

from tenderlint.nlp.quantities import first_duration, first_number, point_weightings, ratio_weightings


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("15-minute personal care calls", 15),
        ("calls of up to fifteen minutes", 15),
        ("Quarter-hour calls for medication", 15),
        ("a half-hour visit", 30),
        ("within sixty (60) days of receipt", 60),
        ("forty-five days", 45),
        ("one hundred and twenty sessions", 120),
        ("three sessions per week", 3),
        ("twice a month", 2),
        ("a turnover of 1,000,000", 1_000_000),
        ("no number here", None),
    ],
)
def test_first_number(text, value):
    assert first_number(text) == value


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("within sixty (60) days of receipt", "days", 60),
        ("within two months of receipt", "days", 60),
        ("the end of the month following the month of receipt", "days", 45),
        ("net 45", "days", 45),
        ("a quarter-hour call", "minutes", 15),
        ("consultation ran for four weeks", "weeks", 4),
        ("payment will be made promptly", "days", None),
    ],
)
def test_first_duration_in_a_rules_unit(text, unit, value):
    assert first_duration(text, unit) == value


def test_ratio_weightings_either_order():
    assert [(c, v) for c, v, _ in ratio_weightings("a 60:40 price/quality ratio")] == [
        ("price", 60),
        ("quality", 40),
    ]
    assert [(c, v) for c, v, _ in ratio_weightings("quality/price split of 70/30")] == [
        ("quality", 70),
        ("price", 30),
    ]
    assert ratio_weightings("a 24/7 service for quality and price") == []


def test_point_weightings_become_percentages():
    found = point_weightings("Quality 400 points, Price 600 points")
    assert [(c, v) for c, v, _ in found] == [("quality", 40.0), ("price", 60.0)]
    assert point_weightings("Question 3 is worth 20 points") == []
