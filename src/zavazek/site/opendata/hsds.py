"""The directory as Open Referral HSDS 3.0 tables, and ``hsds.json``: see :mod:`zavazek.site.opendata`."""

from __future__ import annotations

import uuid

from zavazek.core import i18n
from zavazek.core.model import codes
from zavazek.core.model.hours import WEEKDAYS, clock
from zavazek.core.model.services import Place, Service
from zavazek.core.model.types import Text
from zavazek.site.directory.standing import DirectoryOnDay
from zavazek.site.opendata import common

HSDS_VERSION = "3.0"

#: HSDS 3.0 tables we fill: name -> (CSV file, fields in HSDS order with their Table Schema type).
HSDS_TABLES = {
    "organization": ("organizations.csv", (("id", "string"), ("name", "string"), ("alternate_name", "string"), ("description", "string"), ("email", "string"), ("website", "string"), ("tax_status", "string"), ("tax_id", "string"), ("year_incorporated", "number"), ("legal_status", "string"), ("logo", "string"), ("uri", "string"), ("parent_organization_id", "string"))),
    "service": ("services.csv", (("id", "string"), ("organization_id", "string"), ("program_id", "string"), ("name", "string"), ("alternate_name", "string"), ("description", "string"), ("url", "string"), ("email", "string"), ("status", "string"), ("interpretation_services", "string"), ("application_process", "string"), ("fees_description", "string"), ("wait_time", "string"), ("fees", "string"), ("accreditations", "string"), ("eligibility_description", "string"), ("minimum_age", "number"), ("maximum_age", "number"), ("assured_date", "date"), ("assurer_email", "string"), ("licenses", "string"), ("alert", "string"), ("last_modified", "datetime"))),
    "service_at_location": ("service_at_location.csv", (("id", "string"), ("service_id", "string"), ("location_id", "string"), ("description", "string"))),
    "location": ("locations.csv", (("id", "string"), ("location_type", "string"), ("url", "string"), ("organization_id", "string"), ("name", "string"), ("alternate_name", "string"), ("description", "string"), ("transportation", "string"), ("latitude", "number"), ("longitude", "number"), ("external_identifier", "string"), ("external_identifier_type", "string"))),
    "phone": ("phones.csv", (("id", "string"), ("location_id", "string"), ("service_id", "string"), ("organization_id", "string"), ("contact_id", "string"), ("service_at_location_id", "string"), ("number", "string"), ("extension", "number"), ("type", "string"), ("description", "string"))),
    "address": ("addresses.csv", (("id", "string"), ("location_id", "string"), ("attention", "string"), ("address_1", "string"), ("address_2", "string"), ("city", "string"), ("region", "string"), ("state_province", "string"), ("postal_code", "string"), ("country", "string"), ("address_type", "string"))),
    "schedule": ("schedules.csv", (("id", "string"), ("service_id", "string"), ("location_id", "string"), ("service_at_location_id", "string"), ("valid_from", "date"), ("valid_to", "date"), ("dtstart", "date"), ("timezone", "number"), ("until", "date"), ("count", "number"), ("wkst", "string"), ("freq", "string"), ("interval", "number"), ("byday", "string"), ("byweekno", "string"), ("bymonthday", "string"), ("byyearday", "string"), ("description", "string"), ("opens_at", "time"), ("closes_at", "time"), ("schedule_link", "string"), ("attending_type", "string"), ("notes", "string"))),
    "service_area": ("service_areas.csv", (("id", "string"), ("service_id", "string"), ("name", "string"), ("description", "string"), ("extent", "string"), ("extent_type", "string"), ("uri", "string"))),
    "language": ("languages.csv", (("id", "string"), ("service_id", "string"), ("location_id", "string"), ("phone_id", "string"), ("name", "string"), ("code", "string"), ("note", "string"))),
    "cost_option": ("cost_options.csv", (("id", "string"), ("service_id", "string"), ("valid_from", "date"), ("valid_to", "date"), ("option", "string"), ("currency", "string"), ("amount", "number"), ("amount_description", "string"))),
}

#: Key of each table in hsds.json.
HSDS_JSON_KEYS = {
    "organization": "organizations",
    "service": "services",
    "location": "locations",
    "service_at_location": "service_at_location",
    "schedule": "schedules",
    "language": "languages",
    "phone": "phones",
    "address": "addresses",
    "service_area": "service_areas",
    "cost_option": "cost_options",
}

_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _clean(row: dict) -> dict:
    """Drop empty values: HSDS JSON leaves out what is not known."""
    return {k: v for k, v in row.items() if v not in (None, "", [], {})}


