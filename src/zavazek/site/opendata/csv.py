"""The directory as a spreadsheet (``directory.csv``): see :mod:`zavazek.site.opendata`."""

from __future__ import annotations

import io

from zavazek.site import hours_text
from zavazek.core.model.services import Place
from zavazek.core.model.types import Text
from zavazek.site.directory.standing import DirectoryOnDay
from zavazek.site.escaping import SpreadsheetWriter


def directory_csv(published: DirectoryOnDay, languages: list[str]) -> bytes:
    """One row per service and place, texts in a column per language of ``languages``."""
    directory = published.public

    def per_lang(prefix: str) -> list[str]:
        return [f"{prefix}_{lang}" for lang in languages]

    header = (
        ["service_id", "status", "organisation_id"]
        + per_lang("organisation")
        + per_lang("name")
        + per_lang("description")
        + ["categories", "target_groups", "registered_kind", "registry_id", "regions", "districts"]
        + ["place_id"] + per_lang("place")
        + ["street", "postcode", "city", "lat", "lon", "opening_hours_prague_time"]
        + ["area_districts", "area_towns", "appointment_phone", "appointment_email", "appointment_text_message"]
        + ["languages_staff", "languages_interpreter", "free"] + per_lang("fee")
        + ["appointment_needed", "referral_needed", "accessibility"] + per_lang("accessibility_note")
        + ["runs_from", "runs_until", "verified_on", "organisation_website", "organisation_email", "organisation_phone"]
        + ["phone"]
    )

    def per_language(text: Text | None) -> list[str]:
        return [(text.get(lang) or "") if text is not None else "" for lang in languages]

    def yes_no(value: bool) -> str:
        return "yes" if value else "no"

    buffer = io.StringIO()
    writer = SpreadsheetWriter(buffer)
    writer.writerow(header)
    for s in directory.services:
        org = directory.organisation(s.organisation)
        places: list[Place | None] = list(s.places) or [None]
        for p in places:
            writer.writerow(
                [s.id, published.of(s).status, s.organisation]
                + per_language(org.name if org else None)
                + per_language(s.name)
                + per_language(s.description)
                + [
                    "; ".join(s.categories),
                    "; ".join(
                        g.category
                        + (f" ({g.age.from_ or ''}-{g.age.to or ''})" if g.age else "")
                        for g in s.target_groups
                    ),
                    s.registered.kind if s.registered else "",
                    (s.registered.registry_id or "") if s.registered else "",
                    "; ".join(s.regions),
                    "; ".join(s.districts),
                ]
                + [p.id if p else ""] + per_language(p.name if p else None)
                + (
                    [
                        p.address.street if p.address else "",
                        p.address.postcode if p.address else "",
                        str(p.address.city) if p.address else "",
                        p.coordinates.lat if p.coordinates else "",
                        p.coordinates.lon if p.coordinates else "",
                        hours_text.line(p.opening_hours),
                        "; ".join(p.area.districts) if p.area else "",
                        "; ".join(str(t) for t in p.area.towns) if p.area else "",
                        (p.appointment.phone or "") if p.appointment else "",
                        (p.appointment.email or "") if p.appointment else "",
                        (p.appointment.text_message or "") if p.appointment else "",
                    ]
                    if p
                    else [""] * 11
                )
                + ["; ".join(s.languages.staff), "; ".join(s.languages.interpreter), yes_no(s.cost.free)]
                + per_language(s.cost.fee)
                + [yes_no(s.appointment_needed), yes_no(s.referral_needed), s.accessibility.level]
                + per_language(s.accessibility.note)
                + [
                    s.runs.from_.isoformat() if s.runs else "",
                    s.runs.until.isoformat() if s.runs and s.runs.until else "",
                    s.verified_on.isoformat(),
                    (org.website or "") if org else "",
                    (org.email or "") if org else "",
                    (org.phone or "") if org else "",
                    (p.phone if p else None) or s.phone or "",
                ]
            )
    return buffer.getvalue().encode("utf-8-sig")
