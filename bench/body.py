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
from collections.abc import Callable
from pathlib import Path

from bench.common import median, table, timed_passes
from bench.scoring import score_corpus

Tool = Callable[[str], str]


def load_pages(data: Path) -> tuple[dict[str, str], dict[str, str], str]:
    """(pages by id, ground truth by id, form) for an HTML or a copied-text folder."""
    if (data / "html").is_dir():
        truth_file = data / "ground-truth.json"
        pages = {p.name.split(".")[0]: gzip.decompress(p.read_bytes()).decode("utf-8", "replace")
                 for p in sorted((data / "html").glob("*.html.gz"))}
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

    def run(page: str) -> str:
        summary = Document(page).summary(html_partial=True)
        return lxml_html.fromstring(summary).text_content() if summary.strip() else ""

    return run


def resiliparse_tool() -> Tool:
    from resiliparse.extract.html2text import extract_plain_text

    # Main content only: comment sections and image alt texts are not body text.
    def run(page: str) -> str:
        return extract_plain_text(page, main_content=True, comments=False, alt_texts=False)

    return run


def lines_as_html(text: str) -> str:
    paragraphs = "".join(f"<p>{html_lib.escape(line)}</p>\n" for line in text.splitlines() if line.strip())
    return f"<!doctype html><html><head><title></title></head><body><article>{paragraphs}</article></body></html>"


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
        return {"newsledger": lambda: newsledger_tool("html"), **html_tools}
    fed = {f"{name} (lines as <p>)": (lambda make=make: fed_lines(make())) for name, make in html_tools.items()}
    return {"newsledger": lambda: newsledger_tool("text"), "whole text": lambda: (lambda text: text), **fed}


def safe(tool: Tool) -> Tool:
    def run(page: str) -> str:
        try:
            return tool(page)
        except Exception:
            return ""

    return run


def run_body(data: Path, passes: int, only: list[str] | None) -> list[dict]:
    pages, truth, form = load_pages(data)
    results = []
    for name, make in tools_for(form).items():
        if only and name.split(" ")[0] not in only and name not in only:
            continue
        try:
            tool = safe(make())
        except ImportError as err:
            print(f"bench: skipping {name}: {err}", file=sys.stderr)
            continue
        predictions = {key: tool(page) for key, page in pages.items()}
        seconds = timed_passes(lambda tool=tool: [tool(page) for page in pages.values()], passes)
        score = score_corpus(truth, predictions)
        results.append({"tool": name, "score": score, "pages_per_s": len(pages) / median(seconds)})
        print(f"bench: {name} done", file=sys.stderr)
    return results


def report(results: list[dict], data: Path) -> str:
    ours = next((r["pages_per_s"] for r in results if r["tool"] == "newsledger"), None)
    rows = []
    for r in results:
        s = r["score"]
        ratio = f"{ours / r['pages_per_s']:.1f}x" if ours and r["tool"] != "newsledger" else "—"
        rows.append([r["tool"], s.f1, s.precision, s.recall, s.empty, *s.f1_quantiles, r["pages_per_s"], ratio])
    headers = ["tool", "F1", "P", "R", "empty", "F1 p5", "F1 p10", "F1 p25", "F1 p50", "pages/s", "newsledger speed ×"]
    return f"body extraction on {data} ({results[0]['score'].pages if results else 0} pages)\n" + table(headers, rows)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench body")
    parser.add_argument("--data", type=Path, default=Path("../shared/bench/scrapinghub"))
    parser.add_argument("--passes", type=int, default=3, help="timed passes per tool; the median is reported")
    parser.add_argument("--tools", nargs="*", help="only these tools")
    args = parser.parse_args(argv)
    print(report(run_body(args.data, args.passes, args.tools), args.data))
    return 0
