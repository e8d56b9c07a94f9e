"""Every reader-facing text inside a model, with its field path."""

from __future__ import annotations

from pydantic import BaseModel, RootModel

from zavazek.core.model.types import Text


def iter_texts(obj, path: tuple = ()):
    """Yield (field path, Text) for every reader-facing text inside a model."""
    if isinstance(obj, Text):
        yield path, obj
    elif isinstance(obj, BaseModel) and not isinstance(obj, RootModel):
        for name, info in type(obj).model_fields.items():
            yield from iter_texts(getattr(obj, name), path + (info.alias or name,))
    elif isinstance(obj, (list, tuple)):
        for i, item in enumerate(obj):
            yield from iter_texts(item, path + (i,))


#: The texts of the latest model listed per data file: {file name: (model, its texts)}. One per file,
#: so that a preview holds no model older than the one it shows.
_LISTED: dict[str, tuple[object, list]] = {}


def texts_in(model, file: str) -> list[tuple[tuple, Text]]:
    """:func:`iter_texts` of the data file ``file``'s ``model`` as a list, made once per model object.

    A preview's rebuild reuses the models of the files that did not change
    (:class:`~zavazek.core.loader.files.ReadFiles`): the texts of a national
    directory are then not walked again after each saved goal.
    """
    listed = _LISTED.get(file)
    if listed is not None and listed[0] is model:
        return listed[1]
    texts = list(iter_texts(model))
    _LISTED[file] = (model, texts)
    return texts