def hsds_tables(published: DirectoryOnDay, languages: list[str], namespace: str) -> dict[str, list[dict]]:
    """HSDS rows per table; rows may carry ``x_translations`` / ``x_timezone`` (the extension)."""
    directory = published.public
    ns = uuid.uuid5(uuid.NAMESPACE_URL, namespace)

    def uid(*parts: str) -> str:
        return str(uuid.uuid5(ns, "/".join(parts)))

    def pick(text: Text | None) -> str:
        return common.pick(text, languages)

    def translations(**fields: Text | None) -> dict:
        return {name: dict(text.root) for name, text in fields.items() if text is not None}

    gettext = i18n.translations(languages[0]).gettext
    tables: dict[str, list[dict]] = {name: [] for name in HSDS_TABLES}

    for o in directory.organisations:
        oid = uid("organization", o.id)
        tables["organization"].append(
            _clean(
                {
                    "id": oid,
                    "name": pick(o.name),
                    "alternate_name": o.short_name,
                    "description": pick(o.legal_form),
                    "email": o.email,
                    "website": o.website,
                    "tax_id": o.ico,
                    "legal_status": pick(o.legal_form),
                    "x_translations": translations(name=o.name, description=o.legal_form, legal_status=o.legal_form),
                }
            )
        )
        if o.phone:
            tables["phone"].append(
                _clean({"id": uid("phone", o.id), "organization_id": oid, "number": o.phone, "type": "voice"})
            )

    for s in directory.services:
        sid = uid("service", s.id)
        oid = uid("organization", s.organisation)
        org = directory.organisation(s.organisation)
        ages_from = [g.age.from_ for g in s.target_groups if g.age and g.age.from_ is not None]
        ages_to = [g.age.to for g in s.target_groups if g.age and g.age.to is not None]
        # an age limit holds for the service only if every target group has one
        minimum = min(ages_from) if len(ages_from) == len(s.target_groups) else None
        maximum = max(ages_to) if len(ages_to) == len(s.target_groups) else None
        standing = published.of(s)
        status = "active" if standing.running else "inactive"
        process = []
        process.append(gettext("Appointment needed.") if s.appointment_needed else gettext("No appointment needed."))
        process.append(gettext("Referral needed.") if s.referral_needed else gettext("No referral needed."))
        tables["service"].append(
            _clean(
                {
                    "id": sid,
                    "organization_id": oid,
                    "name": pick(s.name),
                    "description": pick(s.description),
                    "url": org.website if org else None,
                    "email": org.email if org else None,
                    "status": status,
                    "interpretation_services": ", ".join(s.languages.interpreter),
                    "application_process": " ".join(process),
                    "fees_description": gettext("Free of charge.") if s.cost.free else pick(s.cost.fee),
                    "accreditations": (
                        f"{codes.SERVICE_KINDS[s.registered.kind][0]} 108/2006 Sb.: {s.registered.kind}"
                        + (f" ({s.registered.registry_id})" if s.registered.registry_id else "")
                        if s.registered
                        else None
                    ),
                    "eligibility_description": "; ".join(
                        gettext(codes.REGISTRY_TARGET_GROUPS[g.category]) for g in s.target_groups
                    ),
                    "minimum_age": minimum,
                    "maximum_age": maximum,
                    "assured_date": s.verified_on.isoformat(),
                    "x_translations": translations(
                        name=s.name, description=s.description, fees_description=s.cost.fee
                    ),
                    "x_status": standing.status,
                    "x_categories": list(s.categories),
                }
            )
        )
        tables["cost_option"].append(
            _clean(
                {
                    "id": uid("cost_option", s.id),
                    "service_id": sid,
                    "valid_from": s.runs.from_.isoformat() if s.runs else None,
                    "valid_to": s.runs.until.isoformat() if s.runs and s.runs.until else None,
                    "option": gettext("Free of charge.") if s.cost.free else pick(s.cost.fee),
                    "currency": "CZK",
                    "amount": 0 if s.cost.free else None,
                    "x_translations": translations(option=s.cost.fee),
                }
            )
        )
        for region in s.regions:
            districts = [codes.DISTRICTS[d][1] for d in s.districts if codes.DISTRICTS[d][0] == region]
            described = {
                lang: ", ".join(d.all_languages().get(lang, str(d)) for d in districts)
                for lang in languages
            }
            tables["service_area"].append(
                _clean(
                    {
                        "id": uid("service_area", s.id, region),
                        "service_id": sid,
                        "name": gettext(codes.REGIONS[region]),
                        "description": ", ".join(districts),
                        "x_translations": (
                            {"description": described} if any(d.names for d in districts) else None
                        ),
                        "extent": region,
                        "extent_type": "NUTS 3" if not districts else "NUTS 3 (districts: LAU 1)",
                        "x_districts": [d for d in s.districts if codes.DISTRICTS[d][0] == region],
                    }
                )
            )
        for kind in ("staff", "interpreter"):
            for code in getattr(s.languages, kind):
                tables["language"].append(
                    _clean(
                        {
                            "id": uid("language", s.id, kind, code),
                            "service_id": sid,
                            "name": common.language_names(code, [languages[0]])[languages[0]],
                            "code": code,
                            "note": "staff" if kind == "staff" else "interpreter",
                        }
                    )
                )
        if s.phone:
            tables["phone"].append(
                _clean({"id": uid("phone", s.id), "service_id": sid, "number": s.phone, "type": "voice"})
            )
        for p in s.places:
            _hsds_place(tables, s, p, sid, oid, uid, pick, translations, gettext, languages)
    return tables


