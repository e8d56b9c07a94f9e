"""A real browser for tests: Debian's Chromium driven by Playwright, and a local web server."""

from __future__ import annotations

import contextlib
import functools
import gzip
import re
import http.server
import shutil
import sys
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

#: WCAG 2.2 A and AA (axe tags each criterion with the version that introduced it; 2.2 added only AA rules).
#: Only the violations are reported (a third faster than a report of every rule that passed too).
AXE_RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
             "reporter": "no-passes"}


def accessibility_violations(page) -> list[dict]:
    """What axe-core finds against WCAG 2.2 A and AA on the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe().run(page, options=AXE_RULES).response["violations"]


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",  # this network is closed; also no calls home
    "--disable-component-update",
    "--disable-sync",
    "--disable-gpu",
    "--no-first-run",
]

#: Parts of Chromium's own window that the tests never use. Its address bar's suggestions are web pages
#: of their own (chrome://omnibox-popup.top-chrome/), one renderer per window that keeps drawing while
#: the window is open: a fifth of a core for each context a test opens, and half the browser's CPU in a
#: run of the tests.
UNUSED_FEATURES = ("WebUIOmniboxPopup", "WebUIOmniboxAimPopup")


@functools.lru_cache(maxsize=1)
def _playwright_disabled_features() -> tuple[str, ...]:
    """The features Playwright turns off with its own ``--disable-features``, read from its driver.

    Chromium takes the last ``--disable-features`` it is given, so one of
    the tests' own must repeat Playwright's list.
    """
    import playwright

    driver = Path(playwright.__file__).parent / "driver" / "package" / "lib"
    for source in sorted(driver.rglob("*.js")):
        text = source.read_text(encoding="utf-8", errors="replace")
        # The list of chromiumSwitches (Electron's loader has one of its own): a name a line, with comments.
        found = re.search(r"chromiumSwitches.*?disabledFeatures = \[\n(.*?)\n\s*\]", text, re.S)
        features = tuple(re.findall(r'^\s*"([A-Za-z0-9]+)",?\s*$', found.group(1), re.M)) if found else ()
        if features:
            return features
    raise RuntimeError(f"Playwright's list of the Chromium features it turns off is not in {driver} any more: "
                       "tests/browser.py must find it elsewhere (see _playwright_disabled_features)")


def chromium_args() -> list[str]:
    """How the tests start Chromium: :data:`CHROMIUM_ARGS`, and Playwright's features turned off with ours."""
    features = dict.fromkeys(_playwright_disabled_features() + UNUSED_FEATURES)
    return [*CHROMIUM_ARGS, "--disable-features=" + ",".join(features)]


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


#: This process's Chromium and the Playwright driving it, started by the first test that needs one.
_running: dict[str, object] = {}


def _shared_chromium():
    browser = _running.get("browser")
    if browser is None or not browser.is_connected():  # not yet started, or crashed in an earlier test
        from playwright.sync_api import sync_playwright

        if "playwright" not in _running:
            _running["playwright"] = sync_playwright().start()
        _running["browser"] = browser = _running["playwright"].chromium.launch(
            executable_path=chromium_path(), args=chromium_args()
        )
    return browser


def stop_chromium() -> None:
    """Close this process's Chromium, if a test started it (at the end of the test session)."""
    browser, playwright = _running.pop("browser", None), _running.pop("playwright", None)
    if browser is not None and browser.is_connected():
        browser.close()
    if playwright is not None:
        playwright.stop()


@contextlib.contextmanager
def launch_chromium():
    """Chromium for the ``with`` block; the windows (contexts) and pages it opened are closed at its end.

    One Chromium serves every test of a process: starting one costs about
    a second. A context is what a fresh browser would be (its own cache,
    cookies and storage), and each page opened with ``browser.new_page()``
    has its own.
    """
    browser = _shared_chromium()
    before = set(browser.contexts)
    try:
        yield browser
    finally:
        if browser.is_connected():
            for context in browser.contexts:
                if context not in before:
                    context.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extra_headers: dict[str, str] = {}
    served: list[str] | None = None

    def log_message(self, *args):
        pass

    def end_headers(self):
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def send_response(self, code, message=None):
        super().send_response(code, message)
        if self.served is not None:
            if code == 200:
                self.served.append(self.path)
            page = urlparse(self.path).path.endswith(("/", ".html"))
            self.send_header("Cache-Control", "no-cache" if page else "max-age=3600")


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A browser that stops reading a file it no longer wants (a page left mid-load) is no error of the site."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve_directory(directory: Path, headers: dict[str, str] | None = None, served: list[str] | None = None):
    """Serve ``directory`` on 127.0.0.1 at a free port, adding ``headers`` to each response; yields the base URL (ending in /).

    With a list as ``served``, the server appends the path of every request it
    answers with a file, and lets browsers keep files other than pages for an
    hour, as a web server in production does: what a cached visit asks for is
    then what it really downloads.
    """
    handler_class = type("Handler", (_QuietHandler,), {"extra_headers": dict(headers or {}), "served": served})
    handler = functools.partial(handler_class, directory=str(directory))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def gzip_bytes(site: Path, request_paths: list[str]) -> int:
    """Bytes a gzip-compressing web server sends for these requests (a folder's page is its index.html)."""
    total = 0
    for request in request_paths:
        path = unquote(urlparse(request).path).lstrip("/")
        file = site / path / "index.html" if path == "" or path.endswith("/") else site / path
        if file.is_file():
            total += len(gzip.compress(file.read_bytes(), compresslevel=6, mtime=0))
    return total


