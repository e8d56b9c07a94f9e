"""The register's file for ``--from`` / ``--registry``: a path as it is, or an ``http(s)://`` URL downloaded.

The download is streamed into a temporary folder in the provider's folder's
``.zavazek/`` (never held in memory whole), its size and time are printed, and
the file's time is set to the response's ``Last-Modified`` day (else today),
so that the commands take that day as the snapshot's date unless one is given.
The temporary copy is deleted when the command ends; ``--keep FILE`` moves it
to FILE instead. A failed download (no network, an HTTP error, a transfer cut
off) fails the command in Czech and English before anything is written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import tempfile
import time
import urllib.parse
from pathlib import Path

import click

from zavazek.core.problems import Message, Problem
from zavazek.loading import DATA_ERRORS, USAGE, CommandFailed

LANGS = ("cs", "en")
WORK_DIR = ".zavazek"
BLOCK = 1 << 20
TIMEOUT = 60  # seconds without an answer or a byte


class Url(str):
    """An ``http://`` or ``https://`` address given for the register's file."""


class RegisterSource(click.ParamType):
    """A local file (a :class:`~pathlib.Path`) or an ``http(s)://`` address (a :class:`Url`)."""

    name = "FILE|URL"

    def convert(self, value, param, ctx):
        if isinstance(value, (Path, Url)):
            return value
        text = str(value)
        if text.lower().startswith(("http://", "https://")):
            return Url(text)
        return click.Path(dir_okay=False, path_type=Path).convert(text, param, ctx)  # as before: a file


SOURCE = RegisterSource()

KEEP = click.option("--keep", type=click.Path(dir_okay=False, path_type=Path),
                    help="With a URL: keep the downloaded register as this file (by default it is deleted).")


def _failed(url: str, option: str, message: Message) -> CommandFailed:
    problem = Problem(None, None, None, option, message, Message(
        "Check the address and the network connection, or download the file and give its path instead."))
    summary = Message("{count} error(s): no file was changed.", {"count": 1})
    return CommandFailed(f"{problem.format()}\n{summary.render('cs')}\n{summary.render('en')}", DATA_ERRORS)


def _day(last_modified: str | None) -> dt.date:
    import email.utils

    if last_modified:
        try:
            return email.utils.parsedate_to_datetime(last_modified).astimezone(dt.timezone.utc).date()
        except (TypeError, ValueError, IndexError):
            pass
    return dt.date.today()


def download(url: str, target: Path, option: str = "--from") -> dt.date:
    """Stream ``url`` into ``target``; the day it was last modified (else today). A :class:`CommandFailed`
    when it cannot be downloaded whole (``target`` may then be partly written: the caller deletes it)."""
    import http.client  # the network's modules: not loaded by the commands that never download (a build)
    import urllib.error
    import urllib.request

    started = time.perf_counter()
    received = 0
    try:
        request = urllib.request.Request(url, headers={"User-Agent": "zavazek"})
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response, open(target, "wb") as out:
            length = response.headers.get("Content-Length")
            expected = int(length) if length and length.strip().isdigit() else None
            day = _day(response.headers.get("Last-Modified"))
            while block := response.read(BLOCK):
                out.write(block)
                received += len(block)
    except urllib.error.HTTPError as exc:
        raise _failed(url, option, Message("The server answered {url} with HTTP {status} {reason}: nothing was "
                                           "downloaded.", {"url": url, "status": exc.code, "reason": exc.reason or ""})) from None
    except urllib.error.URLError as exc:
        raise _failed(url, option, Message("The register could not be downloaded from {url}: {reason}.",
                                           {"url": url, "reason": str(exc.reason)})) from None
    except http.client.IncompleteRead as exc:
        got = received + len(exc.partial)
        raise _failed(url, option, _cut_off(url, got, None if exc.expected is None else got + exc.expected)) from None
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise _failed(url, option, Message("The download of {url} was cut off after {received} bytes: {reason}.",
                                           {"url": url, "received": received, "reason": str(exc) or type(exc).__name__})) from None
    if expected is not None and received != expected:
        raise _failed(url, option, _cut_off(url, received, expected))
    seconds = time.perf_counter() - started
    noon = dt.datetime.combine(day, dt.time(12)).timestamp()  # the same day in any time zone
    os.utime(target, (noon, noon))
    done = Message("Downloaded {url}: {megabytes} MB ({bytes} bytes) in {seconds} s, last modified {date}.",
                   {"url": url, "megabytes": f"{received / 1e6:.1f}", "bytes": received, "seconds": f"{seconds:.2f}",
                    "date": day.isoformat()})
    click.echo("\n".join(done.render(lang) for lang in LANGS), err=True)
    return day


def _cut_off(url: str, received: int, expected: int | None) -> Message:
    return Message("The download of {url} was cut off after {received} of {expected} bytes.",
                   {"url": url, "received": received, "expected": expected if expected is not None else "?"})


@contextlib.contextmanager
def _downloaded(url: str, folder: Path, keep: Path | None, option: str):
    work = Path(folder) / WORK_DIR
    made = not work.exists()
    work.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="download-", dir=work))
    name = Path(urllib.parse.urlsplit(url).path).name or "rpss.json"
    try:
        target = tmp / name
        download(url, target, option)
        if keep is not None:
            keep.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(target), str(keep))
            kept = Message("The downloaded register was kept as {file}.", {"file": str(keep)})
            click.echo("\n".join(kept.render(lang) for lang in LANGS), err=True)
            target = keep
        yield target
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if made:
            with contextlib.suppress(OSError):
                work.rmdir()  # only when empty: nothing else was put there meanwhile


def local_file(value: Path | Url | None, folder: Path, keep: Path | None = None, option: str = "--from") -> Path | None:
    """``value`` as a local file: a path as it is, a URL downloaded now (and deleted when the command ends,
    unless kept with ``--keep``)."""
    if not isinstance(value, Url):
        if keep is not None:
            raise CommandFailed(f"--keep: jen s adresou URL v {option} / only with a URL in {option}.", USAGE)
        return value
    return click.get_current_context().with_resource(_downloaded(value, folder, keep, option))
