"""The boilerplate vocabulary and the small pure helpers of body extraction."""

from __future__ import annotations

import re

import pytest

from newsledger.extract.content import rules
from newsledger.extract.content.blocks import _member_stat, split_credit
from newsledger.extract.content.rules import kind_from_class, kind_from_text
from newsledger.extract.dom import LINE_BREAK, normalise_space


@pytest.mark.parametrize(
    ("classes", "kind"),
    [
        ("c-share__bar", "share_bar"),
        ("socialShareButtons", "share_bar"),
        ("newsletter-signup", "newsletter"),
        ("sign-up-box", "newsletter"),
        ("widget widget_newsletter", "newsletter"),
        ("donation-appeal", "donation_appeal"),
        ("support-us-banner", "donation_appeal"),
        ("related-articles", "related_links"),
        ("relatedArticles", "related_links"),
        ("ad", "advertisement"),
        ("ad-slot ad-leaderboard", "advertisement"),
        ("cookie-banner", "cookie_consent"),
        ("comments-area", "comments"),
        ("author-bio", "author_box"),
        ("breadcrumbs", "navigation"),
        ("x hidden", "label"),
        ("sr-only", "label"),
        ("figure-caption", "caption"),
        ("article-body", None),
        ("story-content main", None),
        ("adobe-fonts", None),
        ("hidden-xs", None),
        ("post type-post category-fundraising tag-cookies", None),
        ("commentary", None),
        # A state the box is in or a feature it allows names no kind of box.
        ("product grid subscription-eligible", None),
        ("post hentry comments-open", None),
        ("site sticky-header-enabled", None),
        ("subscription-form", "newsletter"),
        # Each class is read on its own: a word run over two classes names nothing, and a
        # camelCase taxonomy class is a taxonomy class.
        ("sign up", None),
        ("tagSharing entry", None),
        ("entry\tTagList\nshare-tools", "share_bar"),
        # A utility class with an arbitrary value names a style value, not the box.
        ("w-full sticky top-[var(--nav-height)] h-[var(--content-height)]", None),
        ("w-full site-nav top-[var(--header-height)]", "navigation"),
        # A page builder's components (``cmp-text``) are no consent box.
        ("cmp-text", None),
        ("cmp-container cookie-consent", "cookie_consent"),
        # A class saying the box lacks or hides a kind names what the box is not.
        ("col-md-4 items-listing pdp-no-commercial", None),
        ("grid-items hide-read-more-ad", None),
        ("layout-without-sidebar", None),
        ("nav-no-js", "navigation"),
        # A style module's hash spells no word, even one beginning like ``ad``.
        ("mdx-table_root__adKqa", None),
        ("FaqList_item__adF2E", None),
        ("Accordion_panel-header__ZMJrk", "header"),
        ("card__ad-slot", "advertisement"),
        ("Card_item__promo", "related_links"),
        # The header or footer of a component (a card, a section of a landing page) is its title
        # or its link line; the page's own keep their kind, whatever words come before.
        ("card-header", None),
        ("pages__StyledCustomerCardFooter-sc-e2c04df0-8", None),
        ("Headlinestyles__StyledHeadlineHeader-sc-14uj3bo-2", None),
        ("section-header text-center", None),
        ("site-header", "header"),
        ("shopify-section-group-footer-group", "footer"),
        ("footer-block", "footer"),
        ("card-header share-bar", "share_bar"),
        # A form's messages after it is sent are hidden until then.
        ("w-form-done", "other"),
        ("form-fail", "other"),
        ("contact-form-wrapper", None),
    ],
)
def test_kind_from_class(classes: str, kind: str | None) -> None:
    assert kind_from_class(classes) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Sign up for our daily newsletter", "newsletter"),
        ("Advertisement", "advertisement"),
        ("Anzeige", "advertisement"),
        ("Read more: the council's budget explained", "related_links"),
        ("Читайте також: новини регіону", "related_links"),
        ("Please donate to keep us independent", "donation_appeal"),
        ("Leave a Reply", "comments"),
        ("Share this article", "share_bar"),
        ("We use cookies to improve your experience. Accept cookies?", "cookie_consent"),
        ("Werbung", "advertisement"),
        ("Copyright © 2024 The Daily Example. All rights reserved.", "footer"),
        ("Published November 20th, 2019 - 07:50 GMT", "dateline"),
        ("Jane Doe 2019-11-20 17:27:46", "dateline"),
        ("On 2019-11-20 the council met and decided to close the bridge.", None),
        ("The council said it would accept the proposal on Monday.", None),
        ("A long paragraph that mentions a newsletter " + "and goes on " * 30, None),
        # The stamp under a post of a board or of a question-and-answer site.
        ("answered Mar 28, 2014 at 22:52", "dateline"),
        ("edited Jun 20, 2014 at 13:14", "dateline"),
        ("Edited June 19, 2024 by jdoe", "dateline"),
        ("Posted February 26 (edited)", "dateline"),
        ("Posted by jdoe on 07/03/24 02:57 PM", "dateline"),
        ("asked 3 years ago", "dateline"),
        ("She asked May for help.", None),
        ("Answered the question in May 2020 and then left.", None),
        # The reading time, alone or after a byline; a date before it stays with it.
        ("6 min read", "dateline"),
        ("Jane Doe | 5 min read", "dateline"),
        ("Mar 07, 2026 · 4 min read", None),
        # The controls of a list and a page's table of contents, titled alone.
        ("Sort: Best Match", "navigation"),
        ("Sort by: Price, low to high", "navigation"),
        ("Showing 1–16 of 29 results", "navigation"),
        ("Filters (2)", "navigation"),
        ("Table of Contents", "navigation"),
        ("Skip to content", "navigation"),
        ("Was this page helpful?", "navigation"),
        ("Sort the list by date to see the newest first.", None),
        ("Contents of the box: a cable and a charger", None),
        ("Skip to search results", "navigation"),
        # A placeholder while a script loads, a shop item's buttons, a count of reviews alone.
        ("Loading...", "other"),
        ("Add to Cart", "other"),
        ("Buy It Now", "other"),
        ("1,204 Reviews", "other"),
        ("(12) ratings", "other"),
        ("Add to cart the cables you need, then check out.", None),
        ("The reviews were mixed.", None),
        # A question-and-answer site's pointers to other questions; the controls under a post.
        ("Explore related questions", "related_links"),
        ("See similar questions with these tags.", "related_links"),
        ("Reply", "other"),
        ("Quote", "other"),
        ("Click to expand...", "other"),
        ("Show 3 more comments", "other"),
        ("I like it", None),
        ("Report the fault to the council.", None),
        # One phrase said over and over: a ticker's text, a picker's swatch labels.
        ("Book Now * Book Now * Book Now * Book Now * Book Now *", "other"),
        ("Swatch Swatch Swatch Swatch Swatch", "other"),
        ("The cat sat. The cat sat. The cat sat.", None),
        ("--------------------------------", None),
        # A script's message when a request fails.
        ("Oops! Something went wrong. Please try again.", "other"),
        ("There was a problem calculating your shipping. Please try again.", "other"),
        ("Something went wrong at the plant, the inspectors found, and it was never fixed.", None),
        ("Something went wrong while talking to the server. Please try again or write to us.", "other"),
        ("Please try again to picture the city as it was in 1900, before the fire.", None),
    ],
)
def test_kind_from_text(text: str, kind: str | None) -> None:
    assert kind_from_text(text) == kind


