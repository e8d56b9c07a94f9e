"""The directory of services for foreigners (``data/services.yaml``) on the site.

:mod:`.listing` decides what is listed where (regions, pre-built filter
lists); :mod:`.pages` renders the directory's pages; :mod:`.map` draws the
region map; :mod:`.opening` says when a service is open, in Prague time;
:mod:`.exports` writes the open-data files. Nothing here imports MkDocs.
"""
