"""Characters that str.isdigit() accepts but int() and float() refuse ("²", "³") are read as
text, never as numbers, wherever a number may come from outside."""

from __future__ import annotations

import pytest

from newsledger.errors import ConfigError
from newsledger.extract.metadata.dates import _calendar
from newsledger.follow.watch import _retry_after
from newsledger.ledger import Ledger
from newsledger.scale.ray import options_from_environment


def test_a_retry_after_of_superscript_digits_is_no_number():
    assert _retry_after("²") == 0.0
    assert _retry_after("3") == 3.0


def test_a_date_part_of_superscript_digits_is_no_date():
    assert _calendar("2024", "0²", "01") is None


def test_a_speaker_named_by_superscript_digits_is_looked_up_as_a_name(tmp_path):
    with Ledger.open(str(tmp_path / "l.db")) as ledger:
        assert ledger.search("bridge", speaker="²").hits == ()


def test_a_task_count_of_superscript_digits_is_a_config_error():
    with pytest.raises(ConfigError):
        options_from_environment({"NEWSLEDGER_RAY_TASKS": "²"})
