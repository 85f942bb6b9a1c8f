"""The CLI and the ledger as people use them: wrong ledgers, bad dates, names, exit codes."""

from __future__ import annotations

import json

import pytest
from tests.ledgerkit import postgres_url, processed

from newsledger.cli import main
from newsledger.errors import ConfigError, InputError, LedgerError
from newsledger.ledger import Ledger


def _fill(target: str) -> None:
    with Ledger.open(target) as ledger:
        ledger.store(processed(1, [("The harbour needs dredging before winter.", "Maria Kolesnikova"),
                                   ("Sanctions have hit ordinary people.", "Maria Kolesnikova")], date="2025-03-05"))
        ledger.store(processed(2, [("Kolesnikova was right about the harbour.", "Ben Okoro")], date="2025-03-06"))
        ledger.store(processed(3, [("Bus fares stay as they are.", "Tom Reed")], date="2025-03-07"))


@pytest.mark.parametrize("command", [["search", "x"], ["export"], ["stats"], ["failures"], ["reextract"]])
def test_read_commands_refuse_a_ledger_that_does_not_exist(tmp_path, capsys, command):
    missing = tmp_path / "mistyped.db"
    assert main([*command, "--db", str(missing)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "mistyped.db" in err and "no such ledger" in err
    assert not missing.exists()


def test_serve_refuses_a_ledger_that_does_not_exist(tmp_path, capsys):
    assert main(["serve", "--db", str(tmp_path / "nope.db")]) == 1
    assert "no such ledger" in capsys.readouterr().err


@pytest.mark.postgres
def test_a_postgresql_database_without_a_ledger_is_refused_for_reading(capsys):
    with postgres_url() as url:
        assert main(["search", "x", "--db", url]) == 1
        assert "no ledger in this database" in capsys.readouterr().err
        with pytest.raises(LedgerError):
            Ledger.open(url, create=False)


@pytest.mark.parametrize("db", ["", "  ", "mysql://host/db", "sqlite:ledger.db", "postgresql:/nohost"])
def test_empty_or_unknown_ledger_addresses_are_one_line_errors(tmp_path, capsys, monkeypatch, db):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.html").write_text("<p>Hello there, a page.</p>")
    assert main(["ingest", "page.html", "--db", db, "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("newsledger: error:") and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == [tmp_path / "page.html"]
    with pytest.raises(ConfigError):
        Ledger.open(db)


@pytest.mark.parametrize(("value", "why"), [("yesterday", "must be a date"), ("2019-13-45", "not a calendar date"),
                                              ("2019-02-30", "not a calendar date")])
def test_search_dates_that_are_not_dates_say_why(target, capsys, value, why):
    _fill(target)
    for flag in ("--since", "--until"):
        for extra in ([], ["--json"], ["--articles"]):
            assert main(["search", "harbour", "--db", target, flag, value, *extra]) == 1
            err = capsys.readouterr().err
            assert why in err and value in err and err.count("\n") == 1
    with Ledger.open(target) as ledger, pytest.raises(InputError):
        ledger.search("harbour", since=value)
    with Ledger.open(target) as ledger:
        assert [h.content for h in ledger.search("harbour", since="2025-03").hits]


def test_no_hits_is_said_on_stderr_with_the_same_exit_code_with_and_without_json(target, capsys):
    _fill(target)
    assert main(["search", "lighthouse", "--db", target]) == 1
    plain = capsys.readouterr()
    assert plain.out == "" and "no statements found" in plain.err
    assert main(["search", "lighthouse", "--db", target, "--json"]) == 1
    shown = capsys.readouterr()
    assert json.loads(shown.out) == {"items": [], "next_cursor": None} and "no statements found" in shown.err
    assert main(["search", "fares", "--db", target, "--json"]) == 0
    assert [item["speaker"] for item in json.loads(capsys.readouterr().out)["items"]] == ["Tom Reed"]


def test_the_cli_json_has_the_keys_of_the_api(tmp_path, capsys):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from newsledger.web import create_app, load_settings

    target = str(tmp_path / "l.db")
    _fill(target)
    assert main(["search", "harbour", "--db", target, "--json"]) == 0
    cli = json.loads(capsys.readouterr().out)
    with TestClient(create_app(load_settings(target))) as client:
        api = client.get("/api/search", params={"q": "harbour"}).json()
    assert set(cli) == set(api) and cli["items"] == api["items"]


def test_a_name_finds_the_speakers_statements_and_those_that_mention_them(target, capsys):
    _fill(target)
    with Ledger.open(target) as ledger:
        theirs = ["Sanctions have hit ordinary people.", "The harbour needs dredging before winter."]
        assert sorted(h.content for h in ledger.search("Kolesnikova").hits) == [
            "Kolesnikova was right about the harbour.", *theirs]
        for query in ("maria kolesnikova", '"Maria Kolesnikova"', "MARIA  KOLESNIKOVA"):
            assert sorted(h.content for h in ledger.search(query).hits) == theirs, query
        assert [h.content for h in ledger.search("Kolesnikova", site="elsewhere.example").hits] == []
        assert len(ledger.search("Kolesnikova", limit=1).hits) == 1
        first = ledger.search("Kolesnikova", limit=2)
        rest = ledger.search("Kolesnikova", limit=2, cursor=first.next_cursor)
        assert len({h.statement_id for h in first.hits + rest.hits}) == 3 and rest.next_cursor is None
        assert [h.speaker for h in ledger.search("Kolesnikova -harbour").hits] == []
        assert [h.speaker for h in ledger.search("Reed").hits] == ["Tom Reed"]


def test_search_lists_newest_said_first_then_newest_stored_with_undated_last(target):
    import msgspec

    with Ledger.open(target) as ledger:
        for n, date in ((1, "2025-06-01"), (2, None), (3, "2024-12-31"), (4, "2025-06-01"), (5, "2025-07")):
            item = processed(n, [(f"The ferry timetable changes, notice {n}.", "Ida Moss")], date=date)
            if date is None:
                item = msgspec.structs.replace(item, article=msgspec.structs.replace(item.article, published=None))
            ledger.store(item)
        expected = ["notice 5", "notice 4", "notice 1", "notice 3", "notice 2"]
        for query, speaker in (("ferry", None), (None, None), (None, "Ida Moss"), ("ferry", "Ida Moss"), ("Moss", None)):
            seen, cursor = [], None
            while True:
                page = ledger.search(query, speaker=speaker, limit=2, cursor=cursor)
                seen += [h.content[-9:-1] for h in page.hits]
                if not (cursor := page.next_cursor):
                    break
            assert seen == expected, (query, speaker)
        assert [h.said_on for h in ledger.search("ferry", since="2025-06").hits] == ["2025-07", "2025-06-01",
                                                                                       "2025-06-01"]
        with Ledger.open(target) as again:  # a reopened ledger keeps the order (no migration re-run)
            assert [h.content[-9:-1] for h in again.search("ferry").hits] == expected
