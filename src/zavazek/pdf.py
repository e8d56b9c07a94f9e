"""Print-ready PDFs from HTML with WeasyPrint: tagged (PDF/UA-1), cached by content hash.

Posters and the directory's hand-outs are both an HTML page rendered here.
Rendering takes a good part of a second per PDF; a rebuild reuses every PDF
whose HTML has not changed from a cache folder in the provider's folder.
"""

from __future__ import annotations

import hashlib
import subprocess
import tempfile
from pathlib import Path
from typing import Callable


def render(html: str, base_url: Path) -> bytes:
    """The tagged PDF of an HTML page; each passage with a ``lang`` attribute carries its /Lang."""
    from weasyprint import HTML

    _tag_languages()
    return HTML(string=html, base_url=str(base_url)).write_pdf(pdf_variant="pdf/ua-1")


def _tag_languages() -> None:
    """Give each structure element made from an HTML element with ``lang`` the PDF's /Lang (ISO 32000 14.9.2).

    WeasyPrint writes only the document's language; a bilingual sheet needs
    each passage's, so that a screen reader switches voice. Without the
    internal function this relies on (another WeasyPrint version), the PDF
    keeps only the document's language.
    """
    from weasyprint.pdf import tags

    original = getattr(tags, "_build_box_tree", None)
    if original is None or getattr(original, "with_lang", False):
        return

    import pydyf

    def build(box, parent, pdf, *args):
        element = getattr(box, "element", None)
        lang = element.get("lang") if element is not None and element.tag != "html" else None
        for made in original(box, parent, pdf, *args):
            if lang and "Lang" not in made:
                made["Lang"] = pydyf.String(lang)
            yield made

    build.with_lang = True
    tags._build_box_tree = build


def cache_key(html: str) -> str:
    import weasyprint

    return hashlib.sha256(f"{weasyprint.__version__}\n{html}".encode()).hexdigest()[:32]


class Cache:
    """Rendered files in ``folder``, named by the hash of the HTML they were made from."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.used: set[str] = set()

    def get(self, html: str, make: Callable[[str], dict[str, bytes]]) -> dict[str, bytes]:
        """``make(html)`` gives {suffix: bytes} (e.g. {".pdf": …, ".png": …}); kept per suffix."""
        key = cache_key(html)
        self.used.add(key)
        found = sorted(self.folder.glob(f"{key}.*"))
        if found and not any(f.name.endswith(".part") for f in found):
            return {f.suffix: f.read_bytes() for f in found}
        made = make(html)
        self.folder.mkdir(parents=True, exist_ok=True)
        for suffix, content in made.items():
            target = self.folder / f"{key}{suffix}"
            partial = target.with_name(target.name + ".part")
            partial.write_bytes(content)
            partial.replace(target)
        return made

    def forget_unused(self) -> None:
        """Delete files no call to :meth:`get` asked for (after a build that made them all)."""
        for old in self.folder.glob("*.*"):
            if old.name.split(".")[0] not in self.used:
                old.unlink(missing_ok=True)


def to_png(pdf: bytes, *options: str) -> bytes:
    """The first page as PNG (Poppler's pdftoppm)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "page"
        subprocess.run(["pdftoppm", "-png", "-singlefile", *options, "-", str(out)], input=pdf, capture_output=True,
                       check=True)
        return out.with_suffix(".png").read_bytes()


def smallest_type_pt(pdf: bytes) -> float:
    """The smallest line height of text in the PDF, in points (Poppler's ``pdftotext -bbox-layout``).

    A line's box is a little taller than its type size (about 1.2 times for
    Noto Sans), so this errs on the large side; it is a measure for the
    benchmark, not a proof.
    """
    import re

    out = subprocess.run(["pdftotext", "-bbox-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    heights = [float(b) - float(a) for a, b in re.findall(rb'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', out)]
    return min(heights, default=0.0)


def pages(pdf: bytes) -> int:
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)
