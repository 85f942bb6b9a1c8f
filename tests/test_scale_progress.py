"""The Ray engine's progress line counts pages, not tasks (driven here by an in-process stand-in
for Ray, so no cluster is needed)."""

from __future__ import annotations

import os

import pytest
from tests import warckit
from tests.ledgerkit import article_html

from newsledger.ingest.local import IngestSummary
from newsledger.ledger import Ledger
from newsledger.scale.engine import RayOptions, TaskRun
from newsledger.scale.plan import load_or_write_plan, make_plan
from newsledger.sources import SourceOptions

pytest.importorskip("fastwarc")


class Ref:
    def __init__(self, fn, args):
        self.fn, self.args = fn, args


class InProcessRay:
    """What TaskRun asks of Ray, run in this process: remote calls run when their result is read."""

    def remote(self, fn):
        class Remote:
            def options(self, **_options):
                return self

            def remote(self, *args):
                return Ref(fn, args)

        return Remote()

    def wait(self, refs, num_returns=1):
        return refs[:num_returns], refs[num_returns:]

    def get(self, ref):
        return ref.fn(*ref.args)


def test_ray_progress_counts_the_pages_of_each_finished_task(tmp_path, capsys):
    warc = warckit.write(tmp_path / "crawl.warc", [
        warckit.response(f"https://news.example/{n}", article_html(n), record_id=f"r{n}") for n in range(10)
    ])
    shards = tmp_path / "shards"
    plan = load_or_write_plan(make_plan([str(warc)], 3, options=SourceOptions(), base_dir=os.getcwd()), shards)
    run = TaskRun(InProcessRay(), plan, shards, RayOptions(), SourceOptions(), None, None)
    summary = IngestSummary()
    with Ledger.open(str(tmp_path / "l.db")) as ledger:
        assert run.until_done(list(plan.tasks), ledger, summary, True) == []
    assert summary.stored == 10
    last = capsys.readouterr().err.rstrip("\n").rsplit("\r", 1)[-1]
    assert last.startswith("pages 10/10")
