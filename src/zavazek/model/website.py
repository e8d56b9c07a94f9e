"""``data/website.yaml``: the accessibility statement and the privacy notice."""

from __future__ import annotations

from zavazek.model import codes
from zavazek.model.types import Date, Email, Field, Phone, PositiveCount, Strict, Text, choice

ComplianceStatus = choice(*codes.ACCESSIBILITY_STATUS, description="Compliance with WCAG 2.1 AA / EN 301 549")


class InaccessibleContent(Strict):
    text: Text
    reason: Text


class Accessibility(Strict):
    status: ComplianceStatus
    inaccessible: list[InaccessibleContent] = []
    assessed_on: Date
    method: Text
    prepared_on: Date
    feedback_email: Email
    feedback_phone: Phone | None = None


class Privacy(Strict):
    contact_email: Email
    hosting: Text
    log_retention_days: PositiveCount = Field(30)


class Website(Strict):
    """The whole of ``website.yaml``."""

    accessibility: Accessibility
    privacy: Privacy
