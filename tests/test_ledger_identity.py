"""Identity in the ledger: ids that survive re-extraction, and a page stored once however often
and from wherever it is read (its other sightings kept as provenance)."""

from __future__ import annotations

import gzip
import shutil

import msgspec
from tests import warckit
from tests.ledgerkit import processed

from newsledger.ingest import run_ingest, run_reextract
from newsledger.ledger import Ledger
from newsledger.ledger.rows import article_url_key, url_identity

HARBOUR = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour plan agreed</title>
<link rel="canonical" href="https://harbour.example/news/{slug}">
<meta property="article:published_time" content="2025-03-04T09:00:00Z"></head><body><article><h1>Harbour plan agreed</h1>
<p>"The dredging will start in April and finish before the summer season," said Mayor Ana Silva on Monday.</p>
<p>Ben Okoro, the harbour master, said the fishing fleet had waited three years for the channel to be cleared.</p>
<p>"We will watch every lorry that leaves the quay," Okoro told reporters after the council meeting.</p>
</article><aside>{aside}</aside></body></html>"""


def harbour_page(slug: str = "plan-agreed", aside: str = "Most read today") -> bytes:
    return HARBOUR.format(slug=slug, aside=aside).encode()




def _ids(ledger: Ledger) -> list[tuple[int, int, str]]:
    return sorted(ledger.db.fetchall("SELECT article_id, id, content FROM statements"))


def test_reextract_keeps_every_article_and_statement_id(target, tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for n, slug in enumerate(("plan-agreed", "plan-delayed", "plan-funded")):
        (pages / f"{n}.html").write_bytes(harbour_page(slug))
    with Ledger.open(target) as ledger:
        run_ingest([str(pages)], ledger, jobs=0)
        articles = sorted(row[0] for row in ledger.db.fetchall("SELECT id FROM articles"))
        statements = _ids(ledger)
        assert len(articles) == 3 and len(statements) == 9
        run_reextract(ledger, jobs=0)
        run_reextract(ledger, jobs=0)
        assert sorted(row[0] for row in ledger.db.fetchall("SELECT id FROM articles")) == articles
        assert _ids(ledger) == statements
        assert ledger.search("dredging").hits[0].statement_id in {s[1] for s in statements}
        assert [s.statement_count for s in ledger.speakers().speakers] == [6, 3]


def test_a_statement_keeps_its_id_when_others_change(target):
    said = [("The bridge will reopen in May.", "Maria Lopez"), ("Fares stay as they are.", "Tom Reed")]
    with Ledger.open(target) as ledger:
        first = ledger.store(processed(1, said))
        before = {row[2]: row[1] for row in _ids(ledger)}
        fewer = processed(1, said)
        fewer = msgspec.structs.replace(fewer, statements=fewer.statements[1:])
        again = ledger.replace_article(first.page_id, fewer)
        assert again.article_id == first.article_id
        assert {row[2]: row[1] for row in _ids(ledger)} == {"Fares stay as they are.": before["Fares stay as they are."]}
        ledger.replace_article(first.page_id, processed(1, said))
        after = {row[2]: row[1] for row in _ids(ledger)}
        assert after["Fares stay as they are."] == before["Fares stay as they are."]
        assert after["The bridge will reopen in May."] not in before.values()


def test_the_same_page_from_paths_gzip_and_warc_records_is_one_article_with_every_origin(target, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    (one / "harbour.html").write_bytes(harbour_page())
    shutil.copy(one / "harbour.html", two / "copy.html")
    (two / "harbour.html.gz").write_bytes(gzip.compress(harbour_page()))
    (two / "other.html").write_bytes(harbour_page("school-meals"))
    url = "https://harbour.example/news/plan-agreed"
    warc = warckit.write(tmp_path / "crawl.warc.gz", [
        warckit.response(url, harbour_page(), record_id="a1"),
        warckit.response(url, harbour_page(), record_id="a2"),
        warckit.response(url + "?utm_source=feed", harbour_page(aside="Most shared"), record_id="a3"),
    ])
    with Ledger.open(target) as ledger:
        summary = run_ingest([str(one), str(two), str(warc)], ledger, jobs=0)
        assert (summary.stored, summary.duplicates, summary.articles) == (2, 5, 2)
        stats = ledger.stats()
        assert (stats.pages, stats.articles, stats.statements) == (2, 2, 6)
        assert [(s.name, s.statement_count) for s in ledger.speakers().speakers] == [("Ben Okoro", 4), ("Ana Silva", 2)]
        assert [(s.site, s.article_count, s.statement_count) for s in ledger.sites()] == [("harbour.example", 2, 6)]
        hit = ledger.search("dredging").hits
        assert len(hit) == 2
        article = ledger.article(min(h.article_id for h in hit))
        origins = [o.origin for o in article.origins]
        assert origins[:3] == [str(one / "harbour.html"), str(two / "copy.html"), str(two / "harbour.html.gz")]
        assert [o.origin.rsplit("#", 1)[1] for o in article.origins[3:]] == [
            "<urn:uuid:a1>", "<urn:uuid:a2>", "<urn:uuid:a3>"]
        assert [o.matched_by for o in article.origins] == ["key", "content", "content", "content", "content", "url"]
        again = run_ingest([str(one), str(two), str(warc)], ledger, jobs=0)
        assert (again.stored, again.duplicates, again.skipped) == (0, 0, 7)


def test_a_copy_of_a_stored_page_is_not_extracted_again(tmp_path, monkeypatch):
    import newsledger.ingest.local as local

    first, copy = tmp_path / "first", tmp_path / "copy"
    first.mkdir()
    for n, slug in enumerate(("plan-agreed", "plan-delayed")):
        (first / f"{n}.html").write_bytes(harbour_page(slug))
    shutil.copytree(first, copy)
    with Ledger.open(str(tmp_path / "l.db")) as ledger:
        assert run_ingest([str(first)], ledger, jobs=0).stored == 2

        def never(page, timeout):
            raise AssertionError(f"{page.origin} was extracted again")

        monkeypatch.setattr(local, "work", never)
        summary = run_ingest([str(copy)], ledger, jobs=0)
        assert (summary.seen, summary.stored, summary.duplicates) == (2, 0, 2)
        assert ledger.stats().origins == 4 and run_ingest([str(copy)], ledger, jobs=0).skipped == 2


def test_addresses_reduce_to_the_page_they_name():
    assert url_identity("HTTPS://www.Harbour.example:443/news/a/?utm_source=x&id=4#top") == "harbour.example/news/a?id=4"
    assert url_identity("https://harbour.example/") is None
    assert url_identity("mailto:desk@harbour.example") is None
    assert url_identity("http://[::1") is None
    assert article_url_key("https://harbour.example/news/a?utm_medium=rss", None) == "harbour.example/news/a"
    assert article_url_key("https://copy.example/a", "https://wire.example/story") == "copy.example/a"
    assert article_url_key(None, "https://wire.example/story") == "wire.example/story"
    assert article_url_key("https://harbour.example/news/a", "https://harbour.example/") == "harbour.example/news/a"


def test_an_older_ledger_gains_provenance_and_date_order_when_opened(tmp_path):
    from newsledger.ledger.db import open_database

    path = str(tmp_path / "old.db")
    db = open_database(path)
    db.migrations = tuple(m for m in db.migrations if m.name < "0005")
    db.migrate()
    with db.transaction():
        for n, said in ((1, "2025-01-02"), (2, "2025-03-04"), (3, "2024-05-06")):
            db.execute(
                "INSERT INTO pages (id, key, origin, codec, content, size, sha256, extractor, stored_at)"
                " VALUES (?, ?, ?, 'zlib', ?, 0, ?, 'old', '2025-01-01')",
                (n, f"file:/old/{n}.html#x", f"/old/{n}.html", b"", f"hash{n}"),
            )
            db.execute(
                "INSERT INTO articles (id, page_id, site, text, record, extractor, stored_at)"
                " VALUES (?, ?, 'old.example', '', '{}', 'old', '2025-01-01')",
                (n, n),
            )
            db.execute(
                "INSERT INTO statements (article_id, position, statement_key, kind, cue_lemma, content, said_on,"
                " record, extractor) VALUES (?, 0, 's0', 'direct', 'say', ?, ?, '{}', 'old')",
                (n, f"The old quay reopens, notice {n}.", said),
            )
    db.close()
    with Ledger.open(path) as ledger:
        assert {"0005_page_provenance", "0006_statements_by_date"} <= set(ledger.stats().schema)
        assert ledger.has_page("file:/old/2.html#x") and ledger.stats().origins == 3
        assert [h.said_on for h in ledger.search("quay").hits] == ["2025-03-04", "2025-01-02", "2024-05-06"]
        assert [o.origin for o in ledger.origins(2)] == ["/old/2.html"]
