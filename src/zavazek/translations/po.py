"""The data texts as a gettext PO file for one language, and back.

Each text is one entry: ``msgctxt`` names it (``commitment.yaml
principles[bezplatnost].name``), ``msgid`` is the default-language text,
``msgstr`` the translation (empty when missing). An extracted comment (``#.``)
says on which page the text is shown, ``#:`` gives the data file and line. A
translation made from a default-language text that has changed since is
marked ``fuzzy`` and carries the text it was made from as ``#| msgid``.

Importing checks every entry before anything is written: its context must
still exist, and the translation must keep the placeholders (``{name}``,
``%s``) and Markdown links (``[text](url)``) of the source. Fuzzy and empty
entries are not imported (as gettext does not use them).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import polib

from zavazek.core import i18n
from zavazek.core.checks.rules import shown_on
from zavazek.core.loader import ProviderData
from zavazek.site.pages import section_title
from zavazek.core.problems import Message, Problem
from zavazek.core.translations.sources import Sources
from zavazek.core.translations.texts import Entry, State, entries
from zavazek.site import sitemap
from zavazek.site.sitemap import SiteMap

_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|%(?:\([A-Za-z_]+\))?[sdif]")
_LINK = re.compile(r"\[([^\[\]]*)\]\(([^()\s]*)\)")


def _where(data: ProviderData, entry: Entry, lang: str, site: SiteMap) -> str:
    """Where the text appears, for the translator, in ``lang``: the page's title and its address."""
    link = shown_on(data, entry.document, entry.path)
    name = section_title(link.page, link.anchor, i18n.gettext_for(lang))
    path, anchor = sitemap.section(link.page, link.anchor, _service_showing(data, entry))
    address = "/" + site.url(path, lang, anchor)
    return Message("Shown on the page: {page} ({address})", {"page": name, "address": address}).render(lang)


def _service_showing(data: ProviderData, entry: Entry) -> str | None:
    """With several services, the one whose pages show the text: the service it is written under or that
    its goal or plan names (``service:``), else the first (a shared text is on every service's pages)."""
    if not data.several_services:
        return None
    if entry.document == "commitment" and entry.path[:1] == ("services",) and len(entry.path) > 1:
        return data.commitment.services[entry.path[1]].id
    node, named = data.documents[entry.document].value, None
    for key in entry.path:
        if isinstance(node, dict) and isinstance(node.get("service"), str):
            named = node["service"]
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            break
    return named or data.commitment.services[0].id


def export(data: ProviderData, project, lang: str, sources: Sources) -> polib.POFile:
    """The PO file of every text of ``data`` for translating into ``lang``."""
    default = project.default_language
    site = SiteMap.of(project)
    po = polib.POFile(wrapwidth=78)
    po.metadata = {
        "Project-Id-Version": project.site_name,
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": default,
    }
    for entry in entries(data):
        source = entry.text.get(default)
        if source is None:
            continue
        translation = entry.text.get(lang) or ""
        po_entry = polib.POEntry(
            msgctxt=entry.context,
            msgid=source,
            msgstr=translation,
            comment=_where(data, entry, lang, site),
            occurrences=[(f"{project.data_dir.name}/{entry.filename}", str(entry.line(default)))],
        )
        if entry.state(lang) is State.OUTDATED:
            po_entry.flags.append("fuzzy")
            po_entry.previous_msgid = sources.get(entry.filename, {}).get(entry.key, {}).get(lang)
        po.append(po_entry)
    return po


@dataclass(frozen=True)
class Imported:
    entry: Entry
    lang: str
    text: str  # the translation
    source: str  # the default-language text it was made from (the PO file's msgid)


def _line_of(lines: list[str], start: int | None, keyword: str) -> int | None:
    """The line of an entry's ``msgctxt`` or ``msgstr`` (polib gives the entry's first line)."""
    if start is None:
        return None
    for number in range(start, len(lines) + 1):
        if lines[number - 1].startswith(keyword + " "):
            return number
    return start


def _language_line(lines: list[str]) -> int:
    return next((i for i, line in enumerate(lines, 1) if line.startswith('"Language:')), 1)


def read(path: Path, data: ProviderData, project) -> tuple[str | None, list[Imported], list[Problem]]:
    """The language, the translations and the problems of the PO file at ``path``."""
    path = Path(path)
    try:
        po = polib.pofile(str(path), wrapwidth=78)
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return None, [], [Problem(path, None, None, "", Message("The PO file cannot be read: {detail}.", {"detail": str(exc)}),
                                  Message("Save it as UTF-8 from your PO editor, or export it again."))]
    problems: list[Problem] = []
    lang = (po.metadata.get("Language") or "").strip().split("_")[0].lower()
    translatable = [code for code in project.languages if code != project.default_language]
    if lang not in translatable:
        problems.append(Problem(
            path, _language_line(lines), None, "Language",
            Message("“{lang}” is not a language this site is translated into.", {"lang": lang}),
            Message("Set the PO file's language to one of: {allowed}.", {"allowed": ", ".join(translatable)}),
        ))
    known = {entry.context: entry for entry in entries(data)}
    out = []
    for po_entry in po:
        if po_entry.obsolete or not po_entry.msgstr.strip() or "fuzzy" in po_entry.flags:
            continue
        line = _line_of(lines, po_entry.linenum, "msgstr")
        context = po_entry.msgctxt or ""
        entry = known.get(context)
        if entry is None:
            problems.append(Problem(
                path, _line_of(lines, po_entry.linenum, "msgctxt"), None, context,
                Message("There is no text “{context}” in the data any more.", {"context": context}),
                Message("Export the PO file again and translate the new one; the field was renamed or removed."),
            ))
            continue
        text = po_entry.msgstr.strip()
        problems += [Problem(path, line, None, context, message, hint)
                     for message, hint in check_translation(po_entry.msgid, text)]
        out.append(Imported(entry, lang, text, po_entry.msgid.strip()))
    return lang, out, problems


def check_translation(source: str, translation: str) -> list[tuple[Message, Message]]:
    """What a translation breaks of its source: placeholders, Markdown links."""
    problems = []
    if Counter(_PLACEHOLDER.findall(source)) != Counter(_PLACEHOLDER.findall(translation)):
        problems.append((
            Message("The translation's placeholders ({found}) differ from the source's ({expected}).", {
                "found": ", ".join(sorted(_PLACEHOLDER.findall(translation))) or "–",
                "expected": ", ".join(sorted(_PLACEHOLDER.findall(source))) or "–",
            }),
            Message("Copy each placeholder such as {{name}} or %s exactly as it is in the source text."),
        ))
    source_links = Counter(url for _, url in _LINK.findall(source))
    links = Counter(url for _, url in _LINK.findall(translation))
    balanced = all(translation.count(a) == translation.count(b) for a, b in ("[]", "()")) or not (
        all(source.count(a) == source.count(b) for a, b in ("[]", "()"))
    )
    if source_links != links or not balanced:
        problems.append((
            Message("A link of the source text is missing or broken in the translation: {links}.", {
                "links": ", ".join(sorted(source_links)) or "–",
            }),
            Message("Write each link as [link text](address), with the address exactly as in the source text."),
        ))
    return problems

