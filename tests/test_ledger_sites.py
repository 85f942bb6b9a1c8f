"""Per-site counts kept by the writer: they must always equal what aggregating the articles and
statements gives, through storing, storing again, re-extraction, and the migration that adds them."""

from __future__ import annotations

import pytest
from tests.ledgerkit import postgres_url, processed

from newsledger.ledger import Ledger, site_counts
from newsledger.ledger.db import open_database

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture
def target(request, tmp_path):
    if request.param == "sqlite":
        yield str(tmp_path / "ledger.db")
        return
    with postgres_url() as url:
        yield url


def aggregated_sites(ledger: Ledger) -> list[tuple]:
    """Each site's row as recomputed from every article and statement."""
    return ledger.db.fetchall(
        "SELECT a.site, max(a.site_name), count(*), coalesce(sum(a.statement_count), 0), min(a.published),"
        " max(a.published), (SELECT count(DISTINCT s.speaker_id) FROM statements s WHERE s.site = a.site)"
        " FROM articles a GROUP BY a.site ORDER BY a.site"
    )


def kept_sites(ledger: Ledger) -> list[tuple]:
    return [
        (s.site, s.site_name, s.article_count, s.statement_count, s.first_published, s.last_published, s.speaker_count)
        for s in sorted(ledger.sites(), key=lambda s: s.site)
    ]


def aggregated_site_speakers(ledger: Ledger) -> list[tuple]:
    return ledger.db.fetchall(
        "SELECT site, speaker_id, count(*), min(said_on), max(said_on) FROM statements"
        " WHERE speaker_id IS NOT NULL GROUP BY site, speaker_id ORDER BY site, speaker_id"
    )


def kept_site_speakers(ledger: Ledger) -> list[tuple]:
    return ledger.db.fetchall(
        "SELECT site, speaker_id, statement_count, first_said, last_said FROM site_speakers ORDER BY site, speaker_id"
    )


def assert_counts_agree(ledger: Ledger, *, names: bool = False) -> None:
    """Counts and ranges agree; the display name only while no article has left (the writer
    keeps a site's name when an article goes rather than rereading the site's articles)."""
    name = slice(None) if names else slice(2, None)
    assert [row[:1] + row[name] for row in kept_sites(ledger)] == [
        tuple(row)[:1] + tuple(row)[name] for row in aggregated_sites(ledger)
    ]
    assert [tuple(r) for r in kept_site_speakers(ledger)] == [tuple(r) for r in aggregated_site_speakers(ledger)]
    for (speaker_id,) in ledger.db.fetchall("SELECT id FROM speakers WHERE statement_count > 0"):
        outlets = ledger.db.fetchall(
            "SELECT site, count(*) FROM statements WHERE speaker_id = ? GROUP BY site ORDER BY 2 DESC, 1",
            (speaker_id,),
        )
        assert [(c.value, c.count) for c in ledger.speaker(speaker_id).sites] == [tuple(row) for row in outlets]
    stats = ledger.stats()
    totals = ledger.db.fetchone("SELECT count(*), (SELECT count(*) FROM statements) FROM articles")
    assert (stats.sites, stats.articles, stats.statements) == (len(aggregated_sites(ledger)), *totals)


def fill(ledger: Ledger) -> list[int]:
    """A few articles on two sites, speakers shared across them, dated statements."""
    results = [
        ledger.store(processed(1, [("Bridges first.", "Ada Quill"), ("Roads next.", "Ben Stroud")], site="one.example",
                               date="2025-01-05")),
        ledger.store(processed(2, [("Ferries too.", "Ada Quill")], site="one.example", date="2025-02-10")),
        ledger.store(processed(3, [], site="one.example")),
        ledger.store(processed(4, [("Trains later.", "Ada Quill"), ("Not now.", None)], site="two.example")),
    ]
    return [result.page_id for result in results]


