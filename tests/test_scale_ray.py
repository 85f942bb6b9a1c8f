"""Scale-out ingestion: task planning, shards, merging, and the Ray engine on a real local cluster.

The tests marked ``ray`` start a two-CPU Ray cluster once for the module (no dashboard, a small
object store) and shut it down at the end; the others need no Ray.
"""

from __future__ import annotations

import io
import os
import random
import sys
from pathlib import Path

import msgspec
import pytest

from newsledger.errors import ConfigError, LedgerError
from newsledger.ingest import run_ingest
from newsledger.ledger import Ledger
from newsledger.scale.engine import RayOptions, package_dir, run_ray_ingest
from newsledger.scale.merge import merge_finished, unfinished
from newsledger.scale.plan import Segment, load_or_write_plan, make_plan, split
from newsledger.scale.shards import read_marker, shard_path
from newsledger.scale.tasks import iter_slice_items, run_task
from newsledger.sources import SourceOptions, iter_pages

# --------------------------------------------------------------------------- generated input

PEOPLE = [
    ("Alda Moreno", "the harbour commissioner"),
    ("Tomas Vekic", "a spokesman for the rail union"),
    ("Ines Halvorsen", "the regional health director"),
    ("Kwame Asante", "chair of the budget committee"),
    ("Lena Ostrova", "a hydrologist at the state university"),
    ("Pieter Claes", "the mayor"),
]
TOPICS = [
    ("the new ferry timetable", "crossings"),
    ("the river levee repairs", "flood defences"),
    ("the night clinic pilot", "waiting times"),
    ("next year's city budget", "spending"),
    ("the tram extension", "construction works"),
]
VERBS = ["said", "told reporters", "added", "warned"]


def page_html(index: int) -> bytes:
    """One generated article page, the same bytes for the same ``index``."""
    rng = random.Random(index)
    subject, noun = rng.choice(TOPICS)
    first, second = rng.sample(PEOPLE, 2)
    day = 1 + index % 27
    paragraphs = [
        f"Officials met on Tuesday to discuss {subject}, which has divided residents for months.",
        f'"We expect the {noun} to improve before the summer," {first[0]}, {first[1]}, {rng.choice(VERBS)}.',
        f"The council voted {5 + index % 4} to {index % 3} after a debate that lasted most of the evening.",
        f'{second[0]}, {second[1]}, said the plan was "far from settled" and that more hearings would follow.',
        f'"Nobody should read this vote as the end of the matter," {second[0].split()[1]} said.',
        f"Item {index} of the series closes with a note on the {noun} figures published in March.",
    ]
    body = "\n".join(f"<p>{text}</p>" for text in paragraphs)
    stamp = f"2025-03-{day:02d}T09:30:00+00:00"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Council weighs {subject} ({index})</title>
<meta property="og:title" content="Council weighs {subject} ({index})">
<meta property="og:site_name" content="Riverside Courier">
<meta name="author" content="Mara Quist">
<meta property="article:published_time" content="{stamp}">
</head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a></nav>
<article>
<h1>Council weighs {subject} ({index})</h1>
<p class="byline">By Mara Quist</p>
<time datetime="{stamp}">March {day}, 2025</time>
{body}
</article>
<footer>Riverside Courier. All rights reserved.</footer>
</body></html>
""".encode()


def write_warc(path: Path, indexes: range) -> None:
    """A gzipped WARC with a response record per page, plus the records sources skip: requests,
    a 404 and an image."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for index in indexes:
            url = f"https://courier.example/local/{index:04d}-story"
            if index % 4 == 0:
                request = StatusAndHeaders(
                    "GET / HTTP/1.1", [("Host", "courier.example")], is_http_request=True
                )
                writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
            _write_response(writer, url, "200 OK", "text/html; charset=utf-8", page_html(index))
            if index % 5 == 0:
                _write_response(writer, url + "/gone", "404 Not Found", "text/html", b"<p>gone</p>")
                _write_response(writer, url + "/photo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n....")


