"""Where everything on the site is: every page's and file's address, in each language.

Code names a page by what it is: a key such as :data:`COMMITMENT`, or a
function such as :func:`region` for a region's list of services. Only this
module knows the words the addresses are made of (``zavazek/``,
``sluzby/praha/``, ``nastenky/``), which are Czech in every language of the
site, so that a link sent from a Russian page to a Czech reader still works.

An address without language is a *site path*: ``zavazek``, ``sluzby/praha``,
``index`` for the home page. :class:`SiteMap` turns it into the address of
its page in a language (``en/zavazek/``), the Markdown file the site engine
builds it from (``zavazek.en.md``), the full public address and the short
form printed on paper. Links from one page to another are made by
:class:`zavazek.site.links.Links`.
"""

from __future__ import annotations

from dataclasses import dataclass

from zavazek.core.project import Project

# The generated pages, by what they are (their keys are importable from here too).
from zavazek.core.pages import (  # noqa: F401
    ACCESSIBILITY, CENTRES, CHECKLIST, COMMITMENT, DIRECTORY, GOALS, HOME, POSTERS, PRIVACY, SEARCH,
)

#: Each generated page's site path.
PAGE_SLUGS = {
    HOME: "index",
    COMMITMENT: "zavazek",
    GOALS: "cile",
    CENTRES: "strediska",
    POSTERS: "nastenky",
    DIRECTORY: "sluzby",
    ACCESSIBILITY: "pristupnost",
    PRIVACY: "soukromi",
    CHECKLIST: "kontrola",
    SEARCH: "hledat",
}

#: Pages made once per registered service when a provider has several (standard 1 is per service).
PER_SERVICE = (COMMITMENT, GOALS, CHECKLIST)

#: The directory's region lists, by region code.
REGION_SLUGS = {
    "CZ010": "praha", "CZ020": "stredocesky", "CZ031": "jihocesky", "CZ032": "plzensky",
    "CZ041": "karlovarsky", "CZ042": "ustecky", "CZ051": "liberecky", "CZ052": "kralovehradecky",
    "CZ053": "pardubicky", "CZ063": "vysocina", "CZ064": "jihomoravsky", "CZ071": "olomoucky",
    "CZ072": "zlinsky", "CZ080": "moravskoslezsky",
}
#: A region's list of the services open on a weekday (Monday first).
WEEKDAY_SLUGS = ("pondeli", "utery", "streda", "ctvrtek", "patek", "sobota", "nedele")
_DIRECTORY = PAGE_SLUGS[DIRECTORY]


def page(key: str, service_id: str | None = None) -> str:
    """A generated page's site path; with several services, one service's own page (``zavazek/poradenstvi``)."""
    slug = PAGE_SLUGS[key]
    return f"{slug}/{service_id}" if service_id and key in PER_SERVICE else slug


def section(key: str, anchor: str, service_id: str | None = None) -> tuple[str, str]:
    """The site path of a generated page's section (``anchor``, "" for the page's top) and its anchor.

    For one of several services: that service's own page; on the home page, which then has a
    section for each service instead of the one service's sections, that one (``home.md.j2``
    gives it the service's id: ``#poradenstvi``).
    """
    if service_id and key == HOME and anchor:
        return page(HOME), service_id
    return page(key, service_id), anchor


def page_key(slug: str) -> str | None:
    """The key of the generated page at ``slug`` (None for a hand-written page)."""
    return next((key for key, value in PAGE_SLUGS.items() if value == slug), None)


# The directory of services.

def region(code: str) -> str:
    """A region's list of services: ``sluzby/praha``."""
    return f"{_DIRECTORY}/{REGION_SLUGS[code]}"


def category_slug(category: str) -> str:
    return category.replace("_", "-")


def filter_slug(kind: str, value: str) -> str:
    """The last part of a region's ready-made list: a kind of help, a language, free of charge, a weekday."""
    if kind == "category":
        return category_slug(value)
    if kind == "language":
        return f"jazyk-{value}"
    if kind == "free":
        return "zdarma"
    if kind == "day":
        return WEEKDAY_SLUGS[int(value)]
    raise ValueError(f"no such list: {kind}")


def region_list(code: str, kind: str, value: str) -> str:
    """A region's ready-made list, e.g. ``sluzby/praha/jazyk-ru`` (its services in Russian)."""
    return f"{region(code)}/{filter_slug(kind, value)}"


def services_folder() -> str:
    """Where the services' own pages are: ``sluzby/s`` (a printed list names it once)."""
    return f"{_DIRECTORY}/s"


def service(service_id: str) -> str:
    """One service's page in the directory: ``sluzby/s/poradna-kladno``."""
    return f"{services_folder()}/{service_id}"


def service_vcard(service_id: str, lang: str) -> str:
    """A service's contact card in a language, beside its page: ``sluzby/s/poradna-kladno/poradna-kladno-ru.vcf``."""
    return f"{service(service_id)}/{service_id}-{lang}.vcf"


def category(code: str) -> str:
    """A kind of help's page, listing the regions that have it: ``sluzby/druh/pravni-poradenstvi``."""
    return f"{_DIRECTORY}/druh/{category_slug(code)}"


