"""``data/services.yaml``: a directory of organisations and the services they give.

Optional: a site without this file has no directory. Every text a reader sees
is a :class:`~zavazek.core.model.types.Text`; codes come from closed lists in
:mod:`zavazek.core.model.codes`. Records carry only an organisation's generic
contacts, never those of individual staff.

Checks that need more than one field at a time (a district outside the
service's regions, a service naming a missing organisation, repeated
identifiers) are made by :mod:`zavazek.core.loader`, so that each error points to
the exact line.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Annotated, Any, ClassVar

from pydantic import BeforeValidator, WithJsonSchema, model_validator

from zavazek.core.model import codes
from zavazek.core.model.codes import N_
from zavazek.core.model.commitment import AgeRange, LanguageCode, RegistryGroup, ServiceKind
from zavazek.core.model import places
from zavazek.core.model.places import DistrictCode, RegionCode
from zavazek.core.model.types import (
    Date, Field, Phone, PositiveCount, RegistryId, Slug, Strict, Text,
    YesNo, choice, invalid,
)

Category = choice(*codes.SERVICE_CATEGORIES, description="What the service helps with")
AccessLevel = choice(*codes.PHYSICAL_ACCESSIBILITY, description="Physical (wheelchair) accessibility")

#: A generous box around Czechia: coordinates outside it are a typo (or lat/lon swapped).
LATITUDE = (48.5, 51.1)
LONGITUDE = (12.0, 18.9)


def _degrees(low: float, high: float, msgid: str):
    def check(value: Any) -> float:
        try:
            number = float(str(value).strip().replace(",", "."))
        except ValueError:
            number = None
        if number is None or isinstance(value, bool) or not low <= number <= high:
            raise invalid(
                msgid,
                "Copy the coordinates from a map as decimal degrees, e.g. lat: 50.0875, lon: 14.4214.",
                value=value,
                low=low,
                high=high,
            )
        return number

    return Annotated[
        float, BeforeValidator(check), WithJsonSchema({"type": "number", "minimum": low, "maximum": high})
    ]


Latitude = _degrees(*LATITUDE, N_("“{value}” is not a latitude in Czechia (between {low} and {high})."))
Longitude = _degrees(*LONGITUDE, N_("“{value}” is not a longitude in Czechia (between {low} and {high})."))


class Organisation(places.Organisation):
    """An organisation of the directory, named by its id in its services."""

    id: Slug


class TargetGroupRef(Strict):
    """A target-group category of the registry, optionally with an age range."""

    category: RegistryGroup
    age: AgeRange | None = None


class Registration(Strict):
    """The registered social service (Act 108/2006 Coll.) this service is provided as."""

    kind: ServiceKind
    registry_id: RegistryId | None = None


class Coordinates(Strict):
    lat: Latitude
    lon: Longitude

    @model_validator(mode="before")
    @classmethod
    def _not_swapped(cls, value: Any) -> Any:
        if isinstance(value, dict):
            try:
                lat, lon = float(str(value.get("lat"))), float(str(value.get("lon")))
            except ValueError:
                return value
            inside = lambda x, box: box[0] <= x <= box[1]  # noqa: E731
            if inside(lat, LONGITUDE) and inside(lon, LATITUDE) and not inside(lat, LATITUDE):
                raise invalid(
                    "The latitude {lat} and longitude {lon} seem swapped.",
                    "In Czechia the latitude (lat) is about 49–51 and the longitude (lon) about 12–19.",
                    lat=value.get("lat"),
                    lon=value.get("lon"),
                )
        return value


class Place(places.Place):
    """Where the service is given, and when it is open (local Prague time).

    A place several services share (a centre) can be described once under
    ``places:`` at the top of the file; a service then names it by its ``id``
    alone, and may add what is different for that service, most often its
    own ``opening_hours`` (a lawyer who comes on Tuesday afternoons). What
    the service writes replaces the shared value as a whole: hours written
    for the service are all its hours there, a day left out is closed.
    """

    #: ``address`` (or ``area``) is only left out when ``id`` names a shared place;
    #: ``region`` is needed only when the service has several regions.
    coordinates: Coordinates | None = None

    def region_in(self, service: "Service") -> str:
        """The place's region: its own, that of its area's first district, or the service's only one."""
        return self.region or next(iter(self.area_regions), service.regions[0])

    def at(self, shared: "Place") -> "Place":
        """This entry of a service at the shared place ``shared``: the shared values, with this entry's on top."""
        return shared.model_copy(update={key: getattr(self, key) for key in self.model_fields_set if key != "id"})


class Languages(Strict):
    """Languages the staff speak, and languages offered through an interpreter, kept apart."""

    staff: list[LanguageCode] = Field(min_length=1)
    interpreter: list[LanguageCode] = []


class Cost(Strict):
    free: YesNo
    fee: Text | None = None

    @model_validator(mode="after")
    def _fee_when_paid(self):
        if not self.free and self.fee is None:
            raise invalid(
                "A service that is not free needs the fee.",
                "Add “fee:” with the price in each language, or write “free: true”.",
            )
        return self


