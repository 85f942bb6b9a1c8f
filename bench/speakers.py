"""``python -m bench speakers``: quotes and their resolved speakers against the speaker gold.

The gold (``bench/data/speaker-gold.jsonl``, guidelines in ``docs/speaker-gold.md``) marks every
quotation that reports someone's words on shared pages chosen by a fixed rule
(``bench/_speaker_gold.py``), with the speaker's full name or null: sample a (44 pages, the
gold the bars are set on) and sample b (43 other pages, held out).

Predicted quotes are the body and caption statements newsledger finds: a direct statement's
content, and each quoted fragment of a mixed one. A predicted quote *matches* a gold quote when
their word tokens (lower-cased ``\\w+``, as multisets) overlap by at least 0.3, where

    overlap = |shared tokens| / max(|gold tokens|, |predicted tokens|)

Matching is one-to-one per page, greedy from the highest overlap. Quote precision is matched /
predicted, recall matched / gold, over all pages together. Name accuracy is, over the matched
quotes, the share whose predicted speaker name equals the gold name after :func:`normalise_name`
(an unnamed gold speaker is right only when no name is predicted).

By default two inputs are scored side by side: the page HTML through ``newsledger.extract``
(the whole path), and the gold text itself as plain paragraphs (attribution alone); the
ScrapingHub pages as copied out of a browser can be added.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bench import _speaker_gold as gold_data
from bench.common import table

MATCH_THRESHOLD = 0.3
_WORD = re.compile(r"\w+")
# Courtesy and office titles dropped from the front of a name before names are compared.
_HONORIFIC_WORDS = (
    "mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr father sen senator "
    "rep representative gov governor president pres vice prime minister secretary gen general col "
    "capt captain lt sgt chancellor mayor judge justice chief chairman chairwoman prince princess king "
    "queen duke duchess sheikh the"
)
HONORIFICS = frozenset(_HONORIFIC_WORDS.split())
_DATE_TIME_WORDS = (
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december day today yesterday tomorrow week month "
    "year morning evening night"
)
_DATE_WORDS = frozenset(_DATE_TIME_WORDS.split())
_PRONOUN_WORDS = "he she they it we i you him her them this that who"
_PRONOUNS = frozenset(_PRONOUN_WORDS.split())
# Auxiliaries and function words: a "name" that starts with one is a piece of a sentence.
_SENTENCE_START_WORDS = (
    "has have had do does did dont doesnt didnt is are was were be been can could will would should "
    "may might must even also just only if when while as so but and or not here there what why how"
)
_SENTENCE_WORDS = frozenset(_SENTENCE_START_WORDS.split())


@dataclass(frozen=True)
class Quote:
    """One quotation: its text, its speaker's name (None when unnamed)."""

    text: str
    speaker: str | None
    type: str = ""


@dataclass
class PageResult:
    set: str
    page: str
    gold: list[Quote]
    predicted: list[Quote]
    pairs: list[tuple[int, int, float]] = field(default_factory=list)
    text: str = ""
    sample: str = "a"

    @property
    def names_right(self) -> int:
        return sum(same_speaker(self.gold[g].speaker, self.predicted[p].speaker) for g, p, _ in self.pairs)


def tokens(text: str) -> Counter[str]:
    return Counter(word.lower() for word in _WORD.findall(text))


def overlap(gold: Counter[str], predicted: Counter[str]) -> float:
    """Shared tokens (multiset) over the larger of the two token counts."""
    larger = max(sum(gold.values()), sum(predicted.values()))
    return sum((gold & predicted).values()) / larger if larger else 0.0


def match_quotes(
    gold: list[Quote], predicted: list[Quote], threshold: float = MATCH_THRESHOLD
) -> list[tuple[int, int, float]]:
    """One-to-one (gold index, predicted index, overlap) pairs, greedy from the highest overlap."""
    gold_tokens = [tokens(quote.text) for quote in gold]
    predicted_tokens = [tokens(quote.text) for quote in predicted]
    candidates = []
    for g, gold_bag in enumerate(gold_tokens):
        for p, predicted_bag in enumerate(predicted_tokens):
            score = overlap(gold_bag, predicted_bag)
            if score >= threshold:
                candidates.append((-score, g, p))
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for negative, g, p in sorted(candidates):
        if g not in used_gold and p not in used_predicted:
            used_gold.add(g)
            used_predicted.add(p)
            pairs.append((g, p, -negative))
    return sorted(pairs)


