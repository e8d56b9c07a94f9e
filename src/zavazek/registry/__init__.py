"""``zavazek registry``: the provider's facts from the MPSV register of social services."""

import click


@click.group()
def registry():
    """Import and compare the provider's facts with the MPSV register (open data)."""


from zavazek.registry import directory as _directory  # noqa: E402,F401  (adds ``registry directory``)
