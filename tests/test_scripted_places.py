"""The elements a script would have replaced, found in one walk: ``<noscript>`` fallbacks and
parts streamed to the end of a page. Unwrapping a fallback moves what it held, so a part found
before the fallback is unwrapped is still the part that is placed."""

from __future__ import annotations

from newsledger.extract.content import extract_body
from newsledger.extract.dom import parse_html
from newsledger.extract.parts import Metadata

STORY = (
    "The ferry timetable changes on Monday, when the summer crossings end and the boat runs "
    "twice a day until Easter. "
)
LATE = "The harbour master said the evening crossing would return once the new pontoon is built."


def _text(page: str) -> str:
    body = extract_body(parse_html(page), None, Metadata())
    return "\n".join(block.text for block in body.blocks)


def test_a_part_streamed_inside_an_unwrapped_fallback_is_still_placed() -> None:
    # The page ships its story for readers without script inside a <noscript>, and the late
    # part of that story, streamed to its end, sits inside the fallback too.
    page = (
        "<html><body><div id='app'></div><noscript><main><p>"
        + STORY * 6
        + '</p><template id="P:0"></template><p>Loading...</p>'
        + f'<div hidden id="S:0"><p>{LATE}</p></div></main></noscript></body></html>'
    )
    text = _text(page)
    assert STORY.strip() in text
    assert LATE in text
    assert text.index(STORY.strip()) < text.index(LATE)


def test_a_small_fallback_stays_out_while_a_streamed_part_is_placed() -> None:
    page = (
        f"<html><body><main><p>{STORY * 6}</p><template id='P:0'></template></main>"
        "<noscript><p>Turn on JavaScript to see the live departures board.</p></noscript>"
        f'<div hidden id="S:0"><p>{LATE}</p></div></body></html>'
    )
    text = _text(page)
    assert LATE in text
    assert "live departures board" not in text


def test_what_an_unwrapped_fallback_held_besides_its_text_is_still_dropped() -> None:
    # The walk that found the fallback found the script inside it too; once the fallback is
    # unwrapped, the elements holding no reading text are looked for again, and it is gone.
    page = (
        "<html><body><div id='app'></div><noscript><main><p>"
        + STORY * 6
        + "</p><script>var departures = 'timetable.json';</script>"
        + "<style>.board { color: red }</style></main></noscript></body></html>"
    )
    text = _text(page)
    assert STORY.strip() in text
    assert "timetable.json" not in text
    assert "color: red" not in text


def test_scripts_styles_and_small_fallbacks_are_dropped_when_nothing_moves() -> None:
    page = (
        "<html><head><noscript><style>.js { display: none }</style></noscript></head><body>"
        f"<main><p>{STORY * 6}</p><script>var late = 'evening.json';</script></main>"
        "<noscript><p>Turn on JavaScript to see the live departures board.</p></noscript>"
        "</body></html>"
    )
    text = _text(page)
    assert STORY.strip() in text
    assert "evening.json" not in text
    assert "live departures board" not in text
    assert "display: none" not in text
