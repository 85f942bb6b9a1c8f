"""Pages the fuzz harness mutates: a few written here, so that it runs on a fresh clone, and the
shared benchmark pages when ``../shared`` is present."""

from __future__ import annotations

import gzip
import os
import random
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSLEDGER_SHARED", REPO.parent / "shared"))


@dataclass(frozen=True)
class Seed:
    name: str
    text: str
    form: str  # "html" or "text"


_PARAGRAPHS = [
    "The council approved the new budget on Tuesday after a long debate about the bridge.",
    '"We have waited long enough," said Maria Lopez, the mayor, who has pushed for the repairs since 2019.',
    "According to the city engineer, the work will take two years and cost €40 million.",
    "Opposition members told reporters that the plan was rushed, and warned that taxes would rise.",
    "“It is a good day for the town,” Lopez said in an interview with Radio Nord on March 3.",
    "Residents, many of whom cross the river daily, welcomed the decision, the local paper reported.",
]
_HEAD = """<head><meta charset="utf-8"><title>Council approves bridge budget | The Town Courier</title>
<link rel="canonical" href="https://courier.example/news/2024/03/05/bridge-budget">
<meta property="og:image" content="/img/bridge.jpg"><meta property="og:image:width" content="1200">
<meta name="author" content="Ann Lee"><meta property="article:published_time" content="2024-03-05T09:30:00+01:00">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Council approves bridge budget", "datePublished": "2024-03-05T09:30:00+01:00",
"author": [{"@type": "Person", "name": "Ann Lee", "url": "/authors/ann-lee"}],
"image": {"@type": "ImageObject", "url": "https://courier.example/img/bridge.jpg", "width": 1200},
"timeRequired": "PT4M", "keywords": "bridge, budget, council"}</script></head>"""


def _html_page(rng: random.Random) -> str:
    paragraphs = "".join(f"<p>{rng.choice(_PARAGRAPHS)} {rng.choice(_PARAGRAPHS)}</p>\n" for _ in range(8))
    return (
        f"<!doctype html><html lang=en>{_HEAD}<body><header class=site-header><nav><ul>"
        "<li><a href=/>Home</a></li><li><a href=/news>News</a></li></ul></nav></header><main><article>"
        '<h1>Council approves bridge budget</h1><p class="byline">By <a rel="author" href="/authors/ann-lee">'
        'Ann Lee</a> · <time datetime="2024-03-05T09:30">5 March 2024</time></p>'
        '<figure><img src="/img/bridge.jpg" width="640" height="480" alt="The old bridge">'
        "<figcaption>The old bridge in winter. Photo: Tom Berg</figcaption></figure>"
        f"{paragraphs}<p><strong>Author:</strong> Ann Lee</p></article>"
        '<aside class="related"><h2>Read also</h2><ul><li><a href=/a>Flood rules stay</a></li></ul></aside>'
        "</main><footer class=site-footer><p>© 2024 The Town Courier</p></footer></body></html>"
    )


def _text_page(rng: random.Random) -> str:
    paragraphs = "\n\n".join(f"{rng.choice(_PARAGRAPHS)} {rng.choice(_PARAGRAPHS)}" for _ in range(8))
    return (
        "Skip to content\nHome\nNews\nSport\nSubscribe\n\nNEWS\n\nCouncil approves bridge budget\n\n"
        "By Ann Lee\n5 March 2024 · 4 min read\n\nThe old bridge in winter. Photo: Tom Berg\n\n"
        f"{paragraphs}\n\nShare\nTweet\nEmail\n\nRead also\nFlood rules stay\n\n12 comments\n\n"
        "© 2024 The Town Courier. All rights reserved.\n"
    )


def written_seeds(count: int = 6) -> list[Seed]:
    rng = random.Random(14)
    seeds = [Seed(f"written-html-{i}", _html_page(rng), "html") for i in range(count)]
    return seeds + [Seed(f"written-text-{i}", _text_page(rng), "text") for i in range(count)]


def shared_seeds(wcxb_sample: int = 300) -> list[Seed]:
    """The bench pages (ScrapingHub HTML, its copied text, a sample of WCXB), when present."""
    bench = SHARED / "bench"
    seeds: list[Seed] = []
    for path in sorted((bench / "scrapinghub" / "html").glob("*.html.gz")):
        seeds.append(Seed(f"scrapinghub/{path.name}", _read_gz(path), "html"))
    for path in sorted((bench / "copied-text").glob("*.txt")):
        seeds.append(Seed(f"copied-text/{path.name}", path.read_text("utf-8", "replace"), "text"))
    wcxb = sorted((bench / "wcxb-dev" / "html").glob("*.html.gz"))
    for path in random.Random(14).sample(wcxb, min(wcxb_sample, len(wcxb))):
        seeds.append(Seed(f"wcxb-dev/{path.name}", _read_gz(path), "html"))
    return seeds


def _read_gz(path: Path) -> str:
    return gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
