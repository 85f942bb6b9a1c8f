"""``python -m bench body``: body extraction quality and speed on every set, newsledger beside other tools.

Every set runs in one go, each with its own metric: ScrapingHub (181 news articles, its shingle
metric in ``scoring.py``), WCXB dev (1,497 pages of seven page types, its word F1 in
``_wordf1.py``, per page type, with the snippet rates) and the copied text of the ScrapingHub
pages. HTML pages run through newsledger, trafilatura, readability-lxml and resiliparse;
copied text through newsledger's text extractor, the whole-text baseline, and the HTML tools fed
the lines as paragraphs. The set where newsledger scores worst is the headline.
"""

from __future__ import annotations

import argparse
import gzip
import html as html_lib
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench._wordf1 import WcxbTruth, score_wcxb
from bench.common import median, table
from bench.scoring import score_corpus

Tool = Callable[[str], str]
CLOCKS: dict[str, Callable[[], float]] = {"cpu": time.process_time, "wall": time.perf_counter}


# The sets ``--sets`` names, as folders under ``--shared``.
SETS = {"scrapinghub": "scrapinghub", "wcxb-dev": "wcxb-dev", "copied-text": "copied-text"}


@dataclass
class BenchSet:
    """One set's pages in memory, its ground truth and how it is scored ("shingles" or "words")."""

    name: str
    form: str
    metric: str
    pages: dict[str, str]
    truth: dict[str, str] = field(default_factory=dict)
    wcxb: dict[str, WcxbTruth] = field(default_factory=dict)

    def score(self, predictions: dict[str, str]):
        if self.metric == "words":
            return score_wcxb(self.wcxb, predictions)
        return score_corpus(self.truth, predictions)


def _gunzip(path: Path) -> str:
    return gzip.decompress(path.read_bytes()).decode("utf-8", "replace")


def load_set(data: Path, sample: int | None = None) -> BenchSet:
    """A ScrapingHub-style HTML folder, a copied-text folder or a WCXB folder, sampled evenly."""
    if (data / "ground-truth").is_dir():
        bench_set = _load_wcxb(data)
    elif (data / "html").is_dir():
        truth = _scrapinghub_truth(data / "ground-truth.json")
        pages = {p.name.split(".")[0]: _gunzip(p) for p in sorted((data / "html").glob("*.html.gz"))}
        bench_set = BenchSet(data.name, "html", "shingles", _known(pages, truth), truth)
    else:
        truth = _scrapinghub_truth(data.parent / "scrapinghub" / "ground-truth.json")
        pages = {p.stem: p.read_text(encoding="utf-8") for p in sorted(data.glob("*.txt"))}
        bench_set = BenchSet(data.name, "text", "shingles", _known(pages, truth), truth)
    return _sampled(bench_set, sample) if sample else bench_set


def _known(pages: dict[str, str], truth: dict[str, str]) -> dict[str, str]:
    return {key: page for key, page in pages.items() if key in truth}


def _scrapinghub_truth(path: Path) -> dict[str, str]:
    return {key: value["articleBody"] for key, value in json.loads(path.read_text()).items()}


