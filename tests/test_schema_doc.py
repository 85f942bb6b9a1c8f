"""The published JSON Schema is the one the records produce."""

from __future__ import annotations

import json
from pathlib import Path

from newsledger import extract
from newsledger.model import SCHEMA_VERSION, json_schema, to_builtins

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "docs" / "records.schema.json"


def test_the_committed_schema_is_generated_from_the_records():
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == json.loads(json.dumps(json_schema())), "regenerate docs/records.schema.json from newsledger.model.json_schema()"


def test_an_article_has_every_key_the_schema_lists():
    article = to_builtins(extract(b"<html><body><h1>Dam opens</h1><p>The dam opened today, officials said.</p></body></html>"))
    properties = json_schema()["$defs"]["Article"]["properties"]
    assert set(article) == set(properties)
    assert article["schema_version"] == SCHEMA_VERSION
