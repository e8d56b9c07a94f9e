"""The session's sites (see site_fixtures), registered once for all test files, and how xdist shares the tests out.

A fixture imported into each test file would be a fixture of each file:
a session-scoped site would be built again for every file that uses it.
"""

import pytest

from browser import stop_chromium
from site_fixtures import example_site, icp_site, opu_site, site_folder  # noqa: F401 (fixtures)


@pytest.fixture(scope="session", autouse=True)
def _one_chromium_per_process():
    """The Chromium that tests/browser.py starts for a process's first browser test, closed at the end."""
    yield
    stop_chromium()


#: Under ``--dist loadgroup`` (make test), the groups that take longest (a minute and more on two cores),
#: longest first: each worker takes the next group when it is done with its own, so the long ones start
#: first and the run ends with short ones on both workers. A test file is a group unless its tests name
#: their own (``pytest.mark.xdist_group``).
LONGEST_FIRST = (
    "hostile build generated", "tests/test_shells.py", "tests/test_browser.py", "hostile build known",
    "tests/test_installed.py", "tests/test_serve.py", "tests/test_registry_directory.py",
    "tests/test_browser_hostile.py", "tests/test_build.py", "tests/test_checklist.py", "tests/test_translations.py",
    "tests/test_links.py", "tests/test_registry_import.py", "tests/test_languages.py", "tests/test_plugin.py",
)
#: The groups that start last, being a second or two each: the pages of test_browser.py's sweep.
SHORTEST = "page "


def _group(item) -> str:
    mark = item.get_closest_marker("xdist_group")
    return str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Under ``--dist loadgroup``: a file's tests run on one worker, as with ``--dist loadfile``,
    unless they name their own group; the groups start in the order of LONGEST_FIRST."""
    if config.getoption("dist", "no") != "loadgroup":
        return
    for item in items:
        if item.get_closest_marker("xdist_group") is None:
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::")[0]))

    def start(item) -> int:
        group = _group(item)
        if group in LONGEST_FIRST:
            return LONGEST_FIRST.index(group)
        return len(LONGEST_FIRST) + group.startswith(SHORTEST)

    items.sort(key=start)  # stable: in collection order within each group
