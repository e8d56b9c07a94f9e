"""The site's search index: Pagefind, one index per page language, loaded in small pieces.

Pagefind reads the built HTML, splits the index by ``<html lang>`` and into
chunks that the browser fetches only as a query needs them, and matches
words without diacritics (``zadost`` finds ``žádost``, ``tu van`` finds
``tư vấn``). It runs from the ``pagefind`` package's bundled binary: no
network, no other server at search time.
"""

from __future__ import annotations

import base64
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Callable

from pagefind.service import get_executable

from zavazek.engine.indexed import EXCLUDE_SELECTORS, INDEXED_MARK
from zavazek.engine import staging
from zavazek.engine.shells import is_shell


class SearchIndexFailed(RuntimeError):
    pass


def bundle(lang: str) -> str:
    """Where a language's index lives in the site, e.g. ``pagefind/en/``."""
    return f"pagefind/{lang}/"


def language_pages(site_dir: Path, lang: str, languages: list[str], default: str) -> list[str]:
    """The HTML pages a language's index is made from, relative to ``site_dir`` (``ru/cile/index.html``), sorted;
    not a shell its pages are not yet written from (:mod:`zavazek.engine.shells`)."""
    site_dir = str(site_dir)
    if lang != default:
        return sorted(page for page in _html_under(site_dir, lang) if not is_shell(page))
    pages = []
    elsewhere = set(languages) | {"pagefind", "assets", "404.html"}
    for entry in os.scandir(site_dir):
        if entry.name in elsewhere:
            continue
        if entry.is_dir():
            pages += _html_under(site_dir, entry.name)
        elif entry.name.endswith(".html"):
            pages.append(entry.name)
    return sorted(page for page in pages if not is_shell(page))


def _html_under(site_dir: str, folder: str) -> list[str]:
    """The HTML files under ``site_dir/folder``, relative to ``site_dir``."""
    found = []
    for root, _, names in os.walk(os.path.join(site_dir, folder)):
        relative = root[len(site_dir) + 1:]
        found += [f"{relative}/{name}" for name in names if name.endswith(".html")]
    return found


def same_pages(site_dir: Path, published: Path, lang: str, languages: list[str], default: str) -> bool:
    """Whether a language's pages are those of the published site, byte for byte: its index would be the same.

    Pages linked to the published ones (:class:`zavazek.engine.shells.Filler`) are the same file.
    """
    pages = language_pages(site_dir, lang, languages, default)
    if pages != language_pages(published, lang, languages, default):
        return False
    for page in pages:
        new, old = os.path.join(site_dir, page), os.path.join(published, page)
        try:
            if not os.path.samefile(new, old) and Path(new).read_bytes() != Path(old).read_bytes():
                return False
        except OSError:
            return False
    return True


def keep_index(site_dir: Path, published: Path, lang: str) -> None:
    """Take the published site's index of ``lang`` (its files linked, not copied)."""
    shutil.copytree(Path(published) / bundle(lang), Path(site_dir) / bundle(lang), copy_function=os.link,
                    dirs_exist_ok=True)


#: Makes what Pagefind is sent of a page (see :class:`Indexing`).
Document = Callable[[], str]


