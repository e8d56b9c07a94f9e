"""The validated data of a provider, and of each of its registered services.

:class:`ProviderData` is what :func:`zavazek.core.loader.load_data` returns and
what everything after it reads. A provider of several registered services is
also seen one service at a time (:meth:`ProviderData.per_service`): that
service's commitment and goals, with every field path turned back into the
file's, so that a problem found in one service's view points at its line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from zavazek.core.model import Commitment, Directory, Goals, Website
from zavazek.core.model.commitment import SeveralServices
from zavazek.core.problems import Message, Problem, format_path
from zavazek.core.yamlsource import Document


@dataclass
class ProviderData:
    """Everything a provider publishes, validated."""

    commitment: Commitment
    goals: Goals
    website: Website
    services: Directory | None = None  # data/services.yaml is optional
    documents: dict[str, Document] = field(repr=False, default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    #: Values still marked as placeholders (see :mod:`zavazek.core.placeholders`): (file name, field path).
    placeholders: list[tuple[str, tuple]] = field(default_factory=list)
    #: The registered service this is the data of, when the provider has several (see :meth:`per_service`).
    service_id: str | None = None

    @property
    def several_services(self) -> bool:
        return isinstance(self.commitment, SeveralServices)

    def per_service(self) -> list["ProviderData"]:
        """The data of each registered service: its own commitment and goals, errors pointing into the files.

        A provider of one service has one, itself. The pages, posters and
        checklist that standard 1 asks per service are made from these.
        """
        if self.service_id is not None or not isinstance(self.commitment, SeveralServices):
            return [self]
        return [self._of_service(i, sid, view) for i, (sid, view) in enumerate(self.commitment.commitments())]

    def _of_service(self, index: int, service_id: str, view: Commitment) -> "ProviderData":
        entry = self.commitment.services[index]
        own = entry.model_fields_set - {"id", "centres"}
        centre_index = [self.commitment.centres.index(c) for c in view.centres]
        goals = self.goals.of_service(service_id)

        def in_commitment(path: tuple) -> tuple:
            if path and path[0] in own:
                return ("services", index) + path
            if len(path) > 1 and path[0] == "centres" and isinstance(path[1], int):
                return ("centres", centre_index[path[1]]) + path[2:]
            return path

        indexes = {
            ("strategic", "goals"): [self.goals.strategic.goals.index(g) for g in goals.strategic.goals],
            ("long_term", "goals"): [self.goals.long_term.goals.index(g) for g in goals.long_term.goals],
            ("operational", "plans"): [self.goals.operational.plans.index(p) for p in goals.operational.plans],
        }

        def in_goals(path: tuple) -> tuple:
            known = indexes.get(path[:2])
            if known is not None and len(path) > 2 and isinstance(path[2], int):
                return path[:2] + (known[path[2]],) + path[3:]
            return path

        documents = dict(self.documents)
        documents["commitment"] = _Remapped(self.documents["commitment"], in_commitment)
        documents["goals"] = _Remapped(self.documents["goals"], in_goals)
        return ProviderData(view, goals, self.website, self.services, documents, [],
                            placeholders=self.placeholders, service_id=service_id)


class _Remapped(Document):
    """A document seen through one service's data: its field paths are turned into the file's."""

    def __init__(self, doc: Document, remap):
        super().__init__(doc.file, doc.value, doc.positions)
        self._remap = remap

    def position(self, path: tuple) -> tuple[int | None, int | None]:
        return Document.position(self, self._remap(tuple(path)))

    def problem(self, path: tuple, message: Message, hint: Message | None = None, **kw) -> Problem:
        path = self._remap(tuple(path))
        line, column = Document.position(self, path)
        return Problem(self.file, line, column, format_path(path), message, hint, **kw)
