"""robots.txt read as RFC 9309 says: groups by user agent, longest matching rule wins, ``*`` and
``$`` in paths, Allow winning a tie; plus the widely used ``Crawl-delay`` and ``Sitemap`` lines.
Pure: the text in, answers out.
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote, urlsplit

import msgspec

from newsledger.caching import short_key_cache

MAX_ROBOTS_BYTES = 500 * 1024  # the RFC's least limit a crawler must read


class Rule(msgspec.Struct, frozen=True):
    allow: bool
    pattern: str


class Robots(msgspec.Struct, frozen=True):
    """The rules that apply to one user agent, with its crawl delay and the declared sitemaps."""

    rules: tuple[Rule, ...] = ()
    crawl_delay: float | None = None
    sitemaps: tuple[str, ...] = ()
    disallow_all: bool = False

    def allows(self, url: str) -> bool:
        if self.disallow_all:
            return False
        parts = urlsplit(url)
        target = _escape((parts.path or "/") + (f"?{parts.query}" if parts.query else ""))
        if target == "/robots.txt":
            return True
        best: Rule | None = None
        for rule in self.rules:
            if _matches(rule.pattern, target) and (
                best is None
                or len(rule.pattern) > len(best.pattern)
                or (len(rule.pattern) == len(best.pattern) and rule.allow)
            ):
                best = rule
        return best is None or best.allow


ALLOW_ALL = Robots()
DISALLOW_ALL = Robots(disallow_all=True)


def parse_robots(text: str, user_agent: str) -> Robots:
    """The rules of the group naming ``user_agent``'s product token, else of the ``*`` group."""
    token = user_agent.split("/", 1)[0].strip().lower()
    groups: dict[str, list[tuple[str, str]]] = {}
    sitemaps: list[str] = []
    agents: list[str] = []
    in_rules = False
    for field, value in _lines(text[:MAX_ROBOTS_BYTES]):
        if field == "sitemap":
            sitemaps.append(value)
        elif field == "user-agent":
            if in_rules:
                agents, in_rules = [], False
            agents.append(value.lower())
            for agent in agents:
                groups.setdefault(agent, [])
        elif field in ("allow", "disallow", "crawl-delay") and agents:
            in_rules = True
            for agent in agents:
                groups[agent].append((field, value))
    chosen = groups.get(token) if token in groups else groups.get("*", [])
    return _group_rules(chosen or [], tuple(sitemaps))


def _lines(text: str):
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        field, sep, value = line.partition(":")
        if sep:
            yield field.strip().lower(), value.strip()


def _group_rules(lines: list[tuple[str, str]], sitemaps: tuple[str, ...]) -> Robots:
    rules: list[Rule] = []
    delay: float | None = None
    for field, value in lines:
        if field == "crawl-delay":
            try:
                delay = max(float(value), 0.0)
            except ValueError:
                continue
        elif value:  # an empty Disallow allows everything: no rule
            rules.append(Rule(allow=field == "allow", pattern=_escape(value)))
    return Robots(rules=tuple(rules), crawl_delay=delay, sitemaps=sitemaps)


def _escape(path: str) -> str:
    """Percent-escapes spelled one way, so ``/caf%C3%A9`` and ``/café`` compare equal."""
    return quote(unquote(path), safe="/?=&;:@!$'()*+,~-._%")


def _matches(pattern: str, target: str) -> bool:
    if "*" not in pattern and not pattern.endswith("$"):
        return target.startswith(pattern)
    return _compiled(pattern).match(target) is not None


@short_key_cache(maxsize=4096)
def _compiled(pattern: str) -> re.Pattern[str]:
    anchored = pattern.endswith("$")
    body = pattern[:-1] if anchored else pattern
    regex = ".*".join(re.escape(piece) for piece in body.split("*"))
    return re.compile(regex + ("$" if anchored else ""), re.DOTALL)
