"""What the model says about the field at a path: its annotation, the keys allowed there, its description."""

from __future__ import annotations

import types
import typing

from pydantic import BaseModel

from zavazek.core.model.descriptions import describe


def annotation_at(model: type, loc: tuple):
    """The annotation of the value at ``loc`` inside ``model`` (None when there is no such field)."""
    current = model
    for part in loc:
        current = unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else None
        elif isinstance(current, type) and issubclass(current, BaseModel):
            f = next(
                (f for name, f in current.model_fields.items() if (f.alias or name) == part),
                None,
            )
            current = f.annotation if f else None
        else:
            return None
    return current


def unwrap(tp):
    """Strip Optional / Annotated so that list[X] and models remain."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            tp = args[0] if len(args) == 1 else tp
            if len(args) != 1:
                return tp
        else:
            return tp


def allowed_keys(model: type, loc: tuple) -> list[str]:
    """Field names (aliases) of the model found at ``loc`` inside ``model``."""
    current = unwrap(annotation_at(model, loc))
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or name for name, f in current.model_fields.items()]
    return []


def description_at(model: type, loc: tuple) -> dict[str, str] | None:
    """What the field at ``loc`` is, per language, as :mod:`.descriptions` says (None when it says nothing)."""
    parent = unwrap(annotation_at(model, loc[:-1]))
    return describe(parent, str(loc[-1])) if isinstance(parent, type) and loc else None
