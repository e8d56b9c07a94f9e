"""References between the data files and within them: services, centres, plans, places, identifiers.

Each check returns problems (errors): a reference to something that is not
there, the same identifier twice, a place the directory cannot locate.
"""

from __future__ import annotations

import difflib

from zavazek.core.model import Commitment, Directory, Goals, codes
from zavazek.core.model.codes import N_
from zavazek.core.model.commitment import SeveralServices
from zavazek.core.problems import Message, Problem
from zavazek.core.provider import ProviderData
from zavazek.core.yamlsource import Document


def check_services(data: ProviderData) -> list[Problem]:
    """With several registered services: ids, the centres they name, what each needs, goals naming them."""
    commitment, doc, goals_doc = data.commitment, data.documents["commitment"], data.documents["goals"]
    several = isinstance(commitment, SeveralServices)
    ids = [s.id for s in commitment.services] if several else []
    problems = []

    def unknown(path, service_id, msgid):
        close = difflib.get_close_matches(service_id, ids, n=1)
        return goals_doc.problem(
            path, Message(msgid, {"service": service_id}),
            Message("Did you mean “{suggestion}”?", {"suggestion": close[0]}) if close
            else Message("Use one of: {allowed}.", {"allowed": ", ".join(ids)}),
        )

    no_such = N_("There is no service “{service}” under “services:” in commitment.yaml.")
    for group in ("strategic", "long_term"):
        for i, goal in enumerate(getattr(data.goals, group).goals):
            if goal.service is not None and goal.service not in ids:
                problems.append(unknown((group, "goals", i, "service"), goal.service, no_such))
    for i, plan in enumerate(data.goals.operational.plans):
        if plan.service is not None and plan.service not in ids:
            problems.append(unknown(("operational", "plans", i, "service"), plan.service, no_such))
        elif plan.service is None and len(ids) > 1:
            problems.append(goals_doc.problem(
                ("operational", "plans", i),
                Message("The provider has several services; say which one this plan is of."),
                Message("Add “service:” with one of: {allowed}.", {"allowed": ", ".join(ids)}),
            ))
    if not several:
        return problems
    problems.extend(_unique_ids(commitment.services, ("services",), doc))
    centre_ids = [c.id for c in commitment.centres]
    for i, entry in enumerate(commitment.services):
        for name in ("refusal", "principles"):
            if getattr(entry, name) is None and getattr(commitment, name) is None:
                problems.append(doc.problem(
                    ("services", i),
                    Message("The service “{service}” has no “{field}”, and there is none shared at the top of the file.",
                            {"service": entry.id, "field": name}),
                    Message("Add “{field}:” to the service, or at the top of the file for every service.", {"field": name}),
                ))
        for j, centre in enumerate(entry.centres):
            if centre not in centre_ids:
                close = difflib.get_close_matches(centre, centre_ids, n=1)
                problems.append(doc.problem(
                    ("services", i, "centres", j),
                    Message("There is no centre “{centre}” in commitment.yaml.", {"centre": centre}),
                    Message("Did you mean “{suggestion}”?", {"suggestion": close[0]}) if close
                    else Message("Use one of: {allowed}.", {"allowed": ", ".join(centre_ids)}),
                ))
    return problems


def check_references(models: dict, documents: dict) -> list[Problem]:
    """Between commitment.yaml and goals.yaml: the centres the plans name, one plan a year, unique identifiers."""
    commitment: Commitment = models["commitment"]
    goals: Goals = models["goals"]
    problems = []
    centre_ids = [c.id for c in commitment.centres]
    seen_plans: dict[tuple, int] = {}
    for i, plan in enumerate(goals.operational.plans):
        path = ("operational", "plans", i, "centre")
        if plan.centre not in centre_ids:
            close = difflib.get_close_matches(plan.centre, centre_ids, n=1)
            problems.append(
                documents["goals"].problem(
                    path,
                    Message(
                        "There is no centre “{centre}” in commitment.yaml.",
                        {"centre": plan.centre},
                    ),
                    Message("Did you mean “{suggestion}”?", {"suggestion": close[0]})
                    if close
                    else Message("Use one of: {allowed}.", {"allowed": ", ".join(centre_ids)}),
                )
            )
        key = (plan.centre, plan.year)
        if key in seen_plans:
            problems.append(
                documents["goals"].problem(
                    path,
                    Message(
                        "The centre “{centre}” has two plans for {year}.",
                        {"centre": plan.centre, "year": plan.year},
                    ),
                    Message("Put all goals of one year into one plan."),
                )
            )
        seen_plans[key] = i
    for name, items, where in (
        ("commitment", commitment.centres, ("centres",)),
        ("commitment", commitment.target_groups, ("target_groups",)),
        ("commitment", commitment.principles, ("principles",)),
        ("commitment", commitment.refusal.grounds, ("refusal", "grounds")),
        ("goals", goals.strategic.goals, ("strategic", "goals")),
        ("goals", goals.long_term.goals, ("long_term", "goals")),
    ):
        problems.extend(_unique_ids(items, where, documents[name]))
    for i, plan in enumerate(goals.operational.plans):
        problems.extend(_unique_ids(plan.goals, ("operational", "plans", i, "goals"), documents["goals"]))
    return problems


