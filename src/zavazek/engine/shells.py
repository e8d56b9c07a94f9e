"""Pages poured into a shell: the site engine renders one page per shape, závazek writes the rest.

A national directory has ten thousand pages (regions, their lists, kinds of
help, services) whose bodies are finished HTML and which differ from each
other only in title, address and body: the theme around them (header, menu,
language switcher, footer, links relative to the page) is the same for
every such page of a language as deep in the same top folder: only the
page's own address differs (its canonical link, the language switcher's
links). Rendering each one through the site engine was most of a national
build. Instead the engine renders, per language, one *shell* for each top
folder, depth and search setting (``sluzby/zavazek-shell-indexed`` for
``sluzby/praha``, ``sluzby/zavazek-shells/zavazek-shell-indexed`` for
``sluzby/praha/jazyk-en`` and ``sluzby/s/poradna-kladno``) whose title,
address and body are placeholders, and :meth:`Filler.fill` writes every page
from its shell by putting the real ones in. ``tests/test_shells.py`` builds the example site
both ways and checks that the pages, their search index and the sitemap's
addresses are the same.

Nothing here imports the site engine: the shells are ordinary generated
pages, and the adapter calls :meth:`Filler.load` and :meth:`Filler.fill`
for each language once every pass is done, and :func:`complete_sitemap` once
at the end.
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import json
import os
import re
import shutil
from collections import defaultdict
from pathlib import Path
from typing import Callable

from markupsafe import escape

from zavazek.engine import indexed

from zavazek.site import parallel
from zavazek.site.output import HtmlPage
from zavazek.site.pages import page_filename
from zavazek.site.sitemap import SiteMap
from zavazek.core.problems import Message

#: Placeholders in a shell. Plain letters, so that no template escapes them differently; the
#: body's placeholder is a heading, as every page body starts with one (else the theme adds one).
TITLE = "ZavazekShellTitle"
BODY = "<h1>ZavazekShellBody</h1>"
SHELL_NAMES = {True: "zavazek-shell-indexed", False: "zavazek-shell-unindexed"}
#: The folder that puts a shell as deep as its pages: once for each level between the top folder and the page.
SHELL_FOLDER = "zavazek-shells"


def shell_of(page: HtmlPage) -> str:
    """The shell a page is made from: as deep in the same top folder, with the same search setting.

    The theme writes a page's links relative to its depth, so one shell
    serves ``sluzby/praha/jazyk-en`` and ``sluzby/s/poradna-kladno`` alike
    (fourteen regions' folders, the services' and the kinds'): the engine
    renders a handful of shells per language, not one for every folder.
    """
    top, *below = page.path.split("/")
    if not below:
        return SHELL_NAMES[page.searchable]
    return "/".join([top, *[SHELL_FOLDER] * (len(below) - 1), SHELL_NAMES[page.searchable]])


def _below_top(path: str) -> str:
    """What of a page's path differs between pages made from one shell: all but its top folder."""
    return path.partition("/")[2] or path


def is_shell(name: str) -> bool:
    """Whether a file or page name is a shell's."""
    return any(shell in name for shell in SHELL_NAMES.values())


def page_markdown(page: HtmlPage) -> str:
    """The page as a Markdown source with front matter, for an engine that renders it itself."""
    return _front_matter(page.title, page.searchable) + page.body


def _front_matter(title: str, searchable: bool) -> str:
    lines = ["---", f"title: {json.dumps(title)}", "hide:", "  - toc", "zavazek_html: true"]
    if not searchable:
        lines += ["search:", "  exclude: true"]
    return "\n".join(lines + ["---", "", ""])


def staging_files(pages: list[HtmlPage], default: str, shells: bool = True) -> dict[str, str]:
    """{file name: Markdown} for the site engine: the shells the pages need, or every page itself."""
    if not shells:
        return {page_filename(p.path, p.lang, default): page_markdown(p) for p in pages}
    files = {}
    for page in pages:
        name = page_filename(shell_of(page), page.lang, default)
        if name not in files:
            files[name] = _front_matter(TITLE, page.searchable) + BODY
    return files


class ShellBroken(RuntimeError):
    """The theme did not render a shell as a page with its body: a template override dropped it."""


class _Shell:
    """A rendered shell, cut at its placeholders once, so that filling a page is a join."""

    def __init__(self, html: str, name: str):
        if html.count(BODY) != 1:
            message = Message(
                "The page {name} came out of the theme without its body, so the directory's pages cannot be"
                " made from it. Does a template in overrides/ leave out the page content?", {"name": name}
            )
            raise ShellBroken(f"\n  cs: {message.render('cs')}\n  en: {message.render('en')}")
        self.parts = [part.split(TITLE) for part in html.split(name)]
        self.digest = hash(html)
        self.indexed = self._indexed_part(html, name)

    @staticmethod
    def _indexed_part(html: str, name: str) -> list[list[str]] | None:
        """What search indexes of the shell's pages, cut like :attr:`parts`: the theme's ``data-pagefind-body``
        element (which ends just before the page's ``</article>``) in a document of its own; the whole page
        where a template in ``overrides/`` marks another element; None if the shell's pages are not indexed."""
        if indexed.INDEXED_MARK not in html:
            return None
        part = html
        start = html.find(f"<div {indexed.INDEXED_MARK}>")
        article_end = html.find("</article>", start) if start >= 0 else -1
        end = html.rfind("</div>", start, article_end) if article_end >= 0 else -1
        if end >= 0 and BODY in html[start:end]:
            lang = re.search(r"<html[^>]*>", html).group(0)
            part = f"<!doctype html>{lang}<body>{html[start:end + len('</div>')]}</body></html>"
        return [piece.split(TITLE) for piece in part.split(name)]

    def page(self, page: HtmlPage) -> str:
        """The shell with the page's address in its links, its title and its body.

        The title is HTML-escaped; the engine itself would write a title's
        ``&`` or ``<`` as it is.
        """
        return self._filled(self.parts, page)

    def indexed_document(self, page: HtmlPage) -> str:
        """What search indexes of the page: the part of it Pagefind would read, as a document, without
        what it would leave out (:func:`zavazek.engine.indexed.without_left_out`)."""
        return indexed.without_left_out(self._filled(self.indexed, page))

    @staticmethod
    def _filled(parts: list[list[str]], page: HtmlPage) -> str:
        title = str(escape(page.title))
        text = _below_top(page.path).join(title.join(part) for part in parts)
        return text.replace(BODY, page.body, 1)


class Filler:
    """Writes the pages of each language from its shells, after the engine rendered them.

    Remembers from which shell and page each file was written, so that a
    preview rebuild writes only the pages whose shell or content changed.
    A build into a new folder beside the published site (``previous``) links
    each page that came out the same as the published one to it, instead of
    writing it again: the file keeps its identity and its time, and the
    build writes only the pages that changed.
    """

    def __init__(self):
        self._written: dict[Path, tuple[int, HtmlPage]] = {}
        #: {language: {a page's path in the site: (its shell, the page)}}, as the latest :meth:`load` found them.
        self._filled: dict[str, dict[str, tuple[_Shell, HtmlPage]]] = {}
        #: {language: the folders of its shells}, as the latest :meth:`load` found them.
        self._shells: dict[str, list[Path]] = {}

    def load(self, site_dir: Path, lang: str, default: str, pages: list[HtmlPage]) -> None:
        """Read ``lang``'s shells and pair each of its pages with its shell: what :meth:`fill` writes and
        :meth:`search_documents` makes, before anything is written."""
        prefix = "" if lang == default else f"{lang}/"
        shells: dict[str, _Shell] = {}
        filled: dict[str, tuple[_Shell, HtmlPage]] = {}
        for page in pages:
            if page.lang != lang:
                continue
            name = shell_of(page)
            if name not in shells:
                source = Path(site_dir) / prefix / name / "index.html"
                shells[name] = _Shell(source.read_text(encoding="utf-8"), _below_top(name))
            filled[f"{prefix}{page.path}/index.html"] = (shells[name], page)
        self._filled[lang] = filled
        self._shells[lang] = [Path(site_dir) / prefix / name for name in shells]

    def fill(self, site_dir: Path, lang: str, previous: Path | None = None) -> int:
        """Write ``lang``'s pages as :meth:`load` paired them into ``site_dir`` and remove its shells;
        returns how many were written."""
        site_dir = Path(site_dir)
        written = 0
        for where, (shell, page) in self._filled[lang].items():
            target = site_dir / where
            key = (shell.digest, page)
            if self._written.get(target) == key and target.exists():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            content = shell.page(page).encode("utf-8")
            if previous is None or not link_if_same(previous / where, content, target):
                target.write_bytes(content)
                written += 1
            self._written[target] = key
        for folder in self._shells.pop(lang, []):
            _remove_shell(folder)
        return written

    def fill_in_child(self, site_dir: Path, languages: list[str], previous: Path | None = None) -> parallel.Pending:
        """Start writing the pages of ``languages`` as :meth:`fill` does, in a child process while this one
        goes on (one core writes pages while the other indexes them); the Pending gives how many it wrote.

        Each language must have been loaded (:meth:`load`). For a build, which ends after it: what the
        child wrote is not remembered for a next :meth:`fill` (a preview fills in its own process). Fork
        it before starting threads. Without a second core the pages are written here, when the Pending
        is called: call it.
        """
        languages = list(languages)
        pending = parallel.in_child(lambda: sum(self.fill(site_dir, lang, previous) for lang in languages))
        if pending.forked:
            for lang in languages:  # the child removes their shells
                self._shells.pop(lang, None)
        return pending

    def search_documents(self, lang: str) -> dict[str, Callable[[], str]]:
        """{path in the site: what search indexes of the page} for the pages of ``lang``'s latest
        :meth:`load` that are indexed: made from their shell, not read back from the disk."""
        return {where: functools.partial(shell.indexed_document, page)
                for where, (shell, page) in self._filled.get(lang, {}).items()
                if page.searchable and shell.indexed is not None}


def _remove_shell(folder: Path) -> None:
    """Remove a rendered shell, and the folders that only put it as deep as its pages."""
    shutil.rmtree(folder, ignore_errors=True)
    parent = folder.parent
    while parent.name == SHELL_FOLDER:
        try:
            parent.rmdir()
        except OSError:  # another shell of the language is still in it
            return
        parent = parent.parent


def link_if_same(published: Path, content: bytes, target: Path) -> bool:
    """Make ``target`` the ``published`` file if that holds ``content`` (a link, replacing whatever
    ``target`` was); False if it does not hold it, or cannot be linked here."""
    try:
        if published.stat().st_size != len(content) or published.read_bytes() != content:
            return False
        link = target.with_name(target.name + ".zavazek-link")
        os.link(published, link)
        os.replace(link, target)
    except OSError:
        return False
    return True


_LASTMOD = re.compile(r"<lastmod>[^<]*</lastmod>")
_URL = re.compile(r"[ \t]*<url>.*?</url>\n?", re.S)


def complete_sitemap(site_dir: Path, site_url: str | None, pages: list[HtmlPage], default: str, day: dt.date) -> None:
    """Replace each shell's entries in ``sitemap.xml`` (and its .gz) by those of the pages made from it, and
    date every entry to ``day``, the day the site was built for (the engine writes the clock's day: a site
    built for a fixed day would come out different on the next day)."""
    sitemap = Path(site_dir) / "sitemap.xml"
    if not sitemap.exists():
        return
    text = sitemap.read_text(encoding="utf-8")
    by_shell: dict[tuple[str, str], list[HtmlPage]] = defaultdict(list)
    for page in pages:
        by_shell[page.lang, shell_of(page)].append(page)
    base = (site_url or "").rstrip("/") + "/"
    addresses = SiteMap((default,))  # a page's address depends only on whether its language is the default

    def entries(match: re.Match) -> str:
        block = match.group(0)
        if not is_shell(block):
            return block
        loc = re.search(r"<loc>(.*?)</loc>", block).group(1)
        for (lang, shell), made in by_shell.items():
            if loc == base + addresses.url(shell, lang):
                return "".join(block.replace(shell, page.path) for page in made)
        return ""

    text = _URL.sub(entries, text)
    text = _LASTMOD.sub(f"<lastmod>{day.isoformat()}</lastmod>", text)
    sitemap.write_text(text, encoding="utf-8")
    packed = sitemap.with_name("sitemap.xml.gz")
    if packed.exists():
        with gzip.GzipFile(packed, "wb", mtime=0) as out:
            out.write(text.encode("utf-8"))