def _write_response(writer, url: str, status: str, content_type: str, payload: bytes) -> None:
    from warcio.statusandheaders import StatusAndHeaders

    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers)
    )


@pytest.fixture(scope="module")
def warcs(tmp_path_factory) -> list[str]:
    """Three WARC files of twelve pages each."""
    pytest.importorskip("warcio")
    pytest.importorskip("fastwarc")
    directory = tmp_path_factory.mktemp("warcs")
    paths = []
    for number in range(3):
        path = directory / f"crawl-{number:02d}.warc.gz"
        write_warc(path, range(number * 12, (number + 1) * 12))
        paths.append(str(path))
    return paths


@pytest.fixture(scope="module")
def mixed_inputs(warcs, tmp_path_factory) -> list[str]:
    """A WARC, a directory of page files (one unreadable as a page) and a single page file."""
    directory = tmp_path_factory.mktemp("pages")
    for index in range(100, 106):
        (directory / f"story-{index}.html").write_bytes(page_html(index))
    (directory / "nested").mkdir()
    (directory / "nested" / "story-200.html").write_bytes(page_html(200))
    (directory / "empty.html").write_bytes(b"")
    single = directory.parent / "single.html"
    single.write_bytes(page_html(300))
    return [warcs[0], str(directory), str(single)]


# --------------------------------------------------------------------------- comparing ledgers


def ledger_contents(target: str) -> dict:
    """Everything a ledger holds that does not depend on row ids or when it was written."""
    with Ledger.open(target) as ledger:
        articles = {}
        cursor = None
        while True:
            page = ledger.search_articles(limit=100, cursor=cursor)
            for hit in page.hits:
                stored = ledger.article(hit.article_id)
                statements = tuple(msgspec.to_builtins(s.statement) for s in stored.statements)
                articles[stored.page_key] = (msgspec.to_builtins(stored.article), statements)
            cursor = page.next_cursor
            if cursor is None:
                break
        failures = sorted(
            (f.input, f.stage, f.reason, f.page_key or "") for f in ledger.failures(limit=10_000)
        )
        stats = msgspec.to_builtins(ledger.stats())
    stats.pop("backend", None)
    stats.pop("schema", None)
    return {"articles": articles, "failures": failures, "stats": stats}


def local_contents(specs: list[str], target: Path | str) -> dict:
    with Ledger.open(str(target)) as ledger:
        run_ingest(specs, ledger)
    return ledger_contents(str(target))


# --------------------------------------------------------------------------- planning (no Ray)


def test_split_gives_contiguous_ranges_of_about_equal_size():
    segments = [
        Segment(input="a.warc.gz", pages=10, splittable=True),
        Segment(input="b.html", pages=1),
        Segment(input="c.warc.gz", pages=5, splittable=True),
    ]
    tasks = split(segments, 4)
    assert [task.id for task in tasks] == [0, 1, 2, 3]
    assert [task.estimated_pages for task in tasks] == [4, 4, 4, 4]
    ranges = [(s.input, s.start, s.stop) for task in tasks for s in task.slices]
    assert ranges == [
        ("a.warc.gz", 0, 4),
        ("a.warc.gz", 4, 8),
        ("a.warc.gz", 8, None),
        ("b.html", 0, None),
        ("c.warc.gz", 0, 1),
        ("c.warc.gz", 1, None),
    ]


def test_split_keeps_files_whole_when_there_are_enough_of_them():
    segments = [
        Segment(input=f"{name}.warc.gz", pages=pages, splittable=True)
        for name, pages in [("a", 10), ("b", 3), ("c", 7), ("d", 4)]
    ]
    tasks = split(segments, 3)
    assert [[s.input[0] for s in task.slices] for task in tasks] == [["a"], ["b", "c"], ["d"]]
    assert all((s.start, s.stop) == (0, None) for task in tasks for s in task.slices)


def test_split_never_makes_more_tasks_than_pages():
    assert len(split([Segment(input="a.html", pages=1), Segment(input="b.html", pages=1)], 8)) == 2
    assert split([], 3) == ()
    with pytest.raises(ConfigError):
        split([Segment(input="a.html", pages=1)], 0)