def normalise_name(name: str | None) -> str:
    """Case, diacritics, apostrophes, possessive 's, punctuation and leading titles removed."""
    if not name:
        return ""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(char for char in folded if not unicodedata.combining(char)).casefold()
    folded = re.sub(r"['’]s\b", "", folded)
    words = _WORD.findall(folded.replace("'", "").replace("’", ""))
    while words and words[0] in HONORIFICS:
        words.pop(0)
    return " ".join(words)


def same_speaker(gold: str | None, predicted: str | None) -> bool:
    return normalise_name(gold) == normalise_name(predicted)


def same_surname(gold: str | None, predicted: str | None) -> bool:
    """A looser reading: the last words of the two names agree (or both are unnamed)."""
    gold_words, predicted_words = normalise_name(gold).split(), normalise_name(predicted).split()
    if not gold_words or not predicted_words:
        return not gold_words and not predicted_words
    return gold_words[-1] == predicted_words[-1]


def suspicious_reason(name: str, gold_names: Iterable[str | None], text: str = "") -> str | None:
    """Why a predicted speaker name looks like no speaker at all, or None when it looks like one.

    A name that is (part of) a gold speaker's name on the page is never suspicious. ``text`` is
    the page's text, read for how the name is used there (a model number after it, a place
    preposition before it)."""
    words = normalise_name(name).split()
    gold_word_sets = [set(normalise_name(gold_name).split()) for gold_name in gold_names]
    gold_word_sets = [gold_words for gold_words in gold_word_sets if gold_words]
    if not words or any(set(words) <= gold_words for gold_words in gold_word_sets):
        return None
    if any(gold_words < set(words) for gold_words in gold_word_sets):
        return "a gold name with extra words"
    return _word_class(name, words) or _usage_class(name, text) or "not a speaker on the page"


def _word_class(name: str, words: list[str]) -> str | None:
    if any(word in _DATE_WORDS or word.isdigit() for word in words):
        return "date or time"
    if len(words) == 1 and words[0].endswith("ly"):
        return "adverb"
    if len(name.split()) == 1 and re.split(r"['’]", name.casefold())[0] in _PRONOUNS:
        return "unresolved pronoun"
    if words[0] in _SENTENCE_WORDS:
        return "words of the sentence"
    if name[:1].islower():
        return "lower-case phrase"
    return None


def _usage_class(name: str, text: str) -> str | None:
    """A name the page writes with a model number after it is a product; after "in", "at"... a place."""
    if not text:
        return None
    escaped = re.escape(name)
    if re.search(escaped + r"[ .\-]?\w*\d", text):
        return "product or model"
    if re.search(r"\b(?:in|at|from|near|across|outside|inside)\s+(?:the\s+)?" + escaped + r"\b", text):
        return "place"
    return None


# --------------------------------------------------------------------------- running newsledger


def predicted_quotes(statements: Iterable) -> list[Quote]:
    """Direct statements' contents and mixed statements' quoted fragments, outside headlines."""
    quotes = []
    for statement in statements:
        if statement.part == "headline":
            continue
        name = statement.speaker.name
        if statement.kind == "direct":
            quotes.append(Quote(statement.content.text, name))
        elif statement.kind == "mixed":
            quotes.extend(Quote(fragment.text, name) for fragment in statement.fragments)
    return quotes


# The attribution engine the predictions come from (``--engine``).
ENGINE = "rules"


def article_from_text(text: str):
    """The gold text as an Article of plain paragraphs, one per line."""
    from newsledger.model import Article, Block

    blocks = tuple(
        Block(kind="paragraph", text=m.group(), start=m.start(), end=m.end())
        for m in re.finditer(r"[^\n]+", text)
    )
    return Article(input_form="text", text=text, blocks=blocks)


