"""``data/commitment.yaml``: the provider's public commitment (veřejný závazek)."""

from __future__ import annotations

from pydantic import model_validator

from zavazek.model import codes
from zavazek.model.hours import OpeningHours
from zavazek.model.types import (
    Address, Email, Field, Ico, Phone, PositiveCount, RegistryId, Slug, Strict, Text, Url, choice, invalid,
)

ServiceKind = choice(*codes.SERVICE_KINDS, description="Registered kind of social service")
ServiceForm = choice(*codes.SERVICE_FORMS, description="Form of provision")
RegistryGroup = choice(*codes.REGISTRY_TARGET_GROUPS, description="Target-group category of the registry")
Letter913 = choice(*codes.REFUSAL_GROUNDS_91_3, "none", description="Letter of §91(3) Act 108/2006 the ground rests on")
ComplaintForm = choice(*codes.COMPLAINT_FORMS, description="How a complaint may be made")
RegionCode = choice(*codes.REGIONS, description="NUTS 3 code of the region (kraj)")
LanguageCode = choice(*codes.LANGUAGES, description="ISO 639-1 code of a language")


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
    #: One short sentence for the top of the home page: what the service is, and that it is free.
    summary: Text | None = None
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
    """Ages a service is for, in years; either end may be open. The same type in every data file."""

    from_: PositiveCount | None = Field(None, alias="from")
    to: PositiveCount | None = None

    @model_validator(mode="after")
    def _in_order(self):
        if self.from_ is not None and self.to is not None and self.to < self.from_:
            raise invalid(
                "The age range {low}–{high} ends before it starts.",
                "Write the lower age in “from” and the higher in “to”.",
                low=self.from_,
                high=self.to,
            )
        return self

    def label(self) -> str:
        """``15+``, ``18–65``, ``–18``: compact, the same in every language."""
        return f"{self.from_ or ''}{'–' + str(self.to) if self.to is not None else '+'}"


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


class ComplaintContact(Strict):
    """Where a complaint is sent: the organisation's general contacts, never a person's."""

    email: Email | None = None
    phone: Phone | None = None
    address: Address | None = None


class Complaints(Strict):
    how: Text | None = None
    forms: list[ComplaintForm] = []
    contact: ComplaintContact | None = None
    #: Languages in which a complaint is accepted (and answered).
    languages: list[LanguageCode] = []
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
