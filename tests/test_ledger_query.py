"""The search query language: any text either is refused with InputError or is a valid search."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.errors import InputError
from newsledger.ledger.query import decode_cursor, encode_cursor, fts5_query


@pytest.fixture(scope="module")
def fts():
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE t USING fts5(content, tokenize='porter unicode61 remove_diacritics 2')")
    connection.execute("INSERT INTO t VALUES ('the harbour will be dredged before winter, officials said')")
    return connection


@pytest.mark.parametrize(
    ("query", "expression"),
    [
        ("harbour", '"harbour"'),
        ("harbour winter", '"harbour" AND "winter"'),
        ('"before winter"', '"before winter"'),
        ("harbour OR port", '("harbour" OR "port")'),
        ("harbour -summer", '("harbour") NOT "summer"'),
        ("dredg*", '"dredg"*'),
        ('say "AND" NOT near(', '"say" AND "AND" AND "NOT" AND "near"'),
    ],
)
def test_translation(query, expression):
    assert fts5_query(query) == expression


def test_queries_find_what_they_should(fts):
    def hits(query):
        return fts.execute("SELECT count(*) FROM t WHERE t MATCH ?", (fts5_query(query),)).fetchone()[0]

    assert hits("dredging") == 1
    assert hits('"before winter"') == 1 and hits('"winter before"') == 0
    assert hits("harbour -winter") == 0 and hits("harbour -summer") == 1
    assert hits("lighthouse OR harbour") == 1


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_no_query_text_breaks_the_search(fts, query):
    try:
        expression = fts5_query(query)
    except InputError:
        return
    fts.execute("SELECT count(*) FROM t WHERE t MATCH ?", (expression,)).fetchone()


@given(st.dictionaries(st.sampled_from(["before", "count", "id"]), st.integers()))
def test_cursors_round_trip(position):
    assert decode_cursor(encode_cursor(position)) == position


@pytest.mark.parametrize("cursor", ["%%%", "bm90IGpzb24", "WzFd"])
def test_foreign_cursors_are_refused(cursor):
    with pytest.raises(InputError):
        decode_cursor(cursor)
