"""Print-ready PDFs from HTML with WeasyPrint: tagged (PDF/UA-1), cached by content.

Posters and the directory's hand-outs are both HTML rendered here. WeasyPrint
spends a good part of each render on work every document repeats (style
sheets, fonts, the PDF's font subsets), so many small PDFs are laid out as
one document and split into files (:func:`render_sheets`), and each process
loads the fonts and parses each template's style sheet once. A rebuild reuses
every PDF whose HTML and makers (závazek's code, WeasyPrint and the packages
and libraries it uses, the fonts, ``pdftoppm``, the fonts' date) are
unchanged from a cache folder in the provider's folder (:class:`Cache`).
Python's cycle collector waits while a document is made, and collects what
it left once it is written (:func:`one_document`).
"""

from __future__ import annotations

import contextlib
import copy
import functools
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable, Mapping

from zavazek.core import collector
from zavazek.site import kept


def render(html: str, base_url: Path) -> bytes:
    """The tagged PDF of an HTML page; each passage with a ``lang`` attribute carries its /Lang."""
    with one_document():
        return lay_out(html, base_url).pdf()


def one_document():
    """A block that makes one document, from its HTML to its PDF (or a few layouts of it):
    the cycle collector waits until the end, then frees the garbage once.

    Laying out is a few hundred thousand short-lived objects (boxes, styles,
    text runs), and the collections they set off found little: the
    example's hand-outs took 4 % less CPU, and their process half the memory
    at its largest, since a document's garbage is gone before the next.
    """
    return collector.paused(collect_after=True)


class Laid:
    """An HTML document laid out on pages and not yet written: what is on them can be read first.

    Laying out is most of WeasyPrint's work, so a caller that must know how
    a document falls on its pages (a poster's sheets) asks here instead of
    reading a written PDF back, and writes the PDF from the same layout.
    """

    def __init__(self, document):
        self._document = document

    @property
    def pages(self) -> int:
        return len(self._document.pages)

    def words(self, page: int) -> list[str]:
        """The words on a page (``-1``: the last) in reading order.

        What its margins hold (a page number) is not counted, nor are list
        bullets. A line's text runs are joined as printed, so a word set
        partly in bold is one word; lines, blocks and inline blocks are
        apart.
        """
        from weasyprint.formatting_structure import boxes

        text: list[str] = []

        def read(box, in_line: bool) -> None:
            if isinstance(box, boxes.MarginBox):
                return
            if isinstance(box, boxes.TextBox):
                if in_line:
                    text.append(box.text)
                return
            if isinstance(box, boxes.ParentBox):
                apart = not isinstance(box, boxes.InlineBox)  # a line, a block, an inline block
                if apart:
                    text.append("\n")
                for child in box.children:
                    read(child, in_line or isinstance(box, boxes.LineBox))
                if apart:
                    text.append("\n")

        read(self._document.pages[page]._page_box, False)
        return "".join(text).split()

    def without_margins(self) -> None:
        """Leave out what the page margins hold (e.g. a page number that one page does not need).

        WeasyPrint lays the margin boxes out after the pages' content, from
        the finished pages, so leaving them out moves nothing else.
        """
        from weasyprint.formatting_structure import boxes

        for page in self._document.pages:
            page._page_box.children = tuple(c for c in page._page_box.children if not isinstance(c, boxes.MarginBox))

    def pdf(self) -> bytes:
        with _reproducible_fonts():
            return self._document.write_pdf(pdf_variant="pdf/ua-1")


def lay_out(html: str, base_url: Path) -> Laid:
    """An HTML page laid out for a tagged PDF (see :func:`render`)."""
    with _reproducible_fonts():
        return Laid(_document(html, base_url))


def render_sheets(html: str, base_url: Path, titles: Mapping[str, str]) -> dict[str, bytes]:
    """One PDF per sheet of an HTML document: {element id: PDF}, each titled ``titles[id]``.

    Each element whose id is a key of ``titles`` must start on a new page
    (``break-before: page``); its PDF has the pages from there to the next
    sheet. Page numbers restart per sheet with a page group in the CSS
    (``@page :nth(1 of NAME) { counter-reset: page 1 }``), so a sheet comes
    out as it would rendered alone.
    """
    with one_document(), _reproducible_fonts():
        return _split(_document(html, base_url), titles)


