"""Bytes to text, and telling an HTML page from text copied out of a browser. Pure functions."""

from __future__ import annotations

import codecs
import re

from newsledger.errors import InputError
from newsledger.extract.mojibake import may_hold_double_utf8, repair_double_utf8
from newsledger.model import InputForm

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]+)""", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([a-zA-Z0-9_\-:.]+)", re.I)
# A document start after white space, an XML declaration and comments (skipped by
# ``_document_start``: a regex repeating a lazy comment backtracks exponentially on "<!---->" * n).
_XML_DECLARATION = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?")
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.I)
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0e-\x1f]")
_TAG = re.compile(
    r"</?(?:p|div|span|a|br|li|ul|td|tr|table|h[1-6]|article|section|script|meta|link|img)\b[^>]*>", re.I
)


def _known_codec(name: str) -> str | None:
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


def declared_charset(data: bytes, content_type: str | None = None) -> str | None:
    """The charset the HTTP header or the page's own <meta> declares, if it names a known codec."""
    if content_type:
        match = _HEADER_CHARSET.search(content_type)
        if match and (codec := _known_codec(match.group(1))):
            return codec
    match = _META_CHARSET.search(data[:4096])
    if match:
        return _known_codec(match.group(1).decode("ascii", "ignore"))
    return None


def decode(data: bytes | str, content_type: str | None = None) -> str:
    """Decode page bytes: BOM first, then valid UTF-8, then the declared charset, then cp1252.

    UTF-8 is tried before the declared charset because pages that declare ISO-8859-1 yet are
    UTF-8 are far more common than the reverse, and a UTF-8 decode of other text almost always
    fails loudly.
    """
    return decode_keeping_utf8(data, content_type)[0]


def decode_keeping_utf8(data: bytes | str, content_type: str | None = None) -> tuple[str, bytes | None]:
    """The text as :func:`decode` reads it, and that text's UTF-8 encoding when it is ``data``
    itself or, for a str, the str's encoding (the HTML parser reads UTF-8: it need not encode
    the text again).

    Text encoded in UTF-8 twice ("â€œ" for "“") is repaired, whatever the input's form.
    """
    if isinstance(data, str):
        return _text_keeping_utf8(data)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return repair_double_utf8(data[len(bom) :].decode(codec, errors="replace")), None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if not may_hold_double_utf8(data):
            return text, data
        repaired = repair_double_utf8(text)
        return repaired, data if repaired == text else None
    return repair_double_utf8(_decode_declared(data, content_type)), None


def _text_keeping_utf8(text: str) -> tuple[str, bytes | None]:
    try:
        utf8 = text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: the caller replaces them
        return repair_double_utf8(text), None
    if not may_hold_double_utf8(utf8):
        return text, utf8
    repaired = repair_double_utf8(text)
    return repaired, utf8 if repaired == text else None


def _decode_declared(data: bytes, content_type: str | None) -> str:
    declared = declared_charset(data, content_type)
    if declared and declared not in {"utf-8", "utf_8"}:
        try:
            return data.decode(declared, errors="replace")
        except (LookupError, ValueError):
            pass
    return data.decode("cp1252", errors="replace")


def looks_binary(text: str) -> bool:
    """True for content that is not text at all (images, archives): many NULs or controls."""
    sample = text[:4096]
    if not sample:
        return False
    return "\x00" in sample or len(_CONTROL.findall(sample)) / len(sample) > 0.1


def detect_form(text: str) -> InputForm:
    """'html' when the text is markup, 'text' when it reads as text copied from a page.

    Markup is a document start (doctype, <html>, <head>, <body>), a fragment that begins and
    ends with tags, or text dense with tags. Copied text that merely mentions a tag or two
    ("use <p> for paragraphs") stays text.
    """
    if _HTML_START.match(text, _document_start(text)):
        return "html"
    sample = text[:20000]
    tags = len(_TAG.findall(sample))
    if not tags:
        return "text"
    stripped = sample.strip()
    if stripped.startswith("<") and stripped.endswith(">") and _TAG.match(stripped):
        return "html"
    return "html" if tags >= 3 and tags * 40 > sample.count("\n") + 1 else "text"


def _document_start(text: str) -> int:
    """Where the first tag after leading white space, an XML declaration and comments stands."""
    match = _XML_DECLARATION.match(text)
    position = match.end() if match else 0
    while text.startswith("<!--", position):
        end = text.find("-->", position + 4)
        if end < 0:
            return position
        position = end + 3
        while position < len(text) and text[position].isspace():
            position += 1
    return position


def check_content(text: str, input_name: str | None = None) -> None:
    if not text or text.isspace():
        raise InputError("the page is empty", input_name=input_name)
    if looks_binary(text):
        raise InputError("the content is binary, not an HTML page or text", input_name=input_name)
