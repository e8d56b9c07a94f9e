"""mkdocs.yml read two ways: by the plugin from MkDocs' configuration, and by the commands from the file."""

from __future__ import annotations

import os

import pytest

from site_fixtures import ROOT, copy_site_folder
from zavazek.engine.config import config_file, open_project, project_from_mkdocs

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def _from_mkdocs(folder):
    from mkdocs.config import load_config

    config = load_config(config_file=str(config_file(folder)))
    plugin = config.plugins.get("zavazek")
    return project_from_mkdocs(config, plugin.config.data_dir, plugin.config.today, config.site_url)


@pytest.mark.parametrize("example", ["icp", "opu"])
def test_the_plugin_and_the_commands_see_the_same_project(example):
    folder = ROOT / "examples" / example
    assert _from_mkdocs(folder) == open_project(folder)


def test_settings_that_load_from_other_servers_are_seen_both_ways(tmp_path):
    folder = copy_site_folder(ROOT / "examples" / "icp", tmp_path / "provider")
    config = config_file(folder)
    text = config.read_text(encoding="utf-8").replace("  font: false\n", "")
    text = text.replace("markdown_extensions:\n", "repo_url: https://github.com/x/y\n"
                        "extra_javascript:\n  - https://cdn.example.com/a.js\n  - path: //cdn.example.com/b.js\n"
                        "extra_css:\n  - http://cdn.example.com/c.css\n"
                        "extra:\n  analytics: {provider: google, property: G-XXXX}\n  consent: {title: x}\n"
                        "markdown_extensions:\n", 1)
    config.write_text(text, encoding="utf-8")
    project = open_project(folder)
    assert project.privacy.theme_fonts and project.privacy.analytics and project.privacy.cookie_consent
    assert project.privacy.extra_javascript == ("https://cdn.example.com/a.js", "//cdn.example.com/b.js")
    assert _from_mkdocs(folder) == project