def from_html(bench_root: Path) -> Callable[[gold_data.Page], list[Quote]]:
    from newsledger import attribute, extract

    def run(page: gold_data.Page) -> list[Quote]:
        html = gzip.decompress(gold_data.html_path(bench_root, page).read_bytes())
        return predicted_quotes(attribute(extract(html, input_name=page.id), engine=ENGINE))

    return run


def from_gold_text(page: gold_data.Page) -> list[Quote]:
    from newsledger import attribute

    return predicted_quotes(attribute(article_from_text(page.text), engine=ENGINE))


def from_copied_text(bench_root: Path) -> Callable[[gold_data.Page], list[Quote] | None]:
    """The page as copied out of a browser (ScrapingHub pages only; None for the others)."""
    from newsledger import attribute, extract

    def run(page: gold_data.Page) -> list[Quote] | None:
        path = bench_root / "copied-text" / f"{page.id}.txt"
        if page.set != gold_data.SCRAPINGHUB or not path.is_file():
            return None
        return predicted_quotes(attribute(extract(path.read_bytes(), form="text", input_name=page.id), engine=ENGINE))

    return run


# --------------------------------------------------------------------------- scoring


def gold_quotes(page: gold_data.Page, records: list[gold_data.GoldQuote]) -> list[Quote]:
    return [
        Quote(page.text[r.start : r.end], r.speaker, r.type)
        for r in records
        if r.page == page.id and r.set == page.set
    ]


def drifted(pages: list[gold_data.Page], records: list[gold_data.GoldQuote]) -> list[gold_data.GoldQuote]:
    """Gold records whose page is missing or whose quoted text no longer has the stored hash."""
    texts = {(page.set, page.id): page.text for page in pages}
    return [
        record
        for record in records
        if (record.set, record.page) not in texts
        or gold_data.text_hash(texts[(record.set, record.page)][record.start : record.end]) != record.hash
    ]


def score_pages(
    pages: list[gold_data.Page],
    records: list[gold_data.GoldQuote],
    predict: Callable[[gold_data.Page], list[Quote] | None],
) -> list[PageResult]:
    """Each page's gold and predicted quotes, matched; a page the input has no form of is left out."""
    results = []
    for page in pages:
        gold = gold_quotes(page, records)
        predicted = predict(page)
        if predicted is None:
            continue
        results.append(
            PageResult(
                page.set, page.id, gold, predicted, match_quotes(gold, predicted), page.text, page.sample
            )
        )
    return results


def summary(results: list[PageResult]) -> dict[str, float]:
    n_gold = sum(len(r.gold) for r in results)
    n_predicted = sum(len(r.predicted) for r in results)
    matched = sum(len(r.pairs) for r in results)
    names = sum(r.names_right for r in results)
    surnames = sum(
        same_surname(r.gold[g].speaker, r.predicted[p].speaker) for r in results for g, p, _ in r.pairs
    )
    precision = matched / n_predicted if n_predicted else 0.0
    recall = matched / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "pages": len(results), "gold": n_gold, "predicted": n_predicted, "matched": matched,
        "p": precision, "r": recall, "f1": f1,
        "name accuracy": names / matched if matched else 0.0,
        "surname accuracy": surnames / matched if matched else 0.0,
    }  # fmt: skip


def by_speaker_type(results: list[PageResult]) -> list[list[object]]:
    """Per gold speaker type: gold quotes, quote recall, and name accuracy over the matched ones."""
    counts: dict[str, list[int]] = {kind: [0, 0, 0] for kind in gold_data.SPEAKER_TYPES}
    for result in results:
        matched = {g: p for g, p, _ in result.pairs}
        for g, quote in enumerate(result.gold):
            count = counts[quote.type]
            count[0] += 1
            if g in matched:
                count[1] += 1
                count[2] += same_speaker(quote.speaker, result.predicted[matched[g]].speaker)
    return [
        [kind, n, found / n, right / found if found else 0.0]
        for kind, (n, found, right) in counts.items()
        if n
    ]


def suspicious_names(results: list[PageResult]) -> Counter[tuple[str, str]]:
    found: Counter[tuple[str, str]] = Counter()
    for result in results:
        gold_names = {quote.speaker for quote in result.gold}
        for quote in result.predicted:
            reason = suspicious_reason(quote.speaker, gold_names, result.text) if quote.speaker else None
            if reason:
                found[(quote.speaker or "", reason)] += 1
    return found


