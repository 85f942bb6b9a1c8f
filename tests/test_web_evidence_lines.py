"""The evidence of a metadata field names its lines once, however it was located."""

from __future__ import annotations

from newsledger.model import Evidence
from newsledger.web.rendering import TEMPLATES


def evidence_text(ev: Evidence) -> str:
    macro = TEMPLATES.env.get_template("_record.html").module.evidence
    return str(macro(ev)).split("</span>", 1)[0].split(">", 1)[1]


def test_a_locator_that_names_the_lines_is_not_followed_by_them_again() -> None:
    shown = evidence_text(Evidence(source="text-line", locator="lines 7-9", lines=(7, 9)))
    assert shown.count("lines") == 1 and shown.endswith("text-line · lines 7-9")


def test_lines_are_shown_beside_a_locator_that_does_not_name_them() -> None:
    shown = evidence_text(Evidence(source="meta", locator='meta[property="og:title"]', lines=(3, 5)))
    assert shown.endswith("· lines 3–5")
    assert evidence_text(Evidence(source="text-line", lines=(4, 4))).endswith("· lines 4–4")
