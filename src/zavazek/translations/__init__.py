"""Translating the data texts (``data/*.yaml``) as a workflow.

* :mod:`~zavazek.core.translations.texts`: every reader-facing text of the data
  files, named by a stable field path (``principles[bezplatnost].name``), and
  whether its translation in a language is current, outdated or missing;
* :mod:`~zavazek.core.translations.sources`: ``data/translations.yaml``, the
  default-language text each translation was made from;
* :mod:`~zavazek.translations.po`: export to and import from gettext PO files;
* :mod:`~zavazek.core.yamledit`: writing a translation into a YAML
  file without changing any other byte of it;
* :mod:`~zavazek.translations.commands`: the ``zavazek translations`` commands.
"""
