"""The ``zavazek`` MkDocs plugin: what a provider's ``mkdocs.yml`` lists under ``plugins``."""

from __future__ import annotations

from mkdocs.plugins import BasePlugin, event_priority

from zavazek.engine import hooks


class ZavazekPlugin(BasePlugin):
    """Builds the provider's pages from ``data/`` and hands them to MkDocs."""

    @event_priority(100)  # before mkdocs-static-i18n reads the files
    def on_config(self, config):
        return hooks.on_config(config)

    def on_env(self, env, config, files):
        return hooks.on_env(env, config, files)

    def on_page_markdown(self, markdown, page, config, files):
        return hooks.on_page_markdown(markdown, page, config, files)

    def on_page_content(self, html, page, config, files):
        return hooks.on_page_content(html, page, config, files)

    def on_template_context(self, context, template_name, config):
        return hooks.on_template_context(context, template_name, config)

    def on_post_page(self, output, page, config):
        return hooks.on_post_page(output, page, config)

    def on_post_template(self, output_content, template_name, config):
        return hooks.on_post_template(output_content, template_name, config)

    def on_post_build(self, config):
        return hooks.on_post_build(config)
