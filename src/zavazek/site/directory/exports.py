"""The directory as open data: our JSON, a spreadsheet-friendly CSV, and Open Referral HSDS 3.0.

:func:`files` returns ``{path in the site: bytes}``; the build writes them
under ``sluzby/data/``:

``directory.json``
    Our own shape (``"format": "zavazek-directory"``, ``"version": 1``)::

        {"format", "version", "generated" (date), "example" (bool),
         "languages": ["cs", …],            # languages of the site, default first
         "labels": {"categories" | "regions" | "districts" | "languages"
                    | "target_groups" | "kinds" | "accessibility": {code: {lang: text}}},
         "organisations": [{"id", "name": {lang: text}, "short_name", "legal_form": {…},
                            "ico", "website", "email", "phone"}],
         "services": [{"id", "organisation", "name": {…}, "description": {…},
                       "status": "running" | "ended" | "upcoming",
                       "categories": [code], "target_groups": [{"category", "age_from", "age_to"}],
                       "registered": {"kind", "section", "registry_id"} | null,
                       "regions": [NUTS code], "districts": [LAU 1 code],
                       "places": [{"id", "name": {…} | null,
                                   "address": {"street", "postcode", "city",
                                               "x_translations": {"city": {lang: name}}}  # if any
                                              | null,  # null for field work
                                   "area": {"districts": [LAU 1 code], "towns": [name]} | null,
                                   "coordinates": {"lat", "lon"} | null,
                                   "opening_hours": {"mon": [["08:30", "12:00"], …], …},
                                   "appointment": {"phone", "email", "text_message",
                                                   "note": {…} | null} | null,
                                   "phone", "note": {…} | null}],
                       "phone",
                       "languages": {"staff": [ISO 639-1], "interpreter": [ISO 639-1]},
                       "cost": {"free", "fee": {…} | null},
                       "appointment_needed", "referral_needed",
                       "accessibility": {"level", "note": {…} | null},
                       "runs": {"from", "until"} | null, "verified_on"}]}

    Texts are maps of language to text exactly as written: a language missing
    there is missing in the data. Labels of codes are in every site language.
    Place names are proper names: ``city`` and ``labels.districts`` hold the
    Czech (postal) name; where a town or district also has a name in another
    language or script (``Brno``: ``Брно``), ``x_translations`` gives every
    form, Czech first (``address.x_translations.city``,
    ``labels.x_translations.districts``: ``{code: {lang: name}}``).
    Opening hours are local Prague time (Europe/Prague); ``"24:00"`` ends a day.
    A value ``zavazek new`` wrote for staff to replace (``[DOPLNIT] …``) is
    never published as data: a text leaves out the languages still to fill
    in, any other field is ``null`` (every export does the same).
    A place of field work has an ``area`` (districts and towns the workers
    come to) instead of an ``address``; a place open by ``appointment`` has
    no opening hours, and says how to arrange a time.

``directory.csv``
    One row per service and place (a service without a fixed place, e.g.
    field work, has one row with empty place columns); UTF-8 with a byte-order
    mark so that Excel opens it correctly; texts in columns per language
    (``name_cs``, ``name_en`` …); lists separated by ``; ``. Opening hours
    are the service's own at the place where it has them, else the place's;
    a place of field work has empty address columns and its districts (LAU 1
    codes) and towns in ``area_districts`` and ``area_towns``; a place open
    by appointment has its contacts in the ``appointment_…`` columns; the
    last column, ``phone``, is the place's phone, else the service's.

    **Formulas are neutralised** in every CSV the site publishes (this one and
    the HSDS tables): a text cell that a spreadsheet would run as a formula
    (it begins with ``=``, ``@``, a tab or a carriage return, or with ``+``
    or ``-`` and is not a plain number or phone number) is written with a
    leading ``'``, as OWASP recommends against CSV injection. Spreadsheets
    show the text as typed; a program reading the CSV drops one leading
    ``'`` from such a cell. ``+420 224 123 456`` stays as written. JSON files
    are not changed.

``hsds/``
    Open Referral Human Services Data Specification 3.0: ``hsds.json`` with
    the tables as arrays (``organizations``, ``services``, ``locations``,
    ``service_at_location``, ``schedules``, ``languages``, ``phones``,
    ``addresses``, ``service_areas``, ``cost_options``) and the tabular data
    package (``datapackage.json`` and one CSV per table, HSDS field names in
    HSDS order). Identifiers are UUIDs derived from our identifiers
    (UUID 5), so they stay the same from build to build.

    HSDS has one text per field; ours are in several languages. HSDS fields
    hold the text in the site's default language, and the **extension**
    ``x_translations`` carries all of them:

    * in ``hsds.json``, each organisation, service, location and cost option
      has ``"x_translations": {field: {lang: text}}`` (e.g.
      ``{"name": {"cs": …, "en": …}}``); HSDS allows additional properties;
      an address whose town has names in other languages has
      ``{"city": {"cs": "Brno", "ru": "Брно"}}``, and a service area whose
      districts do, its ``description`` (the districts) in every site language;
    * in the data package, the extra resource ``x_translations``
      (``x_translations.csv``: ``table, id, field, language, text``) holds the
      same, one row per text.

    Opening hours are local Prague time; HSDS ``timezone`` is a fixed UTC
    offset, which Prague does not have (summer time), so it is left empty and
    each schedule says ``"x_timezone": "Europe/Prague"`` (in the CSV: in
    ``notes``). A service that has ended has HSDS ``status`` ``inactive``.

    A place of field work is no HSDS location (it has no address): it is a
    ``service_areas`` row of its service (``extent``: its LAU 1 district
    codes, ``extent_type`` ``LAU 1``; ``x_districts``, ``x_towns``), and its
    hours are schedules of the service alone. A place open by appointment
    has one schedule whose ``description`` says how to arrange a time (with
    ``x_appointment``: ``{"phone", "email", "text_message"}``), and its
    booking numbers are phones described as such.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import uuid

from zavazek.core import i18n
from zavazek.site.escaping import SpreadsheetWriter
from zavazek.core.model import codes
from zavazek.core.model.hours import WEEKDAYS
from zavazek.site import hours_text
from zavazek.site.hours_text import clock
from zavazek.core.model.services import Directory, Place, Service
from zavazek.core.model.types import Address, PlaceName, Text
from zavazek.core.placeholders import without_placeholders

#: Where in the built site the exports go.
DATA_DIR = "sluzby/data"
FORMAT = "zavazek-directory"
VERSION = 1
HSDS_VERSION = "3.0"
TIMEZONE = "Europe/Prague"


# --- helpers -------------------------------------------------------------------


def _languages(project) -> list[str]:
    return list(getattr(project, "languages", None) or ("cs", "en", "ru", "vi"))


def _text(text: Text | None) -> dict | None:
    return dict(text.root) if text is not None else None


def _pick(text: Text | None, languages: list[str]) -> str:
    """The text in the first of ``languages`` it is written in (the site's default first)."""
    if text is None or not text.root:
        return ""
    for lang in languages:
        if text.get(lang):
            return text[lang]
    return next(iter(text.root.values()))


def _label(msgid: str, languages: list[str]) -> dict[str, str]:
    return {lang: i18n.translations(lang).gettext(msgid) for lang in languages}


def _language_names(code: str, languages: list[str]) -> dict[str, str]:
    from babel import Locale

    out = {}
    for lang in languages:
        try:
            out[lang] = Locale.parse(lang).languages.get(code) or code
        except Exception:  # a language CLDR does not know
            out[lang] = code
    return out


def _place_names(name: PlaceName) -> dict[str, str]:
    """Every written form of a place name, Czech first."""
    return name.all_languages()


def _address(address: Address) -> dict:
    """The postal address (Czech); the town's names in other languages in ``x_translations``."""
    out = {"street": address.street, "postcode": address.postcode, "city": str(address.city)}
    if address.city.names:
        out["x_translations"] = {"city": _place_names(address.city)}
    return out


# --- our JSON ------------------------------------------------------------------


def directory_json(directory: Directory, languages: list[str], today: dt.date) -> dict:
    used_languages = sorted({c for s in directory.services for c in s.languages.staff + s.languages.interpreter})
    return {
        "format": FORMAT,
        "version": VERSION,
        "generated": today.isoformat(),
        "example": directory.example,
        "languages": languages,
        "timezone": TIMEZONE,
        "labels": {
            "categories": {k: _label(v, languages) for k, v in codes.SERVICE_CATEGORIES.items()},
            "regions": {k: _label(v, languages) for k, v in codes.REGIONS.items()},
            "districts": {k: str(name) for k, (_region, name) in codes.DISTRICTS.items()},
            "languages": {code: _language_names(code, languages) for code in used_languages},
            "target_groups": {k: _label(v, languages) for k, v in codes.REGISTRY_TARGET_GROUPS.items()},
            "kinds": {k: _label(v, languages) for k, (_s, v) in codes.SERVICE_KINDS.items()},
            "accessibility": {k: _label(v, languages) for k, v in codes.PHYSICAL_ACCESSIBILITY.items()},
            "x_translations": {
                "districts": {k: _place_names(name) for k, (_region, name) in codes.DISTRICTS.items() if name.names},
            },
        },
        "organisations": [
            {
                "id": o.id,
                "name": _text(o.name),
                "short_name": o.short_name,
                "legal_form": _text(o.legal_form),
                "ico": o.ico,
                "website": o.website,
                "email": o.email,
                "phone": o.phone,
            }
            for o in directory.organisations
        ],
        "services": [_service_json(s, today) for s in directory.services],
    }


def _service_json(s: Service, today: dt.date) -> dict:
    return {
        "id": s.id,
        "organisation": s.organisation,
        "name": _text(s.name),
        "description": _text(s.description),
        "status": s.status(today),
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
                "name": _text(p.name),
                "address": _address(p.address) if p.address else None,
                "area": {"districts": list(p.area.districts), "towns": [str(t) for t in p.area.towns]}
                if p.area else None,
                "coordinates": {"lat": p.coordinates.lat, "lon": p.coordinates.lon} if p.coordinates else None,
                "opening_hours": hours_text.clocks(p.opening_hours),
                "appointment": {"phone": p.appointment.phone, "email": p.appointment.email,
                                "text_message": p.appointment.text_message, "note": _text(p.appointment.note)}
                if p.appointment else None,
                "phone": p.phone,
                "note": _text(p.note),
            }
            for p in s.places
        ],
        "phone": s.phone,
        "languages": {"staff": list(s.languages.staff), "interpreter": list(s.languages.interpreter)},
        "cost": {"free": s.cost.free, "fee": _text(s.cost.fee)},
        "appointment_needed": s.appointment_needed,
        "referral_needed": s.referral_needed,
        "accessibility": {"level": s.accessibility.level, "note": _text(s.accessibility.note)},
        "runs": (
            {"from": s.runs.from_.isoformat(), "until": s.runs.until.isoformat() if s.runs.until else None}
            if s.runs
            else None
        ),
        "verified_on": s.verified_on.isoformat(),
    }


