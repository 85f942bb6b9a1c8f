"""The fast paths of the copied-text extractor give what the plain forms they stand for give."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.extract.text import classify, dates, lines, meta
from newsledger.extract.text.dates import find_dates, find_dates_with_year

_PHRASES = [p for table in classify._IN_LINE_PHRASES for p in table]


def test_in_line_phrases_are_lower_case_without_letters_ignorecase_ties_to_ascii() -> None:
    assert [p for p in _PHRASES if p != p.lower()] == []
    assert [p for p in _PHRASES if set(p) & set("İıſK")] == []


def _matches(pattern, text: str) -> list[tuple[str | None, int, int]]:
    return [(m.lastgroup, m.start(), m.end()) for m in pattern.finditer(text)]


_ascii_phrase = st.sampled_from([p for p in _PHRASES if p.isascii()] + ["copyright", "(c)"])
_filler = st.text(alphabet="abcXYZ _-.,:'", max_size=6)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_ascii_phrase, _filler), max_size=8), st.randoms())
def test_lower_cased_pattern_matches_like_the_ignorecase_one_on_ascii(parts: list[str], rnd) -> None:
    text = "".join(c.upper() if rnd.random() < 0.3 else c for c in " ".join(parts))
    assert _matches(classify._IN_LINE_LOWER, text.lower()) == _matches(classify._IN_LINE, text)


def test_the_odd_letters_are_every_letter_ignorecase_ties_to_a_phrase_letter_otherwise() -> None:
    source = classify._IN_LINE_SOURCE + classify._ADDRESS_SOURCE + "".join(dates._NAMED_MONTH_SOURCES)
    letters = {c for c in source if c.isalpha() and c == c.lower()}
    any_case = re.compile("[" + re.escape("".join(sorted(letters))) + "]", re.I)
    odd = {chr(c) for c in range(0x110000) if any_case.fullmatch(chr(c)) and chr(c).lower() not in letters}
    assert odd == set(lines.CASE_BLIND_ODD_LETTERS)


_any_phrase = st.sampled_from([*_PHRASES, "copyright", "(c)", "you", "наш", "Вы"])
_odd_filler = st.text(alphabet="abcXYZ _-.,:'’“éÉВДОСТ" + lines.CASE_BLIND_ODD_LETTERS, max_size=6)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(_any_phrase, _odd_filler), max_size=8), st.randoms())
def test_a_key_that_reads_as_its_text_matches_like_the_ignorecase_patterns(parts: list[str], rnd) -> None:
    text = "".join(c.upper() if rnd.random() < 0.3 else c for c in " ".join(parts)).strip() or "x"
    line = lines.make_line(1, 1, text, False)
    if lines.lowered_reads_as_text(text, line.key):
        assert _matches(classify._IN_LINE_LOWER, line.key) == _matches(classify._IN_LINE, text)
        assert bool(classify._ADDRESS_LOWER.search(line.key)) == bool(classify._ADDRESS.search(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789/.-: ,abJanMayDec", max_size=40))
def test_dates_with_year_are_the_dates_that_have_one(text: str) -> None:
    expected = [(d.iso, d.start) for d in find_dates(text) if d.has_year]
    assert [(d.iso, d.start) for d in find_dates_with_year(text)] == expected


# The bracketed credit as one pattern over the whole line: what the search from the last
# opening bracket must agree with.
_CAPTION_WITH_CREDIT = re.compile(
    rf"^(?P<caption>.*?)\s*[(\[]\s*(?:{meta._CREDIT})\s*(?:by\b|[:：])\s*(?P<credit>[^()\[\]]+?)\s*[)\]]\s*$", re.I
)


def _plain_credit_split(text: str) -> tuple[str | None, str] | None:
    match = _CAPTION_WITH_CREDIT.match(text) or meta._CREDIT_AFTER_SENTENCE.match(text)
    if not match:
        return None
    return (match.group("caption") or "").strip() or None, match.group("credit").strip()


_caption_part = st.one_of(
    st.sampled_from(
        ["Photo", "CREDIT", "Source", "image credit", "Foto", "by", ":", "(", ")", "[", "]", ". ", "!"]
    ),
    st.text(alphabet="abc XYZ.!?:()é", max_size=8),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_caption_part, max_size=8))
def test_caption_credit_split_agrees_with_the_patterns(parts: list[str]) -> None:
    text = " ".join(parts).strip()
    if text.endswith(meta._AGENCY_ENDS):
        return
    plain = _plain_credit_split(text) if (":" in text or "：" in text or " by " in text.lower()) else None
    assert meta.split_caption(text) == plain


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["may", "mayor", "jan", "june", "März", "mai", "x", "_", "1", "-", " ", "é", ".", "Dec"]
        ),
        max_size=8,
    )
)
def test_month_names_found_by_bytes_as_by_the_pattern(parts: list[str]) -> None:
    lowered = "".join(parts).lower()
    expected = not dates._MONTH_WORDS.isdisjoint(dates._LETTER_RUN.findall(lowered))
    assert dates._names_a_month(lowered) == expected


def _plain_find_dates(text: str) -> list[tuple[str, int, str]]:
    """The patterns run over the line as printed, month names matched ignoring case (and only
    where a whole word is a month name)."""
    found: list = []
    named = not dates._MONTH_WORDS.isdisjoint(dates._LETTER_RUN.findall(text.lower()))
    for pattern in (*(dates._NAMED_MONTH_ANY_CASE if named else ()), *dates._NUMERIC_PATTERNS):
        for match in pattern.finditer(text):
            if any(match.start() < f.end and f.start < match.end() for f in found):
                continue
            if (date := dates._build(match, 2000, text)) is not None:
                found.append(date)
    return [(d.iso, d.start, d.text) for d in sorted(found, key=lambda f: f.start)]


@settings(max_examples=600, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "12",
                "2026",
                "05",
                "-",
                ".",
                "/",
                " ",
                "May",
                "MAY",
                "3rd",
                "de",
                "De",
                "At 10:30",
                "at 9.05",
                "pm",
                "P.M.",
                "März",
                "MÄRZ",
                "İ",
                "Января",
                "Sept.",
                "ſept.",
                "ᲂктября",
                "x",
            ]
        ),
        max_size=10,
    )
)
def test_dates_found_as_by_every_pattern(parts: list[str]) -> None:
    text = "".join(parts)
    assert [(d.iso, d.start, d.text) for d in dates.find_dates(text)] == _plain_find_dates(text)


@pytest.mark.parametrize(
    "text",
    [
        "May 1 and ſept. 12, 2026",
        "1 мая, 12 ᲂктября 2025",
        "İstanbul, 3 March 2024",
        "MAY 5, 2026 at 9.05 P.M.",
    ],
)
def test_dates_with_letters_ignorecase_ties_otherwise_are_found_as_ignoring_case(text: str) -> None:
    assert [(d.iso, d.start, d.text) for d in dates.find_dates(text)] == _plain_find_dates(text)
    assert _plain_find_dates(text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), min_size=1, max_size=200))
def test_ascii_line_measures_match_the_split(text: str) -> None:
    tokens = text.split()
    words = len(tokens)
    assert lines._ascii_measures(text) == (words, lines._lower_ratio(tokens) if words >= 8 else 0.0)


@settings(max_examples=400, deadline=None)
@given(
    st.text(
        alphabet="aZ q?'-. \t" + "".join(mark for mark, _ in lines._STAND_INS) + "é",
        min_size=48,
        max_size=200,
    )
)
def test_a_long_line_with_stand_ins_measures_as_split(text: str) -> None:
    text = text.strip() or "x"
    line = lines.make_line(1, 1, text, False)
    tokens = text.split()
    assert (line.words, line.lower_ratio) == (
        len(tokens),
        lines._lower_ratio(tokens) if len(tokens) >= 8 else 0.0,
    )