def _load_wcxb(data: Path) -> BenchSet:
    truths: dict[str, WcxbTruth] = {}
    for path in sorted((data / "ground-truth").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        gold = record.get("ground_truth")
        if isinstance(gold, dict):
            truths[path.stem] = WcxbTruth(
                gold.get("main_content") or "",
                _wcxb_type(record),
                tuple(gold.get("with") or ()),
                tuple(gold.get("without") or ()),
            )
    pages = {key: _gunzip(data / "html" / f"{key}.html.gz") for key in truths}
    return BenchSet(data.name, "html", "words", pages, wcxb=truths)


def _wcxb_type(record: dict) -> str:
    """The page type as WCXB's ``evaluate.py`` reads it (a "category" is a collection)."""
    label = (record.get("_internal") or {}).get("page_type", {})
    kind = label.get("primary", "article") if isinstance(label, dict) else label
    kind = kind if isinstance(kind, str) else "article"
    return "collection" if kind == "category" else kind


def _sampled(bench_set: BenchSet, count: int) -> BenchSet:
    """Every k-th page, so that about ``count`` remain (deterministic; spread over the set)."""
    keys = sorted(bench_set.pages)
    step = max(1, len(keys) // count)
    kept = set(keys[::step][:count])
    bench_set.pages = {key: page for key, page in bench_set.pages.items() if key in kept}
    bench_set.truth = {key: value for key, value in bench_set.truth.items() if key in kept}
    bench_set.wcxb = {key: value for key, value in bench_set.wcxb.items() if key in kept}
    return bench_set


def newsledger_tool(form: str) -> Tool:
    from newsledger import extract

    def run(page: str) -> str:
        return extract(page, form=form).text

    return run


def newsledger_body_tool() -> Tool:
    """The body side alone (parse, body, article text), the work the other tools do."""
    from newsledger.extract.assemble import place_blocks
    from newsledger.extract.content import extract_body
    from newsledger.extract.dom import parse_html
    from newsledger.extract.parts import Metadata

    def run(page: str) -> str:
        return place_blocks(extract_body(parse_html(page), None, Metadata()).blocks)[1]

    return run


def trafilatura_tool(favor_precision: bool = False) -> Tool:
    import trafilatura

    # Comments are not part of an article body (the ground truth has none); trafilatura keeps
    # them unless told otherwise, and its published scores on this set are without them.
    def run(page: str) -> str:
        return trafilatura.extract(page, favor_precision=favor_precision, include_comments=False) or ""

    return run


def readability_tool() -> Tool:
    from lxml import html as lxml_html
    from readability import Document

    # Text nodes joined with a space: ``text_content()`` glues the last word of one paragraph
    # to the first of the next, which costs readability matches it earned.
    def run(page: str) -> str:
        summary = Document(page).summary(html_partial=True)
        return " ".join(lxml_html.fromstring(summary).itertext()) if summary.strip() else ""

    return run


def resiliparse_tool() -> Tool:
    from resiliparse.extract.html2text import extract_plain_text

    # Main content only: comment sections and image alt texts are not body text.
    def run(page: str) -> str:
        return extract_plain_text(page, main_content=True, comments=False, alt_texts=False)

    return run


def lines_as_html(text: str) -> str:
    """Copied text as the simplest page an HTML extractor can read: one <p> per non-blank line.

    No <article> wrapper: it would tell the extractor that every line is content, and the
    point of the comparison is whether the extractor can tell the article from the rest.
    """
    paragraphs = "".join(
        f"<p>{html_lib.escape(line.strip())}</p>\n" for line in text.splitlines() if line.strip()
    )
    return f"<!doctype html><html><head><title></title></head><body>{paragraphs}</body></html>"


def fed_lines(tool: Tool) -> Tool:
    return lambda text: tool(lines_as_html(text))


def tools_for(form: str) -> dict[str, Callable[[], Tool]]:
    html_tools: dict[str, Callable[[], Tool]] = {
        "trafilatura": trafilatura_tool,
        "trafilatura-precision": lambda: trafilatura_tool(True),
        "readability-lxml": readability_tool,
        "resiliparse": resiliparse_tool,
    }
    if form == "html":
        return {
            "newsledger": lambda: newsledger_tool("html"),
            "newsledger-body": newsledger_body_tool,
            **html_tools,
        }
    fed = {
        f"{name} (lines as <p>)": (lambda make=make: fed_lines(make())) for name, make in html_tools.items()
    }
    return {"newsledger": lambda: newsledger_tool("text"), "whole text": lambda: lambda text: text, **fed}


def safe(tool: Tool) -> Tool:
    def run(page: str) -> str:
        try:
            return tool(page)
        except Exception:
            return ""

    return run


def chosen_tools(form: str, only: list[str] | None) -> dict[str, Tool]:
    known = tools_for(form)
    tools: dict[str, Tool] = {}
    for name, make in known.items():
        if only and name.split(" ")[0] not in only and name not in only:
            continue
        try:
            tools[name] = safe(make())
        except ImportError as err:
            print(f"bench: skipping {name}: {err}", file=sys.stderr)
    return tools


def check_tools(only: list[str] | None) -> None:
    known = {**tools_for("html"), **tools_for("text")}
    unknown = [name for name in only or () if not any(name in (tool, tool.split(" ")[0]) for tool in known)]
    if unknown:
        raise SystemExit(f"bench body: unknown tool {', '.join(unknown)}; known: {', '.join(known)}")


def run_set(
    bench_set: BenchSet, passes: int, only: list[str] | None, clock: Callable[[], float]
) -> list[dict]:
    """Score every tool on one set and time it. Tools take turns page by page (A, B, C on page
    1, then on page 2, ...), so that load from elsewhere on a shared machine falls on all alike;
    the first pass's outputs are scored, the median of the passes' totals gives pages/s."""
    tools = chosen_tools(bench_set.form, only)
    predictions: dict[str, dict[str, str]] = {name: {} for name in tools}
    seconds: dict[str, list[float]] = {name: [] for name in tools}
    for run in range(passes):
        spent = dict.fromkeys(tools, 0.0)
        for key, page in bench_set.pages.items():
            for name, tool in tools.items():
                started = clock()
                output = tool(page)
                spent[name] += clock() - started
                if run == 0:
                    predictions[name][key] = output
        for name, total in spent.items():
            seconds[name].append(total)
        print(f"bench: {bench_set.name} pass {run + 1} done", file=sys.stderr)
    count = len(bench_set.pages)
    return [
        {
            "tool": name,
            "score": bench_set.score(predictions[name]),
            "pages_per_s": count / median(seconds[name]) if median(seconds[name]) else float("inf"),
            "predictions": predictions[name],
        }
        for name in tools
    ]


def _ratios(results: list[dict]) -> tuple[list[str], Callable[[dict], list[str]]]:
    speeds = {r["tool"]: r["pages_per_s"] for r in results}
    ours = [name for name in ("newsledger", "newsledger-body") if name in speeds]

    def ratios(result: dict) -> list[str]:
        if result["tool"].startswith("newsledger"):
            return ["—" for _ in ours]
        return [f"{speeds[name] / result['pages_per_s']:.1f}x" for name in ours]

    return [f"{name} speed ×" for name in ours], ratios


def report_shingles(results: list[dict], title: str) -> str:
    speed_headers, ratios = _ratios(results)
    rows = []
    for r in results:
        s = r["score"]
        rows.append(
            [r["tool"], s.f1, s.precision, s.recall, s.empty, *s.f1_quantiles, r["pages_per_s"], *ratios(r)]
        )
    headers = [
        "tool",
        "F1",
        "P",
        "R",
        "empty",
        "F1 p5",
        "F1 p10",
        "F1 p25",
        "F1 p50",
        "pages/s",
        *speed_headers,
    ]
    return title + "\n" + table(headers, rows)


WCXB_TYPES = ("article", "forum", "product", "collection", "listing", "documentation", "service")


def report_words(results: list[dict], title: str) -> str:
    speed_headers, ratios = _ratios(results)
    rows = []
    for r in results:
        s = r["score"].overall
        rows.append(
            [
                r["tool"],
                s.f1,
                s.precision,
                s.recall,
                s.with_rate,
                s.without_rate,
                r["score"].empty,
                r["pages_per_s"],
                *ratios(r),
            ]
        )
    headers = ["tool", "F1", "P", "R", "with", "without", "empty", "pages/s", *speed_headers]
    counts = results[0]["score"].pages_by_type if results else {}
    kinds = [kind for kind in WCXB_TYPES if kind in counts] + sorted(set(counts) - set(WCXB_TYPES))
    type_rows = [[r["tool"], *(r["score"].by_type[kind].f1 for kind in kinds)] for r in results]
    type_headers = ["F1 by page type", *(f"{kind} ({counts[kind]})" for kind in kinds)]
    return "\n".join([title, table(headers, rows), "", table(type_headers, type_rows)])


def headline_f1(result: dict) -> float:
    score = result["score"]
    return score.overall.f1 if hasattr(score, "overall") else score.f1


def report_set(bench_set: BenchSet, results: list[dict], clock_name: str, passes: int) -> str:
    title = (
        f"## {bench_set.name} ({len(bench_set.pages)} pages, {bench_set.form}; "
        f"{'word F1 per page, mean' if bench_set.metric == 'words' else 'ScrapingHub shingle F1'}; "
        f"pages/s from {clock_name} time, median of {passes} interleaved passes)"
    )
    return (report_words if bench_set.metric == "words" else report_shingles)(results, title)


def summary(outcomes: list[tuple[BenchSet, list[dict]]]) -> str:
    """One line per set, worst newsledger score first, beside the best other tool."""
    lines = []
    for bench_set, results in outcomes:
        ours = next((r for r in results if r["tool"] == "newsledger"), None)
        others = [r for r in results if not r["tool"].startswith("newsledger")]
        if ours is None:
            continue
        best = max(others, key=headline_f1, default=None)
        beside = f"; best other {best['tool']} {headline_f1(best):.3f}" if best else ""
        lines.append((headline_f1(ours), f"{bench_set.name}: newsledger {headline_f1(ours):.3f}{beside}"))
    lines.sort()
    if not lines:
        return ""
    return "\n".join([f"worst set — {lines[0][1]}", *(f"  {text}" for _, text in lines[1:])])


def dump(path: Path, outcomes: list[tuple[BenchSet, list[dict]]]) -> None:
    """Per page and tool: the page score (and newsledger's text), to study the misses."""
    record: dict[str, dict] = {}
    for bench_set, results in outcomes:
        pages: dict[str, dict] = {key: {} for key in bench_set.pages}
        for r in results:
            per_page = _per_page_f1(bench_set, r)
            for key in pages:
                pages[key][r["tool"]] = round(per_page.get(key, 0.0), 4)
                if r["tool"] == "newsledger":
                    pages[key]["text"] = r["predictions"].get(key, "")
            if bench_set.wcxb:
                for key in pages:
                    pages[key]["type"] = bench_set.wcxb[key].page_type
        record[bench_set.name] = pages
    path.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")


def _per_page_f1(bench_set: BenchSet, result: dict) -> dict[str, float]:
    score = result["score"]
    if hasattr(score, "per_page"):
        return score.per_page
    from bench.scoring import score_page

    return {
        key: score_page(bench_set.truth[key], result["predictions"].get(key, "")).f1
        for key in bench_set.pages
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench body")
    parser.add_argument("--shared", type=Path, default=Path("../shared/bench"), help="folder of the sets")
    parser.add_argument("--sets", nargs="*", choices=sorted(SETS), help="only these sets (default: all)")
    parser.add_argument("--data", type=Path, help="one set's folder instead of --sets")
    parser.add_argument("--sample", type=int, help="about N pages of each set, spread evenly (quick runs)")
    parser.add_argument("--passes", type=int, default=1, help="timed passes per tool; the median is reported")
    parser.add_argument("--tools", nargs="*", help="only these tools")
    parser.add_argument(
        "--dump", type=Path, help="write per-page scores (and newsledger's text) as JSON here"
    )
    parser.add_argument(
        "--clock",
        choices=sorted(CLOCKS),
        default="cpu",
        help="cpu: the process's own CPU time, steady on a shared machine; wall: elapsed time",
    )
    args = parser.parse_args(argv)
    check_tools(args.tools)
    folders = [args.data] if args.data else [args.shared / SETS[name] for name in args.sets or SETS]
    outcomes = []
    for folder in folders:
        if not folder.is_dir():
            print(f"bench: skipping {folder}: not found", file=sys.stderr)
            continue
        bench_set = load_set(folder, args.sample)
        results = run_set(bench_set, args.passes, args.tools, CLOCKS[args.clock])
        outcomes.append((bench_set, results))
        print(report_set(bench_set, results, args.clock, args.passes) + "\n", flush=True)
    print(summary(outcomes))
    if args.dump:
        dump(args.dump, outcomes)
    return 0
