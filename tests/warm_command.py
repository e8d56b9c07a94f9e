"""The ``zavazek`` command in a new process that starts with the package already imported.

The tests run the command about 150 times. A new interpreter spends some
0.4 s of CPU importing Click, MkDocs, Material and the package before it reads
a single file, about a minute of the run's CPU in all. Here a multiprocessing
*forkserver* imports them once per test worker, and each run of the command
is a child forked from it: a process of its own, with its own working folder,
environment, standard output and error and exit code, running the same
``zavazek.cli.main`` as the installed command. Nothing of one run is left in
the next: every child starts from the server's state, which is the state of
the imports alone.

A run that must start an interpreter differently (other ``PYTHON*``
variables, another locale, another ``sys.path``) is not for this: use
``python -m zavazek.cli`` in a new process, as ``site_fixtures.run_zavazek``
does when it is given such an environment.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import subprocess
import sys
import tempfile
from pathlib import Path

#: Modules the server imports once, so that no child imports them again.
PRELOADED = ("zavazek.cli", "zavazek.engine", "warm_command")
#: Variables an interpreter reads only when it starts, and the C locale's: a child forked from a
#: server started with other values would not see them change.
READ_AT_START = ("PYTHON", "LANG", "LC_")


def starts_the_same(env: dict[str, str]) -> bool:
    """Whether an interpreter started with ``env`` would start as the server did (see :data:`READ_AT_START`)."""
    keys = {key for key in {*env, *os.environ} if key.startswith(READ_AT_START)}
    return all(env.get(key) == os.environ.get(key) for key in keys)


def _context():
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(PRELOADED))
    return context


def run(args: list[str], *, cwd: Path | None, env: dict[str, str], timeout: float) -> subprocess.CompletedProcess:
    """``zavazek *args`` in a child of the server, as :func:`subprocess.run` with ``capture_output`` and ``text``."""
    with tempfile.TemporaryDirectory(prefix="zavazek-run-") as folder:
        out, err = Path(folder, "stdout"), Path(folder, "stderr")
        child = _context().Process(target=_command, args=(args, str(cwd or os.getcwd()), env, str(out), str(err)))
        child.start()
        child.join(timeout)
        if child.exitcode is None:
            child.kill()
            child.join()
            raise subprocess.TimeoutExpired(["zavazek", *args], timeout)
        return subprocess.CompletedProcess(["zavazek", *args], child.exitcode,
                                           out.read_text(encoding="utf-8", errors="replace"),
                                           err.read_text(encoding="utf-8", errors="replace"))


def _command(args: list[str], cwd: str, env: dict[str, str], out: str, err: str) -> None:
    """In the child: the command's folder, environment and output files, then the command itself."""
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    tempfile.tempdir = None  # asked again, from this environment's TMPDIR
    for name, fd in ((out, 1), (err, 2)):
        opened = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(opened, fd)
        os.close(opened)
    sys.argv = ["zavazek", *args]
    from zavazek.cli import main

    try:
        main(args=args, prog_name="zavazek")
    finally:
        atexit._run_exitfuncs()  # what an interpreter does at its end, and a forked child does not
        sys.stdout.flush()
        sys.stderr.flush()
