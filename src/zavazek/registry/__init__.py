"""``zavazek registry``: the provider's facts from the MPSV register of social services."""

import click


@click.group()
def registry():
    """Import and compare the provider's facts with the MPSV register (open data)."""
