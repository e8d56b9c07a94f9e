"""Pydantic's validation errors as problems, in the staff's words, at the line of the file."""

from __future__ import annotations

import difflib

import pydantic
from pydantic import BaseModel

from zavazek.core.model.codes import N_
from zavazek.core.model.fields import allowed_keys, description_at
from zavazek.core.problems import Message, PerLanguage, Problem
from zavazek.core.yamlsource import Document

_TYPE_MESSAGES = {
    "missing": (
        N_("The field “{field}” is missing."),
        N_("Add it: {description} “zavazek new” writes a complete file with every field explained."),
    ),
    "string_type": (N_("Expected a text."), N_("Write the value after the colon on the same line.")),
    "list_type": (N_("Expected a list."), N_("Write each item on its own line starting with “- ”.")),
    "model_type": (N_("Expected a group of fields."), N_("Write the fields indented under this key, one “key: value” a line.")),
    "dict_type": (N_("Expected a group of fields."), N_("Write the fields indented under this key, one “key: value” a line.")),
    "model_attributes_type": (N_("Expected a group of fields."), N_("Write the fields indented under this key, one “key: value” a line.")),
    "too_short": (N_("This list needs at least {min_length} item(s)."), N_("Add the missing items.")),
    "bool_parsing": (N_("“{value}” is not yes or no."), N_("Write true or false.")),
    "bool_type": (N_("“{value}” is not yes or no."), N_("Write true or false.")),
}


def problems_from(exc: pydantic.ValidationError, doc: Document, model: type[BaseModel]) -> list[Problem]:
    """One problem per error of ``exc``, raised validating ``doc`` as ``model``."""
    out = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        kind = err["type"]
        ctx = err.get("ctx") or {}
        value = err.get("input")
        if kind == "zavazek":
            message = Message(ctx["msgid"], _plain(ctx))
            hint = Message(ctx["hint"], _plain(ctx)) if ctx.get("hint") else None
        elif kind == "extra_forbidden":
            allowed = allowed_keys(model, loc[:-1])
            close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
            message = Message("Unknown field “{key}”.", {"key": loc[-1]})
            hint = (
                Message("Did you mean “{suggestion}”?", {"suggestion": close[0]})
                if close
                else Message("Allowed here: {allowed}.", {"allowed": ", ".join(allowed)})
            )
        elif kind in _TYPE_MESSAGES:
            msgid, hintid = _TYPE_MESSAGES[kind]
            params = {"field": loc[-1] if loc else "", "value": value, **_plain(ctx)}
            if kind == "missing":
                params["description"] = _description(model, loc)
            message, hint = Message(msgid, params), Message(hintid, params)
        else:  # a pydantic message we have no wording for: show it as it is
            message = Message("{detail}", {"detail": err["msg"]})
            hint = None
        out.append(doc.problem(loc, message, hint))
    return out


def _description(model: type, loc: tuple) -> PerLanguage:
    """What the field at ``loc`` is, per language (English for a language without its own)."""
    return PerLanguage(description_at(model, loc) or {"en": ""})


def _plain(ctx: dict) -> dict:
    return {k: v for k, v in ctx.items() if k not in ("msgid", "hint")}