def _split(document, titles: Mapping[str, str]) -> dict[str, bytes]:
    pages: dict[str, list] = {}
    current = None
    for page in document.pages:
        started = [name for name in titles if name in page.anchors]
        current = started[-1] if started else current
        if current is None:
            raise ValueError("the document's first page belongs to no sheet")
        pages.setdefault(current, []).append(page)
    out = {}
    for name, title in titles.items():
        part = document.copy(pages[name])
        part.metadata = copy.copy(document.metadata)
        part.metadata.title = title
        out[name] = part.write_pdf(pdf_variant="pdf/ua-1")
    return out


@contextlib.contextmanager
def _reproducible_fonts():
    """The font subsets embedded in a PDF carry a "modified" time, which fontTools takes from
    SOURCE_DATE_EPOCH when it is set (reproducible-builds.org) and from the clock otherwise:
    without it, the same HTML would make a different PDF on every build, and an unchanged site
    would not be byte-identical. Set only while a PDF is laid out and written (MkDocs reads the
    same variable for the sitemap's dates), and left alone when the caller set it."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = "0"
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)


def _document(html: str, base_url: Path):
    _load_weasyprint()
    from weasyprint import HTML

    _tag_languages()
    _arrays_of_any_length()
    sheets = [_style_sheet(text, str(base_url)) for text in _STYLE.findall(html)]
    return HTML(string=_STYLE.sub("", html), base_url=str(base_url)).render(
        stylesheets=sheets, font_config=_fonts(), pdf_variant="pdf/ua-1")


#: A ``<style>`` element of a template (posters and hand-outs write them plainly, without attributes).
_STYLE = re.compile(r"<style>(.*?)</style>", re.S)


@functools.lru_cache(maxsize=32)
def _style_sheet(text: str, base_url: str):
    """A style sheet parsed once for every document that has it (all posters of a size and kind share one).

    The document's ``<style>`` elements are given to WeasyPrint as user
    style sheets, in their order: the same rules, without parsing them and
    indexing their selectors again for each poster. The templates' sheets
    use no ``!important``, so coming from the user rather than the author
    changes nothing they set: a ``style`` attribute (a progress bar's
    width) still wins over them, as before.
    """
    from weasyprint import CSS

    return CSS(string=text, base_url=base_url, font_config=_fonts())


@functools.lru_cache(maxsize=1)
def _load_weasyprint() -> None:
    """Import WeasyPrint, loading its libraries (Pango, HarfBuzz …) by their sonames on Linux.

    WeasyPrint tries several names for each library, Windows' and macOS'
    first; for each name that is not a file, cffi asks
    ``ctypes.util.find_library``, which on Linux runs ``ldconfig``, ``gcc``
    and ``ld`` (about twenty processes, 0.2 s of each process that renders
    PDFs, more when they start together). While it is imported there,
    ``find_library`` finds nothing, so each name is passed on until the
    soname (``libpango-1.0.so.0``), which the dynamic loader opens as it
    would any library.
    """
    if not sys.platform.startswith("linux") or "weasyprint" in sys.modules:
        import weasyprint  # noqa: F401
        return
    import ctypes.util

    find_library = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        import weasyprint  # noqa: F401
    finally:
        ctypes.util.find_library = find_library


def load() -> None:
    """Load now what every process that renders PDFs needs (WeasyPrint, the fonts, what the cache's keys
    are made from): before forking processes that will all render, so that it is loaded once."""
    _load_weasyprint()
    _fonts()
    _renderer_stamp()


@functools.lru_cache(maxsize=1)
def _fonts():
    """One font configuration for every document a process lays out: fonts are found and loaded once."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def _tag_languages() -> None:
    """Give each structure element made from an HTML element with ``lang`` the PDF's /Lang (ISO 32000 14.9.2).

    WeasyPrint 70 writes only the document's language; a bilingual sheet needs
    each passage's, so that a screen reader switches voice. Its tag-tree
    builder is wrapped once to copy ``lang`` onto the element it makes; the
    document's language stays on the catalog. Without that internal function
    (another WeasyPrint version), the PDF keeps only the document's language.
    """
    from weasyprint.pdf import tags

    original = getattr(tags, "_build_box_tree", None)
    if original is None or getattr(original, "with_lang", False):
        return

    import pydyf

    def build(box, *args):
        element = getattr(box, "element", None)
        lang = element.get("lang") if element is not None and element.tag != "html" else None
        for made in original(box, *args):
            if lang and "Lang" not in made:
                made["Lang"] = pydyf.String(lang)
            yield made

    build.with_lang = True
    tags._build_box_tree = build


