"""The site's downloads: noticeboard posters and the directory's hand-outs (PDF), and its open data.

They take seconds (a national directory's open data is tens of megabytes),
so they are made in child processes (:mod:`zavazek.site.parallel`) while the
build makes the pages: one makes the PDFs with a second process it forks
(both take the hand-outs first, then the posters one at a time), another
makes the open data. PDFs come from the PDF cache where their HTML is
unchanged, and open data made from the same directory is kept from the
previous build. In a build, the site engine renders the pages meanwhile and
takes the downloads in after its last language pass
(:func:`zavazek.site.build.take_downloads`). A preview's rebuild need not wait
for them: it shows the pages with the downloads it had, and takes the new
ones in a moment later (see :func:`zavazek.site.build.prepare`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from zavazek.core.loader import ProviderData
from zavazek.core.project import Project
from zavazek.site import parallel, pdf, posters
from zavazek.site.directory import handouts
from zavazek.site.directory.standing import DirectoryOnDay
from zavazek.site.opendata.files import files as open_data_files
from zavazek.site.templating import Templates

#: How far a preview's downloads step back for its pages (``os.nice``).
BEHIND_PAGES = 10


@dataclass(frozen=True)
class Downloaded:
    """The downloads of one build."""

    pdfs: dict  # {file name: PDF or preview picture}
    poster_listing: tuple  # what the noticeboard page lists
    open_data: tuple  # (what they were made from, {file name: bytes})

    def files(self) -> dict:
        return {**self.pdfs, **self.open_data[1]}


class Downloads:
    """Posters, hand-outs and open data being made; :meth:`result` waits for them.

    ``open_data``: the previous build's (made from, files), kept when made from the same
    ``open_data_from``. ``meanwhile``: for a preview, which shows the pages first: the
    downloads get what the cores have left.
    """

    def __init__(self, data: ProviderData, published: DirectoryOnDay | None, project: Project, day: dt.date,
                 templates: Templates, open_data_from: tuple, open_data: tuple | None, meanwhile: bool = False):
        nice = BEHIND_PAGES if meanwhile else 0
        self._pdfs = parallel.in_child(lambda: _pdfs(data, published, project, day, templates), nice, forks=True)
        if open_data is not None and open_data[0] == open_data_from:
            self._open_data = parallel.done(open_data[1])
        else:
            self._open_data = parallel.in_child(
                lambda: open_data_files(published, project.languages, project.site_url), nice)
        self._open_data_from = open_data_from

    def ready(self, timeout: float | None = 0) -> bool:
        """Whether all are made (waiting up to ``timeout`` seconds; None: until they are)."""
        return all(pending.ready(timeout) for pending in (self._pdfs, self._open_data))

    def result(self) -> "Downloaded":
        poster_files, listing, handout_files = self._pdfs()
        pdfs = {**poster_files, **dict(sorted(handout_files.items()))}
        return Downloaded(pdfs, tuple(listing), (self._open_data_from, self._open_data()))

    def cancel(self) -> None:
        """Stop whatever is still being made (a build failed, or a newer edit replaced this one)."""
        for pending in (self._pdfs, self._open_data):
            pending.cancel()


def _pdfs(data: ProviderData, published: DirectoryOnDay | None, project: Project, day: dt.date,
          templates: Templates) -> tuple[dict, list, dict]:
    """(poster files, the noticeboard's listing, hand-out files), made by this process and one it forks.

    Both take the hand-outs first, a combination of languages at a time (the bilingual, larger, first),
    then the posters one at a time: the last pieces are small, so both end at about the same time. A
    first build, which keeps no PDF yet, loads WeasyPrint and its fonts before forking: once for both
    processes instead of once in each (a third of a second of a core).
    """
    makes_pdfs = project.site_url or published is not None  # posters need the public address
    if makes_pdfs and not any((project.root / folder).is_dir() for folder in (posters.CACHE_DIR, handouts.CACHE_DIR)):
        pdf.load()
    plan = posters.posters_for(data, project, day) if project.site_url else []
    groups = parallel.Turns(sorted(handouts.language_groups(project), key=len, reverse=True))
    each_poster = parallel.Turns(range(len(plan)))

    def share() -> tuple[dict, list, dict, frozenset]:
        handout_files = handouts.published(published, project, templates, groups)
        poster_files, listing, kept = posters.published(data, project, day, only=each_poster.share_of_this_process())
        return poster_files, listing, handout_files, kept

    theirs = parallel.in_child(share)
    try:
        mine, other = share(), theirs()
    finally:
        theirs.cancel()
    made = {**mine[0], **other[0]}
    poster_files = {path: made[path] for poster in plan for path in (poster.path, poster.preview) if path in made}
    place = {poster: index for index, poster in enumerate(plan)}
    listing = sorted([*mine[1], *other[1]], key=lambda listed: place[listed.poster])
    posters.forget_all_but(project, mine[3] | other[3])
    return poster_files, listing, {**mine[2], **other[2]}
