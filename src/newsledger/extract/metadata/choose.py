"""Choosing one value among candidates, keeping the others as rejected evidence."""

from __future__ import annotations

from collections.abc import Sequence

from newsledger.extract.metadata.signals import Found
from newsledger.model import Candidate, Evidence, TextField


def evidence_for(chosen: Found, others: Sequence[Found] = (), reason: str = "") -> Evidence:
    return Evidence(
        source=chosen.source,
        locator=chosen.locator,
        raw=chosen.value,
        rejected=rejected(chosen, others, reason),
    )


def rejected(chosen: Found, others: Sequence[Found], reason: str = "") -> tuple[Candidate, ...]:
    """The candidates that disagree with the chosen value, once each."""
    seen = {chosen.value.casefold()}
    out = []
    for other in others:
        key = other.value.casefold()
        if key in seen or not other.value:
            continue
        seen.add(key)
        out.append(
            Candidate(value=other.value[:300], source=other.source, locator=other.locator, reason=reason)
        )
    return tuple(out)


def first_field(candidates: Sequence[Found], reason: str = "lower-priority source") -> TextField | None:
    """The first non-empty candidate as a field; the rest that differ are rejected."""
    present = [c for c in candidates if c.value]
    if not present:
        return None
    chosen = present[0]
    return TextField(value=chosen.value, evidence=evidence_for(chosen, present[1:], reason))
