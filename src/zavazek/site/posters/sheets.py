"""Type sizes of a poster per paper size: one place for the templates' CSS and the tests.

A noticeboard is read standing, from about two metres: running text on A4
is never below 20 pt, the title at least 48 pt. A3 is laid out with its
own sizes (about √2 larger), not scaled from A4. Only the web address, the
date of the data and the QR code's caption may be smaller, down to
``small_pt``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Sheet:
    size: str
    margin_mm: float
    title_pt: float  # the poster's title
    lead_pt: float  # what a passer-by needs first: what it is, that it is free, the phone
    key_pt: float  # headings, who it is for, where, when, each goal
    body_pt: float  # the floor of all running text
    small_pt: float  # only the web address, the date of the data and the QR code's caption
    qr_mm: float  # width of the QR code

    def __post_init__(self):
        assert self.small_pt >= 12 and self.small_pt < self.body_pt <= self.key_pt <= self.lead_pt < self.title_pt


SHEETS = {
    "A4": Sheet("A4", margin_mm=12, title_pt=54, lead_pt=32, key_pt=24, body_pt=20, small_pt=14, qr_mm=34),
    "A3": Sheet("A3", margin_mm=16, title_pt=76, lead_pt=45, key_pt=34, body_pt=28, small_pt=18, qr_mm=48),
}
