"""Golden files for HTML body extraction: each fixture page beside the body record expected from it.

The golden record is the body side of the Article (blocks, text, boilerplate, notes); the
metadata fields have their own tests. ``NEWSLEDGER_UPDATE_GOLDEN=1 pytest tests/test_golden_body.py``
rewrites the files; review the diff before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import msgspec
import pytest

from newsledger import extract
from newsledger.model import Article

REPO = Path(__file__).resolve().parents[1]
PAGES = sorted(
    [*(REPO / "tests" / "fixtures" / "html").glob("*.html"), *(REPO / "examples" / "pages").glob("*.html")]
)
GOLDEN = REPO / "tests" / "golden"
UPDATE = os.environ.get("NEWSLEDGER_UPDATE_GOLDEN") == "1"


def body_record(article: Article) -> dict:
    """The body side of the Article in its JSON form (tuples become lists, as on disk)."""
    record = {
        "text": article.text,
        "blocks": article.blocks,
        "boilerplate": article.boilerplate,
        "notes": article.notes,
    }
    return json.loads(msgspec.json.encode(record))


def golden_path(page: Path) -> Path:
    return GOLDEN / f"body-{page.stem}.json"


@pytest.mark.parametrize("page", PAGES, ids=[page.stem for page in PAGES])
def test_golden_body(page: Path) -> None:
    record = body_record(extract(page.read_bytes(), url=f"https://example.org/{page.stem}"))
    target = golden_path(page)
    if UPDATE:
        target.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert target.exists(), f"no golden file for {page.name}; run with NEWSLEDGER_UPDATE_GOLDEN=1"
    assert record == json.loads(target.read_text(encoding="utf-8"))


# What every reader would agree on, page by page: body snippets, furniture that must stay out of
# the body, and the boilerplate kinds that must be recognised.
EXPECTATIONS: dict[str, tuple[list[str], list[str], set[str]]] = {
    "news-donation": (
        [
            "WESTMARSH — The city council approved",
            "said council leader Amara Okafor",
            "I will bring them tea myself",
            "welcomes the council’s decision",
            "Residents cautiously relieved",
        ],
        [
            "Donate now",
            "funded by its readers",
            "Sign up for our weekly newsletter",
            "Salt marsh restoration",
            "Which Westmarsh streets flood first",
            "We use cookies",
            "Share on Facebook",
            "harbourwatcher",
            "climate correspondent. She has",
            "Advertisement",
            "Harbour city approves flood barrier after",
        ],
        {
            "donation_appeal",
            "newsletter",
            "related_links",
            "navigation",
            "share_bar",
            "advertisement",
            "cookie_consent",
            "comments",
            "author_box",
            "caption",
            "tags",
            "footer",
        },
    ),
    "blog-post": (
        [
            "The pan arrived in a carrier bag",
            "Soak the pan in the vinegar bath",
            "Seasoning is not a coating",
            "coat 1-2   230 °C   60 min",
            "It slid.",
        ],
        [
            "Share this:",
            "Leave a Reply",
            "Recent Posts",
            "Skip to content",
            "Previous: Sharpening",
            "Proudly made by hand",
        ],
        {"share_bar", "comments", "navigation", "newsletter", "footer"},
    ),
    "live-blog": (
        [
            "Seven severe flood warnings",
            "Police have closed the Selbridge road bridge",
            "Inspector Rachel Dunmore",
            "never been so glad to own a lot of boats",
            "Good morning. The Environment Agency",
        ],
        ["Sign up to our daily newsletter", "Most read", "Load older posts", "Key events", "Advertisement"],
        {"newsletter", "related_links", "navigation", "share_bar", "caption", "advertisement"},
    ),
    "table-and-lists": (
        [
            "wettest on record",
            "Hollin Moor | 1,412 | 1,104 | +28%",
            "Autumn alone delivered",
            "Eight of our ten wettest years",
            "Gaps of more than three days",
        ],
        ["Embed this table", "River levels, live", "Contact: desk@"],
        {"share_bar", "navigation"},
    ),
    "german-news": (
        [
            "Die Altstadt von Lindenau wird ab dem Frühjahr 2026",
            "sagte Oberbürgermeisterin Katrin Albers",
            "Neue Parkhäuser geplant",
            "18 Millionen Euro",
        ],
        ["Anzeige", "Lesen Sie auch", "Newsletter", "Freibad öffnet", "Cookies", "Impressum"],
        {"cookie_consent", "advertisement", "related_links", "newsletter", "navigation", "footer"},
    ),
    "ukrainian-news": (
        [
            "У Полтаві після двох років ремонту",
            "сказав заступник міського голови Олег Кравченко",
            "Два роки ми їздили в об’їзд",
        ],
        ["Підтримайте незалежну журналістику", "Читайте також", "Погода на вихідні", "Telegram"],
        {"donation_appeal", "related_links", "share_bar", "navigation", "footer"},
    ),
    # A thread rendered by script, shipped whole in a <noscript> for readers without script.
    "forum-noscript": (
        [
            "Our shared water butt pump trips the shed breaker",
            "Check the impeller first.",
            "That was it. The impeller was packed with silt",
        ],
        ["Allotment Growers Forum Latest Top", "Powered by volunteers"],
        {"header", "footer"},
    ),
    # A listing: an intro paragraph is the only prose, the items beside it are the body, and
    # their linked titles are kept.
    "listing-jobs": (
        [
            "Every role below is unpaid",
            "Tide gauge reader\nHarbour trust, Saturdays",
            "Museum steward\nTide mill museum, bank holidays",
        ],
        ["Community Board Roles Events Sign in", "About Privacy Contact"],
        {"header", "footer"},
    ),
    # An article cut into a page builder's boxes, a paragraph each, under a class word that
    # also names sidebars; hidden script data inside does not count against it.
    "builder-blocks": (
        [
            "The footbridge over the Selbridge cut reopened on Monday",
            "said project engineer Tomasz Wilk.",
            "stay dry at the highest tides of the autumn.",
        ],
        ["Valley Courier News Sport", "Ferry timetable changes from May", "About us Privacy", "buttonText"],
        {"header", "footer", "related_links", "label"},
    ),
    # A store's category menu printed as plain labels (its links are made by script) holds
    # more words than the product description: labels are not prose that could wrap the body.
    "store-menu-labels": (
        [
            "A three strand nylon warp spliced to four metres",
            "tested to twice the working load",
            "Breaking load: 2,800 kg",
        ],
        ["Sailing Dinghies Rowing Boats", "Antifouling Paints"],
        {"header"},
    ),
    # A shop's footer after the product carries paragraphs about the shop that outweigh the
    # description: a footer closing the page after its main heading does not wrap the body.
    "shop-footer-essay": (
        ["A sourdough loaf with a third of rolled oats", "order by noon the day before"],
        ["Westmarsh Bakery has baked bread on the quay", "a dark fruit loaf through the winter"],
        {"footer"},
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTATIONS))
def test_body_keeps_prose_and_sets_furniture_aside(name: str) -> None:
    page = next(page for page in PAGES if page.stem == name)
    article = extract(page.read_bytes())
    must, must_not, kinds = EXPECTATIONS[name]
    for snippet in must:
        assert snippet in article.text, f"{name}: body lacks {snippet!r}"
    for snippet in must_not:
        assert snippet not in article.text, f"{name}: body has furniture {snippet!r}"
    found = {item.kind for item in article.boilerplate}
    assert kinds <= found, f"{name}: boilerplate kinds not recognised: {sorted(kinds - found)}"
    aside = "\n".join(item.text for item in article.boilerplate)
    for snippet in must_not:
        assert snippet in aside or snippet.rstrip(":") in aside, (
            f"{name}: {snippet!r} was dropped, not kept aside"
        )


def test_every_fixture_has_expectations() -> None:
    assert {page.stem for page in PAGES} == set(EXPECTATIONS)


def test_blocks_index_the_text() -> None:
    for page in PAGES:
        article = extract(page.read_bytes())
        for block in article.blocks:
            assert article.text[block.start : block.end] == block.text


def test_structured_blocks() -> None:
    by_name = {page.stem: extract(page.read_bytes()) for page in PAGES}
    table = next(b for b in by_name["table-and-lists"].blocks if b.kind == "table")
    assert table.rows[0] == ("Station", "2024 total (mm)", "1991–2020 average (mm)", "Difference")
    assert len(table.rows) == 5
    lists = [b for b in by_name["table-and-lists"].blocks if b.kind == "list"]
    assert [b.ordered for b in lists] == [True, False]
    assert lists[0].items[1] == "Autumn alone delivered almost half of the year's surplus."
    headings = [(b.level, b.text) for b in by_name["blog-post"].blocks if b.kind == "heading"]
    assert headings == [(2, "What you need"), (2, "The method")]
    quote = next(b for b in by_name["blog-post"].blocks if b.kind == "blockquote")
    assert quote.text.startswith("Seasoning is not a coating")
    figure = next(b for b in by_name["live-blog"].blocks if b.kind == "figure")
    assert figure.image is not None
    assert figure.image.caption == "The towpath at Selbridge lock this morning."
    assert figure.image.credit == "Photograph: Valley Courier"
    assert figure.image.url == "/media/selbridge-lock.jpg"
