"""The site's navigation: the generated pages first, then the provider's hand-written top-level pages."""

from __future__ import annotations

from zavazek.core.loader import ProviderData
from zavazek.core.project import Project
from zavazek.site.pages import pages_for
from zavazek.site.sitemap import SiteMap


def nav(project: Project, data: ProviderData) -> list[str]:
    """The Markdown files of the navigation, in order (default language)."""
    site = SiteMap.of(project)
    default = project.default_language
    entries = [site.filename(p.slug, default) for p in pages_for(data) if p.in_nav]
    if project.docs_dir.is_dir():
        for path in sorted(project.docs_dir.glob("*.md")):
            if "." not in path.stem and path.name not in entries:
                entries.append(path.name)
    return entries
