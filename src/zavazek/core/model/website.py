"""``data/website.yaml``: the accessibility statement and the privacy notice."""

from __future__ import annotations

from zavazek.core.model import codes
from zavazek.core.model.codes import N_
from zavazek.core.model.types import Date, Email, Field, Phone, PositiveCount, Strict, Text, choice

ComplianceStatus = choice(*codes.ACCESSIBILITY_STATUS, description="Compliance with WCAG 2.1 AA / EN 301 549")
InaccessibleGround = choice(
    *codes.INACCESSIBLE_GROUNDS,
    description="non_compliance: not yet accessible; disproportionate_burden: §7 of Act 99/2019; "
    "out_of_scope: content the act does not cover (§1(3), (4))",
)

#: The parts of the model accessibility statement, in its order: anchor on the
#: statement page -> heading. The model is the one the Digital and Information
#: Agency publishes after Commission Implementing Decision (EU) 2018/1523
#: (Act 99/2019 Coll., §8(4)); see the criterion ``a11y-statement``.
STATEMENT_PARTS = {
    "commitment": N_("Our commitment"),
    "scope": N_("Scope"),
    "status": N_("Compliance status"),
    "non-accessible": N_("Non-accessible content"),
    "preparation": N_("Preparation of this statement"),
    "feedback": N_("Feedback and contact"),
    "enforcement": N_("Enforcement procedure"),
}


class InaccessibleContent(Strict):
    text: Text
    ground: InaccessibleGround
    reason: Text
    alternative: Text | None = None  # how to get the content another way (§7(4))


class Accessibility(Strict):
    status: ComplianceStatus
    inaccessible: list[InaccessibleContent] = []
    assessed_on: Date
    method: Text
    prepared_on: Date
    feedback_email: Email
    feedback_phone: Phone | None = None

    def inaccessible_by_ground(self) -> list[tuple[str, list[InaccessibleContent]]]:
        """The non-accessible content under the model's headings, in their order; empty headings left out."""
        groups = [(ground, [i for i in self.inaccessible if i.ground == ground]) for ground in codes.INACCESSIBLE_GROUNDS]
        return [(ground, items) for ground, items in groups if items]


class Privacy(Strict):
    contact_email: Email
    hosting: Text
    log_retention_days: PositiveCount = Field(30)


class Website(Strict):
    """The whole of ``website.yaml``."""

    accessibility: Accessibility
    privacy: Privacy