def test_tasks_read_every_page_once_in_local_order(mixed_inputs):
    plan = make_plan(mixed_inputs, 5, options=SourceOptions(), base_dir=os.getcwd())
    assert plan == make_plan(mixed_inputs, 5, options=SourceOptions(), base_dir=os.getcwd())
    local = [_identity(item) for item in iter_pages(mixed_inputs)]
    by_tasks = [
        _identity(item) for task in plan.tasks for item in iter_slice_items(task.slices, SourceOptions())
    ]
    assert len(plan.tasks) == 5
    assert by_tasks == local
    assert len(local) == 12 + 7 + 1 + 1


def test_url_lists_are_split_into_their_urls_and_fetched_as_locally(tmp_path):
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Pages(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            index = int(self.path.strip("/").split("-")[-1])
            body, status = (page_html(index), 200) if index < 5 else (b"gone", 404)
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        url_list = tmp_path / "urls.txt"
        url_list.write_text("# stories\n" + "\n".join(f"{base}/story-{i}" for i in range(6)) + "\n\n")
        options = SourceOptions(allow_private=True, host_delay=0.0, retries=0)
        plan = make_plan([f"@{url_list}"], 3, options=options, base_dir=os.getcwd())
        assert [[s.input for s in task.slices] for task in plan.tasks] == [
            [f"{base}/story-0", f"{base}/story-1"],
            [f"{base}/story-2", f"{base}/story-3"],
            [f"{base}/story-4", f"{base}/story-5"],
        ]
        by_tasks = [item for task in plan.tasks for item in iter_slice_items(task.slices, options)]
        local = list(iter_pages([f"@{url_list}"], options=options))
    finally:
        server.shutdown()
    assert [_identity(item) for item in by_tasks] == [_identity(item) for item in local]
    assert _identity(by_tasks[-1]) == f"failure:{base}/story-5"


def _identity(item) -> str:
    return item.key if hasattr(item, "key") else f"failure:{item.input}"


def test_standard_input_cannot_be_planned():
    with pytest.raises(ConfigError, match="standard input"):
        make_plan(["-"], 2, options=SourceOptions(), base_dir=os.getcwd())


def test_a_shard_directory_keeps_its_plan_and_refuses_another(warcs, tmp_path):
    plan = make_plan(warcs, 3, options=SourceOptions(), base_dir=os.getcwd())
    assert load_or_write_plan(plan, tmp_path) == plan
    assert (
        load_or_write_plan(make_plan(warcs, 3, options=SourceOptions(), base_dir=os.getcwd()), tmp_path)
        == plan
    )
    with pytest.raises(ConfigError, match="another run"):
        load_or_write_plan(make_plan(warcs[:2], 3, options=SourceOptions(), base_dir=os.getcwd()), tmp_path)


# --------------------------------------------------------------------------- shards and merging (no Ray)


@pytest.mark.parametrize("shard_format", ["jsonl", "parquet"])
def test_tasks_then_merge_give_the_local_ledger(mixed_inputs, tmp_path, shard_format):
    if shard_format == "parquet":
        pytest.importorskip("pyarrow")
    plan = load_or_write_plan(
        make_plan(mixed_inputs, 3, options=SourceOptions(), base_dir=os.getcwd()), tmp_path / "shards"
    )
    for task in plan.tasks:
        run_task(task, tmp_path / "shards", shard_format=shard_format)
    assert unfinished(plan, tmp_path / "shards") == []
    with Ledger.open(str(tmp_path / "scaled.db")) as ledger:
        first = merge_finished(ledger, plan, tmp_path / "shards")
        again = merge_finished(ledger, plan, tmp_path / "shards")
    assert (first.seen, first.stored, first.skipped, first.failed) == (21, 21, 0, 1)  # the empty page failed
    assert (again.seen, again.stored, again.skipped) == (21, 0, 21)
    expected = local_contents(mixed_inputs, tmp_path / "local.db")
    assert ledger_contents(str(tmp_path / "scaled.db")) == expected


def test_a_task_that_fails_midway_leaves_no_shard_and_reruns_cleanly(warcs, tmp_path):
    plan = make_plan(warcs, 2, options=SourceOptions(), base_dir=os.getcwd())
    task = plan.tasks[0]

    def fail_at_third(_task, index):
        if index == 2:
            raise RuntimeError("worker lost")

    with pytest.raises(RuntimeError):
        run_task(task, tmp_path, hook=fail_at_third)
    assert read_marker(tmp_path, task.name) is None
    assert not shard_path(tmp_path, task.name, "jsonl").exists()
    (tmp_path / f".{task.name}.jsonl.tmp-99999").write_bytes(b"half a shard")
    marker = run_task(task, tmp_path)
    assert marker.items == task.estimated_pages
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{task.name}.done", f"{task.name}.jsonl"]
    assert run_task(task, tmp_path, hook=fail_at_third) == marker  # marked: not run again


def test_a_shard_that_does_not_match_its_marker_is_refused(warcs, tmp_path):
    plan = make_plan(warcs[:1], 1, options=SourceOptions(), base_dir=os.getcwd())
    marker = run_task(plan.tasks[0], tmp_path)
    shard = tmp_path / marker.shard
    shard.write_bytes(shard.read_bytes()[:-10])
    with Ledger.open(str(tmp_path / "ledger.db")) as ledger, pytest.raises(LedgerError, match="marker"):
        merge_finished(ledger, plan, tmp_path)


def test_a_relaunch_with_every_task_done_merges_without_starting_ray(warcs, tmp_path, monkeypatch):
    import newsledger.scale.engine as engine

    plan = load_or_write_plan(
        make_plan(warcs, 2, options=SourceOptions(), base_dir=os.getcwd()), tmp_path / "shards"
    )
    for task in plan.tasks:
        run_task(task, tmp_path / "shards")

    def no_ray(options):
        raise AssertionError("Ray was started")

    monkeypatch.setattr(engine, "ray_session", no_ray)
    with Ledger.open(str(tmp_path / "ledger.db")) as ledger:
        summary = run_ray_ingest(warcs, ledger, options=RayOptions(shard_dir=str(tmp_path / "shards")))
    assert (summary.tasks, summary.ran, summary.already_done, summary.pages.stored) == (2, 0, 2, 36)
    assert summary.ray_start_seconds == 0


def test_ray_options_come_from_the_environment_then_the_flags():
    import argparse

    from newsledger.scale.cli import add_ray_arguments, ray_options
    from newsledger.scale.ray import options_from_environment

    environ = {
        "NEWSLEDGER_RAY_ADDRESS": "auto",
        "NEWSLEDGER_RAY_TASKS": "12",
        "NEWSLEDGER_SHARD_DIR": "/shared/s",
    }
    options = options_from_environment(environ, jobs=3)
    assert (options.address, options.tasks, options.shard_dir, options.num_cpus) == (
        "auto",
        12,
        "/shared/s",
        3,
    )
    with pytest.raises(ConfigError, match="NEWSLEDGER_RAY_TASKS"):
        options_from_environment({"NEWSLEDGER_RAY_TASKS": "many"})

    parser = argparse.ArgumentParser()
    parser.add_argument("-j", "--jobs", type=int, default=1)
    add_ray_arguments(parser)
    args = parser.parse_args(
        ["-j", "2", "--tasks", "7", "--shard-format", "parquet", "--runtime-env", '{"pip": []}']
    )
    options = ray_options(args)
    assert (options.tasks, options.num_cpus, options.shard_format, options.runtime_env) == (
        7,
        2,
        "parquet",
        {"pip": []},
    )
    with pytest.raises(ConfigError, match="runtime-env"):
        ray_options(parser.parse_args(["--runtime-env", "[1"]))


# --------------------------------------------------------------------------- on a Ray cluster


@pytest.fixture(scope="module")
def ray_cluster():
    ray = pytest.importorskip("ray")
    from ray import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the hooks below run in workers
    ray.init(
        address="local",
        num_cpus=2,
        include_dashboard=False,
        object_store_memory=200 * 1024 * 1024,
        runtime_env={"py_modules": [package_dir()]},
        logging_level="WARNING",
    )
    try:
        yield ray
    finally:
        ray.shutdown()
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])


