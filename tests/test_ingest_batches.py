"""Grouping prepared pages into transactions."""

from __future__ import annotations

import time

from newsledger.ingest import local


def test_batches_are_bounded_in_size_and_keep_every_item_in_order():
    batches = list(local._batches(iter(range(70)), size=32, seconds=60))
    assert [len(batch) for batch in batches] == [32, 32, 6]
    assert [item for batch in batches for item in batch] == list(range(70))


def test_a_batch_is_closed_when_it_is_old_enough_though_not_full():
    def slow():
        for item in range(3):
            yield item
            time.sleep(0.03)

    assert list(local._batches(slow(), size=32, seconds=0.02)) == [[0, 1], [2]]


def test_nothing_in_nothing_out():
    assert list(local._batches(iter(()))) == []
