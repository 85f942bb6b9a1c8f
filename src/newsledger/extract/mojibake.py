"""Text encoded in UTF-8 twice: "â€œ" or "â\\x80\\x9c" read back as the "“" it was. Pure functions.

A page whose UTF-8 text was once decoded as Latin-1 or cp1252 and encoded in UTF-8 again holds,
for every non-ASCII character, the characters of its UTF-8 bytes: a lead byte (Â..ô) followed by
one to three continuation bytes (0x80..0xBF, read as Latin-1 controls or as cp1252's "€", "œ",
"™"...). Such runs are rare in real text, so each run that decodes as UTF-8 is repaired on its
own, whatever the rest of the page holds (pages often mix repaired and broken parts).
"""

from __future__ import annotations

import re


def _cp1252(byte: int) -> str:
    """The character cp1252 gives ``byte``; the control of that number where cp1252 has none."""
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


def _continuation_chars() -> str:
    """Every character a continuation byte 0x80..0xBF becomes under Latin-1 or cp1252."""
    return "".join(
        sorted({chr(byte) for byte in range(0x80, 0xC0)} | {_cp1252(b) for b in range(0x80, 0xC0)})
    )


_CONTINUATION = "[" + re.escape(_continuation_chars()) + "]"
# Runs of a lead byte (Â..ô) and one to three continuation bytes; whether a run is UTF-8 (the
# right number of continuations after each lead) is left to the decoder, which is faster than
# spelling each sequence out in the pattern.
_RUN = re.compile(f"[\u00c2-\u00f4]{_CONTINUATION}{{1,3}}(?:[\u00c2-\u00f4]{_CONTINUATION}{{1,3}})*")
# cp1252's characters for the bytes 0x80..0x9F, each as the Latin-1 character of its byte: the
# run then encodes to its bytes in Latin-1.
_AS_LATIN1 = str.maketrans({_cp1252(byte): chr(byte) for byte in range(0x80, 0xA0) if _cp1252(byte) != chr(byte)})


def _plausible(run: str, decoded: str) -> bool:
    """Whether ``decoded`` is what ``run`` meant: a run holding a C1 control (never text) is
    mojibake whatever it decodes to; otherwise the result must be a character Western text
    double-encodes (Latin, Greek, Cyrillic, punctuation, symbols), not "é”—" read as a CJK
    character nor a German "ß" before a no-break space read as an N'Ko letter."""
    if _C1_CONTROL.search(run):
        return True
    return _NOT_DOUBLE_ENCODED.search(decoded) is None


_C1_CONTROL = re.compile("[\x80-\x9f]")
# Characters Western text does not double-encode: past Cyrillic, before general punctuation, and
# from Glagolitic on.
_NOT_DOUBLE_ENCODED = re.compile("[\u0500-\u1fff\u2c00-\U0010ffff]")


def _run_start_in_utf8() -> re.Pattern[bytes]:
    """A lead character followed by a continuation character, as their UTF-8 bytes: a lead's
    two bytes, then the first byte of a continuation's."""
    leads = sorted({chr(code).encode("utf-8") for code in range(0xC2, 0xF5)})
    firsts = sorted({char.encode("utf-8")[:1] for char in _continuation_chars()})
    return re.compile(
        b"(?:" + b"|".join(map(re.escape, leads)) + b")[" + b"".join(map(re.escape, firsts)) + b"]"
    )


_RUN_START_UTF8 = _run_start_in_utf8()


def may_hold_double_utf8(utf8: bytes) -> bool:
    """Whether text, given as its UTF-8 bytes, may hold a run to repair: a search of the bytes
    for the start of one costs a tenth of reading the text for whole runs, and most pages
    hold none."""
    return _RUN_START_UTF8.search(utf8) is not None


def repair_double_utf8(text: str) -> str:
    """``text`` with every run of UTF-8 bytes read as Latin-1/cp1252 characters decoded back."""
    return _RUN.sub(_repaired_run, text)


def _repaired_run(match: re.Match[str]) -> str:
    run = match.group(0)
    try:
        decoded = run.translate(_AS_LATIN1).encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return run
    return decoded if _plausible(run, decoded) else run
