"""Time and peak memory of ``zavazek registry directory`` on a generated register of national size.

    PYTHONPATH=src python bench/registry.py [COUNT]      # 10,000 services by default

Writes a register of COUNT services with ``tests/registry/generate.py``, copies
the repository's example folder, and runs the command twice in a child
process each (a dry run, then for real), printing the time of the whole
command, the time of reading the register, and the peak resident memory (RSS).
A measurement, not a test: nothing fails.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "registry"))
import generate  # noqa: E402


def run(folder: Path, register: Path, *extra: str) -> tuple[float, float, str]:
    """(seconds, peak RSS in MB, output) of one command in its own process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    out = subprocess.run([sys.executable, "-m", "zavazek.cli", "registry", "directory", str(folder),
                          "--from", str(register), "--snapshot", "2026-11-20", *extra],
                         env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if out.returncode:
        sys.exit(out.stdout + out.stderr)
    return seconds, max(peak, before) / 1024, out.stdout


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        register = generate.write_register(tmp / "rpss.json", count)
        folder = tmp / "site"
        folder.mkdir()
        for name in ("mkdocs.yml", "data", "docs", "overrides"):
            src = ROOT / name
            (shutil.copytree if src.is_dir() else shutil.copy2)(src, folder / name)
        size = register.stat().st_size / 2**20
        print(f"register: {count} services, {size:.1f} MB")
        for label, extra in (("dry run", ("--dry-run",)), ("write", ())):
            seconds, peak, out = run(folder, register, *extra)
            read = re.search(r"records read: (\d+), time: ([0-9.]+) s", out)
            added = re.search(r"Added: (\d+)", out)
            print(f"{label}: {seconds:.1f} s in all, register read in {read.group(2)} s ({read.group(1)} records), "
                  f"{added.group(1)} services added, peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