# --------------------------------------------------------------------------- printing


SUMMARY_HEADERS = [
    "input",
    "sample",
    "set",
    "pages",
    "gold",
    "predicted",
    "matched",
    "P",
    "R",
    "F1",
    "name acc.",
    "surname acc.",
]
SUMMARY_FIELDS = (
    "pages",
    "gold",
    "predicted",
    "matched",
    "p",
    "r",
    "f1",
    "name accuracy",
    "surname accuracy",
)


def summary_rows(label: str, results: list[PageResult]) -> list[list[object]]:
    """One row per sample and set, then per sample, then (with two samples) for both together."""
    samples = sorted({r.sample for r in results})
    groups = [
        (sample, subset) for sample in samples for subset in (gold_data.WCXB, gold_data.SCRAPINGHUB, "all")
    ]
    if len(samples) > 1:
        groups.append(("+".join(samples), "all"))
    rows = []
    for sample, subset in groups:
        chosen = [r for r in results if r.sample in sample.split("+") and subset in ("all", r.set)]
        totals = summary(chosen)
        if totals["pages"]:
            rows.append([label, sample, subset, *(totals[field] for field in SUMMARY_FIELDS)])
    return rows


def print_summary(by_input: dict[str, list[PageResult]]) -> None:
    rows = [row for label, results in by_input.items() for row in summary_rows(label, results)]
    print(table(SUMMARY_HEADERS, rows))


def print_types(label: str, results: list[PageResult]) -> None:
    print(f"\nBy gold speaker type ({label}):")
    print(table(["speaker type", "gold", "R", "name acc."], by_speaker_type(results)))


def print_suspicious(label: str, results: list[PageResult]) -> None:
    found = suspicious_names(results)
    print(
        f"\nSpeaker names given to {label} quotes that are no gold speaker of their page: {sum(found.values())}"
    )
    if found:
        print(
            table(
                ["name", "looks like", "quotes"],
                [[name, reason, count] for (name, reason), count in found.most_common()],
            )
        )


def print_pages(label: str, results: list[PageResult]) -> None:
    print(f"\nPer page ({label}):")
    rows = [[r.set, r.page[:12], len(r.gold), len(r.predicted), len(r.pairs), r.names_right] for r in results]
    print(table(["set", "page", "gold", "predicted", "matched", "names right"], rows))
    for r in results:
        matched_gold = {g: p for g, p, _ in r.pairs}
        matched_predicted = set(matched_gold.values())
        for g, quote in enumerate(r.gold):
            if g not in matched_gold:
                print(f"  {r.page[:12]} missed      [{quote.speaker}] {_clip(quote.text)}")
            elif not same_speaker(quote.speaker, r.predicted[matched_gold[g]].speaker):
                print(
                    f"  {r.page[:12]} wrong name  [{quote.speaker} ≠ {r.predicted[matched_gold[g]].speaker}] {_clip(quote.text)}"
                )
        for p, quote in enumerate(r.predicted):
            if p not in matched_predicted:
                print(f"  {r.page[:12]} extra       [{quote.speaker}] {_clip(quote.text)}")


def survey_pages(bench_root: Path) -> list[gold_data.Page]:
    """Every ScrapingHub page and every WCXB dev article page (the gold's pages are among them)."""
    wcxb = gold_data.wcxb_pages(bench_root / "wcxb-dev")
    return wcxb + gold_data.scrapinghub_pages(bench_root / "scrapinghub")


def speaker_names(
    bench_root: Path, pages: list[gold_data.Page]
) -> tuple[Counter[tuple[str, str]], dict[tuple[str, str], str]]:
    """Every named speaker newsledger gives a statement of the pages (from their HTML), with its
    type: statements per (name, type), and for each the look of the name (:func:`suspicious_reason`
    with no gold names; empty when it looks like a speaker)."""
    from newsledger import attribute, extract

    counts: Counter[tuple[str, str]] = Counter()
    looks: dict[tuple[str, str], str] = {}
    for page in pages:
        html = gzip.decompress(gold_data.html_path(bench_root, page).read_bytes())
        for statement in attribute(extract(html, input_name=page.id), engine=ENGINE):
            if statement.speaker.name is None:
                continue
            key = (statement.speaker.name, statement.speaker.kind)
            counts[key] += 1
            if key not in looks:
                words = normalise_name(key[0]).split()
                looks[key] = (
                    (_word_class(key[0], words) or _usage_class(key[0], page.text) or "") if words else ""
                )
    return counts, looks


