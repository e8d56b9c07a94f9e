"""Each service's standing on the build's day, decided once for every page and export.

Whether a service runs, has ended or has yet to start decides whether it is
listed (region pages, their lists, the map, hand-outs), whether its own page
is found by search, and its status in the open data (``running``, HSDS
``active``). :class:`DirectoryOnDay` decides it once per build; the pages
and the exports read it from there.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import Mapping

from zavazek.core.model import codes
from zavazek.core.model.services import STATUS_ENDED, STATUS_RUNNING, Directory, Organisation, Service
from zavazek.core.placeholders import without_placeholders


@dataclass(frozen=True)
class Standing:
    """A service's standing on one day."""

    status: str  # running | ended | upcoming

    @property
    def running(self) -> bool:
        return self.status == STATUS_RUNNING

    @property
    def listed(self) -> bool:
        """Listed in the directory: not ended (an upcoming service is listed, with its start date)."""
        return self.status != STATUS_ENDED

    @property
    def searchable(self) -> bool:
        """An ended service's page is kept for reference, not found by search."""
        return self.listed


@dataclass(frozen=True)
class DirectoryOnDay:
    """The directory as the site publishes it on ``day``."""

    directory: Directory  # as written (pages show a placeholder as "not yet filled in")
    day: dt.date
    standing: Mapping[str, Standing]

    @cached_property
    def public(self) -> Directory:
        """The directory without placeholders: what the open data publishes."""
        return without_placeholders(self.directory)

    @cached_property
    def digests(self) -> dict[str, str]:
        """A fingerprint of each service and its organisation: everything its pages and cards can show."""
        orgs = {o.id: o.model_dump_json() for o in self.directory.organisations}
        return {
            s.id: hashlib.sha1((s.model_dump_json() + orgs.get(s.organisation, "")).encode()).hexdigest()
            for s in self.directory.services
        }

    @cached_property
    def published(self) -> "PublishedParts":
        """Services and organisations as :attr:`public` has them, each made when first asked for."""
        return PublishedParts(self.directory)

    def public_service(self, service_id: str) -> Service:
        """A service as the open data publishes it (no placeholder), made once per build."""
        return self.published.service(service_id)

    def of(self, service: Service) -> Standing:
        return self.standing[service.id]

    def listed(self) -> list[Service]:
        """The services listed on the day, in the order of the data."""
        return [s for s in self.directory.services if self.standing[s.id].listed]

    def regions(self) -> list[tuple[str, list[Service]]]:
        """(region code, its listed services sorted by id) for all fourteen regions."""
        listed = self.listed()
        return [(code, sorted((s for s in listed if code in s.regions), key=lambda s: s.id)) for code in codes.REGIONS]


class PublishedParts:
    """The services and organisations of :attr:`DirectoryOnDay.public`, each without its placeholders
    only when asked for: a preview's rebuild after one edited service renders that service's pages and
    card, and need not go through the whole directory for them."""

    def __init__(self, directory: Directory):
        self._directory = directory
        self._services: dict[str, Service] = {}
        self._organisations: dict[str, Organisation | None] = {}

    def service(self, service_id: str) -> Service:
        if service_id not in self._services:
            self._services[service_id] = without_placeholders(self._directory.service(service_id))
        return self._services[service_id]

    def organisation(self, organisation_id: str) -> Organisation | None:
        if organisation_id not in self._organisations:
            found = self._directory.organisation(organisation_id)
            self._organisations[organisation_id] = without_placeholders(found) if found is not None else None
        return self._organisations[organisation_id]

    #: The number to call about a service, as :meth:`Directory.phone` finds it (from :meth:`organisation`).
    phone = Directory.phone


def on_day(directory: Directory, day: dt.date) -> DirectoryOnDay:
    """Decide every service's standing on ``day``."""
    standing = {s.id: Standing(s.status(day)) for s in directory.services}
    return DirectoryOnDay(directory, day, MappingProxyType(standing))