@pytest.mark.parametrize("target", BACKENDS, indirect=True)
def test_counts_follow_store_restore_and_replace(target):
    with Ledger.open(target) as ledger:
        pages = fill(ledger)
        assert_counts_agree(ledger, names=True)
        one = ledger.site("one.example")
        assert (one.site.article_count, one.site.statement_count, one.site.speaker_count) == (3, 3, 2)
        assert [(s.name, s.statement_count) for s in one.top_speakers] == [("Ada Quill", 2), ("Ben Stroud", 1)]
        assert (one.top_speakers[0].first_said, one.top_speakers[0].last_said) == ("2025-01-05", "2025-02-10")

        again = ledger.store(processed(2, [("Ferries too.", "Ada Quill")], site="one.example", date="2025-02-10"))
        assert not again.stored
        assert_counts_agree(ledger, names=True)

        # the newest statement of the site's top speaker goes: its range shrinks back
        ledger.replace_article(pages[1], processed(2, [("Ferries never.", "Cy Vale")], site="one.example"))
        assert_counts_agree(ledger)
        one = ledger.site("one.example")
        assert one.top_speakers[0].last_said == "2025-01-05"

        # an article moving to another site, and the last speaker of a site leaving it
        ledger.replace_article(pages[3], processed(24, [("Elsewhere.", "Ben Stroud")], site="three.example"))
        assert_counts_agree(ledger)
        assert ledger.site("two.example") is None
        assert {s.site for s in ledger.sites()} == {"one.example", "three.example"}

        # re-extraction that finds no article
        ledger.replace_article(pages[2], _without_article(3))
        assert_counts_agree(ledger)


def _without_article(n: int):
    import msgspec

    from newsledger.model import SourceFailure

    return msgspec.structs.replace(
        processed(n, [], site="one.example"), article=None, statements=(),
        failure=SourceFailure(input=f"page {n}", stage="extract", reason="no article"),
    )


@pytest.mark.parametrize("target", BACKENDS, indirect=True)
def test_first_and_last_published_are_reread_when_an_end_goes(target):
    with Ledger.open(target) as ledger:
        pages = fill(ledger)
        first = ledger.site("one.example").site
        assert (first.first_published[:10], first.last_published[:10]) == ("2025-03-02", "2025-03-04")
        ledger.replace_article(pages[2], _without_article(3))
        assert_counts_agree(ledger)
        assert ledger.site("one.example").site.last_published[:10] == "2025-03-03"


@pytest.mark.parametrize("target", BACKENDS, indirect=True)
def test_storing_a_stored_page_again_returns_its_article(target):
    with Ledger.open(target) as ledger:
        first = ledger.store(processed(5, [("Yes.", "Dee Holt")]))
        again = ledger.store(processed(5, [("Yes.", "Dee Holt")]))
        assert (again.stored, again.page_id, again.article_id) == (False, first.page_id, first.article_id)
        failed = ledger.store(_without_article(6))
        assert ledger.store(_without_article(6)).article_id is None and failed.article_id is None


@pytest.mark.parametrize("target", BACKENDS, indirect=True)
def test_migration_backfills_the_counts_of_an_older_ledger(target, monkeypatch):
    db = open_database(target)
    migrations = db.migrations
    db.migrations = tuple(m for m in migrations if m.name not in ("0003_site_counts", "0004_site_counts"))
    db.migrate()
    with monkeypatch.context() as patch:
        patch.setattr(site_counts, "add_article", lambda *args: None)  # the writer before the counts existed
        older = Ledger(db)
        fill(older)
        older.close()
    with Ledger.open(target) as ledger:
        assert any(name.endswith("_site_counts") for name in ledger.stats().schema)
        assert len(kept_sites(ledger)) == 2
        assert_counts_agree(ledger, names=True)
        ledger.store(processed(7, [("After the upgrade.", "Ada Quill")], site="two.example"))
        assert_counts_agree(ledger, names=True)


@pytest.mark.parametrize("target", BACKENDS, indirect=True)
def test_a_site_pages_its_articles_newest_published_first_undated_last(target):
    import msgspec

    with Ledger.open(target) as ledger:
        undated = processed(20, [], site="pages.example")
        ledger.store(msgspec.structs.replace(undated, article=msgspec.structs.replace(undated.article, published=None)))
        for n in (12, 15, 11, 13, 14):
            ledger.store(processed(n, [], site="pages.example"))
        seen, cursor = [], None
        while True:
            page = ledger.site("pages.example", limit=2, cursor=cursor).articles
            seen += [hit.published[:10] if hit.published else None for hit in page.hits]
            cursor = page.next_cursor
            if cursor is None:
                break
        assert seen == ["2025-03-16", "2025-03-15", "2025-03-14", "2025-03-13", "2025-03-12", None]