def _hsds_place(tables, s: Service, p: Place, sid, oid, uid, pick, translations, gettext, languages) -> None:
    """A service's place in the HSDS tables: a location with its address, or for field work a service area."""
    at = {}
    if p.area is not None:
        names = [codes.DISTRICTS[d][1] for d in p.area.districts] + list(p.area.towns)
        described = {lang: ", ".join(n.in_language(lang) for n in names) for lang in languages}
        tables["service_area"].append(
            _clean(
                {
                    "id": uid("service_area", s.id, "place", p.id),
                    "service_id": sid,
                    "name": pick(p.name) or ", ".join(str(n) for n in names),
                    "description": ", ".join(str(n) for n in names),
                    "x_translations": {**translations(name=p.name),
                                       **({"description": described} if any(n.names for n in names) else {})},
                    "extent": ", ".join(p.area.districts),
                    "extent_type": "LAU 1" if p.area.districts else None,
                    "x_districts": list(p.area.districts),
                    "x_towns": [str(t) for t in p.area.towns],
                }
            )
        )
    else:
        lid = uid("location", s.id, p.id)
        salid = uid("service_at_location", s.id, p.id)
        at = {"location_id": lid, "service_at_location_id": salid}
        region = p.region_in(s)
        tables["location"].append(
            _clean(
                {
                    "id": lid,
                    "location_type": "physical",
                    "organization_id": oid,
                    "name": pick(p.name) or p.address.one_line(),
                    "description": pick(p.note),
                    "latitude": p.coordinates.lat if p.coordinates else None,
                    "longitude": p.coordinates.lon if p.coordinates else None,
                    "x_translations": translations(name=p.name, description=p.note),
                }
            )
        )
        tables["address"].append(
            _clean(
                {
                    "id": uid("address", s.id, p.id),
                    "location_id": lid,
                    "address_1": p.address.street,
                    "city": str(p.address.city),
                    "state_province": gettext(codes.REGIONS[region]),
                    "x_translations": {"city": common.place_names(p.address.city)} if p.address.city.names else None,
                    "region": region,
                    "postal_code": p.address.postcode,
                    "country": "CZ",
                    "address_type": "physical",
                }
            )
        )
        tables["service_at_location"].append(_clean({"id": salid, "service_id": sid, "location_id": lid}))
    if p.phone:
        tables["phone"].append(
            _clean({"id": uid("phone", s.id, p.id), **at, "service_id": sid, "number": p.phone, "type": "voice"})
        )
    valid = {
        "valid_from": s.runs.from_.isoformat() if s.runs else None,
        "valid_to": s.runs.until.isoformat() if s.runs and s.runs.until else None,
    }
    if p.appointment is not None:
        a = p.appointment
        booking = gettext("By appointment")
        for kind, number, type_ in (("phone", a.phone, "voice"), ("text_message", a.text_message, "text")):
            if number:
                tables["phone"].append(
                    _clean({"id": uid("phone", s.id, p.id, "appointment", kind), **at, "service_id": sid,
                            "number": number, "type": type_, "description": booking})
                )
        ways = [w for w in (a.phone, a.email, a.text_message and f"SMS {a.text_message}") if w]
        tables["schedule"].append(
            _clean(
                {
                    "id": uid("schedule", s.id, p.id, "appointment"),
                    "service_id": sid,
                    **at,
                    **valid,
                    "description": f"{booking}: {', '.join(ways)}",
                    "notes": pick(a.note),
                    "x_appointment": _clean({"phone": a.phone, "email": a.email, "text_message": a.text_message}),
                    "x_translations": translations(notes=a.note),
                }
            )
        )
    for day, ranges in p.opening_hours.by_day():
        for start, end in ranges:
            tables["schedule"].append(
                _clean(
                    {
                        "id": uid("schedule", s.id, p.id, WEEKDAYS[day], start.isoformat()),
                        "service_id": sid,
                        **at,
                        **valid,
                        "freq": "WEEKLY",
                        "wkst": "MO",
                        "byday": _BYDAY[day],
                        "opens_at": clock(start),
                        "closes_at": clock(end),
                        "notes": f"Local time {common.TIMEZONE}",
                        "x_timezone": common.TIMEZONE,
                    }
                )
            )


def hsds_json(tables: dict[str, list[dict]], example: bool) -> dict:
    out: dict = {
        "hsds_version": HSDS_VERSION,
        "x_extension": "x_translations: {field: {language: text}} on organizations, services, locations, "
        "cost_options, addresses (city) and service_areas (description); x_timezone on schedules; see the module zavazek.site.opendata.",
        "x_example_data": example,
    }
    for table, key in HSDS_JSON_KEYS.items():
        out[key] = tables[table]
    return out
