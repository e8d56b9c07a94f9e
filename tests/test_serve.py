"""The preview server staff use rebuilds the site when they save a data file."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest

from site_fixtures import ROOT, clean_build, copy_site_folder, edit_text, seed_pdf_cache
from zavazek.engine.config import open_project
from test_incremental import CHANGES


PREVIEW_DAY = "2026-11-27"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait_for(url: str, text: str, seconds: float = 90) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if text in _get(url):
                return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


@contextlib.contextmanager
def preview(folder):
    """``zavazek serve`` on a free port; yields its address (ending in /), the process and the lines it has
    written to its standard error so far (read as they come: a pipe nobody reads fills up and stops it)."""
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "zavazek.cli", "serve", str(folder), "--port", str(port), "--today", PREVIEW_DAY],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    said: list[str] = []

    def read() -> None:
        for line in server.stderr:
            said.append(line)

    threading.Thread(target=read, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{port}/", server, said
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture(scope="module")
def previewed(tmp_path_factory, example_site):
    """One preview for the file's tests, in order: each edits the folder further (starting one is a build)."""
    folder = seed_pdf_cache(copy_site_folder(ROOT, tmp_path_factory.mktemp("preview") / "provider"), example_site)
    with preview(folder) as (base, server, said):
        yield folder, base, server, said


def test_preview_shows_a_changed_goal_after_saving_the_file(previewed):
    site_folder, base, server, said = previewed
    goals_url = f"{base}en/cile/"
    assert _wait_for(goals_url, "Open an evening Czech course"), "the preview did not start"
    assert "computed on November 27, 2026" in _get(f"{base}en/kontrola/"), "the preview is not for --today's day"
    goals = site_folder / "data" / "goals.yaml"
    goals.write_text(
        goals.read_text(encoding="utf-8").replace(
            "Open an evening Czech course", "Open a weekend Czech course"
        ),
        encoding="utf-8",
    )
    assert _wait_for(goals_url, "Open a weekend Czech course"), "the preview did not rebuild"

    # A mistake while editing: the preview reports it, keeps running, and recovers once fixed.
    good = goals.read_text(encoding="utf-8")
    goals.write_text(good.replace("centre: plzen", "centre: plzn"), encoding="utf-8")
    deadline = time.monotonic() + 60
    while not _reports_the_unknown_centre("".join(said)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _reports_the_unknown_centre("".join(said)), "".join(said)[-2000:]
    assert server.poll() is None
    goals.write_text(good.replace("weekend Czech course", "Sunday Czech course"), encoding="utf-8")
    assert _wait_for(goals_url, "Open a Sunday Czech course"), "the preview did not recover"


def _reports_the_unknown_centre(said: str) -> bool:
    """Whether the preview's messages name the file and line of the mistyped centre, and the fix."""
    return (re.search(r"data/goals\.yaml:\d+:\d+: chyba / error", said) is not None
            and "There is no centre “plzn” in commitment.yaml. Did you mean “plzen”?" in said)


def test_preview_shows_an_edited_service_on_its_page_and_in_its_regions_list(previewed):
    site_folder, base, _, _ = previewed
    old, new = "Community interpreting and intercultural work", "Interpreting at the job centre"
    service_url = f"{base}en/sluzby/s/icp-interkulturni-prace/"
    region_url = f"{base}en/sluzby/praha/"
    assert _wait_for(service_url, old), "the preview did not start"
    services = site_folder / "data" / "services.yaml"
    services.write_text(services.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    assert _wait_for(service_url, f"<h1>{new}</h1>"), "the service page was not rebuilt"
    assert _wait_for(region_url, new), "the region's list was not rebuilt"
    assert old not in _get(region_url)


def _served(base: str, path: str, public: str) -> bytes | None:
    """A file as the preview serves it, without the script the server adds to each page to reload it,
    and with the site's public address where the preview names its own (the canonical link)."""
    try:
        with urllib.request.urlopen(base + path, timeout=10) as response:
            body = response.read()
    except (urllib.error.URLError, OSError):
        return None
    end = body.rfind(b"</body>")
    start = body.rfind(b"<script>", 0, end) if end != -1 else -1
    if path.endswith(".html") and start != -1:
        body = body[:start] + body[end:]
    return body.replace(base.encode(), public.encode())


def _differing(base: str, site, public: str, paths: list[str] | None = None) -> list[str]:
    """The files of a built ``site`` (or those of ``paths``) that the preview serves otherwise
    (the sitemap names the preview's address)."""
    if paths is None:
        paths = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    return [path for path in paths
            if not path.startswith("sitemap.xml") and _served(base, path, public) != (site / path).read_bytes()]


def test_the_preview_serves_what_a_clean_build_publishes_after_each_kind_of_change(previewed, tmp_path):
    """Never a stale page: after a changed service, goal, mission and translation, every file the
    preview serves is the one a build from scratch makes (the PDFs and the search index follow the
    pages within seconds)."""
    site_folder, base, server, _ = previewed
    assert _wait_for(f"{base}cile/", "</html>"), "the preview did not start"
    for change in CHANGES.values():
        for file, anchors, lang, words in change:
            edit_text(site_folder, file, anchors, lang, words)
        page = {"services.yaml": "sluzby/s/icp-socialni-poradenstvi/", "goals.yaml": "cile/"}[change[0][0]]
        assert _wait_for(base + page, change[0][3]), f"the preview did not show {change[0]}"
    site = clean_build(site_folder, tmp_path / "clean", today=PREVIEW_DAY)
    public = open_project(site_folder).site_url
    deadline = time.monotonic() + 120
    differing = _differing(base, site, public)
    while differing and time.monotonic() < deadline:  # asking again only for the files still behind
        time.sleep(2)
        differing = _differing(base, site, public, differing)
    assert _differing(base, site, public) == []  # and then every file again, all at once
    assert server.poll() is None
