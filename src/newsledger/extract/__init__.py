"""Pages to Articles. Pure: text or bytes in, an Article out; no I/O, no global state."""

from __future__ import annotations

from typing import Literal

import msgspec

from newsledger.deadline import DeadlineLike, as_deadline
from newsledger.extract.decode import check_content, decode_keeping_utf8, detect_form
from newsledger.extract.hygiene import with_utf8, without_surrogates
from newsledger.model import Article, InputForm, Page

FormChoice = Literal["auto", "html", "text"]

__all__ = ["FormChoice", "extract", "extract_page"]


def extract(
    data: bytes | str,
    url: str | None = None,
    *,
    form: FormChoice = "auto",
    content_type: str | None = None,
    input_name: str | None = None,
    deadline: DeadlineLike = None,
) -> Article:
    """Extract an Article from an HTML page or from text copied out of a browser.

    ``form`` forces the input form; by default it is detected. Raises
    :class:`newsledger.errors.InputError` for content that is not a page (empty, binary), and
    :class:`newsledger.errors.DeadlineExceeded` when ``deadline`` (seconds from now, or a
    :class:`newsledger.Deadline`) passes before the work is done.
    """
    limit = as_deadline(deadline, input_name or url)
    data, cut_note = _within_input_limit(data)
    text, utf8 = decode_keeping_utf8(data, content_type)
    if utf8 is None:
        # Bytes decode without surrogates; a str may hold lone ones, which no record could
        # encode. Replacing them means encoding the text, which the parser then reads as is.
        text, utf8 = with_utf8(text)
    url = without_surrogates(url) if url is not None else None
    check_content(text, input_name or url)
    chosen: InputForm = detect_form(text) if form == "auto" else form
    if limit is not None:
        limit.check("extract: decoding")
    if chosen == "html":
        from newsledger.extract.html import extract_html

        article = extract_html(text, url, utf8=utf8, deadline=limit)
    else:
        from newsledger.extract.text import extract_text

        article = extract_text(text, url, deadline=limit)
    return msgspec.structs.replace(article, notes=(cut_note, *article.notes)) if cut_note else article


# Past this size an input is cut before it is decoded: every later step reads at most 4 M
# characters of a page (1 M of copied text), and decoding, with its repair of doubly encoded
# text, costs time in proportion to the whole input.
MAX_INPUT_BYTES = 6_000_000


def _within_input_limit(data: bytes | str) -> tuple[bytes | str, str]:
    """``data`` cut to ``MAX_INPUT_BYTES`` (characters for a str; bytes at a UTF-8 character's
    start), and the note that says so, or ``data`` as it is and no note."""
    if len(data) <= MAX_INPUT_BYTES:
        return data, ""
    end = MAX_INPUT_BYTES
    if isinstance(data, bytes):
        while end > MAX_INPUT_BYTES - 3 and 0x80 <= data[end] < 0xC0:
            end -= 1
        unit = "bytes"
    else:
        unit = "characters"
    return data[:end], f"input cut to its first {end:,} {unit} of {len(data):,} before decoding"


def extract_page(page: Page, *, form: FormChoice = "auto", deadline: DeadlineLike = None) -> Article:
    content_type = next((v for k, v in page.headers if k.lower() == "content-type"), None)
    # An explicit choice wins over what the source guessed; "auto" defers to the source, then detection.
    chosen: FormChoice = form if form != "auto" else (page.form or "auto")
    return extract(
        page.content,
        page.url,
        form=chosen,
        content_type=content_type,
        input_name=page.origin or None,
        deadline=deadline,
    )