class ExitOnce:
    """Kills the worker process (no cleanup, as a crash would) at one item of one task, once."""

    def __init__(self, task: int, index: int, sentinel: Path) -> None:
        self.task, self.index, self.sentinel = task, index, str(sentinel)

    def __call__(self, task, index: int) -> None:
        if task.id == self.task and index == self.index and not os.path.exists(self.sentinel):
            Path(self.sentinel).write_text("killed once")
            os._exit(1)


@pytest.mark.ray
@pytest.mark.slow
def test_ray_ingest_gives_the_same_ledger_as_a_local_run(ray_cluster, warcs, tmp_path):
    expected = local_contents(warcs, tmp_path / "local.db")
    assert (
        expected["stats"]["articles"] == 36 and expected["stats"]["statements"] > 36
    )  # something to compare
    options = RayOptions(tasks=5, shard_dir=str(tmp_path / "shards"))
    with Ledger.open(str(tmp_path / "ray.db")) as ledger:
        summary = run_ray_ingest(warcs, ledger, options=options)
    assert (summary.tasks, summary.ran, summary.already_done, summary.failed) == (5, 5, 0, ())
    assert (summary.pages.seen, summary.pages.stored) == (36, 36)
    assert ledger_contents(str(tmp_path / "ray.db")) == expected

    with Ledger.open(str(tmp_path / "ray.db")) as ledger:
        again = run_ray_ingest(warcs, ledger, options=options)
    assert (again.ran, again.already_done, again.pages.stored, again.pages.skipped) == (0, 5, 0, 36)
    assert ledger_contents(str(tmp_path / "ray.db")) == expected


