"""The ledger against real databases: SQLite always, PostgreSQL when a server can be reached."""

from __future__ import annotations

import sqlite3

import pytest
from tests.ledgerkit import postgres_url, processed

from newsledger.errors import InputError
from newsledger.ledger import Ledger
from newsledger.model import SourceFailure


def test_store_then_read_back_the_article_and_statements(ledger):
    result = ledger.store(processed(1, [("The bridge will reopen in May.", "Maria Lopez")]))
    assert result.stored and result.article_id and result.statements == 1
    stored = ledger.article(result.article_id)
    assert stored.article.headline.value.startswith("Brindlecombe weighs")
    assert stored.site == "example.org"
    assert [s.statement.content.text for s in stored.statements] == ["The bridge will reopen in May."]
    assert stored.statements[0].speaker_id is not None


def test_the_same_page_twice_is_stored_once(ledger):
    first = ledger.store(processed(2, [("Fares stay as they are.", "Tom Reed")]))
    second = ledger.store(processed(2, [("Fares stay as they are.", "Tom Reed")]))
    assert first.stored and not second.stored and second.page_id == first.page_id
    stats = ledger.stats()
    assert (stats.pages, stats.articles, stats.statements) == (1, 1, 1)
    assert ledger.has_page(processed(2, []).page.key)
    assert not ledger.has_page("https://nowhere.example/x")


def test_raw_page_is_kept_compressed_and_comes_back_whole(ledger):
    item = processed(3, [])
    result = ledger.store(item)
    assert ledger.page(result.page_id).content == item.page.content
    [(page_id, page)] = list(ledger.iter_pages())
    assert page_id == result.page_id and page.key == item.page.key and page.url == item.page.url


def test_search_matches_statement_content_with_stemming_and_filters(ledger):
    ledger.store(processed(4, [("The harbour needs dredging before winter.", "Ana Silva")], site="one.example",
                           date="2025-03-05"))
    ledger.store(processed(5, [("Dredged channels help the fishing fleet.", "Ben Okoro")], site="two.example",
                           kind="indirect", date="2025-06-02"))
    ledger.store(processed(6, [("Library hours will be longer.", "Ana Silva")], site="one.example"))
    assert {h.speaker for h in ledger.search("dredging").hits} == {"Ana Silva", "Ben Okoro"}
    assert [h.speaker for h in ledger.search("dredging", site="two.example").hits] == ["Ben Okoro"]
    assert [h.speaker for h in ledger.search("dredging", kind="indirect").hits] == ["Ben Okoro"]
    assert [h.content for h in ledger.search(None, speaker="ana silva").hits] == [
        "Library hours will be longer.", "The harbour needs dredging before winter."]
    assert [h.speaker for h in ledger.search("dredging", since="2025-06-01").hits] == ["Ben Okoro"]
    assert [h.speaker for h in ledger.search("dredging", until="2025-05").hits] == ["Ana Silva"]
    assert ledger.search('"fishing fleet"').hits[0].speaker == "Ben Okoro"
    assert ledger.search("harbour OR library").hits and not ledger.search("harbour -winter").hits


def test_search_rejects_a_query_without_words(ledger):
    with pytest.raises(InputError):
        ledger.search("-- !!")


def test_cursor_pagination_visits_every_hit_once(ledger):
    for n in range(7):
        ledger.store(processed(10 + n, [(f"Rates must fall by {n} points this year.", f"Speaker {n}")]))
    seen, cursor = [], None
    while True:
        page = ledger.search("rates", limit=3, cursor=cursor)
        seen += [hit.statement_id for hit in page.hits]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert len(seen) == 7 == len(set(seen))
    assert seen == sorted(seen, reverse=True)
    with pytest.raises(InputError):
        ledger.search("rates", cursor="not-a-cursor")


def test_speakers_are_canonical_across_articles(ledger):
    ledger.store(processed(20, [("We will build it.", "Maria Lopez")], description="the mayor"))
    ledger.store(processed(21, [("It is on schedule.", "maria  lopez"), ("Costs rose.", "Kai Berg")],
                           description="the mayor of Aldermoor"))
    page = ledger.speakers()
    assert [(s.name, s.statement_count) for s in page.speakers] == [("Maria Lopez", 2), ("Kai Berg", 1)]
    record = ledger.speaker(page.speakers[0].speaker_id)
    assert record.article_count == 2
    assert {d.value for d in record.descriptions} == {"the mayor", "the mayor of Aldermoor"}
    timeline = ledger.speaker_statements(record.speaker_id)
    assert [h.content for h in timeline.hits] == ["It is on schedule.", "We will build it."]
    assert ledger.speaker(999_999) is None
    first = ledger.speakers(limit=1)
    second = ledger.speakers(limit=1, cursor=first.next_cursor)
    assert [s.name for s in first.speakers + second.speakers] == ["Maria Lopez", "Kai Berg"]