class Indexing:
    """Search indexes being made in the background, a few languages at a time (:attr:`LANES`).

    Each language's pages go to a Pagefind process in its service mode
    (``pagefind --service``: requests and replies over its standard input and
    output), not through its command line: the directory's pages are sent
    from memory, each as no more than the part Pagefind indexes (see
    :meth:`zavazek.engine.shells.Filler.search_documents`), instead of being
    read back from the disk whole, and the next language's pages are being
    written meanwhile. At national scale that halved the time spent indexing.
    Indexes are written into ``pagefind/<lang>/`` (:func:`bundle`).
    """

    #: Languages indexed at the same time. Pagefind indexes a language on about one core: of five languages
    #: two at a time left the fifth alone at the end, three at a time leave two, one for each core.
    LANES = 3

    def __init__(self):
        self._languages: queue.SimpleQueue = queue.SimpleQueue()
        self._errors: list[str] = []
        self._stopped = False
        self._processes: set[subprocess.Popen] = set()
        self._threads = [threading.Thread(target=self._index_each, name="zavazek-search", daemon=True)
                         for _ in range(self.LANES)]
        for thread in self._threads:
            thread.start()

    def add(self, site_dir: Path, lang: str, languages: list[str], default: str,
            made: dict[str, Document] | None = None) -> None:
        """Index ``lang``'s pages once those queued before are done. ``made``: {a page's path in the
        site: its document}, for pages whose document is made in memory instead of read from the disk;
        they are indexed whether they are written yet or not."""
        self._languages.put((Path(site_dir), lang, list(languages), default, made or {}))

    def wait(self) -> None:
        """Wait for every language added; raises :class:`SearchIndexFailed` if Pagefind failed."""
        self._join()
        if self._errors:
            raise SearchIndexFailed("\n".join(sorted(set(self._errors))))

    def stop(self) -> None:
        """Give up the indexing not yet done (a preview whose pages are changing again)."""
        self._stopped = True
        for process in list(self._processes):
            if process.poll() is None:
                process.kill()
        self._join()

    def _join(self) -> None:
        for _ in self._threads:
            self._languages.put(None)
        for thread in self._threads:
            thread.join()

    def _index_each(self) -> None:
        while (job := self._languages.get()) is not None:
            if self._stopped:
                continue
            try:
                self._index(*job)
            except (OSError, EOFError, ValueError) as exc:
                if not self._stopped:
                    self._errors.append(f"Pagefind: {exc}")

    def _index(self, site_dir: Path, lang: str, languages: list[str], default: str,
               made: dict[str, Document]) -> None:
        with tempfile.TemporaryFile() as log:
            process = subprocess.Popen([str(get_executable()), "--service"], cwd=site_dir,
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log)
            self._processes.add(process)
            if self._stopped:
                process.kill()
            replies = _Replies(process)
            try:
                replies.ask({"type": "NewIndex", "config": {"exclude_selectors": EXCLUDE_SELECTORS}})
                index = replies.answer()["index_id"]
                sent = 0
                on_disk = language_pages(site_dir, lang, languages, default)
                for page in sorted(set(on_disk).union(made)):  # in the same order, written yet or not
                    document = made[page]() if page in made else _read_indexed(site_dir / page)
                    if document is not None:
                        replies.ask({"type": "AddFile", "index_id": index, "file_path": page, "url": None,
                                     "file_contents": document}, flush=False)
                        sent += 1
                replies.flush()
                for _ in range(sent):  # every page indexed before the index is written
                    replies.answer()
                # Its files are taken back and written here: Pagefind's service writes its own files in
                # the background and may stop (when its input closes) before they are all written.
                replies.ask({"type": "GetFiles", "index_id": index})
                _write_bundle(site_dir / bundle(lang), replies.answer()["files"])
            except (OSError, EOFError, ValueError) as exc:
                if self._stopped:
                    return
                log.seek(0)
                raise EOFError(log.read().decode("utf-8", "replace").strip() or str(exc)) from None
            finally:
                try:
                    process.stdin.close()
                except OSError:
                    pass
                process.wait()
                self._processes.discard(process)


class _Replies:
    """Requests to a Pagefind service, and its replies, read by a thread of its own so that neither
    side waits for the other. Both are base64 JSON, each followed by a comma."""

    def __init__(self, process: subprocess.Popen):
        self._process = process
        self._replies: queue.SimpleQueue = queue.SimpleQueue()
        self._asked = 0
        threading.Thread(target=self._read, daemon=True).start()

    def ask(self, payload: dict, flush: bool = True) -> None:
        self._asked += 1
        message = json.dumps({"message_id": self._asked, "payload": payload}, ensure_ascii=False)
        self._process.stdin.write(base64.b64encode(message.encode("utf-8")) + b",")
        if flush:
            self.flush()

    def flush(self) -> None:
        self._process.stdin.flush()

    def answer(self) -> dict:
        """The next reply; raises :class:`ValueError` for Pagefind's error, :class:`EOFError` if it stopped."""
        reply = self._replies.get()
        if reply is None:
            raise EOFError("Pagefind stopped without a reply")
        if reply.get("type") == "Error":
            raise ValueError(reply.get("message") or "error")
        return reply

    def _read(self) -> None:
        pending, fd = [], self._process.stdout.fileno()  # the pieces of a reply not yet complete
        try:
            while chunk := os.read(fd, 1 << 20):
                *complete, rest = chunk.split(b",")
                for piece in complete:
                    message, pending = b"".join(pending) + piece, []
                    self._replies.put(json.loads(base64.b64decode(message))["payload"])
                pending.append(rest)
        finally:
            self._replies.put(None)


def _write_bundle(folder: Path, files: list[dict]) -> None:
    """Write the files of a language's index (``{"path": …, "content": base64}``) into ``folder``."""
    staging.write_files((folder / file["path"], base64.b64decode(file["content"])) for file in files)


def _read_indexed(path: Path) -> str | None:
    """A page read from the disk, if it has a part to index (``data-pagefind-body``)."""
    html = path.read_text(encoding="utf-8")
    return html if INDEXED_MARK in html else None