@pytest.mark.ray
@pytest.mark.slow
def test_a_killed_task_is_rerun_by_the_relaunch_with_nothing_lost_or_doubled(ray_cluster, warcs, tmp_path):
    expected = local_contents(warcs, tmp_path / "local.db")
    options = RayOptions(tasks=4, shard_dir=str(tmp_path / "shards"), max_retries=0)
    crash = ExitOnce(task=1, index=3, sentinel=tmp_path / "killed")
    with Ledger.open(str(tmp_path / "ray.db")) as ledger:
        first = run_ray_ingest(warcs, ledger, options=options, hook=crash)
    assert (tmp_path / "killed").exists()
    assert [failure.task for failure in first.failed] == [1]
    assert first.ran == 3 and 0 < first.pages.stored < 36
    assert any(p.name.startswith(".task-00001") for p in (tmp_path / "shards").iterdir())  # the torn shard

    with Ledger.open(str(tmp_path / "ray.db")) as ledger:
        relaunch = run_ray_ingest(warcs, ledger, options=options, hook=crash)
    assert (relaunch.ran, relaunch.already_done, relaunch.failed) == (1, 3, ())
    assert relaunch.pages.stored == 36 - first.pages.stored
    assert ledger_contents(str(tmp_path / "ray.db")) == expected


@pytest.mark.ray
@pytest.mark.slow
def test_ray_retries_a_task_whose_worker_died(ray_cluster, warcs, tmp_path):
    expected = local_contents(warcs, tmp_path / "local.db")
    options = RayOptions(tasks=3, shard_dir=str(tmp_path / "shards"), max_retries=1, shard_format="parquet")
    with Ledger.open(str(tmp_path / "ray.db")) as ledger:
        summary = run_ray_ingest(warcs, ledger, options=options, hook=ExitOnce(0, 5, tmp_path / "killed"))
    assert (tmp_path / "killed").exists()
    assert (summary.ran, summary.failed, summary.pages.stored) == (3, (), 36)
    assert ledger_contents(str(tmp_path / "ray.db")) == expected