# --- CSV -------------------------------------------------------------------------


def directory_csv(directory: Directory, languages: list[str], today: dt.date) -> bytes:
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

    def texts(text: Text | None) -> list[str]:
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
                [s.id, s.status(today), s.organisation]
                + texts(org.name if org else None)
                + texts(s.name)
                + texts(s.description)
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
                + [p.id if p else ""] + texts(p.name if p else None)
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
                + texts(s.cost.fee)
                + [yes_no(s.appointment_needed), yes_no(s.referral_needed), s.accessibility.level]
                + texts(s.accessibility.note)
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


# --- HSDS 3.0 --------------------------------------------------------------------

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
_PRIMARY_KEYS_OF = {"organization_id": "organization", "service_id": "service", "location_id": "location"}


def _clean(row: dict) -> dict:
    """Drop empty values: HSDS JSON leaves out what is not known."""
    return {k: v for k, v in row.items() if v not in (None, "", [], {})}


def hsds_tables(directory: Directory, languages: list[str], today: dt.date, namespace: str) -> dict[str, list[dict]]:
    """HSDS rows per table; rows may carry ``x_translations`` / ``x_timezone`` (the extension)."""
    ns = uuid.uuid5(uuid.NAMESPACE_URL, namespace)

    def uid(*parts: str) -> str:
        return str(uuid.uuid5(ns, "/".join(parts)))

    def pick(text: Text | None) -> str:
        return _pick(text, languages)

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
        status = "active" if s.is_running(today) else "inactive"
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
                    "x_status": s.status(today),
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
                            "name": _language_names(code, [languages[0]])[languages[0]],
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
                    "x_translations": {"city": _place_names(p.address.city)} if p.address.city.names else None,
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
                        "notes": f"Local time {TIMEZONE}",
                        "x_timezone": TIMEZONE,
                    }
                )
            )


