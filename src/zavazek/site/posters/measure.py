"""Type sizes actually printed in a PDF, read back character by character.

The size of a character on paper is its font size (``Tf``) scaled by the
text matrix and the current transformation matrix at the moment it is
shown; pypdf's text visitor hands over all three.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass


@dataclass(frozen=True)
class TypeSizes:
    runs: list[tuple[str, float]]  # (text, size in pt) as shown, in page order
    pages: int
    bytes: int

    def sizes(self) -> list[float]:
        """One size per visible character."""
        return sorted(size for text, size in self.runs for ch in text if not ch.isspace())

    @property
    def smallest(self) -> float:
        return self.sizes()[0]

    @property
    def tenth(self) -> float:
        """The size below which a tenth of the characters fall."""
        sizes = self.sizes()
        return sizes[len(sizes) // 10]

    def text_below(self, size: float) -> str:
        """The text of everything set smaller than ``size`` pt, runs joined by spaces."""
        return " ".join(" ".join(t.split()) for t, s in self.runs if s < size - 0.05 and t.strip())


def type_sizes(pdf: bytes) -> TypeSizes:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    runs: list[tuple[str, float]] = []

    def visit(text, cm, tm, font, font_size):
        if not text or not text.strip():
            return
        # The vertical unit of tm x cm: how tall one unit of font size is on the page.
        c, d = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
        runs.append((text, round(font_size * math.hypot(c, d), 2)))

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return TypeSizes(runs, len(reader.pages), len(pdf))