def _arrays_of_any_length() -> None:
    """Let WeasyPrint's font subsetting make its arrays without a C declaration per length.

    It asks cffi for ``hb_codepoint_t[N]`` with N items, and cffi parses the
    declaration of each new N (a few milliseconds each, hundreds of lengths
    in a build's PDFs). That module's ``ffi`` is wrapped once to ask for
    ``hb_codepoint_t[]`` with the same items instead: the same array, one
    declaration parsed. Without that module (another WeasyPrint version),
    nothing changes.
    """
    try:
        from weasyprint.pdf import fonts
    except ImportError:
        return
    if not hasattr(fonts, "ffi") or isinstance(fonts.ffi, _OpenArrays):
        return
    fonts.ffi = _OpenArrays(fonts.ffi)


class _OpenArrays:
    """A cffi ``FFI`` whose ``new("hb_codepoint_t[N]", N items)`` makes ``new("hb_codepoint_t[]", items)``."""

    PREFIX = "hb_codepoint_t["

    def __init__(self, ffi):
        self._ffi = ffi

    def new(self, cdecl, init=None):
        if (isinstance(cdecl, str) and cdecl.startswith(self.PREFIX) and cdecl.endswith("]")
                and hasattr(init, "__len__") and cdecl[len(self.PREFIX):-1] == str(len(init)) and len(init)):
            cdecl = self.PREFIX + "]"
        return self._ffi.new(cdecl, init)

    def __getattr__(self, name):
        return getattr(self._ffi, name)


#: The Python packages a PDF is laid out and written with (Pillow: its preview; segno: a poster's QR code,
#: which the HTML that names the PDF holds as its address, see zavazek.site.posters.qr; a hand-out, which has
#: none, is made again too when segno changes, as when any of the others does).
RENDERING_PACKAGES = ("weasyprint", "pydyf", "pillow", "fonttools", "tinycss2", "cssselect2", "tinyhtml5", "pyphen",
                      "segno")
#: The system's libraries that shape, subset and draw the text (a PDF's bytes change with HarfBuzz's
#: subsetter), and Poppler's, which draws the previews.
RENDERING_LIBRARIES = ("libpango-1.0.so*", "libpangoft2-1.0.so*", "libharfbuzz.so*", "libharfbuzz-subset.so*",
                       "libfontconfig.so*", "libfreetype.so*", "libpoppler.so*")
#: Where the libraries are looked for on Linux (Debian's multiarch folders too; elsewhere none is found,
#: and a library's upgrade goes unnoticed).
LIBRARY_FOLDERS = ("/usr/lib", "/usr/lib64", "/usr/local/lib", "/usr/lib/*-linux-gnu*", "/lib/*-linux-gnu*")