def hsds_json(tables: dict[str, list[dict]], example: bool) -> dict:
    out: dict = {
        "hsds_version": HSDS_VERSION,
        "x_extension": "x_translations: {field: {language: text}} on organizations, services, locations, "
        "cost_options, addresses (city) and service_areas (description); x_timezone on schedules; see the module zavazek.site.directory.exports.",
        "x_example_data": example,
    }
    for table, key in HSDS_JSON_KEYS.items():
        out[key] = tables[table]
    return out


def _csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value)


def hsds_package(tables: dict[str, list[dict]], languages: list[str], example: bool) -> dict[str, bytes]:
    """``datapackage.json`` and one CSV per table (plus the x_translations resource)."""
    out: dict[str, bytes] = {}
    resources = []
    for table, (path, fields) in HSDS_TABLES.items():
        names = [name for name, _type in fields]
        buffer = io.StringIO()
        writer = SpreadsheetWriter(buffer)
        writer.writerow(names)
        for row in tables[table]:
            writer.writerow([_csv_value(row.get(name)) for name in names])
        out[path] = buffer.getvalue().encode("utf-8")
        schema: dict = {
            "fields": [{"name": name, "type": type_} for name, type_ in fields],
            "primaryKey": "id",
        }
        foreign = [
            {"fields": name, "reference": {"resource": _PRIMARY_KEYS_OF[name], "fields": "id"}}
            for name in names
            if name in _PRIMARY_KEYS_OF and _PRIMARY_KEYS_OF[name] != table
        ]
        if foreign:
            schema["foreignKeys"] = foreign
        resources.append(
            {
                "name": table,
                "path": path,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "profile": "tabular-data-resource",
                "schema": schema,
            }
        )
    # the extension: every text in every language, one row per text
    buffer = io.StringIO()
    writer = SpreadsheetWriter(buffer)
    writer.writerow(["table", "id", "field", "language", "text"])
    for table in HSDS_TABLES:
        for row in tables[table]:
            for field, texts in row.get("x_translations", {}).items():
                for lang, text in texts.items():
                    writer.writerow([table, row["id"], field, lang, text])
    out["x_translations.csv"] = buffer.getvalue().encode("utf-8")
    resources.append(
        {
            "name": "x_translations",
            "path": "x_translations.csv",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "profile": "tabular-data-resource",
            "description": "Extension: the texts of the other tables in every language the data has.",
            "schema": {
                "fields": [
                    {"name": "table", "type": "string"},
                    {"name": "id", "type": "string", "format": "uuid"},
                    {"name": "field", "type": "string"},
                    {"name": "language", "type": "string", "description": "ISO 639-1"},
                    {"name": "text", "type": "string"},
                ],
                "primaryKey": ["table", "id", "field", "language"],
            },
        }
    )
    package = {
        "name": "zavazek-directory",
        "title": "Directory of services (Open Referral HSDS 3.0)" + (" – example data" if example else ""),
        "profile": "tabular-data-package",
        "version": "3.0.0",
        "x_hsds_version": HSDS_VERSION,
        "x_languages": languages,
        "x_example_data": example,
        "resources": resources,
    }
    out["datapackage.json"] = _json_bytes(package)
    return out


def _json_bytes(value) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# --- all files -------------------------------------------------------------------


def files(data, project, today: dt.date) -> dict[str, bytes]:
    """``{path in the site: bytes}`` of every export; empty when there is no directory."""
    directory: Directory | None = getattr(data, "services", None)
    if directory is None:
        return {}
    directory = without_placeholders(directory)
    languages = _languages(project)
    namespace = getattr(project, "site_url", None) or "urn:zavazek:directory"
    out = {
        f"{DATA_DIR}/directory.json": _json_bytes(directory_json(directory, languages, today)),
        f"{DATA_DIR}/directory.csv": directory_csv(directory, languages, today),
    }
    tables = hsds_tables(directory, languages, today, namespace)
    out[f"{DATA_DIR}/hsds/hsds.json"] = _json_bytes(hsds_json(tables, directory.example))
    for path, content in hsds_package(tables, languages, directory.example).items():
        out[f"{DATA_DIR}/hsds/{path}"] = content
    return out


__all__ = ["DATA_DIR", "HSDS_TABLES", "directory_csv", "directory_json", "files", "hsds_tables"]
