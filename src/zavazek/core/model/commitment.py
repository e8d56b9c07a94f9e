"""``data/commitment.yaml``: the provider's public commitment (veřejný závazek)."""

from __future__ import annotations

from pydantic import model_validator

from zavazek.core.model import codes
from zavazek.core.model.places import Organisation, Place, RegionCode
from zavazek.core.model.types import (
    Address, Count, Date, Email, Field, Phone, PositiveCount, RegistryId, Slug, Strict, Text, choice, invalid,
)

ServiceKind = choice(*codes.SERVICE_KINDS, description="Registered kind of social service")
ServiceForm = choice(*codes.SERVICE_FORMS, description="Form of provision")
RegistryGroup = choice(*codes.REGISTRY_TARGET_GROUPS, description="Target-group category of the registry")
Letter913 = choice(*codes.REFUSAL_GROUNDS_91_3, "none", description="Letter of §91(3) Act 108/2006 the ground rests on")
ComplaintForm = choice(*codes.COMPLAINT_FORMS, description="How a complaint may be made")
CapacityUnit = choice(*codes.CAPACITY_UNITS, description="What a registered capacity counts")
LanguageCode = choice(*codes.LANGUAGES, description="ISO 639-1 code of a language")


class Provider(Organisation):
    """The provider: an organisation with its registered seat and a general e-mail."""

    seat: Address
    email: Email


class RegisteredCapacity(Strict):
    """A registered maximum capacity of one form of the service (not free places)."""

    form: ServiceForm
    count: Count
    unit: CapacityUnit


class Registered(Strict):
    """Facts of the service's registration as the register gives them (``zavazek registry import`` writes them)."""

    since: Date | None = None
    until: Date | None = None
    capacity: list[RegisteredCapacity] = []

    @model_validator(mode="after")
    def _in_order(self):
        if self.since is not None and self.until is not None and self.until < self.since:
            raise invalid(
                "The registration ends ({until}) before it starts ({since}).",
                "Write the date the service was registered in “since” and the date it ended in “until”.",
                since=self.since.isoformat(),
                until=self.until.isoformat(),
            )
        forms = [c.form for c in self.capacity]
        if len(set(zip(forms, [c.unit for c in self.capacity]))) != len(forms):
            raise invalid(
                "A registered capacity is given twice for the same form and unit.",
                "Write each form's capacity once: form, count and unit.",
            )
        return self


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
    #: The registered facts (dates, registered capacity), as imported from the register.
    registered: Registered | None = None
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


class Centre(Place):
    """A place of the provider's: named, in a region, at an address or (field work) in an area."""

    name: Text
    region: RegionCode

    @model_validator(mode="after")
    def _somewhere(self):
        if self.address is None and self.area is None:
            raise invalid(
                "The centre “{place}” has neither an address nor an area.",
                "Write “address:” (street, city, postcode), or for field work “area:” with the districts or towns.",
                place=self.id,
            )
        return self


class Commitment(Strict):
    """The whole of ``commitment.yaml`` for a provider of one registered service."""

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

    @classmethod
    def model_for(cls, value) -> type:
        """The model of a ``commitment.yaml`` as written: several services when it has ``services:``."""
        return SeveralServices if isinstance(value, dict) and "services" in value else cls

    @classmethod
    def file_models(cls) -> tuple[type, ...]:
        """The forms the file may take (for its JSON Schema): one service, or several."""
        return (cls, SeveralServices)

    def commitments(self) -> list[tuple[str | None, "Commitment"]]:
        """(service id, its commitment) for each registered service; one service has no id."""
        return [(None, self)]


#: Fields a service of several may write for itself; left out, the provider's shared one applies.
SHARED_FIELDS = ("integration_needs", "refusal", "principles", "complaints")


class ServiceCommitment(Strict):
    """One registered service of a provider with several: what is its own, the rest shared."""

    id: Slug
    service: Service
    mission: list[Text] = Field(min_length=1)
    target_groups: list[TargetGroup] = Field(min_length=1)
    integration_needs: Text | None = None
    refusal: Refusal | None = None
    principles: list[Principle] | None = None
    complaints: Complaints | None = None
    #: Ids of the provider's centres where this service is given; all of them when left out.
    centres: list[Slug] = []


class SeveralServices(Strict):
    """The whole of ``commitment.yaml`` for a provider of several registered services.

    The provider, its centres and complaints are written once; ``refusal``,
    ``principles`` and ``integration_needs`` at the top are shared by every
    service that does not write its own.
    """

    provider: Provider
    integration_needs: Text | None = None
    refusal: Refusal | None = None
    principles: list[Principle] | None = None
    complaints: Complaints
    centres: list[Centre] = Field(min_length=1)
    services: list[ServiceCommitment] = Field(min_length=1)

    def centre(self, centre_id: str) -> Centre | None:
        return next((c for c in self.centres if c.id == centre_id), None)

    def commitment(self, service_id: str) -> Commitment:
        """One service's whole commitment: its own fields, the shared ones where it has none."""
        entry = next(s for s in self.services if s.id == service_id)
        shared = {name: getattr(entry, name) if name in entry.model_fields_set else getattr(self, name)
                  for name in SHARED_FIELDS}
        centres = [c for c in self.centres if not entry.centres or c.id in entry.centres]
        return Commitment.model_construct(
            provider=self.provider, service=entry.service, mission=entry.mission, target_groups=entry.target_groups,
            centres=centres, **shared,
        )

    def commitments(self) -> list[tuple[str | None, Commitment]]:
        return [(s.id, self.commitment(s.id)) for s in self.services]