def check_directory(directory: Directory, doc: Document) -> list[Problem]:
    """Checks across fields of services.yaml: identifiers, organisations, districts."""
    problems = []
    problems.extend(_unique_ids(directory.organisations, ("organisations",), doc))
    problems.extend(_unique_ids(directory.services, ("services",), doc))
    problems.extend(_unique_ids(directory.places, ("places",), doc))
    for k, place in enumerate(directory.places):
        if not place.located:
            problems.append(
                doc.problem(
                    ("places", k),
                    Message("The shared place “{place}” has no address.", {"place": place.id}),
                    Message("Add “address:” with street, city and postcode."),
                )
            )
    shared_ids = [p.id for p in directory.places]
    organisation_ids = [o.id for o in directory.organisations]
    for i, service in enumerate(directory.services):
        problems.extend(_unique_ids(service.places, ("services", i, "places"), doc))
        if service.organisation not in organisation_ids:
            close = difflib.get_close_matches(service.organisation, organisation_ids, n=1)
            problems.append(
                doc.problem(
                    ("services", i, "organisation"),
                    Message(
                        "There is no organisation “{organisation}” in services.yaml.",
                        {"organisation": service.organisation},
                    ),
                    Message("Did you mean “{suggestion}”?", {"suggestion": close[0]})
                    if close
                    else Message("Use one of: {allowed}.", {"allowed": ", ".join(organisation_ids)}),
                )
            )
        for j, place in enumerate(service.places):
            if place.area is not None:
                for k, district in enumerate(place.area.districts):
                    region, name = codes.DISTRICTS[district]
                    if region not in service.regions:
                        problems.append(doc.problem(
                            ("services", i, "places", j, "area", "districts", k),
                            Message(
                                "The district {district} ({name}) of the area “{place}” is not in any of this service's regions ({regions}).",
                                {"district": district, "name": name, "place": place.id,
                                 "regions": ", ".join(service.regions)},
                            ),
                            Message("Add its region {region} to “regions”, or check the district code.",
                                    {"region": region}),
                        ))
            if not place.located:
                close = difflib.get_close_matches(place.id, shared_ids, n=1)
                problems.append(
                    doc.problem(
                        ("services", i, "places", j, "id"),
                        Message(
                            "The place “{place}” has no address, and there is no shared place “{place}” under “places:”.",
                            {"place": place.id},
                        ),
                        Message("Did you mean “{suggestion}”?", {"suggestion": close[0]})
                        if close
                        else Message("Add “address:”, or describe the place once under “places:” at the top of the file."),
                    )
                )
            if place.region is None and len(service.regions) > 1 and not place.area_regions:
                problems.append(
                    doc.problem(
                        ("services", i, "places", j),
                        Message(
                            "The service has several regions; say in which one the place “{place}” is.",
                            {"place": place.id},
                        ),
                        Message("Add “region:” with one of: {allowed}.", {"allowed": ", ".join(service.regions)}),
                    )
                )
            elif place.region is not None and place.region not in service.regions:
                problems.append(
                    doc.problem(
                        ("services", i, "places", j, "region"),
                        Message(
                            "The place “{place}” is in {region}, which is not one of this service's regions.",
                            {"place": place.id, "region": place.region},
                        ),
                        Message("Use one of: {allowed}.", {"allowed": ", ".join(service.regions)}),
                    )
                )
        for j, district in enumerate(service.districts):
            region, name = codes.DISTRICTS[district]
            if region not in service.regions:
                problems.append(
                    doc.problem(
                        ("services", i, "districts", j),
                        Message(
                            "The district {district} ({name}) is not in any of this service's regions ({regions}).",
                            {"district": district, "name": name, "regions": ", ".join(service.regions)},
                        ),
                        Message("Add its region {region} to “regions”, or check the district code.", {"region": region}),
                    )
                )
    return problems


def _unique_ids(items, where: tuple, doc: Document) -> list[Problem]:
    seen = {}
    out = []
    for i, item in enumerate(items):
        if item.id in seen:
            out.append(
                doc.problem(
                    where + (i, "id"),
                    Message(
                        "The identifier “{id}” is used twice (first in item {first}).",
                        {"id": item.id, "first": seen[item.id] + 1},
                    ),
                    Message("Give each item its own identifier."),
                )
            )
        seen.setdefault(item.id, i)
    return out