def test_sites_site_page_and_article_search(ledger):
    ledger.store(processed(30, [("Buses will run later.", "Ida Moss")], site="one.example"))
    ledger.store(processed(31, [], site="one.example"))
    ledger.store(processed(32, [], site="two.example"))
    assert [(s.site, s.article_count) for s in ledger.sites()] == [("one.example", 2), ("two.example", 1)]
    site = ledger.site("www.one.example")
    assert site.site.statement_count == 1 and len(site.articles.hits) == 2
    assert [s.name for s in site.top_speakers] == ["Ida Moss"]
    assert ledger.site("absent.example") is None
    hits = ledger.search_articles("council", site="two.example").hits
    assert [h.site for h in hits] == ["two.example"]


def test_failures_are_recorded_once_with_attempts(ledger):
    failure = SourceFailure(input="missing.html", stage="source", reason="missing.html: no such file")
    ledger.record_failure(failure)
    ledger.record_failure(failure)
    [record] = ledger.failures()
    assert record.attempts == 2 and record.stage == "source"
    assert ledger.stats().failures == 1


def test_replacing_an_article_updates_statements_and_speaker_counts(ledger):
    result = ledger.store(processed(40, [("Old words.", "Lee Park"), ("More old words.", "Lee Park")]))
    ledger.replace_article(result.page_id, processed(40, [("New words.", "Lee Park")]))
    assert [h.content for h in ledger.search("words").hits] == ["New words."]
    assert ledger.speakers().speakers[0].statement_count == 1
    assert ledger.stats().articles == 1


def test_migrations_are_recorded_and_reopening_applies_none(tmp_path):
    path = str(tmp_path / "m.db")
    with Ledger.open(path) as ledger:
        names = ledger.stats().schema
    assert names[:3] == ("0001_tables", "0002_full_text_search", "0003_site_counts")
    assert "0005_page_provenance" in names
    assert "0007_follow_sources" in names
    assert "0008_statement_attribution" in names
    with Ledger.open(path) as ledger:
        assert ledger.db.migrate() == ()
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_fts_triggers_follow_deletes(tmp_path):
    with Ledger.open(str(tmp_path / "t.db")) as ledger:
        result = ledger.store(processed(50, [("Ferries resume on Monday.", "Oona Hale")]))
        ledger.db.execute("DELETE FROM statements WHERE article_id = ?", (result.article_id,))
        assert ledger.search("ferries").hits == ()
        count = ledger.db.scalar("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'ferries'")
        assert count == 0


def test_every_row_names_its_extractor(ledger):
    ledger.store(processed(60, [("Yes.", "Ro Vance")]))
    for table in ("pages", "articles", "statements", "speakers", "speaker_mentions"):
        assert ledger.db.scalar(f"SELECT count(*) FROM {table} WHERE extractor IS NULL OR extractor = ''") == 0
    assert ledger.db.scalar("SELECT extractor FROM statements") == "test"


def test_a_title_before_a_full_name_does_not_split_a_speaker(ledger):
    ledger.store(processed(70, [("The gates will hold.", "Dr Ana Silva")]))
    ledger.store(processed(71, [("Funding is agreed.", "Ana Silva")]))
    ledger.store(processed(72, [("Not me.", "Mayor Silva")]))
    names = {(s.name, s.statement_count) for s in ledger.speakers().speakers}
    assert names == {("Dr Ana Silva", 2), ("Mayor Silva", 1)}


@pytest.mark.parametrize(("few", "walk"), [(True, 80), (True, 0), (False, 80)])
def test_every_plan_for_a_speaker_filter_agrees(ledger, monkeypatch, few, walk):
    monkeypatch.setattr("newsledger.ledger.read._few_statements", lambda db, ids: few)
    monkeypatch.setattr("newsledger.ledger.read.WALK_PER_CANDIDATE", walk)
    for n in range(6):
        speaker = "Ava Stone" if n % 2 else "Max Hale"
        ledger.store(processed(80 + n, [(f"The tide barrier is ready, part {n}.", speaker), ("Unrelated.", speaker)]))
    # newest first by date: the articles of parts 1, 3 and 5 are of March 26, 28 and 2
    hits = ledger.search("barrier", speaker="Ava Stone", limit=2)
    more = ledger.search("barrier", speaker="Ava Stone", limit=2, cursor=hits.next_cursor)
    assert [h.content[-7:-1] for h in hits.hits + more.hits] == ["part 3", "part 1", "part 5"]
    assert more.next_cursor is None


@pytest.mark.postgres
def test_postgres_migrations_are_recorded_and_reopening_applies_none():
    with postgres_url() as url:
        with Ledger.open(url) as ledger:
            assert ledger.stats().schema[:4] == (
                "0001_tables", "0002_full_text_search", "0003_search_statistics", "0004_site_counts"
            )
            assert "0005_page_provenance" in ledger.stats().schema
            assert "0007_follow_sources" in ledger.stats().schema
            assert "0008_statement_attribution" in ledger.stats().schema
            assert ledger.stats().backend == "postgresql"
        with Ledger.open(url) as ledger:
            assert ledger.db.migrate() == ()
