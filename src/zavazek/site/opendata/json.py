"""The directory as our own JSON (``directory.json``): see :mod:`zavazek.site.opendata`."""

from __future__ import annotations

from zavazek.core.model import codes
from zavazek.site import hours_text
from zavazek.core.model.services import Service
from zavazek.site.directory.standing import DirectoryOnDay
from zavazek.site.opendata.common import TIMEZONE, address, label, language_names, place_names, texts

FORMAT = "zavazek-directory"
VERSION = 1


def directory_json(published: DirectoryOnDay, languages: list[str]) -> dict:
    """The directory in our own shape, in the site's ``languages`` (default first)."""
    directory = published.public
    used_languages = sorted({c for s in directory.services for c in s.languages.staff + s.languages.interpreter})
    return {
        "format": FORMAT,
        "version": VERSION,
        "generated": published.day.isoformat(),
        "example": directory.example,
        "languages": languages,
        "timezone": TIMEZONE,
        "labels": {
            "categories": {k: label(v, languages) for k, v in codes.SERVICE_CATEGORIES.items()},
            "regions": {k: label(v, languages) for k, v in codes.REGIONS.items()},
            "districts": {k: str(name) for k, (_region, name) in codes.DISTRICTS.items()},
            "languages": {code: language_names(code, languages) for code in used_languages},
            "target_groups": {k: label(v, languages) for k, v in codes.REGISTRY_TARGET_GROUPS.items()},
            "kinds": {k: label(v, languages) for k, (_s, v) in codes.SERVICE_KINDS.items()},
            "accessibility": {k: label(v, languages) for k, v in codes.PHYSICAL_ACCESSIBILITY.items()},
            "x_translations": {
                "districts": {k: place_names(name) for k, (_region, name) in codes.DISTRICTS.items() if name.names},
            },
        },
        "organisations": [
            {
                "id": o.id,
                "name": texts(o.name),
                "short_name": o.short_name,
                "legal_form": texts(o.legal_form),
                "ico": o.ico,
                "website": o.website,
                "email": o.email,
                "phone": o.phone,
            }
            for o in directory.organisations
        ],
        "services": [_service_json(s, published.of(s).status) for s in directory.services],
    }


def _service_json(s: Service, status: str) -> dict:
    return {
        "id": s.id,
        "organisation": s.organisation,
        "name": texts(s.name),
        "description": texts(s.description),
        "status": status,
        "categories": list(s.categories),
        "target_groups": [
            {
                "category": g.category,
                "age_from": g.age.from_ if g.age else None,
                "age_to": g.age.to if g.age else None,
            }
            for g in s.target_groups
        ],
        "registered": (
            {
                "kind": s.registered.kind,
                "section": codes.SERVICE_KINDS[s.registered.kind][0],
                "registry_id": s.registered.registry_id,
            }
            if s.registered
            else None
        ),
        "regions": list(s.regions),
        "districts": list(s.districts),
        "places": [
            {
                "id": p.id,
                "name": texts(p.name),
                "address": address(p.address) if p.address else None,
                "area": {"districts": list(p.area.districts), "towns": [str(t) for t in p.area.towns]}
                if p.area else None,
                "coordinates": {"lat": p.coordinates.lat, "lon": p.coordinates.lon} if p.coordinates else None,
                "opening_hours": hours_text.clocks(p.opening_hours),
                "appointment": {"phone": p.appointment.phone, "email": p.appointment.email,
                                "text_message": p.appointment.text_message, "note": texts(p.appointment.note)}
                if p.appointment else None,
                "phone": p.phone,
                "note": texts(p.note),
            }
            for p in s.places
        ],
        "phone": s.phone,
        "languages": {"staff": list(s.languages.staff), "interpreter": list(s.languages.interpreter)},
        "cost": {"free": s.cost.free, "fee": texts(s.cost.fee)},
        "appointment_needed": s.appointment_needed,
        "referral_needed": s.referral_needed,
        "accessibility": {"level": s.accessibility.level, "note": texts(s.accessibility.note)},
        "runs": (
            {"from": s.runs.from_.isoformat(), "until": s.runs.until.isoformat() if s.runs.until else None}
            if s.runs
            else None
        ),
        "verified_on": s.verified_on.isoformat(),
    }
