"""``data/commitment.yaml``: the provider's public commitment (veřejný závazek)."""

from __future__ import annotations

from zavazek.model import codes
from zavazek.model.hours import OpeningHours
from zavazek.model.types import (
    Address, Email, Field, Ico, Phone, PositiveCount, RegistryId, Slug, Strict, Text, Url, choice,
)

ServiceKind = choice(*codes.SERVICE_KINDS, description="Registered kind of social service")
ServiceForm = choice(*codes.SERVICE_FORMS, description="Form of provision")
RegistryGroup = choice(*codes.REGISTRY_TARGET_GROUPS, description="Target-group category of the registry")
Letter913 = choice(*codes.REFUSAL_GROUNDS_91_3, "none", description="Letter of §91(3) Act 108/2006 the ground rests on")
ComplaintForm = choice(*codes.COMPLAINT_FORMS, description="How a complaint may be made")
RegionCode = choice(*codes.REGIONS, description="NUTS 3 code of the region (kraj)")


class Provider(Strict):
    name: Text
    short_name: str | None = None
    legal_form: Text
    ico: Ico | None = None
    seat: Address
    website: Url | None = None
    email: Email
    phone: Phone | None = None


class Service(Strict):
    """The registered social service."""

    name: Text
    kind: ServiceKind
    registry_id: RegistryId | None = None
    forms: list[ServiceForm] = Field(min_length=1)
    free_of_charge: bool = True
    fee_note: Text | None = None
    capacity: Text | None = None
    activities: list[Text] = []
    offers: list[Text] = []
    how_to_start: Text | None = None


class AgeRange(Strict):
    from_: PositiveCount | None = Field(None, alias="from")
    to: PositiveCount | None = None


class TargetGroup(Strict):
    id: Slug
    text: Text
    registry_category: RegistryGroup
    age: AgeRange | None = None


class RefusalGround(Strict):
    id: Slug
    text: Text
    legal_basis: Letter913 | None = None


class Refusal(Strict):
    grounds: list[RefusalGround]
    basic_counselling: Text | None = None
    written_reasons: Text | None = None


class Principle(Strict):
    id: Slug
    name: Text
    description: Text | None = None


class Complaints(Strict):
    how: Text | None = None
    forms: list[ComplaintForm] = []
    to_whom: Text | None = None
    decided_by: Text | None = None
    time_limit_days: PositiveCount | None = None
    representative: Text | None = None
    higher_body: Text | None = None
    ministry_review: Text | None = None
    ombudsman: Text | None = None


class Centre(Strict):
    id: Slug
    name: Text
    region: RegionCode
    address: Address
    opening_hours: OpeningHours = OpeningHours()
    phone: Phone | None = None
    email: Email | None = None
    note: Text | None = None


class Commitment(Strict):
    """The whole of ``commitment.yaml``."""

    provider: Provider
    service: Service
    mission: list[Text] = Field(min_length=1)
    target_groups: list[TargetGroup] = Field(min_length=1)
    integration_needs: Text | None = None
    refusal: Refusal
    principles: list[Principle] = Field(min_length=1)
    complaints: Complaints
    centres: list[Centre] = Field(min_length=1)

    def centre(self, centre_id: str) -> Centre | None:
        return next((c for c in self.centres if c.id == centre_id), None)
