"""``python -m bench metadata``: title, authors and publication date, newsledger beside trafilatura.

Two sets, each tool on the same pages in one run:

- fundus-metadata: ``fundus-metadata/test_data/<cc>/<Publisher>.json`` maps version keys (in
  order) to the expected records of the ``<Publisher>_<date>.html.gz`` pages beside it (in date
  order); ``<cc>/meta.info`` gives each page's URL.
- WCXB dev: ``wcxb-dev/ground-truth/<id>.json`` gives ``title``, ``author`` (one string: names
  joined by commas, "and" or "&", credentials after a name) and ``publish_date``. Titles are
  compared normalised (Unicode NFKC, case, quotes, dashes, white space); authors as the set of
  names that both the expected string and the tool's names joined by ", " split into, by the
  same rule (a credential such as "MS, RD" stays with the name before it), over every page (no
  expected author = an empty set), over the pages naming one (the figure WCXB's own scores
  use), and over those whose expected author is not the site itself (newsledger never names the
  site as an author); the date to the day over the pages that state one.

Scores on fundus-metadata, per page:

- title: equal after whitespace normalisation;
- authors: the set of names (whitespace-normalised) equal; no expected authors = an empty set;
- date: the publication day equal (the day as the page states it, in its own zone);
- authors (no site credits): the same over pages whose expected authors are not only the site
  itself (its name or domain); newsledger never gives the site as an author;
- minute+zone: over pages whose expected date has a zone, the prediction has a zone and the
  same instant to the minute.

Speed is metadata extraction alone, from an already parsed tree, in ms per page (median of
passes); the parse is reported apart.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import re
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench._wcxb import DEFAULT_DATA as WCXB_DATA
from bench._wcxb import load_pages as load_wcxb_pages
from bench.common import median, table


@dataclass(frozen=True)
class Case:
    key: str
    url: str | None
    html: str
    title: str | None
    authors: frozenset[str]
    date: str | None
    credits_site: bool = False


def load_wcxb_cases(data: Path, limit: int | None = None) -> list[Case]:
    return [
        Case(
            key=page.key,
            url=page.url,
            html=page.html,
            title=page.title,
            authors=split_names(page.author or ""),
            date=page.date,
            credits_site=_credits_site(split_names(page.author or ""), page.html, page.url),
        )
        for page in load_wcxb_pages(data, limit)
    ]


_NAME_BREAK = re.compile(r"\s*(?:,\s*and\s+|\s+and\s+|\s*&\s*|\s*;\s*|\s*,\s*)", re.I)
# Letters of a degree or certification after a name: "MS", "RD", "Ph.D.", "M.D.", "CEPF®", "E-RYT 200".
_CREDENTIAL = re.compile(
    r"^(?:[A-Z][A-Za-z]{0,2}\.?){1,4}$|^[A-Z][A-Z.\-]{1,7}(?:[®™]|\s\d+)?$|^(?:Jr|Sr|II|III)\.?$"
)


def split_names(joined: str) -> frozenset[str]:
    """Names of a joined author string, each normalised; a credential stays with its name."""
    names: list[str] = []
    for piece in _NAME_BREAK.split(joined):
        piece = " ".join(piece.split())
        if not piece:
            continue
        if names and _CREDENTIAL.match(piece):
            names[-1] = f"{names[-1]}, {piece}"
        else:
            names.append(piece)
    return frozenset(_normalise(name) for name in names)


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.translate(_TYPOGRAPHY)
    return " ".join(text.split())


_TYPOGRAPHY = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


@dataclass(frozen=True)
class Prediction:
    title: str | None
    authors: frozenset[str]
    date: str | None


@dataclass(frozen=True)
class Tool:
    parse: Callable[[str], Any]
    extract: Callable[[Any, str | None], Prediction]


def load_cases(data: Path) -> list[Case]:
    from newsledger.extract.decode import decode

    root = data / "test_data" if (data / "test_data").is_dir() else data
    cases = []
    for gold_file in sorted(root.glob("*/*.json")):
        publisher = gold_file.stem
        info_file = gold_file.parent / "meta.info"
        info = json.loads(info_file.read_text()) if info_file.exists() else {}
        pattern = re.compile(re.escape(publisher) + r"_\d{4}_\d{2}_\d{2}\.html\.gz")
        pages = sorted(p for p in gold_file.parent.iterdir() if pattern.fullmatch(p.name))
        gold = json.loads(gold_file.read_text())
        if len(pages) != len(gold):
            print(f"bench: {gold_file}: {len(gold)} records for {len(pages)} pages, skipped", file=sys.stderr)
            continue
        for (version, record), page in zip(gold.items(), pages, strict=True):
            html = decode(gzip.decompress(page.read_bytes()))
            url = info.get(page.name, {}).get("url")
            authors = _names(record.get("authors") or [])
            cases.append(
                Case(
                    key=f"{gold_file.parent.name}/{publisher}/{version}",
                    url=url,
                    html=html,
                    title=record.get("title"),
                    authors=authors,
                    date=record.get("publishing_date"),
                    credits_site=_credits_site(authors, html, url),
                )
            )
    return cases


def _credits_site(authors: frozenset[str], html: str, url: str | None) -> bool:
    """Whether the expected authors are only the site itself (its name or its domain)."""
    from newsledger.extract.dom import parse_html
    from newsledger.extract.metadata.authorship import _is_site
    from newsledger.extract.metadata.signals import domain_key, read_signals
    from newsledger.extract.metadata.titles import _key, site_name

    if not authors:
        return False
    site = site_name(read_signals(parse_html(html)))
    keys = {k for k in (_key(site.value) if site else "", domain_key(url or "")) if len(k) >= 2}
    return all(_is_site(_key(name), keys) or any(_key(name) in k for k in keys) for name in authors)


def _names(names: list[str]) -> frozenset[str]:
    return frozenset(" ".join(n.split()) for n in names if n and n.strip())


def newsledger_tool() -> Tool:
    from newsledger.extract.dom import parse_html
    from newsledger.extract.metadata import extract_metadata

    def extract(tree: Any, url: str | None) -> Prediction:
        found = extract_metadata(tree, url)
        return Prediction(
            title=found.headline.value if found.headline else None,
            authors=_names([a.name for a in found.authors]),
            date=found.published.value if found.published else None,
        )

    return Tool(parse=parse_html, extract=extract)


def trafilatura_tool() -> Tool:
    import trafilatura
    from trafilatura.utils import load_html

    def extract(tree: Any, url: str | None) -> Prediction:
        found = trafilatura.extract_metadata(tree, default_url=url)
        if found is None:
            return Prediction(title=None, authors=frozenset(), date=None)
        return Prediction(
            title=found.title,
            authors=_names((found.author or "").split(";")),
            date=found.date,
        )

    return Tool(parse=load_html, extract=extract)


def same_day(expected: str | None, predicted: str | None) -> bool:
    return bool(expected and predicted and expected[:10] == predicted[:10])


def same_minute_with_zone(expected: str, predicted: str | None) -> bool:
    if not predicted:
        return False
    try:
        want = datetime.fromisoformat(expected)
        got = datetime.fromisoformat(predicted)
    except ValueError:
        return False
    if got.tzinfo is None:
        return False
    return want.astimezone(UTC).replace(second=0, microsecond=0) == got.astimezone(UTC).replace(
        second=0, microsecond=0
    )


def _has_zone(value: str | None) -> bool:
    if not value:
        return False
    try:
        return datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


def score(cases: list[Case], predictions: list[Prediction]) -> dict[str, float]:
    pairs = list(zip(cases, predictions, strict=True))
    titled = [(c, p) for c, p in pairs if c.title]
    dated = [(c, p) for c, p in pairs if c.date]
    zoned = [(c, p) for c, p in dated if _has_zone(c.date)]

    def percent(hits: int, total: int) -> float:
        return 100.0 * hits / total if total else float("nan")

    return {
        "title": percent(
            sum(" ".join((p.title or "").split()) == " ".join((c.title or "").split()) for c, p in titled),
            len(titled),
        ),
        "authors": percent(sum(c.authors == p.authors for c, p in pairs), len(pairs)),
        "authors (no site credits)": percent(
            sum(c.authors == p.authors for c, p in pairs if not c.credits_site),
            sum(1 for c, _ in pairs if not c.credits_site),
        ),
        "date": percent(sum(same_day(c.date, p.date) for c, p in dated), len(dated)),
        "minute+zone": percent(
            sum(same_minute_with_zone(c.date or "", p.date) for c, p in zoned), len(zoned)
        ),
    }


def run_tool(tool: Tool, cases: list[Case], passes: int) -> tuple[list[Prediction], float, float]:
    """Predictions, median ms/page of metadata extraction alone, and median ms/page of parsing."""
    extract_times, parse_times = [], []
    predictions: list[Prediction] = []
    for _ in range(passes):
        gc.collect()
        started = time.perf_counter()
        trees = [tool.parse(case.html) for case in cases]
        parse_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        predictions = [_safe(tool, tree, case.url) for tree, case in zip(trees, cases, strict=True)]
        extract_times.append(time.perf_counter() - started)
    per_page = 1000.0 / len(cases)
    return predictions, median(extract_times) * per_page, median(parse_times) * per_page


def _safe(tool: Tool, tree: Any, url: str | None) -> Prediction:
    try:
        return tool.extract(tree, url)
    except Exception as err:
        print(f"bench: extraction failed: {type(err).__name__}: {err}", file=sys.stderr)
        return Prediction(title=None, authors=frozenset(), date=None)


def misses(cases: list[Case], predictions: list[Prediction], field: str) -> list[str]:
    lines = []
    for case, found in zip(cases, predictions, strict=True):
        if (
            field == "title"
            and case.title
            and " ".join(case.title.split()) != " ".join((found.title or "").split())
        ):
            lines.append(f"{case.key}\n  want {case.title!r}\n  got  {found.title!r}")
        elif field == "authors" and case.authors != found.authors:
            lines.append(f"{case.key}\n  want {sorted(case.authors)}\n  got  {sorted(found.authors)}")
        elif field == "date" and case.date and not same_minute_with_zone(case.date, found.date):
            mark = "DAY" if not same_day(case.date, found.date) else "min"
            lines.append(f"{case.key} [{mark}]  want {case.date}  got {found.date}")
    return lines


def score_wcxb(cases: list[Case], predictions: list[Prediction]) -> dict[str, float]:
    pairs = list(zip(cases, predictions, strict=True))
    titled = [(c, p) for c, p in pairs if c.title]
    dated = [(c, p) for c, p in pairs if c.date]
    return {
        "title": _percent(sum(title_matches(c, p) for c, p in titled), len(titled)),
        "authors": _percent(sum(authors_match(c, p) for c, p in pairs), len(pairs)),
        "authors (not the site)": _percent(
            sum(authors_match(c, p) for c, p in pairs if c.authors and not c.credits_site),
            sum(1 for c, _ in pairs if c.authors and not c.credits_site),
        ),
        "authors (stated)": _percent(
            sum(authors_match(c, p) for c, p in pairs if c.authors), sum(1 for c, _ in pairs if c.authors)
        ),
        "date": _percent(sum(same_day(c.date, p.date) for c, p in dated), len(dated)),
        "date given": _percent(sum(bool(p.date) for _, p in dated), len(dated)),
    }


def title_matches(case: Case, found: Prediction) -> bool:
    return _normalise(case.title or "") == _normalise(found.title or "")


def authors_match(case: Case, found: Prediction) -> bool:
    return case.authors == split_names(", ".join(sorted(found.authors)))


def _percent(hits: int, total: int) -> float:
    return 100.0 * hits / total if total else float("nan")


def wcxb_misses(cases: list[Case], predictions: list[Prediction], field: str) -> list[str]:
    lines = []
    for case, found in zip(cases, predictions, strict=True):
        if field == "title" and case.title and not title_matches(case, found):
            lines.append(f"{case.key}\n  want {case.title!r}\n  got  {found.title!r}")
        elif field == "authors" and not authors_match(case, found):
            lines.append(f"{case.key}\n  want {sorted(case.authors)}\n  got  {sorted(found.authors)}")
        elif field == "date" and case.date and not same_day(case.date, found.date):
            lines.append(f"{case.key}  want {case.date}  got {found.date}")
    return lines


def _fundus_rows(
    name: str, cases: list[Case], predictions: list[Prediction], ms: tuple[float, float]
) -> list:
    scores = score(cases, predictions)
    keys = ("title", "authors", "authors (no site credits)", "date", "minute+zone")
    return [name, *(scores[k] for k in keys), *ms]


def _wcxb_rows(name: str, cases: list[Case], predictions: list[Prediction], ms: tuple[float, float]) -> list:
    scores = score_wcxb(cases, predictions)
    keys = ("title", "authors", "authors (stated)", "authors (not the site)", "date", "date given")
    return [name, *(scores[k] for k in keys), *ms]


HEADERS = {
    "fundus": ["tool", "title %", "authors %", "authors % (no site credits)", "date %", "minute+zone %"],
    "wcxb": [
        "tool",
        "title % (normalised)",
        "authors %",
        "authors % (pages naming one)",
        "authors % (naming one, not the site)",
        "date % (same day)",
        "date given %",
    ],
}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench metadata")
    parser.add_argument("--data", type=Path, default=Path("../shared/bench/fundus-metadata"))
    parser.add_argument("--wcxb", type=Path, default=WCXB_DATA, help="the WCXB dev folder")
    parser.add_argument("--sets", nargs="*", choices=["fundus", "wcxb"], default=["fundus", "wcxb"])
    parser.add_argument("--limit", type=int, help="read only the first N WCXB pages")
    parser.add_argument("--passes", type=int, default=3, help="timed passes per tool; the median is reported")
    parser.add_argument("--tools", nargs="*", default=["newsledger", "trafilatura"])
    parser.add_argument(
        "--misses", choices=["title", "authors", "date"], help="list newsledger's misses for a field"
    )
    args = parser.parse_args(argv)
    loaders = {
        "fundus": lambda: load_cases(args.data),
        "wcxb": lambda: load_wcxb_cases(args.wcxb, args.limit),
    }
    status = 2
    for name in args.sets:
        cases = loaders[name]()
        if not cases:
            print(f"bench: no {name} pages found", file=sys.stderr)
            continue
        status = 0
        _run_set(name, cases, args)
    return status


def _run_set(set_name: str, cases: list[Case], args: argparse.Namespace) -> None:
    makers = {"newsledger": newsledger_tool, "trafilatura": trafilatura_tool}
    rows = []
    for name in args.tools:
        try:
            tool = makers[name]()
        except ImportError as err:
            print(f"bench: skipping {name}: {err}", file=sys.stderr)
            continue
        predictions, extract_ms, parse_ms = run_tool(tool, cases, args.passes)
        make_row = _fundus_rows if set_name == "fundus" else _wcxb_rows
        rows.append(make_row(name, cases, predictions, (extract_ms, parse_ms)))
        if args.misses and name == "newsledger":
            found = misses if set_name == "fundus" else wcxb_misses
            print("\n".join(found(cases, predictions, args.misses)))
    headers = [*HEADERS[set_name], "metadata ms/page", "parse ms/page"]
    print(f"metadata extraction on {set_name} ({len(cases)} pages)\n" + table(headers, rows))
    if set_name == "fundus":
        credited = sum(case.credits_site for case in cases)
        print(
            f"{credited} pages expect the site itself as author (newsledger never names the site as author)"
        )
