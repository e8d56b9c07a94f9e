"""What a check finds: where in the data, which page of the site, and the outcome of one criterion."""

from __future__ import annotations

from dataclasses import dataclass, field

from zavazek.core.problems import Message


@dataclass(frozen=True)
class Place:
    """Where something is (or belongs) in the data: file, line, field path."""

    file: str  # relative to the site folder, e.g. "data/commitment.yaml"
    line: int | None
    path: str

    def __str__(self) -> str:
        line = f":{self.line}" if self.line else ""
        return f"{self.file}{line} ({self.path})" if self.path else f"{self.file}{line}"


@dataclass(frozen=True)
class Link:
    """A page of the site (a key of :mod:`zavazek.core.pages`) and an anchor on it."""

    page: str
    anchor: str = ""


@dataclass(frozen=True)
class Finding:
    """One thing found: a gap to fix (with the place in the data) or a piece of evidence."""

    message: Message
    place: Place | None = None
    lang: str | None = None  # the site language the finding concerns
    link: Link | None = None
    fix: Message | None = None


@dataclass
class Outcome:
    """What a rule found: met or not, the evidence on the site, and the gaps."""

    met: bool | None  # None: not checkable
    evidence: list[Link] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
