"""The shortcuts that keep whole-record extraction fast must never change what it finds."""

from __future__ import annotations

import re

from newsledger.extract.hygiene import without_surrogates
from newsledger.extract.metadata import dating


def _script_date_keys() -> list[str]:
    alternation = re.search(r"\(\?:(datePublished[^)]*)\)", dating._SCRIPT_DATE.pattern)
    assert alternation is not None
    return alternation.group(1).split("|")


def test_every_script_date_key_passes_the_substring_test() -> None:
    keys = _script_date_keys()
    assert len(keys) >= 10
    for key in keys:
        script = f'window.__STATE__ = {{"id": 7, "{key}": "2024-05-17T08:30:00Z"}};'
        assert dating._SCRIPT_DATE.search(script) is not None
        assert dating._may_name_a_date(script), key


def test_a_script_naming_no_date_is_skipped() -> None:
    assert not dating._may_name_a_date('var config = {"theme": "dark", "updated": "2024-05-17"};')


def test_surrogates_are_replaced_and_clean_text_kept_as_it_is() -> None:
    clean = "Zürich – 東京 🙂"
    assert without_surrogates(clean) is clean
    assert without_surrogates("a\ud800b\udfffc é") == "a\ufffdb\ufffdc é"


def test_every_class_word_and_prefix_is_still_read() -> None:
    from newsledger.extract.content.rules import CLASS_WORDS, kind_from_class

    for _, entry in CLASS_WORDS:
        for word in entry.words:
            assert kind_from_class(f"x {word}") is not None, word
        for prefix in entry.prefixes:
            # Written with a suffix, as pages do (``commentlist``, ``share-buttons``).
            assert kind_from_class(f"box {prefix}zz") is not None, prefix


def test_class_words_that_name_no_boilerplate_stay_unflagged() -> None:
    from newsledger.extract.content.rules import kind_from_class

    assert kind_from_class("col-md-6 row clearfix") is None
    assert kind_from_class("entry-content article-body") is None
