"""The metadata a copied page prints around its article: headline, section, authors and their
roles, read time, the lead image's caption and credit, dates, and the site's own name.

Each reader looks at a few lines near the headline or the body and returns the field with the
line numbers it came from; the indexes of lines it used are handed back so that they are not
listed again as boilerplate.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from operator import attrgetter

from newsledger.extract.parts import StatedReadTime
from newsledger.extract.text import vocab
from newsledger.extract.text.classify import Kind, image_alt_subject, is_linky, label_kind
from newsledger.extract.text.dates import FoundDate, find_dates, find_dates_with_year
from newsledger.extract.text.lines import Line
from newsledger.model import Author, DateField, Evidence, Image, TextField

_CREDIT = "|".join(sorted((re.escape(w) for w in vocab.CREDIT_WORDS), key=len, reverse=True))
# The credit in brackets closing a caption: "(Photo Credit: PTI)". No bracket may stand inside
# it, so it opens at the line's last "(" or "[" and is matched from there (a lazy caption before
# it retried a run of spaces from each of its positions: quadratic in the run).
_CREDIT_IN_BRACKETS = re.compile(
    rf"[(\[]\s*(?:{_CREDIT})\s*(?:by\b|[:：])\s*(?P<credit>[^()\[\]]+?)\s*[)\]]\s*$", re.I
)
_CREDIT_AFTER_SENTENCE = re.compile(
    rf"^(?P<caption>.*?[.!?])?\s*(?:{_CREDIT})\s*(?:by\b|[:：])\s*(?P<credit>[^.!?]{{2,80}})$", re.I
)
_AGENCY_ENDS = tuple(vocab.PICTURE_AGENCIES) + tuple(a + ")" for a in vocab.PICTURE_AGENCIES)
# A line ending in none of these characters (most end in a period) cannot end with an agency.
_AGENCY_LAST_CHARACTERS = frozenset(a[-1] for a in _AGENCY_ENDS)
_AGENCY = "|".join(re.escape(a) for a in vocab.PICTURE_AGENCIES)
# "... on July 25, 2019. J. Scott Applewhite / AP", "Natalie Naccache | Bloomberg | Getty Images".
# Each part before a "|" or "/" is read once (atomic): spaces that either of two quantifiers could
# take made a line of many separators ("co| | | | ... | EPA") backtrack exponentially.
_CAPTION_BY_AGENCY = re.compile(
    rf"^(?P<caption>.*[.!?]\)?)?\s*\(?(?P<credit>(?:(?>[^.!?|/]{{0,60}}\s*)[|/]\s*+)*(?:{_AGENCY}))\)?$"
)
_BYLINE = re.compile(
    r"^(?:"
    + "|".join(re.escape(w) for w in vocab.BYLINE_WORDS)
    + r")\s+(?P<names>[^\d|•·]+?)\s*(?:[|•·,–—-]\s*[^,]*\d.*)?$",
    re.I,
)
_NAME_WORD = r"[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w'’.-]*"
_NAME = re.compile(rf"^{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|van|von|de|da|del|der|la|le|bin|al|di)){{1,3}}$")
_NAME_SEPARATOR = re.compile(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bi\b)\s*")
_ROLE_WORDS = frozenset(vocab.ROLE_WORDS)
_SUPPORT_SITE = re.compile(
    r"^(?i:support|donate to|subscribe to|unterstützen sie|soutenez|apoya)\s+(?P<name>[A-Z0-9][\w&.'’-]*(?:\s+[A-Z0-9][\w&.'’-]*){0,4})$"
)
_COPYRIGHT_SITE = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})"
)
_SITE_TAIL = re.compile(r"\s+(?:team|journalism|today|now|newsroom|inc|ltd|llc|gmbh|all)\.?$", re.I)
_MODIFIED = re.compile(
    r"(?<!\w)(?:updated|modified|last updated|aktualisiert|mis à jour|actualizado|aggiornato|обновлено|оновлено)",
    re.I,
)
_PUBLISHED = re.compile(
    r"(?<!\w)(?:published|posted|veröffentlicht|publié|publicado|pubblicato|опубликовано|опубліковано)", re.I
)
_WORD = re.compile(r"\w+")
_KEY = attrgetter("key")
# How far above the body the header fields (section, authors, read time) are looked for.
HEADER_LINES = 45
_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")


@dataclass
class Reading:
    """What the metadata readers found, and which lines they used."""

    fields: dict[str, object] = field(default_factory=dict)
    used: set[int] = field(default_factory=set)
    relabel: dict[int, Kind] = field(default_factory=dict)
    captions: set[int] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)


def evidence(lines: list[Line], first: int, last: int, raw: str | None = None) -> Evidence:
    span = (lines[first].first, lines[last].last)
    locator = f"line {span[0]}" if span[0] == span[1] else f"lines {span[0]}-{span[1]}"
    return Evidence(source="text-line", locator=locator, raw=raw, lines=span)


def split_caption(text: str, lowered: str | None = None) -> tuple[str | None, str] | None:
    """(caption, credit) of a picture caption with its credit, or None when the line is not one.
    ``lowered`` is the text lower-cased, when the caller has it already (a Line's key)."""
    if text[-1:] in _AGENCY_LAST_CHARACTERS and text.endswith(_AGENCY_ENDS):
        match = _CAPTION_BY_AGENCY.match(text)
        if match:
            caption = (match.group("caption") or "").strip()
            return (caption or None), match.group("credit").strip(" |/")
    if ":" not in text and "：" not in text and " by " not in (text.lower() if lowered is None else lowered):
        return None
    if text.rstrip().endswith((")", "]")):
        opening = max(text.rfind("("), text.rfind("["))
        if (match := _CREDIT_IN_BRACKETS.match(text, opening)) is not None:
            return (text[:opening].strip() or None), match.group("credit").strip()
    match = _CREDIT_AFTER_SENTENCE.match(text) if _may_end_with_credit(text) else None
    if not match:
        return None
    caption = (match.group("caption") or "").strip()
    return (caption or None), match.group("credit").strip()


_CREDIT_STARTS = tuple(vocab.CREDIT_WORDS)


def _may_end_with_credit(text: str) -> bool:
    """False when ``_CREDIT_AFTER_SENTENCE`` cannot match: what follows the last sentence end
    (nothing in the credit holds one) must open with a credit word. Decided by string methods
    on an ASCII tail; other tails are left to the pattern."""
    tail = text[max(text.rfind("."), text.rfind("!"), text.rfind("?")) + 1 :].lstrip()
    return not tail.isascii() or tail.lower().startswith(_CREDIT_STARTS)


def is_name(text: str) -> bool:
    return bool(_NAME.match(text)) and len(text) <= 60


def is_role(line: Line) -> bool:
    return line.words <= 6 and not line.ends_sentence and not _ROLE_WORDS.isdisjoint(_WORD.findall(line.key))


_BYLINE_STARTS = tuple(w + " " for w in vocab.BYLINE_WORDS)


def byline_names(line: Line) -> list[str]:
    if line.words > 14 or not line.key.startswith(_BYLINE_STARTS):
        return []
    match = _BYLINE.match(line.text)
    if not match:
        return []
    names = [n.strip() for n in _NAME_SEPARATOR.split(match.group("names")) if n.strip()]
    return names if names and all(is_name(n) for n in names) else []


def is_headline_candidate(line: Line, kind: Kind | None) -> bool:
    if kind is not None or not 3 <= line.words <= 30 or len(line.text) > 300:
        return False
    if line.text.endswith(".") or is_linky(line) or vocab.READ_TIME.match(line.text):
        return False
    return not (byline_names(line) or split_caption(line.text, line.key))


def find_headline(lines: list[Line], kinds: list[Kind | None], body_start: int, used: set[int]) -> int | None:
    """The title-like line closest above the body, preferring longer lines and repeated ones."""
    best, best_index = float("-inf"), None
    keys: list[str] | None = None
    for index in range(max(0, body_start - 40), body_start):
        line = lines[index]
        if index in used or not is_headline_candidate(line, kinds[index]):
            continue
        if keys is None:
            keys = list(map(_KEY, lines))
        repeated = keys.count(line.key) > 1
        score = min(line.words, 14) + (6 if repeated else 0) - 0.3 * (body_start - index)
        if score > best:
            best, best_index = score, index
    return best_index


def read_headline(
    lines: list[Line], kinds: list[Kind | None], body_start: int, reading: Reading
) -> int | None:
    index = find_headline(lines, kinds, body_start, reading.used)
    if index is None:
        return None
    line = lines[index]
    reading.fields["headline"] = TextField(value=line.text, evidence=evidence(lines, index, index))
    reading.used.add(index)
    for other in range(index + 1, len(lines)):
        if lines[other].key == line.key:
            reading.relabel[other] = ("headline_repeat", "repeats the headline")
    return index


def read_section(lines: list[Line], reading: Reading, limit: int) -> None:
    for index in range(max(0, limit - HEADER_LINES), min(limit, len(lines) - 1)):
        if label_kind(lines[index]) == "section":
            value = lines[index + 1]
            if value.words <= 6 and label_kind(value) is None:
                reading.fields["section"] = TextField(
                    value=value.text, evidence=evidence(lines, index, index + 1, raw=value.text)
                )
                reading.used.add(index + 1)
                return


def read_read_time(lines: list[Line], reading: Reading, limit: int) -> None:
    for index in range(max(0, limit - HEADER_LINES), min(limit, len(lines))):
        match = vocab.READ_TIME.match(lines[index].text) if lines[index].words <= 6 else None
        if match:
            reading.fields["read_time"] = StatedReadTime(
                minutes=int(match.group(1)), evidence=evidence(lines, index, index, raw=lines[index].text)
            )
            reading.used.add(index)
            return


def read_authors(lines: list[Line], reading: Reading, limit: int, byline_limit: int) -> None:
    """Authors under an "Authors" label (names, photo alt text, roles) or on a "By ..." line
    (which may sit a few paragraphs into the article, below a standfirst or a picture)."""
    for index in range(max(0, limit - HEADER_LINES), min(limit, len(lines))):
        if label_kind(lines[index]) == "author":
            authors = _authors_under_label(lines, index, limit, reading)
            if authors:
                reading.fields["authors"] = tuple(authors)
                return
    for index in range(max(0, limit - HEADER_LINES), min(byline_limit, len(lines))):
        names = byline_names(lines[index])
        if names:
            ev = evidence(lines, index, index, raw=lines[index].text)
            reading.fields["authors"] = tuple(Author(name=n, evidence=ev) for n in names)
            reading.relabel[index] = ("byline", "the byline")
            reading.used.add(index)
            return


def _authors_under_label(lines: list[Line], label: int, limit: int, reading: Reading) -> list[Author]:
    found: list[tuple[str, str | None, int, int, str]] = []  # name, role, first, last, raw
    for index in range(label + 1, min(label + 8, limit, len(lines))):
        line = lines[index]
        subject = image_alt_subject(line)
        if subject and is_name(subject):
            found.append((subject, None, index, index, line.text))
        elif is_name(line.text) and not is_role(line):
            if found and found[-1][0] == line.text:
                name, role, first, _, raw = found[-1]
                found[-1] = (name, role, first, index, raw)
            else:
                found.append((line.text, None, index, index, line.text))
            reading.used.add(index)
        elif found and is_role(line) and found[-1][1] is None:
            name, _, first, _, raw = found[-1]
            found[-1] = (name, line.text, first, index, raw)
            reading.used.add(index)
        else:
            break
    return [
        Author(name=name, role=role, evidence=evidence(lines, label, last, raw=raw))
        for name, role, _, last, raw in found
    ]


def read_lead_image(
    lines: list[Line], kinds: list[Kind | None], headline: int | None, body_start: int, reading: Reading
) -> None:
    start = headline + 1 if headline is not None else max(0, body_start - 10)
    for index in range(start, min(body_start + 3, len(lines))):
        parts = split_caption(lines[index].text, lines[index].key) if lines[index].words <= 80 else None
        if parts is None:
            continue
        caption, credit = parts
        alt = None
        first = index
        previous = index - 1
        if previous >= start and (
            previous in reading.relabel or (kinds[previous] is not None and kinds[previous][0] == "image_alt")
        ):
            alt = lines[previous].text
            first = previous
            if reading.relabel.get(previous, ("",))[0] == "headline_repeat":
                reading.relabel[previous] = ("image_alt", "repeats the headline as the lead image's alt text")
        reading.fields["lead_image"] = Image(
            alt=alt,
            caption=caption,
            credit=credit,
            evidence=evidence(lines, first, index, raw=lines[index].text),
        )
        reading.used.add(index)
        reading.captions.add(index)
        return


def read_dates(lines: list[Line], kinds: list[Kind | None], body: range, reading: Reading) -> None:
    """Dates printed on short lines around the body: labelled ones first, else the first one."""
    near = range(max(0, body.start - 30), min(len(lines), body.stop + 15))
    inside_from = body.start + 3
    for index in near:
        line = lines[index]
        # Body paragraphs are long: the word count passes most lines over first.
        if line.words > 16 or kinds[index] is not None:
            continue
        inside = inside_from <= index < body.stop
        if (inside and line.words > 10) or index in reading.used:
            continue
        found = find_dates_with_year(line.text)
        if not found:
            continue
        if inside:
            if 2 * len(found[0].text) >= len(line.text):
                reading.relabel[index] = ("dateline", "a date line")
            continue
        modified = _MODIFIED.search(line.text)
        if modified and _PUBLISHED.search(line.text) and len(found) > 1:
            wanted = {"published": found[0], "modified": found[-1]}
        else:
            wanted = {"modified" if modified else "published": found[0]}
        for name, date in wanted.items():
            if name not in reading.fields:
                reading.fields[name] = _date_field(date, lines, index)
                reading.used.add(index)
        reading.relabel[index] = ("dateline", "a date line")


def _date_field(found: FoundDate, lines: list[Line], index: int) -> DateField:
    return DateField(
        value=found.iso,
        precision="minute" if found.minute else "day",
        evidence=evidence(lines, index, index, raw=found.text),
    )


def mark_author_box(lines: list[Line], body: range, reading: Reading) -> None:
    """Lines at the end of the article that name its author ("Jane Doe is a reporter for ...")."""
    names = [a.name for a in reading.fields.get("authors", ())]  # type: ignore[attr-defined]
    if not names:
        return
    for index in range(body.stop - 1, max(body.start, body.stop - 6) - 1, -1):
        text = lines[index].text
        if lines[index].words <= 40 and any(text == n or text.startswith(n + " ") for n in names):
            reading.relabel[index] = ("author_box", "about the author")


def read_site_name(lines: list[Line], kinds: list[Kind | None], reading: Reading) -> None:
    """The site's own name, from a "Support <Name>" appeal or a copyright line."""
    appeals: list[int] = []
    footers: list[int] = []
    for index, kind in enumerate(kinds):
        if kind is not None:
            if kind[0] == "donation_appeal":
                appeals.append(index)
            elif kind[0] == "footer":
                footers.append(index)
    for pattern, indexes in ((_SUPPORT_SITE, appeals), (_COPYRIGHT_SITE, footers)):
        for index in indexes:
            line = lines[index]
            if line.words > 25:
                continue
            match = pattern.search(line.text)
            if match:
                name = _SITE_TAIL.sub("", match.group("name")).strip().rstrip(".,;:")
                if name:
                    reading.fields["site_name"] = TextField(
                        value=name, evidence=evidence(lines, index, index, raw=line.text)
                    )
                    return


def note_unprinted_date(lines: list[Line], body_lines: list[int], reading: Reading) -> None:
    """When no date is printed, note the earliest the page can be from: the latest date it
    mentions, where a lede's date without a year is the first such day on or after that."""
    if "published" in reading.fields or not body_lines:
        return
    dated: list[tuple[FoundDate, int]] = []
    for index in sorted(reading.captions) + body_lines:
        text = lines[index].text
        # Every year this finds starts with 18, 19 or 20: most lines are passed over unscanned.
        if ("19" not in text and "20" not in text and "18" not in text) or not _YEAR.search(text):
            continue
        dated += [(d, index) for d in find_dates_with_year(text)]
    if not dated:
        return
    latest, latest_index = max(dated, key=lambda pair: pair[0].date)
    bound, why = latest.date, f"'{latest.text}' on line {lines[latest_index].first}"
    lede = body_lines[0]
    for found in find_dates(lines[lede].text, default_year=latest.date.year):
        if found.has_year:
            continue
        day = found.date if found.date >= latest.date else _next_year(found)
        if day is not None and day > bound:
            bound, why = (
                day,
                f"the lede's '{found.text}' on line {lines[lede].first}, after '{latest.text}' on line {lines[latest_index].first}",
            )
    reading.notes.append(f"published: no date printed; not before {bound.isoformat()} ({why})")


def _next_year(found: FoundDate) -> dt.date | None:
    try:
        return found.date.replace(year=found.date.year + 1)
    except ValueError:
        return None
