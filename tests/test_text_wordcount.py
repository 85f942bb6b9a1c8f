"""The read-time word count agrees with the ``\\w+`` regex it replaces, on any text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.extract.assemble import _NON_WORD_EDGES, _NON_WORD_NON_ASCII, count_words

_WORD = re.compile(r"\w+")


def test_stripped_edges_are_never_word_characters() -> None:
    assert not [c for c in _NON_WORD_EDGES + _NON_WORD_NON_ASCII if _WORD.fullmatch(c)]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "one two three",
        "Hello, world! (Really.)",
        "don't U.S. e-mail snake_case __ _ -- 3.14 1,000",
        "naïve café ½ ² ٣ 日本語のテキスト",
        "«Guillemets» — dashes… and “quotes”",
        "a\u00a0b\u2003c\u3000d",
        "It’s “quoted” — and… done",
        "_lead and trail_ x",
        "Café ’s naïve",
        "Привет, мир! Это тест_1 — «кавычки» и 2026 год.",
        "한국어 문장입니다. Ελληνικά κείμενα",
    ],
)
def test_counts_like_the_regex(text: str) -> None:
    assert count_words(text) == len(_WORD.findall(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_counts_like_the_regex_on_any_text(text: str) -> None:
    assert count_words(text) == len(_WORD.findall(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abZ09_ ,.!-'\n" + "éÉßжЖяЯ한국ελ日本" + "“”—…\u00a0", max_size=200))
def test_counts_like_the_regex_on_text_in_letters_of_many_scripts(text: str) -> None:
    assert count_words(text) == len(_WORD.findall(text))
