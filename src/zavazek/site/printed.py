"""The site's printed files: noticeboard posters and the directory's hand-outs, as PDFs.

They take seconds, so they are rendered in two child processes, one on each
core (:mod:`zavazek.site.parallel`), while the build makes the pages: one
renders the posters, the other the hand-outs, and whichever is done first
helps the other with the hand-outs left. Both come from the PDF cache where
their HTML is unchanged. A preview need not wait for them: it shows the
pages with the PDFs it had, and takes the new ones in a moment later (see
:func:`zavazek.site.build.prepare`).
"""

from __future__ import annotations

import datetime as dt

from zavazek.core.loader import ProviderData
from zavazek.core.project import Project
from zavazek.site import parallel, posters
from zavazek.site.directory import handouts
from zavazek.site.directory.standing import DirectoryOnDay
from zavazek.site.templating import Templates


class Printed:
    """Posters and hand-outs being rendered; :meth:`result` waits for them."""

    def __init__(self, data: ProviderData, published: DirectoryOnDay | None, project: Project, day: dt.date,
                 templates: Templates):
        # The two children share the hand-outs, a combination of languages at a time (the bilingual, larger,
        # first): one starts on them at once, the other when the posters are done, so both end at about
        # the same time whichever kind takes longer or comes from the cache.
        turns = parallel.Turns(sorted(handouts.language_groups(project), key=len, reverse=True))
        self._posters = parallel.in_child(
            lambda: (posters.published(data, project, day), handouts.published(published, project, templates, turns)))
        self._handouts = parallel.in_child(lambda: handouts.published(published, project, templates, turns))

    def ready(self, timeout: float | None = 0) -> bool:
        """Whether both kinds are done (waiting up to ``timeout`` seconds; None: until they are)."""
        return self._posters.ready(timeout) and self._handouts.ready(timeout)

    def result(self) -> tuple[dict[str, bytes], tuple]:
        """({file name: PDF or preview picture}, the posters' listing for the noticeboard page)."""
        (poster_files, listing), more_handouts = self._posters()
        return {**poster_files, **dict(sorted({**self._handouts(), **more_handouts}.items()))}, tuple(listing)

    def cancel(self) -> None:
        """Stop whatever is still rendering (a build failed, or a newer edit replaced this one)."""
        self._posters.cancel()
        self._handouts.cancel()
