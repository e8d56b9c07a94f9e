"""Typed, read-only records of the MPSV register, as :mod:`.reader` yields them.

Only what závazek uses is kept: no contacts of people, no statutory bodies
(``statutarniOrgany`` holds people's names and is never read), and no address of
a facility whose address the register keeps secret (``utajenaAdresa``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    """A kind of social service (``DruhSocialniSluzby/N``).

    ``code`` is our :data:`~zavazek.core.model.codes.SERVICE_KINDS` code and
    ``section`` its § of Act 108/2006, or None for a kind závazek has no code for
    (kept with the register's id and name, never an error). ``confirmed`` says
    whether the id's meaning rests on a public source or the codelist file given,
    rather than on the inferred order of the Act.
    """

    registry_id: str  # "13" of "DruhSocialniSluzby/13"
    name: str | None  # nazev.cs of the codelist (or our copy of it)
    code: str | None
    section: str | None
    confirmed: bool


@dataclass(frozen=True)
class TargetGroupRef:
    """A target group of the register (``CilovaSkupinaOsoby/N``).

    ``code`` is our :data:`~zavazek.core.model.codes.REGISTRY_TARGET_GROUPS` code,
    or None for a group závazek has no code for. ``confirmed`` is False when the
    mapping rests on an id nobody has confirmed (see :mod:`.dataset`).
    """

    registry_id: str
    name: str | None
    code: str | None
    confirmed: bool


@dataclass(frozen=True)
class AgeGroup:
    """An age group of the register (``VekovaSkupinaOsoby/N``) and the ages its name gives."""

    registry_id: str
    name: str | None
    age_from: int | None
    age_to: int | None


@dataclass(frozen=True)
class Capacity:
    """A registered maximum capacity of one form (``kapacity[]``): not free places."""

    form: str  # residential / ambulant / field
    count: int
    unit: str  # klient / kontakt / interv / luzka / hovor (the register's code)
    unit_label: str | None  # "Počet lůžek", ...
    description: str | None


@dataclass(frozen=True)
class RegistryAddress:
    """A facility's address as the register gives it (no town name: only RÚIAN ids)."""

    street: str | None
    house_number: int | None  # číslo domovní (popisné or evidenční)
    orientation_number: str | None  # číslo orientační, text ("93/11")
    postcode: str | None  # "35201"
    municipality_id: str | None  # RÚIAN code of the obec, "554499"
    municipality: str | None  # its name, when the codelist obce.json was given
    address_point: int | None  # RÚIAN kód adresního místa
    region: str | None  # NUTS 3, "CZ041", or None when the kraj id is not known
    district: str | None  # LAU 1, "CZ0411", or None

    def number(self) -> str:
        """``2272/54``, ``2272`` or ``""``."""
        parts = [str(self.house_number) if self.house_number is not None else "", self.orientation_number or ""]
        return "/".join(p for p in parts if p)

    def one_line(self) -> str:
        """``Nemocniční 2272/54, 352 01 Aš`` as far as the register says it."""
        street = " ".join(p for p in (self.street or self.municipality or "", self.number()) if p)
        postcode = f"{self.postcode[:3]} {self.postcode[3:]}" if self.postcode and len(self.postcode) == 5 else self.postcode
        town = " ".join(p for p in (postcode, self.municipality) if p)
        return ", ".join(p for p in (street, town) if p)


@dataclass(frozen=True)
class Facility:
    """A facility or place of provision (``zarizeni[]``); ``address`` is None when it is secret."""

    name: str
    secret_address: bool
    address: RegistryAddress | None
    start: dt.date | None
    end: dt.date | None


@dataclass(frozen=True)
class RegisteredService:
    """One registered service, one item of ``polozky``."""

    index: int  # position in polozky, from 0
    registry_id: str  # identifikator, "1234567"
    portal_id: int | None
    provider_ico: str  # 8 digits, leading zeros kept
    provider_name: str
    kind: Kind
    forms: tuple[str, ...]  # residential / ambulant / field, in the register's order
    target_groups: tuple[TargetGroupRef, ...]
    age_groups: tuple[AgeGroup, ...]
    age_note: str | None  # doplnujiciInformaceVekoveSkupiny
    capacities: tuple[Capacity, ...]
    facilities: tuple[Facility, ...]
    start: dt.date | None  # datumPoskytovaniOd
    end: dt.date | None  # datumPoskytovaniDo: the service ended (or ends) then

    def active_on(self, day: dt.date) -> bool:
        """Provided on ``day``: started by then and not ended before."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def age_range(self) -> tuple[int | None, int | None] | None:
        """(from, to) years over all age groups whose ages are known; None when none is; an end may be open."""
        ranged = [g for g in self.age_groups if g.age_from is not None or g.age_to is not None]
        if not ranged:
            return None
        low = None if any(g.age_from is None for g in ranged) else min(g.age_from for g in ranged)
        high = None if any(g.age_to is None for g in ranged) else max(g.age_to for g in ranged)
        return low, high

    def has_group(self, code_or_id: str) -> bool:
        """Whether a target group is ours ``code_or_id`` or has the register's id (``"24"``)."""
        return any(g.code == code_or_id or g.registry_id == code_or_id for g in self.target_groups)

    @property
    def public_facilities(self) -> tuple[Facility, ...]:
        return tuple(f for f in self.facilities if not f.secret_address)
