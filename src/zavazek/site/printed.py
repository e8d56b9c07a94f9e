"""The site's printed files: noticeboard posters and the directory's hand-outs, as PDFs.

They take seconds, so each kind is rendered in a child process on a core of
its own (:mod:`zavazek.site.parallel`) while the build makes the pages; both
come from the PDF cache where their HTML is unchanged. A preview need not
wait for them: it shows the pages with the PDFs it had, and takes the new
ones in a moment later (see :func:`zavazek.site.build.prepare`).
"""

from __future__ import annotations

import datetime as dt

from zavazek.core.loader import ProviderData
from zavazek.core.project import Project
from zavazek.site import parallel, posters
from zavazek.site.directory import handouts
from zavazek.site.directory.standing import DirectoryOnDay
from zavazek.site.templating import Templates


#: How far a preview's PDFs step back for its pages (``os.nice``).
BEHIND_PAGES = 10


class Printed:
    """Posters and hand-outs being rendered; :meth:`result` waits for them."""

    def __init__(self, data: ProviderData, published: DirectoryOnDay | None, project: Project, day: dt.date,
                 templates: Templates, meanwhile: bool = False):
        """``meanwhile``: for a preview, which shows the pages first: the PDFs get what the cores have left."""
        nice = BEHIND_PAGES if meanwhile else 0
        self._posters = parallel.in_child(lambda: posters.published(data, project, day), nice)
        self._handouts = parallel.in_child(lambda: handouts.published(published, project, templates), nice)

    def ready(self, timeout: float | None = 0) -> bool:
        """Whether both kinds are done (waiting up to ``timeout`` seconds; None: until they are)."""
        return self._posters.ready(timeout) and self._handouts.ready(timeout)

    def result(self) -> tuple[dict[str, bytes], tuple]:
        """({file name: PDF or preview picture}, the posters' listing for the noticeboard page)."""
        poster_files, listing = self._posters()
        return {**poster_files, **self._handouts()}, tuple(listing)

    def cancel(self) -> None:
        """Stop whatever is still rendering (a build failed, or a newer edit replaced this one)."""
        self._posters.cancel()
        self._handouts.cancel()
