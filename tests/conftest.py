"""The session's sites (see site_fixtures), registered once for all test files, and how xdist shares the tests out.

A fixture imported into each test file would be a fixture of each file:
a session-scoped site would be built again for every file that uses it.
"""

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from browser import stop_chromium
from site_fixtures import built_folder, example_site, hostile_site, icp_site, opu_site, site_folder  # noqa: F401 (fixtures)


#: The tests write about three gigabytes of sites, in some hundred thousand files and folders: in memory,
#: where there is room for them, they cost the kernel a fraction of what a disk's file system does.
MEMORY_FOLDER = Path("/dev/shm")
#: Room the memory folder must have for the tests to write there (and the machine's free memory, twice that).
ROOM_NEEDED = 6 * 2**30
#: A run's folder in memory: ``zavazek-tests-<its process id>-…``.
RUN_PREFIX = "zavazek-tests-"
_FAILED = pytest.StashKey[bool]()


def _room_in_memory() -> bool:
    try:
        room = shutil.disk_usage(MEMORY_FOLDER).free
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            available = next(int(line.split()[1]) * 1024 for line in meminfo if line.startswith("MemAvailable:"))
    except (OSError, StopIteration, ValueError):
        return False
    return room >= ROOM_NEEDED and available >= 2 * ROOM_NEEDED


def _remove_ended_runs() -> None:
    """The folders of runs that ended without removing theirs (killed, or failed: kept to be looked at)."""
    for folder in MEMORY_FOLDER.glob(RUN_PREFIX + "*"):
        pid = folder.name[len(RUN_PREFIX):].split("-")[0]
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            shutil.rmtree(folder, ignore_errors=True)


@pytest.hookimpl(tryfirst=True)  # before pytest's own configure reads basetemp
def pytest_configure(config):
    """Unless told where (``--basetemp``), the run's temporary folders go into memory when there is room
    (:data:`MEMORY_FOLDER`), those of the processes the tests start (a build, Chromium) too. Removed at the
    end of a run that passed; a failed run's stay until the next run."""
    if os.environ.get("PYTEST_XDIST_WORKER") or config.option.basetemp or not MEMORY_FOLDER.is_dir():
        return
    _remove_ended_runs()
    if not _room_in_memory():
        return
    try:
        folder = Path(tempfile.mkdtemp(prefix=f"{RUN_PREFIX}{os.getpid()}-", dir=MEMORY_FOLDER))
        (folder / "tmp").mkdir()
    except OSError:  # not ours to write in: the usual temporary folder
        return
    config.option.basetemp = str(folder / "pytest")
    before = os.environ.get("TMPDIR")
    os.environ["TMPDIR"] = str(folder / "tmp")
    tempfile.tempdir = None  # asked again, from TMPDIR

    def clean_up() -> None:
        if before is None:
            os.environ.pop("TMPDIR", None)
        else:
            os.environ["TMPDIR"] = before
        tempfile.tempdir = None
        if not config.stash.get(_FAILED, False):
            shutil.rmtree(folder, ignore_errors=True)

    config.add_cleanup(clean_up)


def pytest_sessionfinish(session, exitstatus):
    session.config.stash[_FAILED] = exitstatus not in (pytest.ExitCode.OK, pytest.ExitCode.NO_TESTS_COLLECTED)


@pytest.fixture(scope="session", autouse=True)
def _one_chromium_per_process():
    """The Chromium that tests/browser.py starts for a process's first browser test, closed at the end."""
    yield
    stop_chromium()


# --- how make test shares the tests out among its xdist workers ------------------------------------

#: Tests whose every case is a group of its own (by the id of its parameters), not part of its file's:
#: the pages of the browser sweep (each page's five tests together: they read one report), and the
#: hostile-text build. Every other test runs on the worker that runs its file, as with ``--dist loadfile``.
OWN_GROUPS = (
    "tests/test_browser.py::test_page_",
    "tests/test_hostile_text.py::test_hostile_texts_in_every_field",
)
#: The groups that take longest (a minute and more on two cores), longest first: each worker takes the
#: next group when it is done with its own, so the long ones start first and the run ends with short
#: ones on both workers. After them come the other files, and last the sweep's pages. The first two
#: build different things (the session's example site; the hostile texts), and the hostile texts'
#: group builds the site that tests/test_browser_hostile.py opens well before that file's turn.
LONGEST_FIRST = (
    "tests/test_browser.py",
    "tests/test_hostile_text.py::test_hostile_texts_in_every_field_stay_text_in_every_output",
    "tests/test_installed.py",
    "tests/test_registry_directory.py", "tests/test_serve.py", "tests/test_incremental.py", "tests/test_shells.py",
    "tests/test_build.py", "tests/test_checklist.py", "tests/test_browser_hostile.py",
    "tests/test_translations.py", "tests/test_registry_import.py", "tests/test_languages.py", "tests/test_plugin.py",
)


def group_of(nodeid: str) -> str:
    """The group a test runs in: its file, or for OWN_GROUPS its function (and the page it opens)."""
    nodeid = nodeid.split("@")[0]
    if nodeid.startswith(OWN_GROUPS[0]):
        return "page " + nodeid.partition("[")[2]
    if nodeid.startswith(OWN_GROUPS[1:]):
        return nodeid
    return nodeid.split("::")[0]


def _start(nodeid: str) -> int:
    group = group_of(nodeid)
    if group in LONGEST_FIRST:
        return LONGEST_FIRST.index(group)
    return len(LONGEST_FIRST) + group.startswith("page ")


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """xdist hands out whole groups (group_of), in the order of the collection (sorted below)."""
    from xdist.scheduler import LoadScopeScheduling

    class ByGroup(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return group_of(nodeid)

    config.option.loadscopereorder = False
    return ByGroup(config, log)


def pytest_collection_modifyitems(config, items):
    """On xdist's workers, the tests in the order their groups start (stable: collection order within one)."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        items.sort(key=lambda item: _start(item.nodeid))