#: Waits until every CSS transition and animation that will end has ended (a menu has slid into place).
_SETTLED = """() => Promise.all(document.getAnimations()
    .filter((animation) => Number.isFinite(animation.effect.getComputedTiming().endTime))
    .map((animation) => animation.finished.catch(() => null)))"""


def wait_for_transitions(page) -> None:
    """Return once the page's transitions have ended: what it shows then is what a reader sees."""
    page.evaluate(_SETTLED)


def page_weight(browser, site: Path, path: str, after: str = "", width: int = 360) -> tuple[int, int]:
    """(first view, further view): gzip bytes Chromium downloads to show ``path`` of the built ``site``.

    The first view starts with an empty cache; the further view comes after
    the page ``after`` (the home page), so the files they share are cached.
    """
    served: list[str] = []
    with serve_directory(site, served=served) as base:
        views = []
        for before in (None, after):
            context = browser.new_context(viewport={"width": width, "height": 740})
            requests = Requests(context.new_page())
            if before is not None:
                requests.visit(base + before)
                wait_for_offline_worker(requests.page)
                requests.settle()
            served.clear()
            requests.visit(base + path)
            wait_for_offline_worker(requests.page)  # what its install fetches counts: the phone downloads it
            requests.settle()
            views.append(gzip_bytes(site, served))
            context.close()
    return views[0], views[1]


#: Resolves once the site's offline worker, if the page starts one, is active: it has kept the home
#: page (its install fetches it) and no longer fetches anything of its own.
_WORKER_ACTIVE = """() => document.querySelector('script[src*="zavazek-offline"]') && 'serviceWorker' in navigator
    ? navigator.serviceWorker.ready.then(() => true) : false"""


def wait_for_offline_worker(page) -> bool:
    """Wait until the page's offline worker is active; False if the page has none.

    Its install fetches the home page a moment after the page has loaded:
    that belongs to the page's own weight, not to a page opened next.
    """
    return page.evaluate(_WORKER_ACTIVE)


class Requests:
    """What a page asks for while it opens, and a wait until it has asked for everything.

    Playwright's "networkidle" waits half a second after the last request of
    every page; a page's last request (its icon) comes a few milliseconds after
    its load, so :meth:`settle` waits :attr:`QUIET` seconds after it instead.
    """

    #: Seconds without a request under way after which a page has made every request it makes.
    QUIET = 0.2

    def __init__(self, page):
        self.page = page
        self.made: list[tuple[str, str]] = []  # (address, kind) of what the page being opened asked for
        self.failed: list[str] = []  # "status address" of each answer that was an error
        self._under_way: set = set()
        self._last = time.monotonic()
        page.on("request", self._started)
        page.on("requestfinished", self._ended)
        page.on("requestfailed", self._ended)
        page.on("response", lambda r: self.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)

    def _started(self, request) -> None:
        self.made.append((request.url, request.resource_type))
        self._under_way.add(request)
        self._last = time.monotonic()

    def _ended(self, request) -> None:
        self._under_way.discard(request)
        self._last = time.monotonic()

    def open(self, address: str) -> None:
        """Go to ``address`` and return once it has loaded; what it asks for is counted from here."""
        self.made, self.failed, self._under_way, self._last = [], [], set(), time.monotonic()
        self.page.goto(address, wait_until="load")

    def visit(self, address: str) -> None:
        """Go to ``address`` and return once it has loaded and made every request it makes (:meth:`settle`)."""
        self.open(address)
        self.settle()

    def settle(self) -> None:
        """Wait until no request is under way and none has started or ended for :attr:`QUIET` seconds."""
        while self._under_way or time.monotonic() - self._last < self.QUIET:
            self.page.wait_for_timeout(25)
