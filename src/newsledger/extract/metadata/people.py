"""Author names from bylines and author fields: cleaned, split apart, and refused when not a person.

A byline often carries more than names: "By", a job title glued to the name, a date, the
site's own name, a place. These functions keep the names and the role, and drop the rest.
"""

from __future__ import annotations

import re

from newsledger.extract.metadata.dates import MONTHS
from newsledger.model import Struct


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_LEAD_WORDS = (
    r"(?:written\s+|reported\s+|reporting\s+|text\s+and\s+photos\s+)?by|von|vom|por|par|door|av|af|di|da|de|"
    r"z|od|text|texte|texto|quelle|source|fuente|fonte|autor|autorin|autoren|author|authors|auteur|redaktion|reporter|"
    r"written|reporting|words|story|posted\s+by|escrito\s+por|publicado\s+por|eine\s+analyse\s+von|"
    r"ein\s+kommentar\s+von|ein\s+gastbeitrag\s+von|interview"
)
_LEAD = re.compile(rf"^\s*(?:{_LEAD_WORDS})\s*[:\-–—]?\s+", re.IGNORECASE)
_LEAD_COLON = re.compile(r"^\s*[^\W\d_]{2,15}\s*:\s+")
_SPLIT = re.compile(
    r"\s*(?:,|，|、|;|\||/|\s+(?:and|und|y|et|e|og|och|en|i|a|ve|и|та|és|ja|und\s+von)\s+)\s*",
    re.IGNORECASE,
)
ROLE_WORDS = frozenset(
    [
        "reporter",
        "correspondent",
        "editor",
        "writer",
        "journalist",
        "columnist",
        "contributor",
        "contributing",
        "staff",
        "producer",
        "photographer",
        "analyst",
        "critic",
        "redakteur",
        "redakteurin",
        "korrespondent",
        "korrespondentin",
        "autor",
        "autorin",
        "reporterin",
        "journalistin",
        "chefredakteur",
        "redaktor",
        "redaktorka",
        "rédacteur",
        "rédactrice",
        "correspondant",
        "correspondante",
        "periodista",
        "redactor",
        "redactora",
        "corresponsal",
        "giornalista",
        "inviato",
        "inviata",
        "senior",
        "chief",
        "deputy",
        "managing",
        "political",
        "political",
        "business",
        "sports",
        "science",
        "economics",
        "foreign",
        "health",
        "technology",
        "tech",
        "news",
        "digital",
        "video",
        "intern",
        "freelance",
        "special",
        "associate",
        "assistant",
        "executive",
        "bureau",
        "head",
        "desk",
        "lead",
        "data",
        "investigations",
        "investigative",
        "commentator",
        "director",
        "content",
        "hub",
        "parliamentary",
        "presenter",
        "anchor",
        "host",
        "former",
        "author",
        "publisher",
        "founder",
        "co-founder",
        "cofounder",
        "ceo",
        "cto",
        "owner",
        "administrator",
        "admin",
        "webmaster",
        "moderator",
        "president",
        "manager",
        "officer",
        "specialist",
        "coordinator",
        "strategist",
        "기자",
        "記者",
        "记者",
    ]
)
_NOT_NAME_WORDS = word_set(
    "updated published posted share comments comment follow read more min minutes ago uhr am pm "
    "hours stunden aktualisiert veröffentlicht publié actualizado photo photos foto fotos image "
    "images bild video getty shutterstock newsletter subscribe abonnieren login anmelden menu "
    "home sign stand watch live listen hören facebook twitter instagram linkedin whatsapp telegram "
    "youtube tiktok email e-mail rss print drucken sponsored reviews reading time total verified buyer "
    "undefined null anonymous get matched"
)
_CONNECTORS = word_set("and und y et e og och en i a ve и та és ja with mit con avec")
ORGANISATION_WORDS = word_set(
    "press presse agency agentur nachrichtenagentur news nachrichten redaktion newsroom staff team desk "
    "online media medien zeitung times post daily agencia agence "
    "inc llc ltd gmbh corp company group official foundation institute university association society "
    "council clinic bank store shop services solutions"
)
_MONTH_OR_DAY = re.compile(r"\d|@|:|https?:|www\.|\.[a-z]{2,4}$", re.IGNORECASE)


