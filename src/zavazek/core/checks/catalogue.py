"""The catalogue of compliance criteria (``criteria.yaml``), read and validated.

The catalogue is data: what each criterion asks, where it comes from in the
law, how serious a failure is, and whether its legal wording was confirmed
against a primary source. The checks themselves are in :mod:`zavazek.core.checks.rules`.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pydantic

from zavazek.core.loader.errors import problems_from
from zavazek.core.model.codes import N_
from zavazek.core.model.types import Date, Strict, Text, Url, choice
from zavazek.core.problems import DataError, Message
from zavazek.core.yamlsource import load_document

CATALOGUE_FILE = Path(__file__).with_name("criteria.yaml")

#: The legal sources criteria come from: code -> (short citation, name msgid).
ACTS = {
    "zss": ("108/2006 Sb.", N_("Act No. 108/2006 Coll., on social services")),
    "sqss": ("505/2006 Sb.", N_("Decree No. 505/2006 Coll., annex 2: quality standards of social services")),
    "a11y": ("99/2019 Sb.", N_("Act No. 99/2019 Coll., on the accessibility of websites")),
    "gdpr": ("(EU) 2016/679", N_("General Data Protection Regulation (EU) 2016/679")),
    "ekom": ("127/2005 Sb.", N_("Act No. 127/2005 Coll., on electronic communications")),
    "mpsv": ("MPSV 2008", N_("Ministry of Labour and Social Affairs: guide to the quality standards (2008)")),
}

#: Where each act is published officially: e-Sbírka (the Collection of Laws) or
#: EUR-Lex; the MPSV guide has no official text to link to.
#:
#: e-Sbírka's public client answers at e-sbirka.gov.cz (www.e-sbirka.cz redirects
#: there) and addresses an act as ``/sb/<year>/<number>``, without a version date
#: for the version in force. Its anchors name the section and its subdivisions:
#: ``#par_56a-odst_5``, ``#par_46-odst_1-pism_a``, ``#par_5-pism_a``. The
#: annexes of a decree (the quality standards are annex 2 of 505/2006) have no
#: anchor form we could confirm, so those links go to the decree only.
#: EUR-Lex addresses the GDPR by its ELI and an article as ``#art_<n>``.
_OFFICIAL_TEXT = {
    "zss": "https://e-sbirka.gov.cz/sb/2006/108",
    "sqss": "https://e-sbirka.gov.cz/sb/2006/505",
    "a11y": "https://e-sbirka.gov.cz/sb/2019/99",
    "ekom": "https://e-sbirka.gov.cz/sb/2005/127",
    "gdpr": "https://eur-lex.europa.eu/eli/reg/2016/679/oj",
}

#: Whether a provision's wording was read in a primary source.
WORDING_STATUS = {
    "confirmed": N_("wording confirmed in the official text"),
    "copy": N_("wording read in a full-text copy of the official collection"),
    "secondary": N_("known from a secondary source"),
    "unconfirmed": N_("wording not confirmed against the official text"),
}

Act = choice(*ACTS, description="Legal source")
Severity = choice("required", "recommended", description="required: failing is “not met”; recommended: a warning")
WordingStatus = choice(*WORDING_STATUS, description="How the legal wording was checked")


class Source(Strict):
    act: Act
    section: str | None = None
    subsection: str | None = None
    letter: str | None = None
    article: str | None = None
    standard: str | None = None
    criterion: str | None = None

    def citation(self, gettext) -> str:
        """"§ 91(3) of Act No. 108/2006 Coll." in the reader's language."""
        if self.standard:
            where = (
                gettext("Standard {standard}, criterion {criterion}").format(
                    standard=self.standard, criterion=self.criterion
                )
                if self.criterion
                else gettext("Standard {standard}").format(standard=self.standard)
            )
        elif self.article:
            where = gettext("Article {article}").format(article=self.article)
        elif self.section and self.subsection and self.letter:
            where = gettext("§ {section}({subsection})({letter})").format(
                section=self.section, subsection=self.subsection, letter=self.letter
            )
        elif self.section and self.letter:
            where = gettext("§ {section}({letter})").format(section=self.section, letter=self.letter)
        elif self.section and self.subsection:
            where = gettext("§ {section}({subsection})").format(section=self.section, subsection=self.subsection)
        elif self.section:
            where = gettext("§ {section}").format(section=self.section)
        else:
            where = ""
        short = ACTS[self.act][0]
        return f"{where}, {short}" if where else short

    def official_url(self) -> str | None:
        """The provision in the official text: e-Sbírka down to the letter, EUR-Lex to the article."""
        base = _OFFICIAL_TEXT.get(self.act)
        if base is None:
            return None
        if self.act == "gdpr":
            return f"{base}#art_{self.article}" if self.article else base
        if not self.section:  # a standard of annex 2: no confirmed anchor, the decree itself
            return base
        anchor = f"par_{self.section}"
        if self.subsection:
            anchor += f"-odst_{self.subsection}"
        if self.letter:
            anchor += f"-pism_{self.letter}"
        return f"{base}#{anchor.lower()}"

    @property
    def official_site(self) -> str | None:
        """The name of the site :meth:`official_url` points to."""
        if self.act not in _OFFICIAL_TEXT:
            return None
        return "EUR-Lex" if self.act == "gdpr" else "e-Sbírka"


class Reference(Strict):
    """A document a criterion rests on besides the act, e.g. an official model."""

    title: str  # as published
    lang: str = "cs"  # the language of the title
    url: Url | None = None
    checked_on: Date | None = None


class Wording(Strict):
    status: WordingStatus
    checked_on: Date | None = None
    in_force_from: Date | None = None  # the version of the act whose wording was read
    read_in: str | None = None  # the full-text copy read instead of the official text
    quote: str | None = None  # in Czech: the law's own words
    note: Text | None = None
    references: list[Reference] = []

    def read_in_collection(self, source: Source) -> bool:
        """Whether the wording was read in the official collection or a full-text copy of it (the report says which)."""
        return self.status in ("confirmed", "copy") and source.act in _OFFICIAL_TEXT


class Criterion(Strict):
    id: str
    source: Source
    key: bool
    severity: Severity
    checkable: bool = True
    requirement: Text
    evidence: Text
    wording: Wording


@functools.cache
def load_catalogue(path: Path = CATALOGUE_FILE) -> tuple[Criterion, ...]:
    """Every criterion, in the catalogue's order; a broken catalogue is a :class:`DataError`."""
    doc = load_document(path)
    try:
        criteria = pydantic.TypeAdapter(list[Criterion]).validate_python(doc.value or [])
    except pydantic.ValidationError as exc:
        raise DataError(problems_from(exc, doc, Criterion)) from None
    seen: dict[str, int] = {}
    for i, criterion in enumerate(criteria):
        if criterion.id in seen:
            raise DataError([
                doc.problem(
                    (i, "id"),
                    Message(
                        "The identifier “{id}” is used twice (first in item {first}).",
                        {"id": criterion.id, "first": seen[criterion.id] + 1},
                    ),
                    Message("Give each item its own identifier."),
                )
            ])
        seen[criterion.id] = i
    return tuple(criteria)
