"""The session's sites (see site_fixtures), registered once for all test files.

A fixture imported into each test file would be a fixture of each file:
a session-scoped site would be built again for every file that uses it.
"""

from site_fixtures import example_site, icp_site, opu_site, site_folder  # noqa: F401 (fixtures)
