"""What each field of the data files means, in Czech and English (``fields.yaml``).

One source for the explanations staff see: the JSON Schemas' descriptions,
the comments in the files ``zavazek new`` writes, and the hint when a field
is missing.
"""

from __future__ import annotations

import functools
import types
import typing
from pathlib import Path

import yaml
from pydantic import BaseModel, RootModel

FIELDS_FILE = Path(__file__).with_name("fields.yaml")


def model_key(cls: type) -> str:
    """``commitment.Provider``: the model's module and class, as in ``fields.yaml``."""
    return f"{cls.__module__.rsplit('.', 1)[-1]}.{cls.__name__}"


@functools.cache
def _descriptions() -> dict:
    return yaml.safe_load(FIELDS_FILE.read_text(encoding="utf-8"))


def describe(cls: type, key: str) -> dict[str, str] | None:
    """``{"cs": …, "en": …}`` for the field written ``key`` of model ``cls`` (or of a base class)."""
    for base in cls.__mro__:
        entry = _descriptions().get(model_key(base), {}).get(key)
        if entry:
            return entry
    return None


def submodels(annotation) -> list[type]:
    """The data models (not texts) a field's annotation can hold: through Optional, Annotated, list."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return submodels(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list, tuple):
        return [m for arg in typing.get_args(annotation) for m in submodels(arg)]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel) and not issubclass(annotation, RootModel):
        return [annotation]
    return []


def all_models() -> list[type]:
    """Every model reachable from the data files, each once, in the order first met."""
    from zavazek.core.model import DATA_FILES

    seen: list[type] = []

    def walk(cls: type) -> None:
        if cls in seen:
            return
        seen.append(cls)
        for info in cls.model_fields.values():
            for sub in submodels(info.annotation):
                walk(sub)

    for data_file in DATA_FILES.values():
        walk(data_file.model)
    return seen


def field_keys(cls: type) -> list[str]:
    """The keys of a model as written in YAML (aliases such as ``from``)."""
    return [info.alias or name for name, info in cls.model_fields.items()]