# A lead word inside the byline, also alone on its line ("Kicker; von; Jane Doe").
_TRAILING_JOINER = re.compile(
    r"\s+(?:and|und|y|et|e|og|och|en|i|a|ve|и|та|és|ja|with|mit|con|avec)$", re.IGNORECASE
)
_INNER_LEAD = re.compile(r"(?:^|\s)(?:by|von|por|par|door|av|af)[;:]?\s+(?=[^\W\d_])", re.IGNORECASE)


def looks_like_person(name: str) -> bool:
    """Two or more words and none of an organisation's: a person's full name."""
    words = name.casefold().split()
    return len(words) >= 2 and not set(words) & ORGANISATION_WORDS


class PersonName(Struct, kw_only=True):
    name: str
    role: str | None = None


def split_byline(raw: str) -> list[PersonName]:
    """The people named in a byline or author field, in order, each with a role when printed."""
    text = " ".join(raw.split())
    if "{" in text or "}" in text or "();" in text:
        return []
    text = _after_lead_word(text)
    text = _strip_lead(text)
    # Names carry no digits: what follows the first one is a date, a time or a count.
    text = _without_number_label(re.split(r"(?<![\w])\d|\s[|•·]\s", text, maxsplit=1)[0])
    if not text:
        return []
    people: list[PersonName] = []
    for piece in _pieces(text):
        if people and is_credential(piece):
            # "Jane Doe, MS, RDN": letters after a name stay with it.
            people[-1] = PersonName(name=f"{people[-1].name}, {piece.strip()}", role=people[-1].role)
            continue
        if _is_role(piece) or (people and _POSITION_AT.search(piece)):
            # "Jane Doe, Trial Attorney at Example & Partners": a position, not a second name.
            if people and people[-1].role is None:
                people[-1] = PersonName(name=people[-1].name, role=_tidy(piece))
            continue
        person = _person(piece)
        if person is None:
            continue
        if all(person.name.casefold() != known.name.casefold() for known in people):
            people.append(person)
    return people


# A word that leads into the date or count after it: a weekday, a preposition ("on", "at").
_NUMBER_LEADS = word_set(
    "mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday saturday sunday "
    "mo di mi fr sa montag dienstag mittwoch donnerstag freitag samstag sonntag lun mer jeu ven sam dim "
    "lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes miércoles jueves viernes sábado "
    "domingo on at am um le el il op på"
)


def _without_number_label(text: str) -> str:
    """``text`` without its last word when that word introduces the number cut off after it: a
    weekday ("Sat,"), a preposition ("on"), a count's label alone in its piece ("Posts:")."""
    words = text.rstrip(" ,;").split(" ")
    last = words[-1] if words else ""
    alone = len(words) == 1 or words[-2].endswith((";", ","))
    if last.casefold().strip(".,:") in _NUMBER_LEADS or (alone and last.endswith(":") and len(last) > 1):
        return " ".join(words[:-1])
    return text


# Degrees, licences and certifications printed after a name, compared without dots or case.
CREDENTIALS = word_set(
    "md do phd dphil psyd edd dnp ms msc ma mba mph mfa med bsc ba bs rd rdn ld cdn cssd fand rn bsn np "
    "pa-c aprn fnp dds dmd jd esq cpa cfp cfa cepf lcsw lmft lpc dvm cpt cscs ryt e-ryt facp faclm foma "
    "dabom faap facc frcp mrcp mbbs chb nd lac ches cns ibclc otr dpt od jr sr ii iii iv"
)


def is_credential(piece: str) -> bool:
    """ "MS", "Ph.D.", "CEPF®", "M.D. FACLM": only degree and certification letters."""
    words = piece.replace(".", "").replace("®", "").replace("™", "").casefold().split()
    return bool(words) and len(words) <= 3 and all(word in CREDENTIALS for word in words)


def _pieces(text: str) -> list[str]:
    """The byline cut at commas and joining words; at "&" only between full names ("Jane Doe &
    John Roe"), as single words on both sides name a firm ("Johnson & Johnson")."""
    pieces = []
    for piece in _SPLIT.split(text.replace("&amp;", "&")):
        sides = [side.strip() for side in piece.split("&")]
        if len(sides) > 1 and all(len(side.split()) >= 2 for side in sides):
            pieces.extend(sides)
        else:
            pieces.append(piece)
    return pieces


def _after_lead_word(text: str) -> str:
    """ "Politics von Jane Doe" -> "Jane Doe": a lead word inside the byline starts the names."""
    match = _INNER_LEAD.search(text)
    return text[match.end() :] if match and match.start() > 0 else text


