"""The fuzz harness: a short run over the written pages finds nothing, and the harness itself
catches, limits and minimises a crash and a hang."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sys
from pathlib import Path

import pytest
from bench._fuzz_mutate import FRAGMENTS, mutate
from bench._fuzz_seeds import Seed, written_seeds
from bench.fuzz import Limits, run_fuzz

import newsledger

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the workers use fork and rlimits")


def test_short_run_over_written_pages_finds_no_crash_or_hang(tmp_path: Path) -> None:
    limits = Limits(slow_seconds=2.0, cpu_seconds=10, memory_mb=1024)
    summary = run_fuzz(
        seeds=written_seeds(), inputs=300, seed=14, scale=0.02, limits=limits, out=tmp_path, workers=2
    )
    assert summary.inputs == 300
    assert summary.crashes == 0, dict(summary.signatures)
    assert not summary.slow and summary.outcomes["killed"] == 0, dict(summary.signatures)
    assert summary.outcomes["memory"] == 0 and summary.peak_rss_mb < 1024
    assert summary.outcomes["ok"] > 200  # the mutated pages still mostly extract
    assert len(summary.by_family) >= 12


def test_mutations_cover_both_forms_bytes_and_str() -> None:
    rng = random.Random(3)
    seeds = written_seeds(2)
    made = [mutate(rng, rng.choice(seeds), 0.01) for _ in range(300)]
    assert {type(item.data) for item in made} == {bytes, str}
    assert {item.form for item in made} == {"auto", "html", "text"}
    families = {name for item in made for name in item.family.split("+")}
    assert set(FRAGMENTS) | {"truncate", "duplicate", "flip"} <= families


def _crashing_extract(original):
    def extract(data, url=None, **options):
        text = data if isinstance(data, str) else data.decode("utf-8", "replace")
        if "BOOM" in text:
            raise ValueError("planted bug")
        if "SEGV" in text:
            os.kill(os.getpid(), signal.SIGSEGV)  # as a crash inside a native extension would
        if "HANG" in text:
            while True:
                pass
        return original(data, url, **options)

    return extract


@pytest.mark.parametrize(
    ("word", "status", "limits"),
    [
        ("BOOM", "crash", Limits()),
        ("SEGV", "crash", Limits()),
        ("HANG", "killed", Limits(slow_seconds=0.5, cpu_seconds=1)),
    ],
)
def test_a_planted_crash_or_hang_is_caught_and_minimised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, word: str, status: str, limits: Limits
) -> None:
    # The workers are forked after this patch, so they run the planted bug.
    monkeypatch.setattr(newsledger, "extract", _crashing_extract(newsledger.extract))
    seeds = [Seed("planted", "Some prose before it. " * 40 + word + " and prose after it." * 40, "text")]
    summary = run_fuzz(
        seeds=seeds, inputs=4, seed=1, scale=0.001, limits=limits, out=tmp_path, minimise_seconds=8
    )
    assert summary.outcomes[status] >= 1
    saved = json.loads(next(tmp_path.glob("*.json")).read_text())
    assert saved["status"] == status and saved["stage"] == "extract"
    if word == "SEGV":
        assert saved["signature"] == "SIGSEGV during extract"
    if word == "HANG":
        # The hang is the library's own work, in user time, not the kernel's.
        user, system = map(float, re.findall(r"user ([\d.]+) s, system ([\d.]+) s", saved["detail"])[0])
        assert user >= 1 and system < user
    minimised = next(tmp_path.glob("*.min.input")).read_bytes()
    assert word.encode() in minimised
    # A crash is cheap to retry and is cut to the word; a hang costs a CPU limit per trial, so
    # on a busy machine its few trials within the time allowed may remove nothing.
    assert len(minimised) < 40 if status == "crash" else len(minimised) <= saved["size"]
