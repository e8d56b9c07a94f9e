"""The directory of services for foreigners (``data/services.yaml``) on the site.

:mod:`.standing` decides once per build which services run, have ended or
are upcoming; :mod:`.listing` decides what is listed where (regions,
pre-built filter lists); :mod:`.views` holds what each page and hand-out
shows, which :mod:`.pages` and :mod:`.handouts` lay out with the templates
of :mod:`.rendering`; :mod:`.map` draws the region map; :mod:`.opening`
says when a service is open, in Prague time. The open-data files are
:mod:`zavazek.site.opendata`. Nothing here imports MkDocs.
"""
