"""Input hygiene: lone surrogates, unparsable URLs, numbers out of bounds and names on one line.

Each case is a crash the library once had on a mutated page; the record must come out and
encode to JSON.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsledger import attribute, extract
from newsledger.errors import InputError, printable_name
from newsledger.extract.hygiene import (
    bounded_int,
    join_url,
    split_url,
    url_host,
    with_utf8,
    without_surrogates,
)
from newsledger.model import to_json

PROSE = (
    "The council approved the new budget on Tuesday after a long debate about the bridge. "
    '"We have waited long enough," said Maria Lopez, the mayor.'
)


def page(head: str = "", body: str = "") -> str:
    return f"<!doctype html><html><head>{head}</head><body><article><h1>Budget passes</h1><p>{PROSE}</p>{body}</article></body></html>"


def full_path(data: bytes | str, url: str | None = None, form: str = "auto") -> dict:
    article = extract(data, url, form=form)  # type: ignore[arg-type]
    statements = attribute(article)
    json.loads(to_json(statements))
    return json.loads(to_json(article))


@pytest.mark.parametrize("form", ["text", "html"])
def test_lone_surrogate_in_str_input_is_replaced(form: str) -> None:
    data = PROSE + " \udc00 and \ud83d more." if form == "text" else page(body="<p>odd \udc00 text</p>")
    record = full_path(data, "https://example.org/a\udc00", form=form)
    assert "\ufffd" in json.dumps(record, ensure_ascii=False)
    assert record["url"] == "https://example.org/a\ufffd"


def test_without_surrogates_keeps_other_text_as_is() -> None:
    text = "Zürich – Київ – 東京 😀"
    assert without_surrogates(text) is text
    assert without_surrogates("a\ud800b") == "a\ufffdb"


def test_with_utf8_gives_the_clean_text_and_the_bytes_a_parser_reads() -> None:
    text = "Zürich – Київ – 東京 😀"
    assert with_utf8(text) == (text, text.encode("utf-8"))
    assert with_utf8("a\ud800b é") == ("a\ufffdb é", "a\ufffdb é".encode())


@pytest.mark.parametrize("bad", ["http://[", "http://[zz]/x", "https://]example.org/"])
def test_bad_url_as_page_url_is_ignored(bad: str) -> None:
    record = full_path(page(body='<figure><img src="/a.jpg" width="640"></figure>'), bad)
    assert record["url"] == bad
    assert record["canonical_url"] is None


@pytest.mark.parametrize("bad", ["http://[", "http://[zz]/x"])
def test_bad_url_as_canonical_or_og_link_is_ignored(bad: str) -> None:
    head = f'<link rel="canonical" href="{bad}"><meta property="og:image" content="{bad}">'
    record = full_path(page(head=head), "https://example.org/news/budget")
    assert record["canonical_url"]["value"] == "https://example.org/news/budget"
    assert record["lead_image"] is None or record["lead_image"]["url"] != bad


@pytest.mark.parametrize("url", ["https://example.org/news/budget", "http://["])
def test_bad_byline_link_is_ignored(url: str) -> None:
    body = '<p class="byline">By <a rel="author" href="http://[">Ann Lee</a></p>'
    record = full_path(page(body=body), url)
    for author in record["authors"]:
        assert author.get("url") != "http://["


def test_bad_image_link_is_ignored() -> None:
    body = '<figure><img src="http://[/a.jpg"><figcaption>A bridge.</figcaption></figure>'
    record = full_path(page(body=body), "https://example.org/news/budget")
    assert all(image["url"] != "http://[/a.jpg" for image in record["images"])


@pytest.mark.parametrize("width", ["²", "1" * 5000, "١٢٣", "-5", "12px"])
def test_image_width_out_of_bounds_is_ignored(width: str) -> None:
    body = f'<figure><img src="/b.jpg" width="{width}" height="480"><figcaption>The bridge.</figcaption></figure>'
    record = full_path(page(body=body), "https://example.org/news/budget")
    widths = [image.get("width") for image in record["images"]]
    assert widths and all(value is None for value in widths)
    assert [image.get("height") for image in record["images"]] == [480]


def test_url_helpers() -> None:
    assert split_url("http://[") is None
    assert url_host("http://[") == ""
    assert url_host("https://WWW.Example.org:8080/x") == "www.example.org"
    assert join_url("http://[", "/a") is None
    assert join_url("https://example.org/a/b", "../c") == "https://example.org/c"
    assert bounded_int("640") == 640
    assert bounded_int("²") is None
    assert bounded_int("9" * 10) is None


@pytest.mark.parametrize("name", ["line one\nline two", "tab\there\r\x00", "bad\udc00name", "x" * 5000])
def test_error_names_are_one_printable_line(name: str) -> None:
    with pytest.raises(InputError) as caught:
        extract(b"", input_name=name)
    message = str(caught.value)
    assert "\n" not in message and "\r" not in message and "\x00" not in message
    message.encode("utf-8")
    assert len(message) < 400
    assert message.endswith("the page is empty")


def test_error_names_keep_printable_text() -> None:
    assert printable_name("Zürich page\n2") == "Zürich page\\n2"


def test_url_with_newline_names_the_input_on_one_line() -> None:
    with pytest.raises(InputError) as caught:
        extract("   ", "https://example.org/a\nb")
    assert str(caught.value) == "https://example.org/a\\nb: the page is empty"


def test_json_ld_nested_past_any_stack_is_skipped_even_with_a_raised_recursion_limit() -> None:
    # In a child process: before the guard, the C decoder overflowed the stack (a segfault).
    program = (
        "import sys; sys.setrecursionlimit(1_000_000)\n"
        "from newsledger import extract\n"
        "for body in ('[' * 200_000, '{\"a\":' * 200_000):\n"
        "    page = '<html><head><script type=\"application/ld+json\">' + body + '</script></head>'\n"
        "    article = extract(page + '<body><p>Some prose of the page.</p></body></html>')\n"
        "    assert article.headline is None or article.headline.value\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-500:]


def test_a_parser_failure_is_an_extraction_error(monkeypatch):
    from selectolax.lexbor import SelectolaxError

    from newsledger.errors import ExtractionError
    from newsledger.extract import dom

    def refuse(_html):
        raise SelectolaxError("out of memory")

    monkeypatch.setattr(dom, "LexborHTMLParser", refuse)
    with pytest.raises(ExtractionError, match="could not be parsed"):
        dom.parse_html(b"<p>a page</p>")


def test_json_ld_nested_deep_through_character_references_never_reaches_the_decoder(monkeypatch):
    # The C decoder recurses once per level: with a raised recursion limit it overflows the stack.
    from newsledger.extract.metadata import jsonld

    assert jsonld.parse_lenient("{&quot;a&quot;: &#91;1&#93;}") == {"a": [1]}

    def no_decoding(*_args, **_kwargs):
        raise AssertionError("the decoder was given JSON nested past the guard")

    monkeypatch.setattr(jsonld.json, "loads", no_decoding)
    escaped = "{&quot;a&quot;:" + "&#91;" * 50_000 + "1" + "&#93;" * 50_000 + "}"
    assert jsonld.parse_lenient(escaped) is None


def test_a_cursor_nested_past_the_recursion_limit_is_an_input_error():
    import base64

    from newsledger.ledger.query import decode_cursor

    cursor = base64.urlsafe_b64encode(b"[" * 100_000 + b"]" * 100_000).decode()
    with pytest.raises(InputError):
        decode_cursor(cursor)
