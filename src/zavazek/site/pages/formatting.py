"""How data values are written on a page in a given language.

Each function returns safe HTML (:class:`markupsafe.Markup`): text from the
data is escaped, so HTML or script typed into a field shows literally.
"""

from __future__ import annotations

import datetime as dt
import html
import re

import markdown as _markdown
import nh3
from markupsafe import Markup, escape

from zavazek.site import cldr
from zavazek.site.links import mailto, sms, tel
from zavazek.site import fallback
from zavazek.core.model import codes, hours
from zavazek.site import hours_text
from zavazek.core.model.codes import N_, NP_
from zavazek.core.model.goals import is_overdue
from zavazek.core.model.types import PlaceName, Text, YEAR_END
from zavazek.core.placeholders import MARKERS, is_placeholder, strip_marker

#: Per period: the words for once and twice ("once a year", not "1 time a year"), then any other count.
_TARGET_PHRASES = {
    "year": (N_("once a year"), N_("twice a year"), NP_("{count} time a year", "{count} times a year")),
    "quarter": (N_("once a quarter"), N_("twice a quarter"), NP_("{count} time a quarter", "{count} times a quarter")),
    "month": (N_("once a month"), N_("twice a month"), NP_("{count} time a month", "{count} times a month")),
    "week": (N_("once a week"), N_("twice a week"), NP_("{count} time a week", "{count} times a week")),
}

_ALLOWED_TAGS = {"a", "em", "strong", "p", "ul", "ol", "li", "br", "code"}
#: Anything that could be Markdown: emphasis, links, code, lists, headings, line breaks, entities.
#: What a code span or block holds, as Markdown writes it.
_CODE = re.compile(r"(<code[^>]*>)(.*?)(</code>)", re.S)
_MARKDOWN_SYNTAX = re.compile(r"[*_`\[\]<>#&\\\n]|^\s*(?:[-+]|\d+\.)\s|https?://|www\.")
_MD_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>])")


