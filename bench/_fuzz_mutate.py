"""Mutations of seed pages for the fuzz harness: truncations, byte flips, duplicated slices and
hostile fragments (deep nesting, huge attributes, surrogates, bad URLs, giant numbers, runs of
quotations, repeated lines, short tokens that make regexes backtrack), in both forms, as bytes
and as str.

``scale`` sizes the hostile fragments: 1.0 is the full size (200,000 nested tags, 10,000
quotations); the test suite's short run uses a small scale.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from bench._fuzz_seeds import Seed


@dataclass(frozen=True)
class FuzzInput:
    """One input: ``data`` as the library gets it, with the URL and form it is given."""

    data: bytes | str
    url: str | None
    form: str
    family: str
    seed: str


def _sized(rng: random.Random, scale: float, full: int) -> int:
    """A size up to ``full × scale``, log-uniform so that small and huge sizes both come up."""
    top = max(2, int(full * scale))
    return max(1, int(top ** rng.random()))


_BAD_URLS = ["http://[", "https://]x/", "http://[zz]/a", "http://a:99999999/", "//[", "http://\udc00/", ""]
_GOOD_URLS = ["https://courier.example/news/2024/03/05/bridge-budget", "http://example.org/a?b=c#d"]


def _deep_inline(rng: random.Random, scale: float) -> str:
    tag = rng.choice(["b", "span", "i", "a href=/x", "em", "font", "strong"])
    n = _sized(rng, scale, 200_000)
    return f"<{tag}>" * n + "deep text" + f"</{tag.split()[0]}>" * (n if rng.random() < 0.5 else 0)


def _deep_block(rng: random.Random, scale: float) -> str:
    n = _sized(rng, scale, 100_000)
    opener = rng.choice(["<div>", "<ul><li>", "<blockquote>", "<dl><dt>", "<table><tr><td>", "<section><p>"])
    if rng.random() < 0.3:
        return "".join(f'<b class="k{i}">' for i in range(n)) + "<p>x" * n
    return opener * n + "deep text"


def _huge_attribute(rng: random.Random, scale: float) -> str:
    n = _sized(rng, scale, 1_000_000)
    return rng.choice(
        [
            f'<img alt="{"x" * n}" src="/a.jpg">',
            f'<div class="{"a " * (n // 2)}">text</div>',
            f'<meta property="og:title" content="{"Title " * (n // 6)}">',
            f'<a href="/{"p/" * (n // 2)}">link</a>',
            f'<p style="{"display:block;" * (n // 14)}">styled</p>',
        ]
    )


def _bad_urls(rng: random.Random, scale: float) -> str:
    url = rng.choice(_BAD_URLS)
    return rng.choice(
        [
            f'<link rel="canonical" href="{url}">',
            f'<meta property="og:url" content="{url}"><meta property="og:image" content="{url}">',
            f'<p class="byline">By <a rel="author" href="{url}">Ann Lee</a></p>',
            f'<figure><img src="{url}"><figcaption>Caption</figcaption></figure>',
            f'<script type="application/ld+json">{{"@type":"NewsArticle","url":"{url}","image":"{url}",'
            f'"author":{{"@type":"Person","name":"Ann Lee","url":"{url}"}}}}</script>',
        ]
    )


def _giant_numbers(rng: random.Random, scale: float) -> str:
    digits = "9" * _sized(rng, scale, 5_000)
    return rng.choice(
        [
            f'<figure><img src="/b.jpg" width="{digits}" height="²"><figcaption>A</figcaption></figure>',
            f'<meta property="og:image:width" content="{digits}">',
            f'<script type="application/ld+json">{{"@type":"NewsArticle","wordCount":{digits},'
            f'"timeRequired":"PT{digits}M","datePublished":"{digits}-01-01"}}</script>',
            f'<time datetime="{digits}-03-05T09:30">5 March {digits}</time>',
            f"Published {digits} March 2024 · {digits} min read",
            "&#99999999999; &#x110000; &#0; &#xD800;",
        ]
    )


def _quotes_said(rng: random.Random, scale: float) -> str:
    n = _sized(rng, scale, 10_000)
    return rng.choice(['"Hello," said ', "“Yes,” she said, ", "according to him, ", "He said that "]) * n


def _repeated_lines(rng: random.Random, scale: float) -> str:
    n = _sized(rng, scale, 20_000)
    line = rng.choice(
        [
            "The council approved the new budget on Tuesday.",
            "Share",
            "By Ann Lee",
            "Photo: Tom Berg",
            "5 March 2024",
            '"We will win," said Maria Lopez.',
            "<p>The council approved the new budget.</p>",
        ]
    )
    return "\n" + (line + "\n") * n


def _controls(rng: random.Random, scale: float) -> str:
    n = _sized(rng, scale, 10_000)
    return "".join(
        rng.choice(["\x00", "\x0b", "\x1b", "\ufeff", "\u2028", "\u200b", "\r", "\x85"]) for _ in range(n)
    )


def _unclosed(rng: random.Random, scale: float) -> str:
    opener = rng.choice(
        ["<!--", "<script>", "<style>", "<textarea>", "<title>", "<![CDATA[", "<pre>", "<plaintext>"]
    )
    return opener * _sized(rng, scale, 1_000)


def _json_ld(rng: random.Random, scale: float) -> str:
    n = _sized(rng, scale, 100_000)
    body = rng.choice(["[" * n, '{"a":' * n, '"' + "x" * n, '{"@graph":[' + '{"@type":"Person"},' * n + "]}"])
    return f'<script type="application/ld+json">{body}</script>'


def _long_word(rng: random.Random, scale: float) -> str:
    return rng.choice(["x", "ab", "—", "."]) * _sized(rng, scale, 500_000)


def _runs_of_names(rng: random.Random, scale: float) -> str:
    n = _sized(rng, scale, 20_000)
    return (
        rng.choice(["By Ann Lee and ", "Ann Lee, ", "January 5, 2024 ", "Photo: ", "<strong>By</strong> "])
        * n
    )


# Short tokens repeated: what makes a regex with nested or adjacent quantifiers backtrack.
_BAIT = ["<!---->", "<!--", "-->", "?!", "..", ", ", "\t", " \n", "| ", "—", "’s ", "A. ", "Mr. ", "© ", "·"]


def _regex_bait(rng: random.Random, scale: float) -> str:
    return rng.choice(_BAIT) * _sized(rng, scale, 50_000)


def _surrogates(rng: random.Random, scale: float) -> str:
    return "".join(chr(rng.randint(0xD800, 0xDFFF)) for _ in range(_sized(rng, scale, 100)))


FRAGMENTS: dict[str, Callable[[random.Random, float], str]] = {
    "deep-inline": _deep_inline,
    "deep-block": _deep_block,
    "huge-attribute": _huge_attribute,
    "bad-url": _bad_urls,
    "giant-number": _giant_numbers,
    "quotes-said": _quotes_said,
    "repeated-lines": _repeated_lines,
    "controls": _controls,
    "unclosed": _unclosed,
    "json-ld": _json_ld,
    "long-word": _long_word,
    "runs-of-names": _runs_of_names,
    "surrogates": _surrogates,
    "regex-bait": _regex_bait,
}


def _truncate(rng: random.Random, text: str) -> str:
    return text[: rng.randint(0, len(text))]


def _duplicate(rng: random.Random, text: str, scale: float) -> str:
    if not text:
        return text
    start = rng.randrange(len(text))
    end = min(len(text), start + _sized(rng, 1.0, 5_000))
    times = _sized(rng, scale, 2_000)
    return text[:end] + text[start:end] * times + text[end:]


def _insert(rng: random.Random, text: str, fragment: str) -> str:
    at = rng.randint(0, len(text))
    return text[:at] + fragment + text[at:]


def _flip(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return data
    mutable = bytearray(data)
    for _ in range(1 + int(len(data) ** rng.random() ** 3)):
        mutable[rng.randrange(len(mutable))] = rng.randrange(256)
    return bytes(mutable)


def mutate(rng: random.Random, seed: Seed, scale: float) -> FuzzInput:
    """One input made from ``seed`` by one to three mutations."""
    text, families = seed.text, []
    flip = False
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        roll = rng.random()
        if roll < 0.12:
            text, name = _truncate(rng, text), "truncate"
        elif roll < 0.24:
            text, name = _duplicate(rng, text, scale), "duplicate"
        elif roll < 0.34:
            flip, name = True, "flip"
        else:
            name = rng.choice(list(FRAGMENTS))
            text = _insert(rng, text, FRAGMENTS[name](rng, scale))
        families.append(name)
    as_bytes = flip or rng.random() < 0.5
    data: bytes | str = text.encode("utf-8", "surrogatepass") if as_bytes else text
    if flip and isinstance(data, bytes):
        data = _flip(rng, data)
    form = rng.choice(["auto", "auto", seed.form, "html" if seed.form == "text" else "text"])
    url = rng.choice([None, *_GOOD_URLS, *_GOOD_URLS, *_BAD_URLS])
    return FuzzInput(data=data, url=url, form=form, family="+".join(families), seed=seed.name)
