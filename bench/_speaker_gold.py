"""The speaker gold: which shared pages it covers, and its records (offsets, names, page ids).

The choice of pages is a fixed rule, so anyone can recheck it:

* WCXB dev: every ``ground-truth/<id>.json`` whose ``_internal.page_type.primary`` is
  ``"article"``; its gold text is ``ground_truth.main_content``.
* ScrapingHub: every page of ``ground-truth.json``; its gold text is ``articleBody``.

Of those, a page is a candidate when its gold text reads as English (:func:`is_english`) and
holds a quoted passage (:func:`has_quotation`). Candidates are sorted by page id and every
``n``-th one is taken (``WCXB_EVERY``, ``SCRAPINGHUB_EVERY``): sample ``a`` starts with the first
candidate, sample ``b`` with the ``n // 2``-th (counting from 0), so the two never share a page.
Sample ``a`` is the gold the quality bars are set on; ``b`` is annotated the same way and held
out, to check that what was tuned on ``a`` holds on pages it was not tuned on.

The gold file (``bench/data/speaker-gold.jsonl``) holds one record per quotation: the set, the
page id, character offsets into the gold text, a short hash of the quoted text (so drift in the
shared data is detected), the speaker's name (or null) and its type. No page text is stored.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

WCXB = "wcxb"
SCRAPINGHUB = "scrapinghub"
WCXB_EVERY = 12
SCRAPINGHUB_EVERY = 6
GOLD_FILE = Path(__file__).resolve().parent / "data" / "speaker-gold.jsonl"
SAMPLES = ("a", "b")
GOLD_FIELDS = ("set", "page", "start", "end", "hash", "speaker", "type")
SPEAKER_TYPES = ("person", "organisation", "group", "document", "medium", "unnamed")

# The most frequent English function words; a text reads as English when they are at least
# ENGLISH_SHARE of its words (running English prose sits near 0.3, other languages near 0).
_STOP_WORDS = "the of and to a in is that for it with was on as be by at are this from have"
ENGLISH_STOP_WORDS = frozenset(_STOP_WORDS.split())
ENGLISH_SHARE = 0.12
_WORD = re.compile(r"\w+")
# A quoted passage: an opening mark, then at least four words before the closing mark on the
# same line; single words in quotes (scare quotes, names) do not make a page a candidate.
_QUOTED = re.compile(r"[\"“]([^\"“”\n]{1,600}?)[\"”]")


@dataclass(frozen=True)
class Page:
    set: str
    id: str
    text: str
    sample: str = "a"


@dataclass(frozen=True)
class GoldQuote:
    set: str
    page: str
    start: int
    end: int
    hash: str
    speaker: str | None
    type: str


def is_english(text: str) -> bool:
    words = [word.lower() for word in _WORD.findall(text)]
    if not words:
        return False
    return sum(word in ENGLISH_STOP_WORDS for word in words) / len(words) >= ENGLISH_SHARE


def has_quotation(text: str) -> bool:
    return any(len(_WORD.findall(match.group(1))) >= 4 for match in _QUOTED.finditer(text))


def is_candidate(text: str) -> bool:
    return is_english(text) and has_quotation(text)


def every_nth(pages: list[Page], every: int, sample: str = "a") -> list[Page]:
    """Every ``every``-th candidate by page id, from the first (sample a) or the ``every // 2``-th (b)."""
    candidates = sorted((page for page in pages if is_candidate(page.text)), key=lambda page: page.id)
    if sample not in SAMPLES:
        raise ValueError(f"no sample {sample!r} (samples: {', '.join(SAMPLES)})")
    start = 0 if sample == "a" else every // 2
    return [replace(page, sample=sample) for page in candidates[start::every]]


def wcxb_pages(root: Path) -> list[Page]:
    """The article pages of a WCXB split folder (``ground-truth/<id>.json``) with their gold text."""
    pages = []
    for path in sorted((root / "ground-truth").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        if record.get("_internal", {}).get("page_type", {}).get("primary") != "article":
            continue
        pages.append(Page(WCXB, path.stem, record.get("ground_truth", {}).get("main_content") or ""))
    return pages


def scrapinghub_pages(root: Path) -> list[Page]:
    """Every page of the ScrapingHub benchmark folder (``ground-truth.json``) with its gold text."""
    records = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        Page(SCRAPINGHUB, key, record.get("articleBody") or "") for key, record in sorted(records.items())
    ]


def select(bench_root: Path, sample: str = "a") -> list[Page]:
    """The chosen pages under the shared bench folder (with ``wcxb-dev/`` and ``scrapinghub/``).

    ``sample`` is ``a``, ``b`` or ``all`` (both, a first)."""
    samples = SAMPLES if sample == "all" else (sample,)
    wcxb = wcxb_pages(bench_root / "wcxb-dev")
    scrapinghub = scrapinghub_pages(bench_root / "scrapinghub")
    chosen: list[Page] = []
    for name in samples:
        chosen += every_nth(wcxb, WCXB_EVERY, name) + every_nth(scrapinghub, SCRAPINGHUB_EVERY, name)
    return chosen


def html_path(bench_root: Path, page: Page) -> Path:
    if page.set == WCXB:
        return bench_root / "wcxb-dev" / "html" / f"{page.id}.html.gz"
    return bench_root / "scrapinghub" / "html" / f"{page.id}.html.gz"


def text_hash(text: str) -> str:
    """The first 12 hex digits of the SHA-256 of the quoted text with its spacing collapsed."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def load_gold(path: Path = GOLD_FILE) -> list[GoldQuote]:
    quotes = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise ValueError(f"{path}:{number}: not JSON ({error.msg})") from None
        if not isinstance(record, dict) or set(record) != set(GOLD_FIELDS):
            raise ValueError(f"{path}:{number}: not a gold record (fields {', '.join(GOLD_FIELDS)})")
        quotes.append(GoldQuote(**record))
    return quotes


def quotations(text: str) -> Iterator[tuple[int, int]]:
    """Offsets of the text inside each pair of quotation marks, to help annotation bookkeeping."""
    for match in _QUOTED.finditer(text):
        yield match.start(1), match.end(1)