class Formatter:
    """Formatting for one page language; ``default`` is the fallback language."""

    def __init__(self, lang: str, default: str):
        self.lang = lang
        self.default = default
        translations = fallback.page_translations(lang)
        self.gettext = translations.gettext
        self.ngettext = translations.ngettext

    # --- texts from the data -------------------------------------------------

    def pick(self, text: Text | None) -> tuple[str, str] | None:
        """(language, text) to show: the page's language, else the default, else any.

        A placeholder's marker becomes the words "Not yet filled in:" (headings, titles).
        """
        picked = self._pick(text)
        if picked is not None and is_placeholder(picked[1]):
            return picked[0], f"{self.gettext('Not yet filled in:')} {strip_marker(picked[1])}"
        return picked

    def _pick(self, text: Text | None) -> tuple[str, str] | None:
        if text is None:
            return None
        for lang in (self.lang, self.default, *sorted(text.languages())):
            value = text.get(lang)
            if value:
                return lang, value
        return None

    def text(self, text: Text | None, block: bool = False) -> Markup:
        """A data text, escaped; in another language it carries its own ``lang`` and a note."""
        picked = self._pick(text)
        if picked is None:
            return Markup("")
        lang, value = picked
        if is_placeholder(value):
            return self._unfilled(value, block)
        if lang == self.lang and text.is_outdated(lang):
            return self._outdated(escape(value), escape(text[self.default]), block)
        return self._mark(lang, escape(value), block)

    def rich(self, text: Text | None) -> Markup:
        """A data text that may use a little Markdown (links, emphasis, lists), sanitised."""
        picked = self._pick(text)
        if picked is None:
            return Markup("")
        lang, value = picked
        if is_placeholder(value):
            return self._unfilled(value, block=True)
        if lang == self.lang and text.is_outdated(lang):
            return self._outdated(self._rich(value), self._rich(text[self.default]), block=True)
        return self._mark(lang, self._rich(value), block=True)

    @staticmethod
    def _rich(value: str) -> Markup:
        if not _MARKDOWN_SYNTAX.search(value):  # plain text: one paragraph, no need for the Markdown parser
            return Markup(f"<p>{escape(value)}</p>")
        # Escaped before Markdown reads it, so that HTML typed into the data stays text. Markdown escapes a
        # code span's content once more: it is unescaped once, and `<b>` shows as typed.
        rendered = _markdown.markdown(html.escape(value, quote=False), output_format="html")
        rendered = _CODE.sub(lambda code: code.group(1) + html.unescape(code.group(2)) + code.group(3), rendered)
        return Markup(nh3.clean(
            rendered,
            tags=_ALLOWED_TAGS,
            attributes={"a": {"href"}},
            url_schemes={"http", "https", "mailto", "tel"},
            link_rel="noopener",
        ))

    def _outdated(self, value: Markup, original: Markup, block: bool) -> Markup:
        """A translation made from an earlier default-language text: a note, and the text now, one step away."""
        if block:
            note = self.gettext("The Czech text has changed since this was translated. Show the Czech text")
            return Markup(
                '<div class="zv-outdated">{}<details class="zv-outdated-note"><summary>{}</summary>'
                '<div lang="{}">{}</div></details></div>'
            ).format(value, note, self.default, original)
        note = self.gettext("the Czech text has changed since this was translated; it now reads:")
        return Markup('{} <span class="zv-outdated-note">({} <span lang="{}">{}</span>)</span>').format(
            value, note, self.default, original
        )

    def is_fallback(self, text: Text | None) -> bool:
        picked = self.pick(text)
        return picked is not None and picked[0] != self.lang

    def _unfilled(self, value: str, block: bool) -> Markup:
        """A placeholder of ``zavazek new``: labelled "not yet filled in", never shown as if it were real."""
        tag = "div" if block else "span"
        written_in = "cs" if value.lstrip().startswith(MARKERS[0]) else "en"
        lang = "" if written_in == self.lang else f' lang="{written_in}"'
        label = self.gettext("Not yet filled in:")
        return Markup(
            f'<{tag} class="zv-unfilled"><strong>{escape(label)}</strong> '
            f'<span{lang}>{escape(strip_marker(value))}</span></{tag}>'
        )

    def _mark(self, lang: str, value: Markup, block: bool) -> Markup:
        if lang == self.lang:
            return value
        tag = "div" if block else "span"
        note = self.gettext("not yet translated")
        return Markup(
            f'<{tag} lang="{lang}" class="zv-fallback">{value}</{tag}>'
            f' <span class="zv-untranslated">({escape(note)})</span>'
        )

    # --- place names ------------------------------------------------------------
    #
    # A town on its own (a card, a heading, a list) reads "Брно (Brno)": the form the
    # reader knows, and the Czech one that is on the street signs, the bus and the
    # map. A postal address (``Address.one_line``) stays as on the envelope, in Czech.
    # A Czech name on another language's page is not a missing translation.

    def place_name(self, name: PlaceName | str) -> str:
        """A town's or district's name in the page's language, else its Czech name."""
        return name.in_language(self.lang) if isinstance(name, PlaceName) else str(name)

    def place(self, name: PlaceName | str) -> Markup:
        """The name in the page's language, with the Czech name beside it where they differ."""
        local = self.place_name(name)
        if local == str(name):
            return escape(local)
        return Markup('{} <span lang="cs" class="zv-place-cs">({})</span>').format(local, str(name))

    def city(self, address) -> Markup:
        """An address's town for a card or heading: ``Брно (Brno)`` on a Russian page."""
        return self.place(address.city)

    def plain(self, value: str | None) -> Markup:
        """A plain value from the data (a street, a short name), escaped; a placeholder shows as not yet filled in."""
        if value is None:
            return Markup("")
        return self._unfilled(value, block=False) if is_placeholder(value) else escape(value)

    def address(self, address) -> Markup:
        """A postal address on one line, as on the envelope (Czech): ``street, postcode town``."""
        return Markup("{}, {} {}").format(self.plain(address.street), address.postcode, str(address.city))

    def where(self, place) -> Markup:
        """Where a place is: its town and street, or for field work "We come to you: Domažlice, Klatovy …"."""
        if place.area is None:
            a = place.address
            street = Markup(", {}").format(self.plain(a.street)) if a.street else ""
            return Markup("<strong>{}</strong>{}").format(self.city(a), street)
        return Markup("<span><strong>{}</strong> {}</span>").format(self.gettext("We come to you:"), self.area(place))

    def address_line(self, place) -> Markup:
        """The postal address on one line, or the area of field work (never an invented street)."""
        if place.area is None:
            return self.address(place.address)
        return Markup(escape(self.gettext("We come to you: {places}").format(places=self.area(place))))

    def area(self, place) -> str:
        """The districts and towns field workers come to: "Domažlice, Klatovy, Horažďovice"."""
        names = [self.district(d) for d in place.area.districts] + [self.place_name(t) for t in place.area.towns]
        return ", ".join(names)

    def appointment(self, place) -> Markup:
        """How to book a place open by appointment: "By appointment: call …, e-mail …, text …"."""
        a = place.appointment
        ways = []
        if a.phone:
            ways.append(Markup('{} <a class="zv-tel" href="{}">{}</a>').format(
                self.gettext("call"), tel(a.phone), a.phone))
        if a.email:
            ways.append(Markup('{} <a href="{}">{}</a>').format(self.gettext("e-mail"), mailto(a.email), a.email))
        if a.text_message:
            ways.append(Markup('{} <a class="zv-tel" href="{}">{}</a>').format(
                self.gettext("send a text message to"), sms(a.text_message), a.text_message))
        return Markup("{}: {}").format(self.gettext("By appointment"), Markup(", ").join(ways))

    def today_line(self, place, day: dt.date) -> Markup:
        """The home page's "today" for a place: its hours today, or how to book one by appointment."""
        if place.appointment is not None:
            return self.appointment(place)
        return Markup(escape(self.hours_today(place.opening_hours, day)))

    def district(self, code: str) -> str:
        """A district (LAU 1 code) by its name in the page's language."""
        return self.place_name(codes.DISTRICTS[code][1])

    # --- values ---------------------------------------------------------------

    def date(self, value: dt.date | None, form: str = "long") -> str:
        return cldr.format_date(value, self.lang, form) if value else ""

    def number(self, value) -> str:
        return cldr.format_number(value, self.lang)

    def label(self, msgid: str) -> str:
        return self.gettext(msgid)

    def target(self, target) -> str:
        """``count: 4, per: year`` -> "4 times a year" / "4krát ročně" / "4 раза в год"."""
        once, twice, (singular, plural) = _TARGET_PHRASES[target.per]
        if target.count in (1, 2):
            return self.gettext(once if target.count == 1 else twice)
        return self.ngettext(singular, plural, target.count).format(count=self.number(target.count))

    @staticmethod
    def fill(message: str, **values) -> str:
        """A translated message with its placeholders filled in; a value that ends with a full stop
        ("20 ноября 2026 г.") takes the place of the message's own one, so no "г.." appears."""
        for name, value in values.items():
            if str(value).endswith("."):
                message = message.replace(f"{{{name}}}.", f"{{{name}}}")
        return message.format(**values)

    @staticmethod
    def sentence(text: str) -> str:
        """``text`` closed by a full stop, unless it already ends with one ("2026 г." stays, no "г..")."""
        text = text.rstrip()  # Markup stays Markup
        return text if not text or text[-1] in ".!?…" else text + "."

    def progress(self, progress) -> str:
        return self.ngettext("{done} of {of} done", "{done} of {of} done", progress.of).format(
            done=self.number(progress.done), of=self.number(progress.of)
        )

    def goal_status(self, goal, group, year: int, today: dt.date) -> tuple[str, bool]:
        """An operational goal's status as a reader sees it, and whether it is overdue.

        A goal past its deadline that is neither done nor dropped reads
        "overdue", whatever status the data still gives it.
        """
        if is_overdue(goal, group, year, today):
            return self.gettext("overdue"), True
        return self.label(codes.GOAL_STATUSES[goal.status]), False

    def deadline(self, value, year: int | None = None) -> str:
        if value is None:
            return ""
        if value == YEAR_END:
            if year:
                return self.gettext("at the year-end closing ({date})").format(
                    date=self.date(dt.date(year, 12, 31))
                )
            return self.gettext("at each year-end closing")
        return self.date(value)

    def time(self, value: dt.time) -> str:
        return cldr.format_time(value, self.lang)

    def hours(self, opening_hours) -> list[tuple[str, str]]:
        """[(weekday name, "8:30–12:00, 13:00–17:00"), …] for the open days."""
        return hours_text.rows(opening_hours, self.lang)

    def week(self, opening_hours) -> str:
        """The week on one line: "Po, St 8:30–12:00, 13:00–17:00; Út, Čt 8:30–12:00"."""
        return hours_text.compact(opening_hours, self.lang)

    def hours_today(self, opening_hours, day: dt.date) -> str:
        """"Today (Mon, Nov 23): 8:30–12:00, 13:00–17:00" or "Closed today (…)".

        The site is static, so "today" is the day of the build; the date is
        written out so that a reader of an older build is not misled.
        """
        ranges = hours.hours_on(opening_hours, day)
        when = cldr.format_day(day, self.lang)
        if not ranges:
            return self.gettext("Closed today ({day})").format(day=when)
        return self.gettext("Today ({day}): {hours}").format(day=when, hours=hours_text.ranges_text(ranges, self.lang))

    def weekday(self, index: int, width: str = "wide") -> str:
        """0 = Monday; ``abbreviated`` gives "Po", "Mon", "Пн", "Th 2"."""
        return hours_text.weekday_text(index, self.lang, width)

    def languages(self, language_codes) -> str:
        """"čeština, angličtina, ruština": language names in the page's language."""
        names = cldr.language_names(self.lang)
        return ", ".join(names[code] for code in language_codes)

    def days(self, count: int) -> str:
        return self.ngettext("{count} day", "{count} days", count).format(count=self.number(count))


def md_heading(value: str) -> Markup:
    """Text safe to place in a Markdown heading line."""
    return Markup(_MD_SPECIALS.sub(r"\\\1", html.escape(value, quote=False).replace("\n", " ")))