def test_text_formulas_split_at_their_alternatives() -> None:
    """The formulas tried at a text's start and those searched for are the formulas whole: of two
    matching at the start, the one of lower rank wins, as in one search of all of them."""
    for _, formula in rules._TEXT_FORMULAS:
        assert "|".join(rules._alternatives(formula)) == formula
    assert rules._alternatives(r"^[^]|]a|b(?:c|d)|[\]|]e") == [r"^[^]|]a", "b(?:c|d)", r"[\]|]e"]
    one_search = re.compile(
        "|".join(f"(?P<{kind}__{rank}>{formula})" for rank, (kind, formula) in enumerate(rules._TEXT_FORMULAS)),
        re.I,
    )
    for text in (
        "Sign up for our newsletter",
        "Newsletter: sign up",
        "Copyright 2024. All rights reserved.",
        "All rights reserved",
        "Sorry, something broke. Please try again",
        "Share this article by email",
        "Read more about cookie settings",
        "We use cookies to improve the site",
        "Please try again",
        "Donate",
    ):
        match = one_search.search(text)
        assert kind_from_text(text) == (match.lastgroup.partition("__")[0] if match and match.lastgroup else None)


def _read_token_by_token(tokens: str) -> str | None:
    found = {kind for token in tokens.split() for kind in rules._kinds_of_token(token)}
    return min(found, key=rules._PRIORITY.__getitem__) if found else None


def test_a_string_told_to_name_nothing_names_nothing_read_token_by_token() -> None:
    """The search for word heads that spares most class strings their tokens gives the same
    kind as reading every token, whatever the case, humps, hashes and separators."""
    words = [
        *(joined for entries in rules._PREFIXES.values() for joined, _ in entries),
        *rules._EXACT, *rules._COMPOUNDS, *rules._TOKENS, "no", "card", "category", "open", "x",
    ]  # fmt: skip
    shapes = (
        "{}", "{}zz", "box-{}", "box {}", "box{}", "Box{}", "box_{}__Ab12C", "{}__adKqa", "a\t{}", "{}-open", "1{}",
    )  # fmt: skip
    for word in words:
        for shape in shapes:
            for text in (shape.format(word), shape.format(word.title()), shape.format(word.upper())):
                for variant in (text, text.replace("-", ""), text.title().replace("-", "")):
                    assert rules.kind_from_names(variant) == _read_token_by_token(variant), variant
    assert rules._names_nothing("col-md-6 row clearfix")
    assert not rules._names_nothing("sidebarWidget")


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        ("A street in Lviv. Photo: Jane Doe / Agency", ("A street in Lviv.", "Photo: Jane Doe / Agency")),
        ("The harbour at dawn (© Northern Images)", ("The harbour at dawn", "© Northern Images")),
        ("No credit here", ("No credit here", None)),
    ],
)
def test_split_credit(caption: str, expected: tuple[str | None, str | None]) -> None:
    assert split_credit(caption) == expected


def test_normalise_space_keeps_only_real_line_breaks() -> None:
    assert normalise_space("  a \n b\t c ") == "a b c"
    assert normalise_space(f"first line {LINE_BREAK}  second\n line") == "first line\nsecond line"


@pytest.mark.parametrize(
    ("text", "stat"),
    [
        ("3.2k3 gold badges5 silver badges", "value"),
        # Each count printed twice, once for screen readers, after the member's score.
        ("88.7k1616 gold badges125125 silver badges181181 bronze badges", "value"),
        ("1,204 posts · Joined 2015", "value"),
        # The rank a board gives a member, alone on its line, and the date the member joined.
        ("Senior Member", "value"),
        ("Original Poster", "value"),
        ("Join Date: Mar 2019", "value"),
        ("Member of parliament", None),
        ("12 apples", None),
        ("2019 12 posts", None),
    ],
)
def test_member_stat_reads_a_record_a_rank_or_a_score(text: str, stat: str | None) -> None:
    assert _member_stat(text) == stat
