"""``zavazek registry``: the provider's facts from the MPSV register of social services."""

import click


@click.group()
def registry():
    """Import and compare the provider's facts with the MPSV register (open data)."""


from zavazek.registry.directory import directory  # noqa: E402
from zavazek.registry.importing import import_command  # noqa: E402

registry.add_command(import_command)
registry.add_command(directory)
