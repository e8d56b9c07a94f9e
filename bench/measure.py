"""Wall time and peak memory of one command together with every process it starts.

    measured(["zavazek", "build", folder], log=OUT / "build.log") -> Measurement

Peak memory is taken two ways, because a build is several processes at once
(the build, children forked to render pages and PDFs, one Pagefind per
language):

* ``largest_kb``, exact: the largest resident set (RSS) any single process
  of the tree reached. The command runs under a fresh Python process (this
  file run as a script) that starts it, waits for it and then reads
  ``getrusage(RUSAGE_CHILDREN).ru_maxrss``. When Linux reaps a process it
  folds the process's own peak and the peaks of the children *it* reaped into
  that figure, so it covers the whole tree, as long as every process is
  waited for (``subprocess`` and ``multiprocessing`` wait for theirs). It is
  a maximum over every child a process has ever waited for, so it cannot be
  read in the benchmark itself: there it would still carry the peak of an
  earlier build. Hence one fresh waiting process per command.
* ``together_kb``, sampled: the most memory the tree held at one moment,
  as the sum of the proportional set size (PSS, from
  ``/proc/<pid>/smaps_rollup``) of all its processes, read every 0.2 s. PSS
  counts a page shared by n forked processes 1/n in each, so the sum does not
  count the build's memory again for every forked child, as a sum of RSS
  would. Being sampled, it may miss a peak shorter than 0.2 s.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

SAMPLE_SECONDS = 0.2


@dataclass(frozen=True)
class Measurement:
    seconds: float
    cpu_seconds: float  # user + system time of every process, summed: steadier than seconds on a busy machine
    largest_kb: int
    together_kb: int


def _parents() -> dict[int, int]:
    """Every process's parent, read from /proc."""
    parents = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        # the command name (2nd field) is in parentheses and may contain spaces
        parents[int(entry.name)] = int(stat[stat.rindex(")") + 2:].split()[1])
    return parents


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for pid, parent in _parents().items():
        children.setdefault(parent, []).append(pid)
    found, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass  # the process ended between listing and reading
    return 0


def measured(command: list[str], log: Path, cwd: Path | None = None, env: dict | None = None) -> Measurement:
    """Run ``command`` (its output to ``log``); fail with the log's tail if it fails."""
    report = log.with_suffix(".measure.json")
    report.unlink(missing_ok=True)
    with open(log, "w") as out:
        waiter = subprocess.Popen([sys.executable, __file__, str(report), *command], cwd=cwd, env=env,
                                  stdout=out, stderr=subprocess.STDOUT)
        together = 0
        while waiter.poll() is None:
            together = max(together, sum(_pss_kb(pid) for pid in _descendants(waiter.pid)))
            time.sleep(SAMPLE_SECONDS)
    if waiter.returncode != 0 or not report.exists():
        tail = log.read_text(errors="replace")[-4000:]
        raise SystemExit(f"{' '.join(command)} failed (see {log}):\n{tail}")
    result = json.loads(report.read_text())
    return Measurement(result["seconds"], result["cpu_seconds"], result["largest_kb"], together)


def _wait_for(report: str, command: list[str]) -> int:
    """Run in the fresh waiting process: run the command, write its time and peak RSS."""
    started = time.monotonic()
    returncode = subprocess.run(command).returncode
    seconds = time.monotonic() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    if returncode == 0:
        Path(report).write_text(json.dumps({"seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime,
                                            "largest_kb": usage.ru_maxrss}))  # ru_maxrss is in kB on Linux
    return returncode


if __name__ == "__main__":
    sys.exit(_wait_for(sys.argv[1], sys.argv[2:]))
