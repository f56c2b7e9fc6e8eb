"""Dates written the way readers of each language write them."""

from __future__ import annotations

import datetime as dt

MONTHS = {
    "da": ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
           "september", "oktober", "november", "december"),
    "nb": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
           "september", "oktober", "november", "desember"),
    "nn": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
           "september", "oktober", "november", "desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}


def long_date(value: dt.date | str, language: str) -> str:
    """`16. august 2011` (da, nb, nn) or `16 August 2011` (en)."""
    date = dt.date.fromisoformat(value) if isinstance(value, str) else value
    month = MONTHS.get(language, MONTHS["en"])[date.month - 1]
    if language in ("da", "nb", "nn"):
        return f"{date.day}. {month} {date.year}"
    return f"{date.day} {month} {date.year}"
