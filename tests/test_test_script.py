"""``scripts/test.sh`` in a sandbox: fake system commands on PATH, a copy of the script, no network.

The fakes log how they were called, so each test reads what the script did and whether it went on
to run the tests after an optional step failed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "scripts" / "test.sh"
REAL_TOOLS = ("bash", "dirname", "ls", "head", "cat", "mkdir", "chmod", "sleep")

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")

FAKE_PYTHON = """#!/bin/bash
# python3 -m venv .venv: make a .venv whose python logs what it is asked to run
echo "python3 $*" >> "$LOG"
mkdir -p .venv/bin
cat > .venv/bin/python <<'INNER'
#!/bin/bash
echo "venv-python $*" >> "$LOG"
INNER
chmod +x .venv/bin/python
"""

LOCKED_APT = """#!/bin/bash
# Another install holds the lock: only a caller that agrees to wait for it gets through.
echo "apt-get $*" >> "$LOG"
case "$*" in
  *DPkg::Lock::Timeout=*) exit 0 ;;
  *) echo "E: Could not get lock /var/lib/dpkg/lock-frontend" >&2; exit 100 ;;
esac
"""


def sandbox(tmp_path: Path, fakes: dict[str, str]) -> tuple[Path, dict[str, str]]:
    """A checkout holding only the script, and a PATH of the real tools it needs plus ``fakes``."""
    checkout = tmp_path / "checkout"
    (checkout / "scripts").mkdir(parents=True)
    shutil.copy(SCRIPT, checkout / "scripts" / "test.sh")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in REAL_TOOLS:
        found = shutil.which(tool)
        if found:
            (bin_dir / tool).symlink_to(found)
    for name, body in {"id": "#!/bin/bash\necho 0\n", "python3": FAKE_PYTHON, **fakes}.items():
        (bin_dir / name).write_text(body)
        (bin_dir / name).chmod(0o755)
    env = {"PATH": str(bin_dir), "LOG": str(tmp_path / "calls.log"), "HOME": str(tmp_path)}
    return checkout, env


def run_script(checkout: Path, env: dict[str, str]) -> tuple[int, list[str]]:
    result = subprocess.run(
        ["bash", str(checkout / "scripts" / "test.sh"), "-q"],
        env=env,
        cwd=checkout,
        capture_output=True,
        text=True,
        timeout=60,
    )
    log = Path(env["LOG"])
    return result.returncode, log.read_text().splitlines() if log.exists() else []


def test_a_held_package_lock_is_waited_for_and_the_tests_run(tmp_path: Path) -> None:
    checkout, env = sandbox(tmp_path, {"apt-get": LOCKED_APT})
    code, calls = run_script(checkout, env)
    apt_calls = [call for call in calls if call.startswith("apt-get")]
    assert apt_calls and all("DPkg::Lock::Timeout=" in call for call in apt_calls)
    assert code == 0
    assert "venv-python -m pytest -q" in calls


def test_a_failed_chromium_install_does_not_stop_the_tests(tmp_path: Path) -> None:
    failing_apt = '#!/bin/bash\necho "apt-get $*" >> "$LOG"\ncase "$*" in *install*) exit 100 ;; esac\n'
    checkout, env = sandbox(tmp_path, {"apt-get": failing_apt})
    code, calls = run_script(checkout, env)
    assert any(call.startswith("apt-get") for call in calls)
    assert code == 0
    assert "venv-python -m pytest -q" in calls


def test_a_postgresql_that_will_not_start_does_not_stop_the_tests(tmp_path: Path) -> None:
    fakes = {
        "apt-get": "#!/bin/bash\nexit 0\n",
        "pg_isready": "#!/bin/bash\nexit 2\n",
        "pg_ctlcluster": '#!/bin/bash\necho "pg_ctlcluster $*" >> "$LOG"\nexit 1\n',
    }
    checkout, env = sandbox(tmp_path, fakes)
    if not Path("/etc/postgresql").is_dir():
        pytest.skip("the script only starts PostgreSQL where /etc/postgresql exists")
    code, calls = run_script(checkout, env)
    assert any(call.startswith("pg_ctlcluster") for call in calls)
    assert code == 0
    assert "venv-python -m pytest -q" in calls


def test_ci_runs_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text()
    ci = (REPO / ".ci" / "run").read_text()
    assert "bash scripts/test.sh" in readme
    assert "scripts/test.sh" in ci
    assert os.access(REPO / ".ci" / "run", os.R_OK)