def _strip_lead(text: str) -> str:
    previous = None
    while previous != text:
        previous = text
        text = _LEAD.sub("", text)
    if _LEAD_COLON.match(text) and not _is_name(text.split(":", 1)[0]):
        text = text.split(":", 1)[1]
    return text.strip(" ,;:-–—|")


def _person(piece: str) -> PersonName | None:
    piece = re.sub(r"\s*\([^)]*\)?\s*$", "", piece.strip(" .,;:-–—|[]\u00a0\"“”„«»"))
    piece = _strip_lead(piece).strip(" .,;:-–—|()[]")
    piece = re.sub(rf"\s+(?:{_LEAD_WORDS})$", "", piece, flags=re.IGNORECASE)
    # A joiner left at the end when the next name sat in a link of its own ("Jane Doe und").
    piece = _TRAILING_JOINER.sub("", piece)
    if not piece:
        return None
    role = None
    glued = re.match(r"^(.+?)\s*(?:[-–—(]|,)\s*(.+?)\)?$", piece)
    if (
        glued
        and (_is_role(glued.group(2)) or _team_after_name(piece, glued.group(1), glued.group(2)))
        and _is_name(glued.group(1))
    ):
        piece, role = glued.group(1), _tidy(glued.group(2))
    else:
        piece, role = _split_trailing_role(piece)
    if not _is_name(piece):
        return None
    return PersonName(name=piece, role=role)


def _split_trailing_role(piece: str) -> tuple[str, str | None]:
    words = piece.split()
    cut = len(words)
    while cut > 1 and words[cut - 1].casefold().strip(".,") in ROLE_WORDS:
        cut -= 1
    # One word left is a surname and a role only in scripts without case ("신현주 기자").
    if cut < len(words) and (cut >= 2 or (cut == 1 and not _is_cased(words[0]))):
        return " ".join(words[:cut]), " ".join(words[cut:])
    return piece, None


# A position held somewhere: "Editor at ...", "Partner @ ...".
_POSITION_AT = re.compile(r"\s(?:at|@)\s+\S")


def _team_after_name(piece: str, name: str, rest: str) -> bool:
    """A team or an organisation set off by a spaced dash after a full name ("Jane Doe - Example
    Editorial Team"); a hyphen inside a word joins one name ("Presse-Agentur", "n-tv")."""
    return (
        len(name.split()) >= 2
        and re.search(r"\s[-–—]\s", piece) is not None
        and bool({w.casefold().strip(".,()") for w in rest.split()} & ORGANISATION_WORDS)
    )


def _is_cased(word: str) -> bool:
    return any(ch.lower() != ch.upper() for ch in word)


def _is_role(text: str) -> bool:
    words = [w.casefold().strip(".,()") for w in text.split()]
    if words and not _is_cased(words[0]) and words[0] not in ROLE_WORDS:
        return False  # "신현주 기자": a name, then the role
    return bool(words) and len(words) <= 6 and any(w in ROLE_WORDS or w.endswith(_ROLE_STEMS) for w in words)


_ROLE_STEMS = (
    "redakteur",
    "redakteurin",
    "editor",
    "director",
    "reporter",
    "korrespondent",
    "korrespondentin",
    "journalist",
    "journalistin",
    "leiter",
    "leiterin",
    "chef",
)


def _is_name(text: str) -> bool:
    """Whether ``text`` reads as a person's (or a news agency's) name, not a phrase or a date."""
    text = text.strip()
    if not text or len(text) > 60 or _LEAD.match(text + " ") or _MONTH_OR_DAY.search(text):
        return False
    words = text.split()
    if len(words) > 6:
        return False
    lowered = {w.casefold().strip(".,:") for w in words}
    if lowered & _NOT_NAME_WORDS or (
        len(words) == 1 and (lowered & _CONNECTORS or text.casefold().rstrip(".") in MONTHS)
    ):
        return False
    if all(w in ROLE_WORDS or w in ORGANISATION_WORDS for w in lowered):
        return False
    if not any(map(str.isalpha, text)):
        return False
    # Scripts without case (CJK, Arabic, ...) cannot be checked for capitals.
    cased = [w for w in words if w[0].isalpha() and w[0].lower() != w[0].upper()]
    if cased and len(words) > 1:
        # Particles ("de", "van") sit inside a name; a lowercase first word is initials or a label.
        particles = sum(1 for w in cased if w[0].islower())
        return particles < len(cased) and particles <= 2 and not cased[0][0].islower()
    return True


def _tidy(text: str) -> str:
    return text.strip(" .,;:-–—|()")
