"""The register given as a URL: ``--from URL`` / ``--registry URL`` download it, use it, and delete it.

``tests/registry/rpss.json`` is served by a local ``http.server`` on 127.0.0.1 in a thread (no other
network); the real commands run against its address.
"""

from __future__ import annotations

import datetime as dt
import http.server
import socket
import threading
from pathlib import Path

import pytest

from site_fixtures import ROOT, copy_site_folder, run_zavazek

REGISTER = ROOT / "tests" / "registry"
RPSS = REGISTER / "rpss.json"
CPIC = "99000105"
LAST_MODIFIED = "Fri, 20 Nov 2026 10:00:00 GMT"
SNAPSHOT = "2026-11-20"  # LAST_MODIFIED's day, before the tests' fixed day
LOCAL = {"no_proxy": "127.0.0.1", "NO_PROXY": "127.0.0.1", "http_proxy": "", "HTTP_PROXY": ""}


class Handler(http.server.BaseHTTPRequestHandler):
    """/rpss.json with Last-Modified, /undated/rpss.json without, /cut/rpss.json closed half-way, else 404."""

    def do_GET(self):
        body = RPSS.read_bytes()
        if self.path not in ("/rpss.json", "/undated/rpss.json", "/cut/rpss.json"):
            self.send_error(404, "Not Found")
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        if self.path != "/undated/rpss.json":
            self.send_header("Last-Modified", LAST_MODIFIED)
        self.end_headers()
        if self.path == "/cut/rpss.json":
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


@pytest.fixture()
def cpic(tmp_path) -> Path:
    return copy_site_folder(ROOT, tmp_path / "cpic")


def files(folder: Path) -> dict[str, bytes]:
    """Every file and folder of a site folder, byte for byte (a folder left behind counts too)."""
    return {str(p.relative_to(folder)): p.read_bytes() if p.is_file() else b"<dir>" for p in sorted(folder.rglob("*"))}


def zavazek(*args: str):
    return run_zavazek(*args, env=LOCAL)


def register_import(folder: Path, source: str, *extra: str):
    return zavazek("registry", "import", str(folder), "--ico", CPIC, "--from", source, "--codelists", str(REGISTER),
                   *extra)


def directory(folder: Path, source: str, *extra: str):
    return zavazek("registry", "directory", str(folder), "--from", source, "--codelists", str(REGISTER), *extra)


def check(folder: Path, source: str, *extra: str):
    return zavazek("check", str(folder), "--json", "--registry", source, "--codelists", str(REGISTER), *extra)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- a download used like the file ------------------------------------------------------------------------------


def test_import_from_the_url_writes_what_the_file_does_dated_last_modified(server, cpic, tmp_path):
    from_file = copy_site_folder(ROOT, tmp_path / "from-file")
    by_file = register_import(from_file, str(RPSS), "--snapshot-date", SNAPSHOT)
    assert by_file.returncode == 0, by_file.stderr

    by_url = register_import(cpic, f"{server}/rpss.json")
    assert by_url.returncode == 0, by_url.stderr
    assert by_url.stdout == by_file.stdout
    assert files(cpic) == files(from_file)  # the same commitment.yaml and registry.yaml, no download left
    assert f"date: {SNAPSHOT}" in (cpic / "data" / "registry.yaml").read_text(encoding="utf-8")
    size = RPSS.stat().st_size
    assert f"({size} bytes)" in by_url.stderr and f"({size} bajtů)" in by_url.stderr
    assert f"last modified {SNAPSHOT}" in by_url.stderr


def test_snapshot_date_given_wins_over_last_modified(server, cpic):
    result = register_import(cpic, f"{server}/rpss.json", "--snapshot-date", "2026-11-22")
    assert result.returncode == 0, result.stderr
    assert "date: 2026-11-22" in (cpic / "data" / "registry.yaml").read_text(encoding="utf-8")


def test_without_last_modified_the_snapshot_is_today(server, cpic):
    result = directory(cpic, f"{server}/undated/rpss.json", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert f"(snapshot of {dt.date.today().isoformat()})" in result.stdout


def test_directory_from_the_url_writes_what_the_file_does(server, cpic, tmp_path):
    from_file = copy_site_folder(ROOT, tmp_path / "from-file")
    by_file = directory(from_file, str(RPSS), "--snapshot", SNAPSHOT)
    assert by_file.returncode == 0, by_file.stderr
    by_url = directory(cpic, f"{server}/rpss.json")
    assert by_url.returncode == 0, by_url.stderr
    assert f"(snapshot of {SNAPSHOT})" in by_url.stdout
    assert files(cpic) == files(from_file)


def test_check_against_the_url_reports_what_the_file_does(server, cpic):
    before = files(cpic)
    by_file = check(cpic, str(RPSS), "--snapshot-date", SNAPSHOT)
    by_url = check(cpic, f"{server}/rpss.json")
    assert by_file.returncode == by_url.returncode == 0, by_url.stderr
    assert by_url.stdout == by_file.stdout  # the JSON alone on standard output; the download's note on stderr
    assert "Downloaded" in by_url.stderr
    assert files(cpic) == before


def test_keep_keeps_the_download(server, cpic, tmp_path):
    kept = tmp_path / "saved" / "rpss-kept.json"
    result = register_import(cpic, f"{server}/rpss.json", "--keep", str(kept), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert kept.read_bytes() == RPSS.read_bytes()
    assert dt.date.fromtimestamp(kept.stat().st_mtime).isoformat() == SNAPSHOT
    assert not (cpic / ".zavazek").exists()


# --- a failed download: a clear error, nothing written -----------------------------------------------------------


@pytest.mark.parametrize("path, cs, en", [
    ("/gone/rpss.json", "Server odpověděl", "with HTTP 404"),
    ("/cut/rpss.json", "bylo přerušeno", "was cut off after"),
])
@pytest.mark.parametrize("command", [register_import, directory, check])
def test_a_failed_download_is_a_clear_error_and_changes_nothing(server, cpic, command, path, cs, en):
    before = files(cpic)
    result = command(cpic, f"{server}{path}")
    assert result.returncode != 0
    assert cs in result.stderr and en in result.stderr, result.stderr
    assert "Žádný soubor nebyl změněn" in result.stderr and "no file was changed" in result.stderr
    assert "Traceback" not in result.stderr
    assert files(cpic) == before


def test_no_server_is_a_clear_error_and_changes_nothing(cpic, tmp_path):
    before = files(cpic)
    kept = tmp_path / "kept.json"
    result = register_import(cpic, f"http://127.0.0.1:{_closed_port()}/rpss.json", "--keep", str(kept))
    assert result.returncode != 0
    assert "Registr se nepodařilo stáhnout" in result.stderr and "could not be downloaded" in result.stderr
    assert files(cpic) == before and not kept.exists()


def test_keep_without_a_url_is_wrong_usage(cpic, tmp_path):
    result = register_import(cpic, str(RPSS), "--keep", str(tmp_path / "k.json"))
    assert result.returncode == 2 and "--keep" in result.stderr