def print_names(bench_root: Path) -> None:
    pages = survey_pages(bench_root)
    counts, looks = speaker_names(bench_root, pages)
    print(
        f"Named speakers on {len(pages)} pages (every ScrapingHub page, every WCXB dev article page): "
        f"{len(counts)} distinct names, {sum(counts.values())} statements"
    )
    rows = [
        [name, kind, count, looks[(name, kind)]]
        for (name, kind), count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
    print(table(["name", "type", "statements", "looks like"], rows))


def _clip(text: str, width: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench speakers", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data",
        type=Path,
        default=Path("../shared/bench"),
        help="the shared bench folder (with wcxb-dev/ and scrapinghub/)",
    )
    parser.add_argument(
        "--gold", type=Path, default=gold_data.GOLD_FILE, help="the speaker gold (JSON lines)"
    )
    parser.add_argument(
        "--input",
        choices=("html", "text", "copied", "both", "all"),
        default="both",
        help="score from the page HTML, the gold text, the copied text (ScrapingHub pages), "
        "both of the first two (the default) or all three",
    )
    parser.add_argument(
        "--sample",
        choices=(*gold_data.SAMPLES, "all"),
        default="all",
        help="the gold's page sample: a (the bars are set on it), b (held out) or all (the default)",
    )
    parser.add_argument("--engine", default="rules", help="the attribution engine: rules, learned or hybrid")
    parser.add_argument(
        "--names",
        action="store_true",
        help="instead of scoring: every named speaker on every ScrapingHub and WCXB dev article page, with its type",
    )
    parser.add_argument(
        "--verbose", action="store_true", help="per-page counts and every miss, wrong name and extra quote"
    )
    return parser.parse_args(argv)


def _data_problem(data: Path) -> str | None:
    if (
        not (data / "wcxb-dev" / "ground-truth").is_dir()
        or not (data / "scrapinghub" / "ground-truth.json").is_file()
    ):
        return f"no wcxb-dev/ground-truth or scrapinghub/ground-truth.json under {data}"
    return None


def main(argv: list[str]) -> int:
    global ENGINE
    args = _arguments(argv)
    ENGINE = args.engine
    problem = _data_problem(args.data)
    if problem:
        print(f"bench speakers: {problem}", file=sys.stderr)
        return 2
    if args.names:
        print_names(args.data)
        return 0
    try:
        records = gold_data.load_gold(args.gold)
    except (OSError, ValueError, TypeError) as error:
        print(f"bench speakers: cannot read the gold {args.gold}: {error}", file=sys.stderr)
        return 2
    every_page = gold_data.select(args.data, "all")
    moved = drifted(every_page, records)
    if moved:
        first = moved[0]
        print(
            f"bench speakers: {len(moved)} gold quotes no longer match the shared text (first: {first.page} {first.start}-{first.end})",
            file=sys.stderr,
        )
        return 1
    predictors = {"html": from_html(args.data), "text": from_gold_text, "copied": from_copied_text(args.data)}
    chosen = {"both": ("html", "text"), "all": ("html", "text", "copied")}.get(args.input, (args.input,))
    pages = [page for page in every_page if args.sample in ("all", page.sample)]
    by_input = {label: score_pages(pages, records, predictors[label]) for label in chosen}
    print(
        f"Speaker gold, sample {args.sample}: {sum(1 for r in records if (r.set, r.page) in {(p.set, p.id) for p in pages})} "
        f"quotes on {len(pages)} pages; match at token overlap ≥ {MATCH_THRESHOLD} (shared / larger)"
    )
    print_summary(by_input)
    for label, results in by_input.items():
        print_types(label, results)
        print_suspicious(label, results)
        if args.verbose:
            print_pages(label, results)
    return 0
