"""The domain model: what a provider publishes, as typed, self-validating objects."""

from zavazek.model.commitment import Commitment
from zavazek.model.goals import Goals
from zavazek.model.website import Website

#: Data files of a provider's site and the model each one is read into.
DATA_FILES = {
    "commitment": ("commitment.yaml", Commitment),
    "goals": ("goals.yaml", Goals),
    "website": ("website.yaml", Website),
}

__all__ = ["Commitment", "Goals", "Website", "DATA_FILES"]