def handout(region_code: str, slug: str, languages: tuple[str, ...] | list[str]) -> str:
    """A region's printable list as PDF: ``sluzby/praha/praha-cs-ru.pdf``."""
    return f"{region(region_code)}/{slug}-{'-'.join(languages)}.pdf"


#: The directory's open data (the same in every language).
OPEN_DATA = {
    "json": f"{_DIRECTORY}/data/directory.json",
    "csv": f"{_DIRECTORY}/data/directory.csv",
    "hsds": f"{_DIRECTORY}/data/hsds/hsds.json",
    "hsds_package": f"{_DIRECTORY}/data/hsds/datapackage.json",
}
OPEN_DATA_DIR = f"{_DIRECTORY}/data"


def hsds_table(name: str) -> str:
    """A table of the HSDS data package: ``sluzby/data/hsds/services.csv``."""
    return f"{OPEN_DATA_DIR}/hsds/{name}"


# Files shared by all languages.

def poster(filename: str) -> str:
    """A noticeboard poster (PDF, or its PNG preview): ``nastenky/praha-cs-a4.pdf``."""
    return f"{PAGE_SLUGS[POSTERS]}/{filename}"


def centre_vcard(centre_id: str, lang: str) -> str:
    """A centre's contact card in a language, beside the centres' page: ``strediska/kladno-ru.vcf``."""
    return f"{PAGE_SLUGS[CENTRES]}/{centre_id}-{lang}.vcf"


#: The site's service worker, at the site root so that it may keep every page (zavazek.site.offline).
SERVICE_WORKER = "zavazek-sw.js"


def checklist_report(service_id: str | None = None) -> str:
    """The checklist as JSON, beside its page: ``kontrola/checklist.json`` (``kontrola/<service>/…``)."""
    return f"{page(CHECKLIST, service_id)}/checklist.json"


# Addresses.

def _folder(path: str) -> str:
    return "" if path == "index" else path + "/"


def relative(here: str, target: str, anchor: str = "") -> str:
    """Link from the page at site path ``here`` to the page ``target`` of the same language.

    Worked out on the paths' folders, as ``posixpath.relpath`` would for
    addresses made of identifiers (no ``.`` or ``..``), without its two
    absolute paths: a national directory asks for 130,000 links.
    """
    up, down = _folders_of(here), _folders_of(target)
    common = 0
    for a, b in zip(up, down):
        if a != b:
            break
        common += 1
    return "../" * (len(up) - common) + "".join(part + "/" for part in down[common:]) + _fragment(anchor)


def _folders_of(path: str) -> list[str]:
    """The folders of a page's address (none for the home page)."""
    return [] if path == "index" else [part for part in path.split("/") if part]


def join(base: str, path: str) -> str:
    """The site path ``path`` (``ru/hledat/``) as a link from a page whose way to the site root is ``base``."""
    return (base if base.endswith("/") else base + "/") + path.lstrip("/")


@dataclass(frozen=True)
class SiteMap:
    """The addresses of one provider's site: its languages (default first) and public address."""

    languages: tuple[str, ...]
    site_url: str | None = None

    @classmethod
    def of(cls, project: Project) -> SiteMap:
        """The addresses of ``project``'s site."""
        return cls(tuple(project.languages), project.site_url)

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def url(self, path: str, lang: str, anchor: str = "") -> str:
        """A page's address from the site root, e.g. ``en/zavazek/``; the default language's home page is ``""``;
        with ``anchor``, a section of it (``en/zavazek/#refusal``)."""
        prefix = "" if lang == self.default_language else f"{lang}/"
        return (prefix if path == "index" else f"{prefix}{path}/") + _fragment(anchor)

    def filename(self, path: str, lang: str) -> str:
        """The Markdown file the site engine builds the page from: ``zavazek.md``, ``zavazek.en.md``."""
        return f"{path}.md" if lang == self.default_language else f"{path}.{lang}.md"

    def to_root(self, here: str, lang: str) -> str:
        """From the page ``here`` in ``lang`` to the site root (``../../``), for files shared by all languages."""
        depth = (0 if here == "index" else len(here.split("/"))) + (lang != self.default_language)
        return "../" * depth

    def absolute(self, path: str, lang: str, anchor: str = "") -> str | None:
        """The page's full public address (None without ``site_url``)."""
        if not self.site_url:
            return None
        base = self.site_url if self.site_url.endswith("/") else self.site_url + "/"
        return base + self.url(path, lang, anchor)

    def absolute_file(self, path: str) -> str | None:
        """A file's full public address (None without ``site_url``)."""
        if not self.site_url:
            return None
        return join(self.site_url, path)

    def short(self, path: str, lang: str) -> str | None:
        """The address as a reader types it from paper: ``cpic.example.org/en/sluzby/s/x/`` (None without ``site_url``)."""
        if not self.site_url:
            return None
        host = self.site_url.split("://", 1)[-1].rstrip("/")
        return f"{host}/{self.url(path, lang)}"


def _fragment(anchor: str) -> str:
    """``#anchor``, or nothing for a page's top."""
    return f"#{anchor}" if anchor else ""
