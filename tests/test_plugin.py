"""The zavazek plugin's options in mkdocs.yml: what a provider writes, and what a mistake there says."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from site_fixtures import ROOT, copy_site_folder, run_zavazek, seed_pdf_cache, set_plugin_options

ICP = ROOT / "examples" / "icp"


def _mkdocs_build(folder):
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet"],
        cwd=folder, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


@pytest.mark.parametrize(
    "options, option, says",
    [
        ({"data_dir": "udaje"}, "data_dir", "“udaje”"),
        ({"today": "23. 11. 2026"}, "today", "YYYY-MM-DD"),
    ],
)
def test_a_wrong_plugin_option_is_a_configuration_error_naming_mkdocs_yml(tmp_path, options, option, says):
    folder = copy_site_folder(ICP, tmp_path / "provider")
    set_plugin_options(folder, **options)
    for result, code in ((_mkdocs_build(folder), 1), (run_zavazek("build", str(folder), today=""), 3)):
        assert result.returncode == code, result.stderr
        assert f"mkdocs.yml: chyba / error [plugins.zavazek.{option}]" in result.stderr
        assert says in result.stderr
        assert "Traceback" not in result.stderr
    assert not (folder / "site").exists()


def test_the_data_can_live_in_a_folder_named_in_mkdocs_yml(tmp_path, icp_site):
    folder = seed_pdf_cache(copy_site_folder(ICP, tmp_path / "provider"), icp_site)
    (folder / "data").rename(folder / "udaje")
    config = folder / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("docs_dir: data", "docs_dir: udaje"), encoding="utf-8")
    set_plugin_options(folder, data_dir="udaje")
    result = run_zavazek("build", str(folder))
    assert result.returncode == 0, result.stderr
    assert "Integrační centrum Praha" in (folder / "site" / "zavazek" / "index.html").read_text(encoding="utf-8")
    result = run_zavazek("validate", str(folder))
    assert result.returncode == 0 and "udaje" in result.stdout, result.stderr


def test_a_site_without_the_plugin_in_mkdocs_yml_is_told_to_list_it(tmp_path):
    folder = copy_site_folder(ICP, tmp_path / "provider")
    config = folder / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("\n  - zavazek\n", "\n", 1), encoding="utf-8")
    result = run_zavazek("build", str(folder))
    assert result.returncode == 1
    assert "mkdocs.yml: chyba / error [plugins]" in result.stderr and "- zavazek" in result.stderr
    assert not (folder / "site").exists()
