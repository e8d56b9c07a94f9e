"""No broken link: LinkChecker crawls every built page of both example sites on a local server.

LinkChecker starts from every built page (the "page not found" pages and an
ended service's page are linked from nowhere), follows every ``href`` and
``src`` (in HTML and CSS) and every GET form's ``action``, and its
AnchorCheck plugin looks up each ``#fragment`` among the ids of its page. It
never leaves the test server. What it cannot see is checked here, on its
report: that no link is written protocol-relative (``//ru/hledat/`` points
to a server named ``ru``, which LinkChecker rightly does not visit), and
that links to the site's public address (the ``hreflang`` alternates of
every page) name a built page too.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit


from browser import serve_directory
from site_fixtures import ROOT

#: Only the test server is asked for anything (the network is closed, and no one else's site is ours to test).
#: The server answers with a "LinkChecker" header, which lets LinkChecker lift its limit of ten requests a second.
CONFIG = """\
[checking]
threads=1
recursionlevel=-1
maxrequestspersecond=1000
timeout=30

[filtering]
ignore=
  ^(?!http://127\\.0\\.0\\.1:)

[AnchorCheck]
"""


def check_links(site_dir: Path, site_url: str | None = None) -> list[str]:
    """Every broken link or missing anchor of the built site, as readable lines."""
    site_dir = Path(site_dir)
    pages = [p.relative_to(site_dir).as_posix().removesuffix("index.html") for p in sorted(site_dir.glob("**/*.html"))]
    with serve_directory(site_dir, headers={"LinkChecker": "local test server"}) as base:
        rows = _linkchecker([base + page for page in pages])
    problems = []
    for row in rows:
        where = f"{row['urlname']} (on {row['parentname'] or 'start'}, line {row['line']})"
        if row["urlname"].startswith("viber:"):
            continue  # the messenger's own address, unknown to LinkChecker; its text: tests/test_share.py
        if row["urlname"].startswith("//"):
            # Written without a scheme, the first word of the path is read as a server's name.
            problems.append(f"{where}: a link to another server named {urlsplit(row['url']).hostname!r}")
            continue
        if row["result"] in ("filtered", "ignored"):
            if site_url and row["url"].startswith(site_url) and not _built(site_dir, row["url"][len(site_url):]):
                problems.append(f"{where}: no such page in the built site")
            continue
        if row["valid"] != "True":
            problems.append(f"{where}: {row['result']}")
        elif row["warningstring"]:
            problems.append(f"{where}: {row['warningstring']}")
    return problems


def _built(site_dir: Path, path: str) -> bool:
    target = site_dir / unquote(urlsplit(path).path)
    return target.is_file() or (target / "index.html").is_file()


def _linkchecker(starts: list[str]) -> list[dict]:
    # LinkChecker run as root reads its configuration as the user "nobody": the file must be readable by all.
    with tempfile.NamedTemporaryFile("w", suffix=".ini", delete=False) as config:
        config.write(CONFIG)
    os.chmod(config.name, 0o644)
    try:
        result = subprocess.run(
            [str(Path(sys.executable).parent / "linkchecker"), "--config", config.name, "--no-status",
             "--verbose", "--output", "csv", *starts],
            capture_output=True, text=True, timeout=900,
        )
    finally:
        os.unlink(config.name)
    assert result.returncode in (0, 1), result.stderr  # 1: problems found, reported below
    lines = [line for line in result.stdout.splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter=";"))


def _site_url(folder: Path) -> str:
    import yaml

    return yaml.safe_load((folder / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]


def test_every_link_of_the_example_site_leads_to_a_page_and_its_anchor(example_site):
    assert check_links(example_site, _site_url(ROOT)) == []


def test_every_link_of_the_second_example_site_leads_to_a_page_and_its_anchor(icp_site):
    assert check_links(icp_site, _site_url(ROOT / "examples" / "icp")) == []


def test_link_check_finds_a_missing_page_a_missing_anchor_a_form_to_nowhere_also_on_an_unlinked_page(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><title>t</title><h1 id="top">Home</h1>'
        '<a href="a/">fine</a> <a href="a/#here">fine anchor</a> <a href="#top">fine here</a>'
        '<a href="missing/">missing page</a> <a href="a/#nowhere">missing anchor</a>'
        '<a href="https://example.org/missing/">own public address, missing</a>'
        '<form action="//ru/hledat/" method="get"><input name="q"></form></html>', encoding="utf-8"
    )
    (tmp_path / "a" / "index.html").write_text('<!doctype html><title>a</title><p id="here">A', encoding="utf-8")
    (tmp_path / "404.html").write_text('<!doctype html><title>o</title><a href="/gone/">gone</a>', encoding="utf-8")
    problems = "\n".join(check_links(tmp_path, "https://example.org/"))
    assert "/missing/" in problems and "404" in problems
    assert "nowhere" in problems
    assert "//ru/hledat/ (on" in problems and "server named 'ru'" in problems
    assert "https://example.org/missing/" in problems
    assert "/gone/ (on" in problems
    assert "a/#here" not in problems and "#top" not in problems
