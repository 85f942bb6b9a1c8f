"""Counts in words for people: "1 article", "2 articles". Pure."""

from __future__ import annotations


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``count`` and the noun in the number it takes (``plural`` when adding "s" is wrong)."""
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"