class Accessibility(Strict):
    level: AccessLevel
    note: Text | None = None


class Runs(Strict):
    """When the service runs; without ``until`` it runs until further notice."""

    from_: Date = Field(alias="from")
    until: Date | None = None

    @model_validator(mode="after")
    def _in_order(self):
        if self.until is not None and self.until < self.from_:
            raise invalid(
                "The service ends on {until}, before it starts on {start}.",
                "Check the years; “until” is the last day the service runs.",
                until=self.until.isoformat(),
                start=self.from_.isoformat(),
            )
        return self


class RegistrySource(Strict):
    """Where an entry came from when ``zavazek registry directory`` made it from the MPSV register.

    Its registered facts (kind, target groups, regions, places' addresses)
    are refreshed from the register; its texts, languages and hours are the
    staff's. ``missing_since`` is the first snapshot that no longer listed it.
    """

    registry: RegistryId
    snapshot: Date
    missing_since: Date | None = None


#: Status of a service on a given day.
STATUS_RUNNING, STATUS_ENDED, STATUS_UPCOMING = "running", "ended", "upcoming"


class Service(Strict):
    id: Slug
    organisation: Slug
    name: Text
    description: Text
    categories: list[Category] = Field(min_length=1)
    target_groups: list[TargetGroupRef] = Field(min_length=1)
    registered: Registration | None = None
    regions: list[RegionCode] = Field(min_length=1)
    districts: list[DistrictCode] = []
    places: list[Place] = []
    phone: Phone | None = None
    languages: Languages
    cost: Cost
    appointment_needed: YesNo = False
    referral_needed: YesNo = False
    accessibility: Accessibility = Accessibility(level="unknown")
    runs: Runs | None = None
    verified_on: Date
    source: RegistrySource | None = None

    def status(self, day: dt.date) -> str:
        """``running``, ``ended`` (after ``runs.until``) or ``upcoming`` (before ``runs.from``)."""
        if self.runs is None:
            return STATUS_RUNNING
        if self.runs.until is not None and self.runs.until < day:
            return STATUS_ENDED
        if self.runs.from_ > day:
            return STATUS_UPCOMING
        return STATUS_RUNNING

    def is_running(self, day: dt.date) -> bool:
        return self.status(day) == STATUS_RUNNING

    def has_ended(self, day: dt.date) -> bool:
        return self.status(day) == STATUS_ENDED


class Settings(Strict):
    stale_after_months: PositiveCount = 12


class Directory(Strict):
    """The whole of ``services.yaml``."""

    #: Lists whose items are read again alone after a preview's edit changed one of them (nothing else in
    #: the model is made from an item of these; a shared place is, so ``places`` is not among them).
    ITEMS_READ_ALONE: ClassVar[tuple[str, ...]] = ("services", "organisations")

    example: YesNo = False
    settings: Settings = Settings()
    places: list[Place] = []  # places shared by several services, named by their id in a service's places
    organisations: list[Organisation] = Field(min_length=1)
    services: list[Service] = Field(min_length=1)

    @model_validator(mode="after")
    def _shared_places(self):
        """A service's place named by id alone becomes the shared place, with the service's own values on top.

        An id that names no shared place is left without an address; the
        loader reports it at its line.
        """
        shared = {p.id: p for p in self.places if p.located}
        for service in self.services:
            for i, place in enumerate(service.places):
                if not place.located and place.id in shared:
                    service.places[i] = place.at(shared[place.id])
        return self

    @functools.cached_property
    def _by_id(self) -> tuple[dict[str, Organisation], dict[str, Service]]:
        return {o.id: o for o in self.organisations}, {s.id: s for s in self.services}

    def organisation(self, organisation_id: str) -> Organisation | None:
        return self._by_id[0].get(organisation_id)

    def service(self, service_id: str) -> Service | None:
        return self._by_id[1].get(service_id)

    def phone(self, service: Service, places: "list[Place] | tuple[Place, ...] | None" = None) -> str | None:
        """The number to call about a service: of its first place with one (a place's own, else the one to book
        an appointment there), its own, or its organisation's. ``places``: only those of its places
        (the ones a region's list shows)."""
        organisation = self.organisation(service.organisation)
        places = service.places if places is None else places
        numbers = [p.phone or (p.appointment.phone if p.appointment else None) for p in places]
        numbers += [service.phone, organisation.phone if organisation else None]
        return next((n for n in numbers if n), None)

    def current(self, day: dt.date) -> list[Service]:
        """Services that have not ended: what the listings show."""
        return [s for s in self.services if not s.has_ended(day)]

    def in_region(self, region: str, day: dt.date) -> list[Service]:
        return [s for s in self.current(day) if region in s.regions]


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` months earlier (the month's last day if it is shorter)."""
    import calendar

    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
