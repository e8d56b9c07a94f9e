"""Reading the data files: each YAML document, its placeholders, and its model, validated.

Reading ``services.yaml`` at national scale takes two seconds; a preview
should not pay them again after an edit to ``goals.yaml``. A
:class:`ReadFiles` keeps what was read from each file's bytes; the caller
keeps it between loads (the preview keeps it with its last build) and hands
it to the next :func:`zavazek.core.loader.load_data`.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, field
from pathlib import Path

import pydantic
from pydantic import BaseModel

from zavazek.core.loader.errors import problems_from
from zavazek.core.model import DATA_FILES
from zavazek.core.placeholders import MARKERS, find_placeholders
from zavazek.core.problems import DataError, Problem
from zavazek.core.yamlitem import load_edited_item
from zavazek.core.yamlsource import Document, load_bytes, load_document, text_of


class ReadFiles:
    """Files read and validated before, reused while their bytes stay the same.

    A file's document and model depend on its bytes only (the day and the
    languages matter only to the checks after reading, which run every time).
    """

    def __init__(self):
        self._files: dict[Path, tuple[bytes, Document, BaseModel]] = {}

    def get(self, path: Path) -> tuple[bytes | None, tuple[Document, BaseModel] | None]:
        """(the file's bytes now, the document and model read from those same bytes before, if any)."""
        try:
            content = path.read_bytes()
        except OSError:
            return None, None
        known = self._files.get(path)
        if known is None or known[0] != content:
            return content, None
        return content, (known[1], known[2])

    def before(self, path: Path) -> tuple[bytes, Document, BaseModel] | None:
        """What was read from ``path`` last time: its bytes, document and model."""
        return self._files.get(path)

    def remember(self, path: Path, content: bytes | None, doc: Document, model: BaseModel) -> None:
        """Keep the document and model read from ``content``."""
        if content is not None:
            self._files[path] = (content, doc, model)


@dataclass
class Read:
    """What reading the data files found: per file name (``commitment``) its document and its model."""

    documents: dict[str, Document] = field(default_factory=dict)
    models: dict[str, BaseModel] = field(default_factory=dict)
    #: (file name, field path) of each value still marked as a placeholder
    placeholders: list[tuple[str, tuple]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _model_for(model: type, value) -> type:
    """The model a file's value is read into (a model may choose by the value, e.g. one or several services)."""
    choose = getattr(model, "model_for", None)
    return choose(value) if choose is not None else model


def read_files(data_dir: Path, cache: ReadFiles) -> Read:
    """Read and validate every data file of ``data_dir``, reusing what ``cache`` read before."""
    read = Read()
    for name, (filename, model, required) in DATA_FILES.items():
        path = data_dir / filename
        if not required and not path.exists():
            continue
        content, reused = cache.get(path)
        if reused is not None:
            read.documents[name], read.models[name] = reused
            form = _model_for(model, reused[0].value)
            read.placeholders += [(name, p) for p in find_placeholders(content, reused[0].value, form)[0]]
            continue
        edited = _edited_item(cache.before(path), content, model) if content is not None else None
        if edited is not None:
            read.documents[name], read.models[name] = edited
            cache.remember(path, content, *edited)
            continue
        try:
            doc = load_document(path) if content is None else load_bytes(content, path)
        except DataError as exc:
            read.problems.extend(exc.problems)
            continue
        read.documents[name] = doc
        model = _model_for(model, doc.value)
        marked, value = find_placeholders(content, doc.value, model)
        read.placeholders += [(name, p) for p in marked]
        try:
            read.models[name] = model.model_validate(value if value is not None else {})
        except pydantic.ValidationError as exc:
            read.problems.extend(problems_from(exc, doc, model))
        else:
            cache.remember(path, content, doc, read.models[name])
    return read


def _edited_item(before: tuple[bytes, Document, BaseModel] | None, content: bytes,
                 model: type) -> tuple[Document, BaseModel] | None:
    """The document and model of ``content`` made from those of the file's bytes ``before``, when the edit
    changed one item of a list the model lets be read alone (``ITEMS_READ_ALONE``); None otherwise.

    The item is read and validated alone and put in place of the one it
    replaces; the file's model is made again from its other values as they
    were validated (pydantic takes a model object as it is, without
    validating it again), and its own checks of the whole (a model
    validator, which must give the same result when run again on what it
    made) see every item as before. An item with a problem, a file with placeholders, anything
    unusual: None, and the whole file is read, as it would be anyway.
    """
    if before is None or any(marker.encode() in content for marker in MARKERS):
        return None
    old_content, old_doc, old_model = before
    try:
        edited = load_edited_item(old_doc, text_of(old_content), text_of(content))
    except UnicodeDecodeError:
        return None
    if edited is None:
        return None
    doc, (key, index) = edited
    if key not in getattr(type(old_model), "ITEMS_READ_ALONE", ()) or _model_for(model, doc.value) is not type(old_model):
        return None
    field_name = next((n for n, f in type(old_model).model_fields.items() if (f.alias or n) == key), None)
    if field_name is None:
        return None
    item_types = typing.get_args(type(old_model).model_fields[field_name].annotation)  # list[Service]: Service
    item_model = item_types[0] if len(item_types) == 1 else None
    if not (isinstance(item_model, type) and issubclass(item_model, BaseModel)):
        return None
    try:
        item = item_model.model_validate(doc.value[key][index])
        items = list(getattr(old_model, field_name))
        items[index] = item
        values = {name: getattr(old_model, name) for name in old_model.model_fields_set}
        values[field_name] = items
        return doc, type(old_model).model_validate(values)
    except pydantic.ValidationError:
        return None
