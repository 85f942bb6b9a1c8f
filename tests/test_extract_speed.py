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


def test_topic_and_state_tokens_name_no_kind_whatever_their_words() -> None:
    from newsledger.extract.content.rules import kind_from_class

    # Asked only of tokens whose words name a kind: the answer is the same as asked of all.
    assert kind_from_class("category-comments") is None
    assert kind_from_class("tag-newsletter") is None
    assert kind_from_class("sticky-header-enabled") is None
    assert kind_from_class("top-[var(--nav-height)]") is None
    assert kind_from_class("commentsOpen") is None  # comments-open: a state
    assert kind_from_class("shareButtons") == "share_bar"
    assert kind_from_class("ShareButtons_bar__ab12C") == "share_bar"


def test_a_line_without_a_count_before_a_noun_is_no_members_record() -> None:
    from newsledger.extract.content.blocks import _counted_record

    assert _counted_record("1,204 posts · Joined 2015")
    assert _counted_record("3 silver badges5 bronze badges")
    assert not _counted_record("Joined 2015")
    assert not _counted_record("The 12 ferries")


def test_a_flagged_box_of_long_paragraphs_is_walked_however_many_it_holds() -> None:
    from newsledger.extract.content.walk import OPAQUE_PROSE_CHARS, _paragraphs_over
    from newsledger.extract.dom import parse_html

    line = "The ferry runs twice a day until Easter, when the summer timetable returns."
    box = parse_html(f"<div class='sidebar'><p>{line}</p><p>short</p><p>{line}</p><p>{line}</p></div>")
    node = box.css_first("div")
    assert node is not None
    assert _paragraphs_over(node, OPAQUE_PROSE_CHARS)
    assert not _paragraphs_over(node, 3 * len(line))
