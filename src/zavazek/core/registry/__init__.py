"""The MPSV register of social-service providers (registr poskytovatelů sociálních služeb, RPSS).

:mod:`.dataset` knows the open dataset's field names and codelist ids;
:mod:`.records` holds the typed records read from it; :mod:`.reader`
streams the file (``rpss.json``, about 99 MB) one service at a time.
"""
