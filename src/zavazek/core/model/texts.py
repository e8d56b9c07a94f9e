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
