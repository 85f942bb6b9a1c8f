"""Pages already in UTF-8 reach the parser as they are; the result is the same as from text."""

from __future__ import annotations

import codecs
from pathlib import Path

import newsledger
from newsledger.extract.decode import decode, decode_keeping_utf8
from newsledger.model import to_json

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def test_plain_utf8_bytes_are_kept() -> None:
    data = "<p>Caf\u00e9 \u201cquoted\u201d</p>".encode()
    text, utf8 = decode_keeping_utf8(data)
    assert text == decode(data)
    assert utf8 is data


def test_other_encodings_are_not_kept() -> None:
    assert decode_keeping_utf8(codecs.BOM_UTF8 + b"<p>x</p>")[1] is None
    assert decode_keeping_utf8("<p>caf\u00e9</p>".encode("cp1252"))[1] is None


def test_text_keeps_its_own_encoding() -> None:
    assert decode_keeping_utf8("<p>caf\u00e9 \u201cx\u201d</p>")[1] == "<p>caf\u00e9 \u201cx\u201d</p>".encode()
    # Repaired text is no longer what was given: the caller encodes the repaired text.
    assert decode_keeping_utf8("<p>caf\u00c3\u00a9</p>") == ("<p>caf\u00e9</p>", None)
    assert decode_keeping_utf8("<p>caf\u00c3\u00a9</p>".encode()) == ("<p>caf\u00e9</p>", None)


def test_bytes_and_text_give_the_same_article() -> None:
    for path in sorted(FIXTURES.glob("*.html")):
        data = path.read_bytes()
        assert to_json(newsledger.extract(data)) == to_json(newsledger.extract(decode(data))), path.name
