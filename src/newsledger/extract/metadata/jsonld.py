"""JSON-LD blocks read leniently, and the article object found among them.

Publishers wrap the article in ``@graph``, in arrays, in a ``WebPage``'s ``mainEntity``; they
leave trailing commas, raw newlines inside strings, HTML comments and CDATA around the JSON. The
reader repairs what is cheap to repair and skips a block it cannot read.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any

from selectolax.lexbor import LexborNode

from newsledger.model import Struct

ARTICLE_TYPES = frozenset(
    {
        "newsarticle",
        "article",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "askpublicnewsarticle",
        "blogposting",
        "liveblogposting",
        "socialmediaposting",
        "scholarlyarticle",
        "techarticle",
        "report",
        "satiricalarticle",
        "advertisercontentarticle",
        "medicalscholarlyarticle",
        "posting",
    }
)
PAGE_TYPES = frozenset({"webpage", "itempage", "collectionpage", "medicalwebpage"})


class LinkedObject(Struct, kw_only=True):
    """One JSON-LD object with its place: ``json-ld[1].@graph[2]``."""

    data: dict[str, Any]
    locator: str


def read_blocks(scripts: list[LexborNode]) -> list[Any]:
    """The readable JSON-LD blocks among ``<script type="application/ld+json">`` elements."""
    blocks = []
    for node in scripts:
        parsed = parse_lenient(node.text(deep=True))
        if parsed is not None:
            blocks.append(parsed)
    return blocks


def parse_lenient(text: str) -> Any:
    """Parse JSON that may carry the usual publisher mistakes; None when it cannot be read."""
    text = text.strip()
    if text.startswith(("{&quot;", "[&quot;", "{ &quot;")):
        # Some templates HTML-escape the JSON they print into the script element.
        text = html.unescape(text)
    if not text or _nested_too_deep(text):  # after unescaping: "&#91;" is a bracket too
        return None
    try:
        return json.loads(text)
    except RecursionError:
        return None
    except ValueError:
        pass
    # Comments and CDATA wrappers ("//<![CDATA[ ... //]]>"): keep from the first bracket to the last.
    text = re.sub(r"(?://\s*)?(?:<!\[CDATA\[|\]\]>?|<!--|-->)", " ", text)
    first = min((i for i in (text.find("{"), text.find("[")) if i >= 0), default=0)
    last = max(text.rfind("}"), text.rfind("]"))
    repaired = text[first : last + 1] if last > first else text
    repaired = re.sub(r",\s*([}\]])", r"\1", repaired)
    repaired = repaired.replace("\r", " ").replace("\n", " ").replace("\t", " ")
    try:
        return json.loads(repaired, strict=False)
    except (ValueError, RecursionError):
        return None


# JSON-LD nests a few levels deep; the C decoder recurses once per level and, where the
# recursion limit has been raised, can exhaust the C stack before raising RecursionError.
MAX_DEPTH = 200
_BRACKET = re.compile(r"[\[\]{}]")


def _nested_too_deep(text: str) -> bool:
    """Whether brackets (counted in strings too: a guard, not a parser) nest past ``MAX_DEPTH``."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return False
    depth = 0
    for match in _BRACKET.finditer(text):
        depth += 1 if match.group() in "[{" else -1
        if depth > MAX_DEPTH:
            return True
    return False


# A page declares a few dozen objects at most; a graph of thousands is a dump, and reading it
# costs more than the rest of the page: objects past this many are not read (and that is said).
MAX_OBJECTS = 2_000


def iter_objects(blocks: list[Any]) -> Iterator[LinkedObject]:
    """Every object in the blocks, depth first, through arrays and ``@graph``."""
    for index, block in enumerate(blocks):
        yield from _walk(block, f"json-ld[{index}]", depth=0)


def _walk(value: Any, locator: str, depth: int) -> Iterator[LinkedObject]:
    if depth > 4:
        return
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, f"{locator}[{index}]", depth + 1)
    elif isinstance(value, dict):
        yield LinkedObject(data=value, locator=locator)
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
            if isinstance(value.get(key), dict | list):
                yield from _walk(value[key], f"{locator}.{key}", depth + 1)


def types_of(data: dict[str, Any]) -> set[str]:
    kind = data.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.rsplit("/", 1)[-1].lower() for k in kinds if isinstance(k, str)}


def find_article(objects: list[LinkedObject]) -> tuple[LinkedObject | None, LinkedObject | None]:
    """The article object (the one with the most article fields wins) and the page object."""
    article: LinkedObject | None = None
    page: LinkedObject | None = None
    best = -1
    for found in objects:
        kinds = types_of(found.data)
        if kinds & ARTICLE_TYPES:
            score = sum(key in found.data for key in ("headline", "author", "datePublished", "articleBody"))
            if score > best:
                article, best = found, score
        elif kinds & PAGE_TYPES and page is None:
            page = found
    return article, page


def text_of(value: Any, depth: int = 0) -> str | None:
    """A plain string from a JSON-LD value that may be a string, a list or a typed object."""
    if depth > 8:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list) and value:
        return text_of(value[0], depth + 1)
    if isinstance(value, dict):
        for key in ("name", "@value", "url", "@id", "text"):
            found = text_of(value.get(key), depth + 1)
            if found:
                return found
    return None
