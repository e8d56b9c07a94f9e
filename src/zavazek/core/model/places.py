"""Organisations and places, one type each for every data file.

The provider in ``commitment.yaml`` and an organisation in ``services.yaml``
are both an :class:`Organisation`; a centre in ``commitment.yaml`` and a
place in ``services.yaml`` are both a :class:`Place`. So a value is judged
the same way whichever file it is written in.

A place is either at an address, or an :class:`Area` that field workers
cover ("we come to you": districts or towns, no street). Its opening hours
may be replaced by an :class:`Appointment`: then the place has no fixed
hours and readers are told how to arrange a meeting.
"""

from __future__ import annotations

from pydantic import model_validator

from zavazek.core.model import codes
from zavazek.core.model.hours import OpeningHours
from zavazek.core.model.types import (
    Address, Email, Ico, Phone, PlaceNameField, Slug, Strict, Text, Url, choice, invalid,
)

RegionCode = choice(*codes.REGIONS, description="NUTS 3 code of the region (kraj)")
DistrictCode = choice(*codes.DISTRICTS, description="LAU 1 code of the district (okres), e.g. CZ0323 for Plzeň-město")


class Organisation(Strict):
    """Who runs services: generic contacts only (no personal names, phones or e-mails)."""

    name: Text
    short_name: str | None = None
    legal_form: Text
    ico: Ico | None = None
    website: Url | None = None
    email: Email | None = None
    phone: Phone | None = None


class Area(Strict):
    """Where field workers come to people: districts and/or towns, without a street."""

    districts: list[DistrictCode] = []
    towns: list[PlaceNameField] = []

    @model_validator(mode="after")
    def _somewhere(self):
        if not self.districts and not self.towns:
            raise invalid(
                "The area says neither districts nor towns.",
                "Add “districts:” with district codes (e.g. CZ0323) or “towns:” with town names.",
            )
        return self


class Appointment(Strict):
    """How to arrange a meeting at a place without fixed hours (general contacts only)."""

    phone: Phone | None = None
    email: Email | None = None
    text_message: Phone | None = None  # a number that takes SMS
    note: Text | None = None

    @model_validator(mode="after")
    def _some_way(self):
        if not (self.phone or self.email or self.text_message):
            raise invalid(
                "The appointment says no way to arrange one.",
                "Add “phone:”, “email:” or “text_message:” (a number for SMS).",
            )
        return self


class Place(Strict):
    """Where a service is given and when: at an address or in an area, with hours or by appointment."""

    id: Slug
    name: Text | None = None
    address: Address | None = None
    area: Area | None = None
    region: RegionCode | None = None
    opening_hours: OpeningHours = OpeningHours()
    appointment: Appointment | None = None
    phone: Phone | None = None
    email: Email | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _address_or_area(self):
        if self.address is not None and self.area is not None:
            raise invalid(
                "The place “{place}” has both an address and an area.",
                "Write “address:” for a place people come to, or “area:” for field work, not both.",
                place=self.id,
            )
        if self.appointment is not None and self.opening_hours:
            raise invalid(
                "The place “{place}” has both opening hours and “appointment:”.",
                "Leave out the opening hours of a place open by appointment only, or the appointment.",
                place=self.id,
            )
        return self

    @property
    def located(self) -> bool:
        """Whether the place says where it is (an address or an area)."""
        return self.address is not None or self.area is not None

    @property
    def is_field(self) -> bool:
        """Field work: the workers come to people in the area."""
        return self.area is not None

    @property
    def by_appointment(self) -> bool:
        return self.appointment is not None

    @property
    def area_regions(self) -> list[str]:
        """The regions (NUTS 3) of the districts field workers cover, in the order first named."""
        if self.area is None:
            return []
        return list(dict.fromkeys(codes.DISTRICTS[d][0] for d in self.area.districts))