@pytest.mark.ray
@pytest.mark.slow
def test_the_ingest_command_runs_on_ray(ray_cluster, warcs, tmp_path, capsys):
    from newsledger.cli import main

    shards = tmp_path / "shards"
    argv = [
        "ingest",
        *warcs,
        "--db",
        str(tmp_path / "ray.db"),
        "--engine",
        "ray",
        "--tasks",
        "3",
        "--shard-dir",
        str(shards),
    ]
    assert main(argv) == 0
    assert "36 stored" in capsys.readouterr().out
    assert sorted(p.name for p in shards.glob("*.done")) == [
        "task-00000.done",
        "task-00001.done",
        "task-00002.done",
    ]
    assert main([*argv[:-4], "--tasks", "4", "--shard-dir", str(shards)]) == 1
    assert "plan of another run" in capsys.readouterr().err


@pytest.mark.ray
@pytest.mark.postgres
@pytest.mark.slow
def test_ray_ingest_of_mixed_inputs_into_postgresql_matches_a_local_run(ray_cluster, mixed_inputs, tmp_path):
    from tests.ledgerkit import postgres_url

    with postgres_url() as local_url, postgres_url() as ray_url:
        expected = local_contents(mixed_inputs, local_url)
        with Ledger.open(ray_url) as ledger:
            summary = run_ray_ingest(
                mixed_inputs, ledger, options=RayOptions(tasks=4, shard_dir=str(tmp_path))
            )
        assert (summary.ran, summary.pages.seen, summary.pages.failed) == (4, 21, 1)
        assert ledger_contents(ray_url) == expected


@pytest.mark.ray
@pytest.mark.slow
def test_an_interrupted_driver_is_resumed_by_the_relaunch(ray_cluster, warcs, tmp_path):
    import signal
    import subprocess
    import time

    expected = local_contents(warcs, tmp_path / "local.db")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([package_dir().rsplit(os.sep, 1)[0], os.environ.get("PYTHONPATH", "")]),
    }

    def interrupted_run(attempt: int) -> tuple[Path, Path, int] | None:
        """A driver stopped by Ctrl-C once its first task is done: its ledger, its shard
        directory and how many tasks were done, or None when every task was done before the
        interrupt landed (the tasks are small; a loaded machine may lose that race)."""
        shards = tmp_path / f"shards{attempt}"
        db = tmp_path / f"ray{attempt}.db"
        command = [
            sys.executable, "-m", "newsledger", "ingest", *warcs, "--db", str(db), "--engine", "ray",
            "-j", "1", "--tasks", "12", "--shard-dir", str(shards), "--quiet", "--no-progress",
        ]  # fmt: skip
        with (tmp_path / "driver.err").open("wb") as errors:  # a file: a full pipe would stall the driver
            driver = subprocess.Popen(command, env=env, stderr=errors)
        try:
            deadline = time.monotonic() + 120
            while driver.poll() is None and not list(shards.glob("*.done")) and time.monotonic() < deadline:
                time.sleep(0.01)
            driver.send_signal(signal.SIGINT)
            status = driver.wait(timeout=60)
        finally:
            if driver.poll() is None:
                driver.kill()
                driver.wait()
        done = len(list(shards.glob("*.done")))
        if status == 0 and done == 12:
            return None
        assert status != 0
        assert 1 <= done < 12
        return db, shards, done

    run = next((found for attempt in range(5) if (found := interrupted_run(attempt)) is not None), None)
    if run is None:
        # Not a failure of the resume: the machine ran every task before the interrupt landed.
        pytest.skip("five drivers in a row finished every task before Ctrl-C reached them")
    db, shards, done_before = run

    with Ledger.open(str(db)) as ledger:
        relaunch = run_ray_ingest(warcs, ledger, options=RayOptions(shard_dir=str(shards)))
    assert (relaunch.tasks, relaunch.already_done, relaunch.ran, relaunch.failed) == (
        12,
        done_before,
        12 - done_before,
        (),
    )
    assert ledger_contents(str(db)) == expected
