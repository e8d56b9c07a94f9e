"""The ``zavazek`` command in a new process that starts with the package already imported.

The tests run the command about 150 times. A new interpreter spends some
0.4 s of CPU importing Click, MkDocs, Material and the package before it reads
a single file: about a minute of the run's CPU in all. Here a small server
(this file run as a script) imports them once per test worker, and each run
of the command is a child forked from it: a process of its own, with its own
working folder, environment, standard input, output and error, and exit
code, running the same ``zavazek.cli.main`` as the installed command and
ending as an interpreter ends (its ``atexit`` functions, flushed output, a
traceback and code 1 for an uncaught error) but for the final clearing of
every module. Nothing of one run is left in the next: every child starts
from the server's state, which is the state of the imports alone.

A run that must start an interpreter differently (other ``PYTHON*``
variables, another locale) is not for this: ``site_fixtures.run_zavazek``
starts ``python -m zavazek.cli`` for it.

The server reads one request a line (JSON) on its standard input and answers
each with the child's exit code, as :attr:`subprocess.Popen.returncode` gives
it, or ``null`` when the child ran out of time and was killed.
"""

from __future__ import annotations

import atexit
import json
import os
import select
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

#: Variables an interpreter reads only when it starts, and the C locale's: a child forked from a
#: server started with other values would not see them change.
READ_AT_START = ("PYTHON", "LANG", "LC_")


class _Server:
    def __init__(self):
        self.env = dict(os.environ)
        self.process = subprocess.Popen([sys.executable, __file__], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        text=True, encoding="utf-8")
        self.lock = threading.Lock()
        atexit.register(self.stop)

    def ask(self, request: dict):
        with self.lock:
            self.process.stdin.write(json.dumps(request) + "\n")
            self.process.stdin.flush()
            answer = self.process.stdout.readline()
        if not answer:
            raise RuntimeError(f"the command's server ended (exit code {self.process.poll()})")
        return json.loads(answer)

    def stop(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


_server: _Server | None = None


def _started() -> _Server:
    global _server
    if _server is None or _server.process.poll() is not None:
        _server = _Server()
    return _server


def starts_the_same(env: dict[str, str]) -> bool:
    """Whether an interpreter started with ``env`` would start as the server did (see :data:`READ_AT_START`)."""
    started = _server.env if _server is not None else os.environ
    keys = {key for key in {*env, *started} if key.startswith(READ_AT_START)}
    return all(env.get(key) == started.get(key) for key in keys)


def run(args: list[str], *, cwd: Path | None, env: dict[str, str], timeout: float) -> subprocess.CompletedProcess:
    """``zavazek *args`` in a child of the server, as :func:`subprocess.run` with ``capture_output`` and ``text``."""
    server = _started()
    with tempfile.TemporaryDirectory(prefix="zavazek-run-") as folder:
        out, err = Path(folder, "stdout"), Path(folder, "stderr")
        code = server.ask({"args": args, "cwd": str(cwd or os.getcwd()), "env": env, "out": str(out),
                           "err": str(err), "timeout": timeout})
        if code is None:
            raise subprocess.TimeoutExpired(["zavazek", *args], timeout)
        return subprocess.CompletedProcess(["zavazek", *args], code,
                                           out.read_text(encoding="utf-8", errors="replace"),
                                           err.read_text(encoding="utf-8", errors="replace"))


def _serve() -> None:
    """The server: import once, then fork a child for each request and answer with its exit code."""
    import zavazek.cli  # noqa: F401 (what every run would import)
    import zavazek.engine  # noqa: F401

    for line in sys.stdin:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            _command(request)  # never returns: the command ends the child as it would end an interpreter
        print(json.dumps(_wait(pid, request["timeout"])), flush=True)


def _wait(pid: int, timeout: float) -> int | None:
    """The child's exit code (negative: the signal that ended it), or None if it had to be killed."""
    ended = os.pidfd_open(pid)
    try:
        if not select.select([ended], [], [], timeout)[0]:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return None
    finally:
        os.close(ended)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def _command(request: dict) -> None:
    """In the child: the command's folder, environment, input and output, then the command itself."""
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    tempfile.tempdir = None  # asked again, from this environment's TMPDIR
    for fd, name, flags in ((0, os.devnull, os.O_RDONLY), (1, request["out"], os.O_WRONLY | os.O_CREAT),
                            (2, request["err"], os.O_WRONLY | os.O_CREAT)):
        opened = os.open(name, flags, 0o600)
        os.dup2(opened, fd)
        os.close(opened)
    sys.argv = ["zavazek", *request["args"]]
    from zavazek.cli import main

    try:
        main(args=request["args"], prog_name="zavazek")
        code = 0
    except SystemExit as exit:  # how Click ends, as the installed command does
        code = exit.code if isinstance(exit.code, int) else 0 if exit.code is None else 1
        if not isinstance(exit.code, (int, type(None))):
            print(exit.code, file=sys.stderr)
    except BaseException:
        sys.excepthook(*sys.exc_info())
        code = 1
    # The end of an interpreter, but for its last clearing of every module, which a process that
    # ends anyway does not need (it is most of the time a child takes, against the command's few ms).
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    _serve()
