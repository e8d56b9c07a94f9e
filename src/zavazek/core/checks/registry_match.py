"""The published commitment against the register (criterion ``reg-match``).

The register's services come already read (a :class:`~zavazek.core.registry.snapshot.Snapshot`
in the rules' context); nothing here reads a file. For each service of the
commitment, matched by ``service.registry_id``, the kind, the forms, the
target-group categories, the ages, the places (centre addresses and field
districts) and whether the service has ended are compared; and a service the
register has for the provider that the commitment does not publish is found.
Each finding names both values and the snapshot's date, in every language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zavazek.core import i18n
from zavazek.core.checks.findings import Finding, Link, Outcome
from zavazek.core.model import codes
from zavazek.core.model.codes import N_
from zavazek.core.pages import CENTRES, COMMITMENT
from zavazek.core.problems import Message, PerLanguage
from zavazek.core.registry.records import Facility, RegisteredService
from zavazek.core.registry.snapshot import Snapshot


@dataclass(frozen=True)
class RegistryCheck:
    """What the comparison gets besides the data: the snapshot (None when none was given), the registry ids
    of every service of the commitment, and whether this report is the one that lists the provider's
    registered services missing from the commitment (the first service's, so they are said once)."""

    snapshot: Snapshot | None
    published_ids: tuple[str, ...] = ()
    provider_level: bool = True


# --- values in every language ---------------------------------------------------------------


def _languages() -> list[str]:
    return ["en"] + i18n.catalog_languages()


def _same(text: str) -> PerLanguage:
    return PerLanguage({lang: text for lang in _languages()})


def _label(msgid: str) -> PerLanguage:
    return PerLanguage({lang: i18n.gettext_for(lang)(msgid) for lang in _languages()})


def _join(values: list[PerLanguage]) -> PerLanguage:
    if not values:
        return _label(N_("none"))
    return PerLanguage({lang: ", ".join(v.pick(lang) for v in values) for lang in _languages()})


def _kind_label(code: str) -> PerLanguage:
    return _label(codes.SERVICE_KINDS[code][1])


def _registered_kind(service: RegisteredService) -> PerLanguage:
    if service.kind.code in codes.SERVICE_KINDS:
        return _kind_label(service.kind.code)
    return _same(service.kind.name or f"DruhSocialniSluzby/{service.kind.registry_id}")


def _form_label(form: str) -> PerLanguage:
    return _label(codes.SERVICE_FORMS[form])


def _group_label(group) -> PerLanguage:
    """Our category's label, or the register's own (Czech) name of a group závazek has no code for."""
    if group.code in codes.REGISTRY_TARGET_GROUPS:
        return _label(codes.REGISTRY_TARGET_GROUPS[group.code])
    return _same(group.name or f"CilovaSkupinaOsoby/{group.registry_id}")


def _ages(low, high) -> str:
    return f"{low or ''}{'–' + str(high) if high is not None else '+'}"


def _district(code: str) -> str:
    return f"{codes.DISTRICTS[code][1]} ({code})" if code in codes.DISTRICTS else code


# --- addresses --------------------------------------------------------------------------------


def _simple(text: str | None) -> str:
    return re.sub(r"[\s.,]+", "", (text or "").casefold())


def _street_and_number(street: str) -> tuple[str, str]:
    """``Příkladová 12`` -> (``příkladová``, ``12``); ``Lhotecká 7/2`` -> (``lhotecká``, ``7/2``)."""
    match = re.match(r"^(.*?)[\s,]+(\d+[a-zA-Z]?(?:/\d+[a-zA-Z]?)?)$", street.strip())
    if match:
        return _simple(match.group(1)), match.group(2)
    return _simple(street), ""


def _same_place(address, facility: Facility) -> bool:
    """Whether a centre's address is the facility's: the same postcode, street and a number the register has."""
    theirs = facility.address
    if theirs is None or _simple(address.postcode) != _simple(theirs.postcode):
        return False
    name, number = _street_and_number(address.street or "")
    if theirs.street:
        if name != _simple(theirs.street):
            return False
    elif name and name != _simple(theirs.municipality) and name != _simple(str(address.city)):
        return False
    known = {str(theirs.house_number) if theirs.house_number is not None else "", theirs.orientation_number or "",
             theirs.number()}
    return not number or number in known or number.split("/")[0] in known


def _address_text(address) -> str:
    city = str(address.city)
    return f"{address.street}, {address.postcode} {city}" if address.street else f"{address.postcode} {city}"


def _facility_text(facility: Facility) -> str:
    return f"{facility.name.strip()}: {facility.address.one_line()}" if facility.address else facility.name.strip()


# --- the comparison ------------------------------------------------------------------------------


def _finding(ctx, msgid: str, path: tuple, ours, theirs, date: str, link: Link, fix: str, **more) -> Finding:
    ours = ours if isinstance(ours, PerLanguage) else _same(str(ours))
    theirs = theirs if isinstance(theirs, PerLanguage) else _same(str(theirs))
    return Finding(Message(msgid, {"ours": ours, "theirs": theirs, "date": date, **more}),
                   ctx.place("commitment", path), link=link, fix=Message(fix))


_FIX_DATA = N_("Correct the commitment, or if it is right, report the change to the register (§ 85 of Act 108/2006 Coll.) and compare again with a newer snapshot.")


def not_given() -> Outcome:
    return Outcome(met=None, findings=[Finding(
        Message(N_("No snapshot of the register was given, so the commitment was not compared with it.")),
        fix=Message(N_("Download rpss.json from data.mpsv.cz and run “zavazek check --registry rpss.json”, or name it in data/registry.yaml (snapshot: the file, date: the day it was downloaded).")),
    )])


def compare(ctx, check: RegistryCheck) -> Outcome:
    snapshot = check.snapshot
    if snapshot is None:
        return not_given()
    date = snapshot.date.isoformat()
    day = ctx.day
    several = ctx.data.service_id is not None
    commitment = ctx.data.commitment
    service = commitment.service
    ico = commitment.provider.ico
    by_id = {s.registry_id: s for s in snapshot.services}
    findings: list[Finding] = []
    here = Link(COMMITMENT, "service")

    if check.provider_level:
        for registered in snapshot.services:
            if registered.registry_id in check.published_ids or not registered.active_on(day):
                continue
            if ico and registered.provider_ico != ico:
                continue
            findings.append(_finding(
                ctx, N_("A registered service is missing from the commitment. Commitment: {ours}; register of {date}: {theirs}."),
                ("services",) if several else ("service",), _label(N_("none")),
                PerLanguage({lang: f"{registered.registry_id} ({_registered_kind(registered).pick(lang)})"
                             for lang in _languages()}),
                date, here, N_("Add the service to the commitment, or report to the register that it is no longer provided."),
            ))

    if not service.registry_id:
        known = [s.registry_id for s in snapshot.services if s.active_on(day)]
        findings.append(_finding(
            ctx, N_("The service cannot be found in the register: the commitment gives no registry identifier. Commitment: {ours}; register of {date}: {theirs}."),
            ("service", "registry_id"), _label(N_("none")), ", ".join(known) if known else _label(N_("no service of the provider")),
            date, here, N_("Add service.registry_id: the seven digits from the registry, in quotes."),
        ))
        return Outcome(met=False, evidence=[here], findings=findings)

    registered = by_id.get(service.registry_id)
    if registered is None or (ico and registered.provider_ico != ico):
        theirs = (_label(N_("no service under this identifier")) if registered is None
                  else _same(f"{registered.provider_name} ({registered.provider_ico})"))
        findings.append(_finding(
            ctx, N_("The service is not in the register under its identifier. Commitment: {ours}; register of {date}: {theirs}."),
            ("service", "registry_id"), service.registry_id, theirs, date, here,
            N_("Check service.registry_id against the register, or whether the snapshot is up to date."),
        ))
        return Outcome(met=False, evidence=[here], findings=findings)

    if registered.end is not None and registered.end < day:
        findings.append(_finding(
            ctx, N_("The service ended in the register but is still published. Commitment: {ours}; register of {date}: {theirs}."),
            ("service", "registry_id"), _label(N_("published")),
            PerLanguage({lang: i18n.gettext_for(lang)(N_("ended on {end}")).format(end=registered.end.isoformat())
                         for lang in _languages()}),
            date, here, N_("Stop publishing the service, or if it goes on, register it again."),
        ))
        return Outcome(met=False, evidence=[here], findings=findings)

    if registered.kind.code != service.kind:
        findings.append(_finding(
            ctx, N_("Another kind of service. Commitment: {ours}; register of {date}: {theirs}."),
            ("service", "kind"), _kind_label(service.kind), _registered_kind(registered), date, here, _FIX_DATA,
        ))

    theirs_forms = _join([_form_label(f) for f in registered.forms])
    for i, form in enumerate(service.forms):
        if form not in registered.forms:
            findings.append(_finding(
                ctx, N_("A form of provision is not in the register. Commitment: {ours}; register of {date}: {theirs}."),
                ("service", "forms", i), _form_label(form), theirs_forms, date, here, _FIX_DATA,
            ))
    ours_forms = _join([_form_label(f) for f in service.forms])
    for form in registered.forms:
        if form not in service.forms:
            findings.append(_finding(
                ctx, N_("A registered form of provision is missing from the commitment. Commitment: {ours}; register of {date}: {theirs}."),
                ("service", "forms"), ours_forms, _form_label(form), date, here, _FIX_DATA,
            ))

    groups = Link(COMMITMENT, "target-groups")
    ours_groups = list(dict.fromkeys(g.registry_category for g in commitment.target_groups))
    theirs_all = _join([_group_label(g) for g in registered.target_groups])
    for i, group in enumerate(commitment.target_groups):
        if group.registry_category in ours_groups[:ours_groups.index(group.registry_category)]:
            continue
        if not registered.has_group(group.registry_category):
            findings.append(_finding(
                ctx, N_("A target group is not in the register. Commitment: {ours}; register of {date}: {theirs}."),
                ("target_groups", i, "registry_category"), _label(codes.REGISTRY_TARGET_GROUPS[group.registry_category]),
                theirs_all, date, groups, _FIX_DATA,
            ))
    ours_all = _join([_label(codes.REGISTRY_TARGET_GROUPS[c]) for c in ours_groups])
    for group in registered.target_groups:
        if group.code not in ours_groups:
            findings.append(_finding(
                ctx, N_("A registered target group is missing from the commitment. Commitment: {ours}; register of {date}: {theirs}."),
                ("target_groups",), ours_all, _group_label(group), date, groups, _FIX_DATA,
            ))

    aged = [(i, g.age) for i, g in enumerate(commitment.target_groups) if g.age is not None]
    if aged and registered.age_range is not None:
        lows = [a.from_ for _, a in aged]
        highs = [a.to for _, a in aged]
        low = 0 if any(x is None for x in lows) else min(lows)
        high = None if any(x is None for x in highs) else max(highs)
        their_low, their_high = registered.age_range
        if (low or 0, high) != (their_low or 0, their_high):
            findings.append(_finding(
                ctx, N_("Another age range. Commitment: {ours}; register of {date}: {theirs}."),
                ("target_groups", aged[0][0], "age"), _ages(low, high), _ages(their_low, their_high), date, groups,
                _FIX_DATA,
            ))

    findings += _places(ctx, commitment, registered, date, day)
    return Outcome(met=not findings, evidence=[here, Link(CENTRES)], findings=findings)


def _places(ctx, commitment, registered: RegisteredService, date: str, day) -> list[Finding]:
    findings = []
    facilities = [f for f in registered.public_facilities if f.address is not None
                  and (f.end is None or f.end >= day)]
    at_address = [(i, c) for i, c in enumerate(commitment.centres) if c.address is not None]
    in_area = [(i, c) for i, c in enumerate(commitment.centres) if c.area is not None]
    theirs_all = _join([_same(_facility_text(f)) for f in facilities])
    for i, centre in at_address:
        if not any(_same_place(centre.address, f) for f in facilities):
            findings.append(_finding(
                ctx, N_("A place is not in the register. Commitment: {ours}; register of {date}: {theirs}."),
                ("centres", i, "address"), _address_text(centre.address), theirs_all, date, Link(CENTRES, centre.id),
                _FIX_DATA,
            ))
    ours_all = _join([_same(_address_text(c.address)) for _, c in at_address])
    for facility in facilities:
        if not any(_same_place(c.address, facility) for _, c in at_address):
            if "field" in registered.forms and in_area:
                continue  # a base of field work: judged by its district below
            findings.append(_finding(
                ctx, N_("A registered place is missing from the commitment. Commitment: {ours}; register of {date}: {theirs}."),
                ("centres",), ours_all, _facility_text(facility), date, Link(CENTRES), _FIX_DATA,
            ))
    regions = {f.address.region for f in facilities if f.address.region}
    districts = {f.address.district for f in facilities if f.address.district}
    ours_districts = [d for _, c in in_area for d in c.area.districts]
    for i, centre in in_area:
        for j, district in enumerate(centre.area.districts):
            region = codes.DISTRICTS[district][0] if district in codes.DISTRICTS else None
            if region is not None and region not in regions:
                findings.append(_finding(
                    ctx, N_("A field district is not in the register: the register has no place of the service in its region. Commitment: {ours}; register of {date}: {theirs}."),
                    ("centres", i, "area", "districts", j), _district(district), theirs_all, date,
                    Link(CENTRES, centre.id), _FIX_DATA,
                ))
    if "field" in registered.forms and in_area:
        for district in sorted(districts - set(ours_districts)):
            findings.append(_finding(
                ctx, N_("A registered field district is missing from the commitment. Commitment: {ours}; register of {date}: {theirs}."),
                ("centres", in_area[0][0], "area", "districts"), ", ".join(_district(d) for d in ours_districts),
                _district(district), date, Link(CENTRES, in_area[0][1].id), _FIX_DATA,
            ))
    return findings
