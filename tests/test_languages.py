"""Interface languages: every catalog language reads in its own words; a language without one reads English, marked."""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from babel.messages.pofile import read_po

from site_fixtures import ROOT, copy_site_folder, example_site, page_url, run_zavazek, seed_pdf_cache  # noqa: F401 (fixtures)
from zavazek.site import fallback
from zavazek.site.output import VOID_ELEMENTS
from zavazek.core import i18n
from zavazek.engine.config import open_project

#: The site languages that have an interface catalog, besides Czech (the default, at the site root).
CATALOG_SITE_LANGUAGES = [
    lang for lang in open_project(ROOT).languages[1:] if lang in i18n.catalog_languages()
]
#: Attributes a screen reader announces.
SPOKEN_ATTRIBUTES = ("aria-label", "placeholder", "title", "alt")


def _catalog(lang):
    with (i18n.LOCALE_DIR / lang / "LC_MESSAGES" / "zavazek.po").open("rb") as fh:
        return read_po(fh, locale=lang)


#: Words the other languages write the same way in their own texts ("gửi e-mail", "по e-mail").
LOANWORDS = {"e-mail"}


@functools.cache
def _english_interface_pattern(lang: str) -> re.Pattern:
    """The English wording of the interface: each msgid's text between its placeholders.

    Left out: msgids that stay the same in ``lang``'s translation (``{detail}``, a place
    name written alike) and, in every language, in the Czech one (``Olomouc``, ``IČO``).
    """
    czech = {m.id: m.string for m in _catalog("cs") if m.id and not isinstance(m.id, tuple)}
    parts = set()
    for message in _catalog(lang if lang in i18n.catalog_languages() else "cs"):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for msgid in ids:
            if msgid in strings or czech.get(msgid) == msgid or msgid.lower() in LOANWORDS:
                continue
            for part in re.split(r"\{[^}]*\}", msgid):
                part = part.strip(" .,:;()–-")
                if len(part) >= 4 and re.search(r"[a-z]", part):
                    parts.add(part)
    alternatives = "|".join(re.escape(p) for p in sorted(parts, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def _unmarked_text(html: str, lang: str) -> str:
    """What a reader hears in the page's own language: text and spoken attributes outside
    any element marked with another language."""
    reader = _HeardIn(lang)
    reader.feed(html)
    reader.close()
    # web addresses printed as text (cpic.example.org/ru/sluzby/praha/health/) are not interface words
    return " ".join(word for word in " ".join([" ".join(reader.texts), *reader.spoken]).split() if "/" not in word)


class _HeardIn(HTMLParser):
    """The texts and spoken attributes of a page outside the elements a reader of ``lang`` does not hear
    in ``lang``: those marked with another language, and a ``<title>`` (which cannot carry a language),
    ``<code>`` (field names and file paths, not words), scripts, styles and templates. Read in one pass
    (a parsed tree of each page took three times as long)."""

    LEFT_OUT = frozenset({"script", "style", "template", "title", "code"})

    def __init__(self, lang: str):
        super().__init__(convert_charrefs=True)
        self.lang = lang
        self.texts: list[str] = []
        self.spoken: list[str] = []
        self._open: list[tuple[str, bool]] = []  # (element, left out) of the elements not yet closed
        self._left_out = 0  # how many of them are left out

    def handle_starttag(self, tag, attrs):
        left_out = self._element(tag, attrs)
        if tag not in VOID_ELEMENTS:
            self._open.append((tag, left_out))
            self._left_out += left_out

    def handle_startendtag(self, tag, attrs):
        self._element(tag, attrs)

    def _element(self, tag, attrs) -> bool:
        """Whether the element is left out; if it is heard, its spoken attributes are kept."""
        values = dict(attrs)
        left_out = tag in self.LEFT_OUT or (tag != "html" and values.get("lang") not in (None, self.lang))
        if not self._left_out and not left_out:
            self.spoken += [values[name] for name in SPOKEN_ATTRIBUTES if values.get(name)]
        return left_out

    def handle_endtag(self, tag):
        if any(name == tag for name, _ in self._open):  # an end tag without a start is ignored, as browsers do
            while self._open:
                name, left_out = self._open.pop()
                self._left_out -= left_out
                if name == tag:
                    break

    def handle_data(self, data):
        if not self._left_out:
            self.texts.append(data)


def _english_found(site: Path, lang: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for page in sorted((site / lang).rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        assert re.search(rf'<html lang="{lang}"', html), page
        for match in set(_english_interface_pattern(lang).findall(_unmarked_text(html, lang))):
            found.setdefault(match, []).append(str(page.relative_to(site)))
    return found


@pytest.mark.parametrize("lang", CATALOG_SITE_LANGUAGES)
def test_every_interface_string_on_every_page_is_in_the_pages_language(example_site, lang):
    found = _english_found(example_site, lang)
    assert not found, "\n".join(f"{text!r} on {pages[:3]}" for text, pages in found.items())


def test_the_check_for_english_interface_text_finds_it_on_english_pages(example_site):
    found = _english_found(example_site, "en")
    assert {"How to complain", "Opening hours", "Our commitment"} <= set(found)


# --- a language without a catalog -----------------------------------------------


@pytest.fixture(scope="module")
def arabic_site(tmp_path_factory, icp_site):
    """The second example with Arabic added to its languages, and the build's output."""
    folder = seed_pdf_cache(copy_site_folder(ROOT / "examples" / "icp", tmp_path_factory.mktemp("icp-ar")), icp_site)
    config_path = folder / "mkdocs.yml"
    text = config_path.read_text(encoding="utf-8")
    config = yaml.safe_load(re.sub(r"!!python/\S+", "", text))
    (i18n_options,) = [p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p]
    assert "ar" not in [e["locale"] for e in i18n_options["languages"]]
    anchor = "          site_name: Integration Centre Prague\n"
    assert anchor in text
    text = text.replace(anchor, anchor + "        - locale: ar\n          name: العربية\n          build: true\n"
                        "          site_name: مركز الاندماج في براغ\n")
    config_path.write_text(text, encoding="utf-8")
    (folder / "docs").mkdir(exist_ok=True)  # a hand-written page in Czech and English, none in Arabic
    (folder / "docs" / "o-webu.md").write_text("# O tomto webu\n\nStránku psali pracovníci.\n", encoding="utf-8")
    (folder / "docs" / "o-webu.en.md").write_text("# About this website\n\nWritten by the staff.\n", encoding="utf-8")
    result = run_zavazek("build", str(folder))
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / "site", result.stdout + result.stderr


def test_a_language_without_a_catalog_gets_a_build_warning_saying_the_interface_is_english(arabic_site):
    _, output = arabic_site
    warning = [block for block in output.split("\n\n") if "plugins.i18n.languages" in block]
    assert warning, output[-2000:]
    assert "“ar”" in warning[0] and "in English" in warning[0]


def test_english_interface_text_of_a_language_without_a_catalog_is_marked_english(arabic_site):
    site, _ = arabic_site
    assert not _english_found(site, "ar")
    home = (site / "ar" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(home, "html.parser")
    english = " ".join(el.get_text(" ") for el in soup.find_all(attrs={"lang": "en"}))
    assert "How to complain" in english
    assert "\ue000" not in home and "\ue001" not in home


def test_pages_of_a_right_to_left_language_are_set_right_to_left(arabic_site):
    site, _ = arabic_site
    soup = BeautifulSoup((site / "ar" / "zavazek" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.html["lang"] == "ar"
    assert "rtl" in (soup.html.get("dir"), soup.body.get("dir"))


def test_no_mark_of_the_english_interface_is_left_in_any_output(arabic_site):
    site, _ = arabic_site
    leftovers = [
        str(p.relative_to(site)) for p in site.rglob("*")
        if p.is_file() and p.suffix in {".html", ".json", ".csv", ".xml", ".js", ".txt"}
        and ("\ue000" in p.read_text(encoding="utf-8", errors="replace")
             or "\ue001" in p.read_text(encoding="utf-8", errors="replace"))
    ]
    assert leftovers == []


def test_a_hand_written_page_not_yet_written_in_a_language_is_marked_czech_and_not_yet_translated(arabic_site):
    site = arabic_site[0]
    soup = BeautifulSoup((site / "ar" / "o-webu" / "index.html").read_text(encoding="utf-8"), "html.parser")
    body = soup.select_one("[data-pagefind-body]")
    assert body.select_one(".zv-untranslated") is not None
    assert body.select_one("h1").find_parent(attrs={"lang": True})["lang"] == "cs"
    english = BeautifulSoup((site / "en" / "o-webu" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert english.select_one("[data-pagefind-body] .zv-untranslated") is None


def _soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def _nav_labels(soup: BeautifulSoup) -> list[str]:
    """The labels of the site's menu, in order."""
    return [" ".join(a.get_text().split()) for a in soup.select("nav.md-nav--primary a.md-nav__link")]


@pytest.mark.parametrize("lang", CATALOG_SITE_LANGUAGES)
def test_the_menu_and_every_menu_pages_heading_are_in_the_pages_language(example_site, lang):
    """Every menu entry differs from its Czech one (all five languages write these words differently)."""
    czech, own = _soup(example_site, ""), _soup(example_site, lang)
    pairs = list(zip(_nav_labels(czech), _nav_labels(own)))
    assert len(pairs) >= 6 and len(_nav_labels(czech)) == len(_nav_labels(own))
    assert [cs for cs, translated in pairs if cs == translated] == []
    for link in own.select("nav.md-nav--primary a.md-nav__link[href]"):
        href = link["href"].split("#")[0]
        if href.startswith(("http", "/", "mailto:")) or not href:
            continue
        page = (example_site / lang / href).resolve()
        page = page / "index.html" if page.is_dir() else page
        heading = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("[data-pagefind-body] h1")
        assert heading is not None and heading.find_parent(attrs={"lang": "cs"}) is None, (lang, href)
        assert heading.find_parent(attrs={"class": "zv-untranslated"}) is None


#: How many languages the About page says the site has, in each language.
FIVE = {"cs": "v pěti jazycích", "en": "five languages", "ru": "на пяти языках", "uk": "п’ятьма мовами",
        "vi": "năm ngôn ngữ"}


def test_the_about_page_says_the_site_is_in_its_five_languages_in_every_language(example_site):
    languages = open_project(ROOT).languages
    assert len(languages) == 5 and set(FIVE) == set(languages)
    for lang in languages:
        text = " ".join(_soup(example_site, page_url("o-webu", lang)).select_one("[data-pagefind-body]").get_text().split())
        assert FIVE[lang] in text, lang
        assert not re.search(r"čtyř|four|четыр|bốn", text), lang


def test_the_vietnamese_commitment_names_the_public_defender_of_rights_in_czech_only_once_per_mention(example_site):
    text = " ".join(_soup(example_site, "vi/zavazek").select_one("[data-pagefind-body]").get_text().split())
    assert "Thanh tra Bảo vệ Quyền" in text
    assert "(Veřejný ochránce práv) (Veřejný ochránce práv)" not in text
    assert text.count("Veřejný ochránce práv") == 1


@pytest.mark.parametrize(
    "marked, expected",
    [
        ("<h1 id=\"a\">\ue000Our commitment\ue001</h1>", "<h1 id=\"a\" lang=\"en\">Our commitment</h1>"),
        ("<p>\ue000Approved on <a href=\"#d\">1. 2.</a>\ue001 نص</p>",
         "<p><span lang=\"en\">Approved on <a href=\"#d\">1. 2.</a></span> نص</p>"),
        ("<select><option>\ue000any language\ue001</option></select>",
         "<select><option lang=\"en\">any language</option></select>"),
        ("<input placeholder=\"\ue000Search\ue001\">", "<input placeholder=\"Search\" lang=\"en\">"),
        ("<p>\ue000Services in \ue000Prague\ue001\ue001</p>", "<p lang=\"en\">Services in Prague</p>"),
        ("<a lang=\"cs\">\ue000Home\ue001</a>", "<a lang=\"cs\"><span lang=\"en\">Home</span></a>"),
        ("<title>\ue000Home\ue001 - موقع</title><script>x=\"\ue000a\ue001\"</script>",
         "<title>Home - موقع</title><script>x=\"a\"</script>"),
    ],
)
def test_english_interface_strings_become_elements_marked_english(marked, expected):
    assert fallback.mark_html(marked) == expected


def test_phone_numbers_of_the_third_example_are_never_broken_over_two_lines_at_360_px(opu_site):
    from browser import chromium_path, launch_chromium, serve_directory

    if chromium_path() is None:
        pytest.skip("Debian's chromium is not installed")
    with serve_directory(opu_site) as base, launch_chromium() as browser:
        page = browser.new_page(viewport={"width": 360, "height": 800})
        for lang in ("ru", "vi", "cs"):
            page.goto(f"{base}/{'' if lang == 'cs' else lang + '/'}")
            assert page.eval_on_selector("body", "b => getComputedStyle(b).margin") == "0px"  # the theme's styles apply
            lines = page.eval_on_selector_all(
                "[data-pagefind-body] a[href^='tel:'], [data-pagefind-body] a[href^='sms:']",
                "links => links.map(a => [a.textContent, new Set([...a.getClientRects()].map(r => Math.round(r.top))).size])")
            assert lines and all(n == 1 for _, n in lines), (lang, lines)


def test_the_third_examples_vietnamese_home_page_has_no_czech_heading(opu_site):
    soup = _soup(opu_site, "vi")
    headings = soup.select("[data-pagefind-body] h1, [data-pagefind-body] h2, [data-pagefind-body] h3")
    czech = [h.get_text(" ", strip=True) for h in headings if h.find_parent(attrs={"lang": "cs"}) or h.get("lang") == "cs" or h.select_one('[lang="cs"]')]
    assert len(headings) >= 4 and czech == []
