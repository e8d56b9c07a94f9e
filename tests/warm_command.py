"""The ``zavazek`` command in a new process that starts with the package already imported.

The tests run the command about 150 times. A new interpreter spends some
0.4 s of CPU importing Click, PyYAML, Pydantic and závazek's own modules
before it reads a single file: about a minute of the run's CPU in all. Here
a small server (this file run as a script) imports them once per test
worker, and each run of the command is a child forked from it: a process of
its own, with its own working folder, environment, standard input (empty),
output and error, and exit code, running the same ``zavazek.cli.main`` as
the installed command. A build still imports MkDocs and Material in its
child, under the child's environment.

What a child does not share with a new interpreter:

- its end: the ``atexit`` functions run and the output is flushed, but the
  interpreter's last clearing of every module (most of what a short run
  costs) is skipped; závazek's threads are daemon threads, which an
  interpreter does not wait for either;
- the hash seed: every child of a server has the server's (each test
  worker's server draws its own). Output that depends on the order of a set
  of strings is caught by ``tests/test_published.py``, which compares the
  example sites with files listed by earlier runs;
- the modules: a command that forgot an import would still find the module
  here (``tests/test_installed.py`` runs ``build`` and ``new`` of the
  installed command in new interpreters);
- WeasyPrint's import, in the server's environment: it loads Pango and
  HarfBuzz and checks the fonts once, and what it would print goes to the
  server's error output, not the command's.

A run that must start an interpreter differently (:data:`READ_AT_START`) is
not for this: ``site_fixtures.run_zavazek`` starts the installed command for it.

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
import traceback
from pathlib import Path

#: Variables an interpreter (or the C library, the dynamic loader, Fontconfig, a module as it is imported)
#: reads when it starts: a child forked from a server started with other values would not see them change.
READ_AT_START = ("PYTHON", "LANG", "LC_", "TZ", "LD_", "FC_", "FONTCONFIG")
#: The environment every server starts with: this process's when the tests began.
_START_ENV = dict(os.environ)


class _Server:
    def __init__(self):
        self.process = subprocess.Popen([sys.executable, __file__], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        env=_START_ENV, text=True, encoding="utf-8")
        atexit.register(self.stop)

    def ask(self, request: dict):
        try:
            self.process.stdin.write(json.dumps(request) + "\n")
            self.process.stdin.flush()
            answer = self.process.stdout.readline()
        except BaseException:  # interrupted: its answer must not be read as the next request's
            self.process.kill()
            raise
        if not answer:
            raise RuntimeError(f"the command's server ended (exit code {self.process.wait(timeout=5)})")
        return json.loads(answer)

    def stop(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


_server: _Server | None = None
_lock = threading.Lock()  # one request at a time: the server answers in turn


def starts_the_same(env: dict[str, str]) -> bool:
    """Whether an interpreter started with ``env`` would start as the server does (see :data:`READ_AT_START`),
    on a system where the server can wait for its children (Linux 5.3 and later)."""
    keys = {key for key in {*env, *_START_ENV} if key.startswith(READ_AT_START)}
    return hasattr(os, "pidfd_open") and all(env.get(key) == _START_ENV.get(key) for key in keys)


def run(args: list[str], *, cwd: Path | None, env: dict[str, str], timeout: float) -> subprocess.CompletedProcess:
    """``zavazek *args`` in a child of the server, as :func:`subprocess.run` with ``capture_output`` and ``text``."""
    global _server
    folder = os.path.abspath(cwd or ".")
    if not os.path.isdir(folder):
        raise FileNotFoundError(f"no folder to run the command in: {folder}")
    with tempfile.TemporaryDirectory(prefix="zavazek-run-") as outputs:
        out, err = Path(outputs, "stdout"), Path(outputs, "stderr")
        with _lock:
            if _server is None or _server.process.poll() is not None:
                _server = _Server()
            code = _server.ask({"args": args, "cwd": folder, "env": env, "out": str(out), "err": str(err),
                                "timeout": timeout})
        output = out.read_text(encoding="utf-8"), err.read_text(encoding="utf-8")
        if code is None:
            raise subprocess.TimeoutExpired(["zavazek", *args], timeout, *output)
        return subprocess.CompletedProcess(["zavazek", *args], code, *output)


def _serve() -> None:
    """The server: import once, then fork a child for each request and answer with its exit code."""
    import zavazek.cli  # noqa: F401 (what every run would import)
    import zavazek.engine  # noqa: F401
    from zavazek.site import pdf

    # WeasyPrint (and fontTools, which it imports) loaded as the command loads it: what each process that
    # lays out PDFs imports. Not a font configuration: Fontconfig's thread would not survive the fork.
    pdf._load_weasyprint()

    for line in sys.stdin:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            try:
                _command(request)
            finally:
                os._exit(1)  # _command ends the child itself; the child must never go back to serving
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
    """In the child: the command's input and output, folder and environment, then the command itself."""
    for fd, name, flags in ((0, os.devnull, os.O_RDONLY), (1, request["out"], os.O_WRONLY | os.O_CREAT),
                            (2, request["err"], os.O_WRONLY | os.O_CREAT)):
        opened = os.open(name, flags, 0o600)
        os.dup2(opened, fd)
        os.close(opened)
    try:
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        tempfile.tempdir = None  # asked again, from this environment's TMPDIR
        sys.argv = ["zavazek", *request["args"]]
        from zavazek.cli import main

        main(args=request["args"], prog_name="zavazek")
        code = 0
    except SystemExit as ended:  # how Click ends, as the installed command does
        code = ended.code if isinstance(ended.code, int) else 0 if ended.code is None else 1
        if not isinstance(ended.code, (int, type(None))):
            print(ended.code, file=sys.stderr)
    except BaseException:
        traceback.print_exc()
        code = 1
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    if sys.path[0] == os.path.dirname(os.path.abspath(__file__)):  # as the installed command has it, not the tests'
        sys.path[0] = os.path.dirname(sys.executable)
    _serve()
