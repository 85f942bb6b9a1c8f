"""Text encoded in UTF-8 twice is read back as the characters it was."""

from __future__ import annotations

import newsledger
from newsledger.extract.decode import decode_keeping_utf8
from newsledger.extract.mojibake import may_hold_double_utf8, repair_double_utf8


def _byte_as(byte: int, codec: str) -> str:
    try:
        return bytes([byte]).decode(codec)
    except UnicodeDecodeError:  # bytes cp1252 leaves undefined are shown as the control they name
        return chr(byte)


def _twice(text: str, codec: str) -> str:
    """``text`` as a page shows it after its UTF-8 bytes were read as ``codec`` once."""
    return "".join(_byte_as(byte, codec) for byte in text.encode("utf-8"))


def test_quotes_read_as_latin1_controls_are_repaired() -> None:
    original = "\u201cThe ferry leaves at noon,\u201d the harbour master said."
    assert repair_double_utf8(_twice(original, "latin-1")) == original


def test_quotes_read_as_cp1252_are_repaired() -> None:
    original = "It\u2019s \u201cover\u201d \u2014 caf\u00e9 cr\u00e8me, 5 \u20ac"
    assert repair_double_utf8(_twice(original, "cp1252")) == original


def test_real_accented_text_is_left_alone() -> None:
    texts = (
        "S\u00e3o Paulo",
        "Fu\u00df\u00a0weg",
        "\u00c9T\u00c9 \u00bb",
        "na\u00efve",
        "resum\u00e9\u201d\u2014",
    )
    for text in texts:
        assert repair_double_utf8(text) == text


def test_a_broken_run_beside_a_sound_one_is_repaired_alone() -> None:
    text = "caf\u00e9 and " + _twice("\u201cquoted\u201d", "latin-1")
    assert repair_double_utf8(text) == "caf\u00e9 and \u201cquoted\u201d"


def test_double_encoded_page_keeps_its_quotations() -> None:
    paragraph = (
        "\u201cWe will open the bridge in May,\u201d Mayor Ana Ruiz said at the council meeting on Tuesday."
    )
    page = (
        f"<html><body><article><h1>Bridge</h1><p>{_twice(paragraph, 'latin-1')}</p></article></body></html>"
    )
    data = page.encode("utf-8")
    text, kept = decode_keeping_utf8(data)
    assert kept is None and "\u201cWe will" in text
    article = newsledger.extract(data)
    statements = newsledger.attribute(article)
    assert [s.speaker.name for s in statements if s.speaker] == ["Ana Ruiz"]


def test_every_run_start_is_seen_in_the_bytes() -> None:
    leads = [chr(code) for code in range(0xC2, 0xF5)]
    continuations = sorted({_byte_as(byte, codec) for byte in range(0x80, 0xC0) for codec in ("latin-1", "cp1252")})
    for lead in leads:
        for continuation in continuations:
            assert may_hold_double_utf8(f"x{lead}{continuation}y".encode())


def test_accents_before_plain_letters_start_no_run() -> None:
    assert not may_hold_double_utf8("caf\u00e9 cr\u00e8me, na\u00efve \u201cquoted\u201d".encode())
