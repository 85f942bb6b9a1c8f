"""``python -m bench body``: body extraction quality and speed, newsledger beside other tools.

HTML pages (a folder with ``html/*.html.gz`` and ``ground-truth.json``) run through newsledger,
trafilatura, readability-lxml and resiliparse. Copied-text pages (a folder of ``<id>.txt``,
scored against ``../scrapinghub/ground-truth.json``) run through newsledger's text extractor,
the whole-text baseline, and the HTML tools fed the lines as paragraphs.
"""

from __future__ import annotations

import argparse
import gzip
import html as html_lib
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench.common import median, table, timed_passes
from bench.scoring import score_corpus

Tool = Callable[[str], str]
CLOCKS: dict[str, Callable[[], float]] = {"cpu": time.process_time, "wall": time.perf_counter}


def load_pages(data: Path) -> tuple[dict[str, str], dict[str, str], str]:
    """(pages by id, ground truth by id, form) for an HTML or a copied-text folder."""
    if (data / "html").is_dir():
        truth_file = data / "ground-truth.json"
        pages = {
            p.name.split(".")[0]: gzip.decompress(p.read_bytes()).decode("utf-8", "replace")
            for p in sorted((data / "html").glob("*.html.gz"))
        }
        form = "html"
    else:
        truth_file = data.parent / "scrapinghub" / "ground-truth.json"
        pages = {p.stem: p.read_text(encoding="utf-8") for p in sorted(data.glob("*.txt"))}
        form = "text"
    truth = {key: value["articleBody"] for key, value in json.loads(truth_file.read_text()).items()}
    return {k: v for k, v in pages.items() if k in truth}, truth, form


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
    paragraphs = "".join(f"<p>{html_lib.escape(line.strip())}</p>\n" for line in text.splitlines() if line.strip())
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


def run_body(data: Path, passes: int, only: list[str] | None, clock: Callable[[], float]) -> list[dict]:
    """Score every tool, then time them in interleaved passes (tool A, B, C, A, B, C, ...) so
    that load from elsewhere on a shared machine falls on all of them alike."""
    pages, truth, form = load_pages(data)
    known = tools_for(form)
    unknown = [name for name in only or () if not any(name in (tool, tool.split(" ")[0]) for tool in known)]
    if unknown:
        raise SystemExit(f"bench body: unknown tool {', '.join(unknown)}; known: {', '.join(known)}")
    tools: dict[str, Tool] = {}
    results: dict[str, dict] = {}
    for name, make in known.items():
        if only and name.split(" ")[0] not in only and name not in only:
            continue
        try:
            tool = safe(make())
        except ImportError as err:
            print(f"bench: skipping {name}: {err}", file=sys.stderr)
            continue
        predictions = {key: tool(page) for key, page in pages.items()}
        tools[name] = tool
        results[name] = {"tool": name, "score": score_corpus(truth, predictions), "seconds": []}
        print(f"bench: {name} scored", file=sys.stderr)
    for _ in range(passes):
        for name, tool in tools.items():
            results[name]["seconds"] += timed_passes(
                lambda tool=tool: [tool(page) for page in pages.values()], 1, clock
            )
    for result in results.values():
        result["pages_per_s"] = len(pages) / median(result.pop("seconds"))
    return list(results.values())


def report(results: list[dict], data: Path, clock_name: str, passes: int) -> str:
    speeds = {r["tool"]: r["pages_per_s"] for r in results}
    ours = [name for name in ("newsledger", "newsledger-body") if name in speeds]
    rows = []
    for r in results:
        s = r["score"]
        mine = r["tool"].startswith("newsledger")
        ratios = ["—" if mine else f"{speeds[name] / r['pages_per_s']:.1f}x" for name in ours]
        rows.append(
            [r["tool"], s.f1, s.precision, s.recall, s.empty, *s.f1_quantiles, r["pages_per_s"], *ratios]
        )
    headers = ["tool", "F1", "P", "R", "empty", "F1 p5", "F1 p10", "F1 p25", "F1 p50", "pages/s"]
    headers += [f"{name} speed ×" for name in ours]
    pages = results[0]["score"].pages if results else 0
    title = f"body extraction on {data} ({pages} pages; pages/s from {clock_name} time, median of {passes} interleaved passes)"
    return title + "\n" + table(headers, rows)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench body")
    parser.add_argument("--data", type=Path, default=Path("../shared/bench/scrapinghub"))
    parser.add_argument("--passes", type=int, default=3, help="timed passes per tool; the median is reported")
    parser.add_argument("--tools", nargs="*", help="only these tools")
    parser.add_argument(
        "--clock",
        choices=sorted(CLOCKS),
        default="cpu",
        help="cpu: the process's own CPU time, steady on a shared machine; wall: elapsed time",
    )
    args = parser.parse_args(argv)
    results = run_body(args.data, args.passes, args.tools, CLOCKS[args.clock])
    print(report(results, args.data, args.clock, args.passes))
    return 0
