"""model/dates.py: a date as readers of each language write it."""

from __future__ import annotations

import datetime as dt

import pytest
from publisher.model.dates import long_date


@pytest.mark.parametrize(("language", "expected"), [
    ("da", "16. august 2011"), ("nb", "16. august 2011"), ("nn", "16. august 2011"), ("en", "16 August 2011"),
])
def test_long_date_per_language(language: str, expected: str) -> None:
    assert long_date(dt.date(2011, 8, 16), language) == expected


def test_the_months_that_differ_between_danish_and_norwegian() -> None:
    assert long_date(dt.date(2024, 3, 1), "da") == "1. marts 2024"
    assert long_date(dt.date(2024, 3, 1), "nb") == "1. mars 2024"
    assert long_date(dt.date(2024, 5, 9), "da") == "9. maj 2024"
    assert long_date(dt.date(2024, 5, 9), "nn") == "9. mai 2024"
    assert long_date(dt.date(2024, 12, 31), "nb") == "31. desember 2024"
    assert long_date(dt.date(2024, 12, 31), "da") == "31. december 2024"


def test_an_iso_string_is_read_as_a_date() -> None:
    assert long_date("2027-01-05", "en") == "5 January 2027"


def test_an_unknown_language_is_written_in_english() -> None:
    assert long_date(dt.date(2024, 1, 31), "sv") == "31 January 2024"


def test_a_string_that_is_no_date_is_refused() -> None:
    with pytest.raises(ValueError):
        long_date("2027-02-30", "da")