@functools.lru_cache(maxsize=1)
def _renderer_stamp() -> str:
    """What else a PDF depends on: the versions of :data:`RENDERING_PACKAGES`, the files of the installed
    fonts, of :data:`RENDERING_LIBRARIES` and of ``pdftoppm``, and závazek's code.

    závazek's code lays a poster out again when its last sheet is an
    orphan, splits hand-outs, tags languages and makes previews, none of
    which shows in the HTML: a PDF made by another version of the package is
    made again, as is one made before a library or font was upgraded. Read
    without importing WeasyPrint, which takes longer than finding every PDF
    in the cache.
    """
    from importlib.metadata import PackageNotFoundError, version

    from zavazek.site.fingerprint import code_fingerprint

    parts = [code_fingerprint()]
    for package in RENDERING_PACKAGES:
        try:
            parts.append(f"{package} {version(package)}")
        except PackageNotFoundError:
            parts.append(f"{package} -")
    try:
        listed = subprocess.run(["fc-list", "--format", "%{file}\n"], capture_output=True, text=True).stdout
    except OSError:
        listed = ""
    files = set(listed.splitlines())  # a font's path may have spaces
    files.update(str(path.resolve()) for folder in LIBRARY_FOLDERS for pattern in RENDERING_LIBRARIES
                 for path in Path("/").glob(f"{folder.lstrip('/')}/{pattern}"))  # each library file once
    if pdftoppm := shutil.which("pdftoppm"):
        files.add(str(Path(pdftoppm).resolve()))
    for name in sorted(files):
        try:
            stat = Path(name).stat()
        except OSError:
            continue
        parts.append(f"{name} {stat.st_size} {stat.st_mtime_ns}")
    return "\n".join(parts)


def cache_key(html: str) -> str:
    """The name of the PDF made from ``html``: the HTML, what made it, and the date its fonts carry
    (``SOURCE_DATE_EPOCH``, 0 unless the caller set one: :func:`_reproducible_fonts`)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "0")
    return hashlib.sha256(f"{_renderer_stamp()}\nSOURCE_DATE_EPOCH={epoch}\n{html}".encode()).hexdigest()[:32]


class Cache:
    """Rendered files in ``folder``, named by the hash of what they were made from.

    Each entry is a set of files with the same name and the given
    ``suffixes`` (e.g. a PDF and its preview PNG); an entry with one missing
    counts as absent.
    """

    def __init__(self, folder: Path, suffixes: tuple[str, ...] = (".pdf",)):
        self.folder = folder
        self.suffixes = suffixes
        self.used: set[str] = set()

    def find(self, html: str) -> dict[str, bytes] | None:
        key = cache_key(html)
        self.used.add(key)
        try:
            return {s: (self.folder / f"{key}{s}").read_bytes() for s in self.suffixes}
        except FileNotFoundError:
            return None

    def keep(self, html: str, made: dict[str, bytes]) -> None:
        key = cache_key(html)
        self.used.add(key)
        for suffix in self.suffixes:
            kept.write_whole(self.folder / f"{key}{suffix}", lambda out: out.write(made[suffix]))

    def get(self, html: str, make: Callable[[str], dict[str, bytes]]) -> dict[str, bytes]:
        """The entry made from ``html``; ``make(html)`` gives {suffix: bytes} when there is none."""
        found = self.find(html)
        if found is None:
            found = make(html)
            self.keep(html, found)
        return found

    def forget_all_but(self, keys) -> None:
        """Delete the entries other than ``keys`` (when processes took turns at making them, the names
        each one's :attr:`used` holds)."""
        self.used = set(keys)
        self.forget_unused()

    def forget_unused(self) -> None:
        """Delete entries no call asked for (after a build that asked for all it publishes)."""
        for old in self.folder.glob("*"):
            if old.name.split(".")[0] not in self.used:
                old.unlink(missing_ok=True)


def to_png(pdf: bytes, *options: str) -> bytes:
    """The first page as PNG: Poppler's pdftoppm draws it, Pillow writes the file.

    A page without colour (every poster of the example) is written in shades
    of grey: half the bytes of the same picture in colour, and the same
    pixels. Pillow's PNG writer at its default level takes a tenth of the
    time pdftoppm's own takes, at a smaller file.
    """
    from PIL import Image, ImageChops

    drawn = subprocess.run(["pdftoppm", "-singlefile", *options, "-"], input=pdf, capture_output=True,
                           check=True).stdout
    picture = Image.open(io.BytesIO(drawn))
    if picture.mode == "RGB":
        red, green, blue = picture.split()
        if ImageChops.difference(red, green).getbbox() is None and ImageChops.difference(green, blue).getbbox() is None:
            picture = red
    out = io.BytesIO()
    picture.save(out, "PNG")
    return out.getvalue()
