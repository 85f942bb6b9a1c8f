"""Joining a cluster started with ``ray start --head`` in Ray's token mode, by ``HOST:PORT``.

The cluster runs under its own home and temporary directory, so its token and its processes are
its own; it is stopped by killing exactly the processes that name its temporary directory (and
their children), never with ``ray stop``, which would stop every Ray on the machine.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsledger.scale.engine import token_file, token_mode_for

REPO = Path(__file__).resolve().parent.parent
RAY = Path(sys.executable).with_name("ray")
PAGE = """<html><head><title>Bridge</title></head><body><article><h1>Council approves the bridge</h1>
<p>"This bridge will carry the city for a century," said Mayor Ana Ruiz on Monday, after the vote.</p>
<p>Opponents had warned about the cost, which now stands at 400 million euros, and asked for a study.</p>
</article></body></html>"""


def test_token_mode_is_chosen_only_for_an_address_with_a_token_at_hand(tmp_path: Path) -> None:
    home = tmp_path
    assert not token_mode_for("10.0.0.5:6379", {}, home)
    assert token_mode_for("10.0.0.5:6379", {"RAY_AUTH_TOKEN": "abc"}, home)
    assert not token_mode_for(None, {"RAY_AUTH_TOKEN": "abc"}, home), "a private cluster sets its own"
    assert not token_mode_for("10.0.0.5:6379", {"RAY_AUTH_TOKEN": "abc", "RAY_AUTH_MODE": "disabled"}, home)
    (home / ".ray").mkdir()
    (home / ".ray" / "auth_token").write_text("abc")
    assert token_mode_for("10.0.0.5:6379", {}, home)
    elsewhere = tmp_path / "token"
    elsewhere.write_text("abc")
    assert token_file({"RAY_AUTH_TOKEN_PATH": str(elsewhere)}, home) == elsewhere


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def processes_naming(marker: str) -> list[int]:
    """Processes whose command line names ``marker``, with all their descendants."""
    parents: dict[int, int] = {}
    named: set[int] = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes()
            parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if marker.encode() in command:
            named.add(int(entry.name))
    mine, pid = set(), os.getpid()
    while pid > 1 and pid not in mine:
        mine.add(pid)
        pid = parents.get(pid, 0)
    found = named - mine
    while True:
        more = {pid for pid, parent in parents.items() if parent in found and pid not in found}
        if not more:
            return sorted(found)
        found |= more


def stop_processes(pids: list[int]) -> None:
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, sig)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(Path(f"/proc/{pid}").exists() for pid in pids):
            time.sleep(0.2)


@pytest.fixture(scope="module")
def token_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A one-CPU head started by ``ray start --head`` with token authentication."""
    if not RAY.exists():
        pytest.skip("the ray command is not installed")
    base = tmp_path_factory.mktemp("raytoken")
    home, temp = base / "home", Path("/tmp") / f"nl-ray-{secrets.token_hex(4)}"
    (home / ".ray").mkdir(parents=True)
    (home / ".ray" / "auth_token").write_text(secrets.token_hex(32))
    port = free_port()
    env = {**os.environ, "HOME": str(home), "RAY_AUTH_MODE": "token"}
    env.pop("RAY_ADDRESS", None)
    command = [str(RAY), "start", "--head", f"--port={port}", "--num-cpus=1", "--include-dashboard=false"]
    command += ["--disable-usage-stats", f"--temp-dir={temp}", "--node-ip-address=127.0.0.1"]
    try:
        subprocess.run(command, env=env, check=True, capture_output=True, timeout=180)
        yield f"127.0.0.1:{port}", home
    finally:
        stop_processes(processes_naming(str(temp)))
        shutil.rmtree(temp, ignore_errors=True)


def ingest(address: str, home: Path, work: Path, **extra: str) -> subprocess.CompletedProcess:
    page = work / "in" / "bridge.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(PAGE)
    env = {**os.environ, "HOME": str(home), "PYTHONPATH": str(REPO / "src"), **extra}
    for name in ("RAY_ADDRESS", "RAY_AUTH_MODE", "RAY_AUTH_TOKEN", "RAY_AUTH_TOKEN_PATH"):
        if name not in extra:
            env.pop(name, None)
    command = [sys.executable, "-m", "newsledger", "ingest", str(page), "--db", str(work / "ledger.db")]
    command += ["--engine", "ray", "--address", address, "--shard-dir", str(work / "shards")]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.ray
@pytest.mark.slow
def test_ingest_joins_a_token_mode_cluster_by_address(token_cluster, tmp_path: Path) -> None:
    address, home = token_cluster
    result = ingest(address, home, tmp_path / "home-token")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "1 article," in result.stdout + result.stderr
    token = (home / ".ray" / "auth_token").read_text()
    elsewhere = tmp_path / "token"
    elsewhere.write_text(token)
    by_path = ingest(address, tmp_path, tmp_path / "path-token", RAY_AUTH_TOKEN_PATH=str(elsewhere))
    assert by_path.returncode == 0, by_path.stderr[-2000:]


@pytest.mark.ray
@pytest.mark.slow
def test_joining_without_the_token_says_that_the_cluster_wants_one(token_cluster, tmp_path: Path) -> None:
    address, _ = token_cluster
    result = ingest(address, tmp_path, tmp_path / "no-token")
    assert result.returncode != 0
    error = result.stderr.strip().splitlines()[-1]
    assert error.startswith("newsledger: error:") and address in error
    assert "RAY_AUTH_TOKEN" in error and "ray get-auth-token" in error
