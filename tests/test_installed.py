"""A provider who installs závazek's wheel (not this repository) gets a complete site.

About half a minute: ``pytest -m wheel`` runs it alone (see ``tests/installed.py``).
"""

from __future__ import annotations

import shutil

import pytest

from installed import installed  # noqa: F401 (fixture)
from site_fixtures import ROOT, TODAY, copy_site_folder, set_plugin_options

pytestmark = pytest.mark.wheel


def _provider(target):
    """The second example provider, with the first one's directory of services, so every part is built."""
    folder = copy_site_folder(ROOT / "examples" / "icp", target)
    shutil.copy2(ROOT / "data" / "services.yaml", folder / "data" / "services.yaml")
    return folder


def _assert_complete(site):
    """Every kind of file the package ships shows in the site: templates, theme, catalogs, criteria."""
    assert (site / "index.html").is_file() and (site / "en" / "cile" / "index.html").is_file()  # page templates
    assert (site / "sluzby" / "praha" / "index.html").is_file()  # directory templates
    assert list((site / "sluzby" / "s").glob("*/index.html"))
    assert (site / "sluzby" / "data" / "directory.csv").is_file()
    assert list((site / "nastenky").glob("*-cs-a4.pdf"))  # poster templates and fonts
    assert (site / "kontrola" / "checklist.json").is_file()  # criteria.yaml
    assert (site / "zavazek-directory.js").is_file() or (site / "assets" / "zavazek-directory.js").is_file()  # theme
    assert (site / "pagefind" / "cs").is_dir()
    cs, en = (site / "index.html").read_text(encoding="utf-8"), (site / "en" / "index.html").read_text(encoding="utf-8")
    assert 'placeholder="Hledat"' in cs and 'placeholder="Search"' in en  # the catalogs, not the English msgids
    assert "Služby pro cizince" in cs and "Services for foreigners" not in cs


def test_the_installed_package_imports_from_its_installation_not_the_sources(installed, tmp_path):
    result = installed.run("python", "-c", "import zavazek.cli; print(zavazek.cli.__file__)", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert str(installed.venv) in result.stdout and str(ROOT) not in result.stdout


@pytest.fixture(scope="module")
def built_by_wheel(installed, tmp_path_factory):
    """The provider's folder after ``zavazek build`` from the wheel, with what that build keeps (its PDFs)."""
    work = tmp_path_factory.mktemp("wheel-build")
    folder = _provider(work / "provider")
    result = installed.run("zavazek", "build", str(folder), "--today", TODAY, cwd=work)
    assert result.returncode == 0, result.stderr
    return folder


def test_zavazek_build_from_the_wheel_makes_the_whole_site(installed, built_by_wheel, tmp_path):
    _assert_complete(built_by_wheel / "site")
    schemas = installed.run("zavazek", "schemas", str(built_by_wheel), cwd=tmp_path)
    assert schemas.returncode == 0 and (built_by_wheel / "schemas" / "services.schema.json").is_file(), schemas.stderr


def test_plain_mkdocs_build_with_the_wheel_makes_the_whole_site(installed, built_by_wheel, tmp_path):
    """Plain ``mkdocs build`` in a copy of the folder the wheel's ``zavazek build`` made: its posters and
    hand-outs come from that build's PDF cache, the pages are made again."""
    folder = tmp_path / "provider"
    shutil.copytree(built_by_wheel, folder, ignore=shutil.ignore_patterns("site"))
    set_plugin_options(folder, today=TODAY)  # the day of that build, from mkdocs.yml
    result = installed.run("mkdocs", "build", "--quiet", cwd=folder)
    assert result.returncode == 0, result.stderr
    _assert_complete(folder / "site")


def test_a_new_provider_starts_a_site_with_the_wheel_alone(installed, tmp_path):
    """``zavazek new`` from options (no terminal), then check, build and plain mkdocs build, all from the wheel."""
    folder = tmp_path / "poradna"
    made = installed.run("zavazek", "new", str(folder), "--name", "Poradna Příklad", "--languages", "cs,en,vi",
                         "--directory", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    strict = installed.run("zavazek", "check", "--strict", str(folder), cwd=tmp_path)
    assert strict.returncode == 4, strict.stdout + strict.stderr
    assert "data/commitment.yaml:" in strict.stdout and "(service.summary.cs)" in strict.stdout
    built = installed.run("zavazek", "build", str(folder), cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    home = (folder / "site" / "vi" / "index.html").read_text(encoding="utf-8")
    assert 'lang="vi"' in home and "zv-unfilled" in home
    plain = installed.run("mkdocs", "build", "--quiet", "-d", str(tmp_path / "plain"), cwd=folder)
    assert plain.returncode == 0, plain.stderr
    assert (tmp_path / "plain" / "sluzby" / "index.html").is_file()
