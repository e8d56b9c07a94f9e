"""``data/goals.yaml``: strategic, long-term and operational goals."""

from __future__ import annotations

import datetime as dt

from zavazek.core.model import codes
from zavazek.core.model.types import (
    Count, Date, Deadline, Field, PositiveCount, Slug, Strict, Text, Year, YEAR_END, choice, invalid,
)
from pydantic import model_validator

Rhythm = choice(*codes.RHYTHMS, description="How often the goal is evaluated")
Period = choice(*codes.TARGET_PERIODS, description="Period of a measurable target")
Status = choice(*codes.GOAL_STATUSES, description="State of an operational goal")


class Target(Strict):
    """A measurable target such as "4 times a year"."""

    count: PositiveCount
    per: Period


class Evaluation(Strict):
    rhythm: Rhythm
    forum: Text | None = None


class Progress(Strict):
    done: Count
    of: PositiveCount

    @model_validator(mode="after")
    def _done_within_total(self):
        if self.done > self.of:
            raise invalid(
                "The progress says {done} of {of} are done.",
                "“done” cannot be more than “of”.",
                done=self.done,
                of=self.of,
            )
        return self


class Goal(Strict):
    id: Slug
    text: Text
    #: With several registered services: the id of the one this goal is of (left out: all of them).
    service: Slug | None = None
    target: Target | None = None
    responsible: Text | None = None
    evaluation: list[Evaluation] | None = None
    deadline: Deadline | None = None


class OperationalGoal(Goal):
    progress: Progress | None = None
    status: Status = "planned"


class GoalGroup(Strict):
    """Goals sharing a responsible role, evaluation and deadline (each goal may override them)."""

    responsible: Text | None = None
    evaluation: list[Evaluation] = []
    deadline: Deadline | None = None
    goals: list[Goal] = Field(min_length=1)


class OperationalPlan(Strict):
    """One centre's operational goals for one year."""

    centre: Slug
    #: With several registered services: the id of the one this plan is of.
    service: Slug | None = None
    year: Year
    approved_by: Text | None = None
    approved_on: Date | None = None
    #: The day the goals' progress was last counted (printed on the poster as such).
    progress_as_of: Date | None = None
    goals: list[OperationalGoal] = Field(min_length=1)

    @model_validator(mode="after")
    def _progress_after_approval(self):
        if self.approved_on and self.progress_as_of and self.progress_as_of < self.approved_on:
            raise invalid(
                "The progress is counted on {counted}, before the plan was approved on {approved}.",
                "Write in “progress_as_of” the day the progress was last counted, on or after “approved_on”.",
                counted=self.progress_as_of.isoformat(),
                approved=self.approved_on.isoformat(),
            )
        return self


class Operational(Strict):
    how_set: Text | None = None
    responsible: Text | None = None
    evaluation: list[Evaluation] = []
    deadline: Deadline | None = None
    plans: list[OperationalPlan] = []


class Goals(Strict):
    """The whole of ``goals.yaml``."""

    strategic: GoalGroup
    long_term: GoalGroup
    operational: Operational

    def of_service(self, service_id: str | None) -> "Goals":
        """The goals of one registered service: its own and those naming no service."""
        if service_id is None:
            return self
        mine = lambda items: [g for g in items if g.service in (None, service_id)]  # noqa: E731
        return self.model_copy(update={
            "strategic": self.strategic.model_copy(update={"goals": mine(self.strategic.goals)}),
            "long_term": self.long_term.model_copy(update={"goals": mine(self.long_term.goals)}),
            "operational": self.operational.model_copy(update={"plans": mine(self.operational.plans)}),
        })

    def plans_for(self, year: int) -> list[OperationalPlan]:
        return [p for p in self.operational.plans if p.year == year]

    def plan_of(self, centre: str, year: int) -> OperationalPlan | None:
        return next((p for p in self.operational.plans if p.centre == centre and p.year == year), None)

    def earlier_plans(self, centre: str, year: int) -> list[OperationalPlan]:
        """A centre's plans of the years before ``year``, newest first: they stay published as history."""
        earlier = [p for p in self.operational.plans if p.centre == centre and p.year < year]
        return sorted(earlier, key=lambda p: p.year, reverse=True)


def effective_deadline(goal: Goal, group, year: int | None = None) -> dt.date | None:
    """The date a goal is due: its own or its group's; ``year_end`` means 31 Dec of ``year``."""
    deadline = goal.deadline or group.deadline
    if deadline == YEAR_END:
        return dt.date(year, 12, 31) if year else None
    return deadline


def is_overdue(goal: Goal, group, year: int | None, today: dt.date) -> bool:
    """Whether an operational goal's deadline has passed while it is neither done nor dropped."""
    if getattr(goal, "status", None) in (None, "done", "dropped"):
        return False
    due = effective_deadline(goal, group, year)
    return due is not None and due < today
