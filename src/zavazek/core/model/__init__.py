"""The domain model: what a provider publishes, as typed, self-validating objects."""

from zavazek.core.model.commitment import Commitment
from zavazek.core.model.goals import Goals
from zavazek.core.model.services import Directory
from zavazek.core.model.website import Website

from typing import NamedTuple


class DataFile(NamedTuple):
    filename: str
    model: type
    required: bool = True


#: Data files of a provider's site and the model each one is read into.
DATA_FILES = {
    "commitment": DataFile("commitment.yaml", Commitment),
    "goals": DataFile("goals.yaml", Goals),
    "website": DataFile("website.yaml", Website),
    "services": DataFile("services.yaml", Directory, required=False),
}

__all__ = ["Commitment", "DataFile", "Directory", "Goals", "Website", "DATA_FILES"]
