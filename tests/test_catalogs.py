"""Every interface string is translated, with the same placeholders, in every catalog."""

import string
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from zavazek.core import i18n

ROOT = Path(__file__).resolve().parent.parent
CATALOG_LANGUAGES = i18n.catalog_languages()


def _catalog(lang):
    with (i18n.LOCALE_DIR / lang / "LC_MESSAGES" / "zavazek.po").open("rb") as fh:
        return read_po(fh, locale=lang)


def _fields(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("lang", CATALOG_LANGUAGES)
def test_every_message_is_translated_with_the_same_placeholders(lang):
    problems = []
    for message in _catalog(lang):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = set().union(*(_fields(i) for i in ids))
        for s in strings:
            if not s:
                problems.append(f"untranslated: {ids[0]!r}")
            elif _fields(s) - expected:
                problems.append(f"unknown placeholder in {s!r} for {ids[0]!r}")
            elif len(ids) == 1 and _fields(s) != expected:
                problems.append(f"placeholder lost in {s!r} for {ids[0]!r}")
    assert not problems, "\n".join(problems)


def test_catalogs_contain_every_string_the_code_uses():
    """tools/update_catalogs.py was run after the last change to an interface string."""
    sys.path.insert(0, str(ROOT / "tools"))
    import update_catalogs

    used = {m.id for m in update_catalogs.template_catalog() if m.id}
    for lang in CATALOG_LANGUAGES:
        known = {m.id for m in _catalog(lang) if m.id}
        assert used <= known, f"{lang}: missing {sorted(map(str, used - known))[:5]}"


@pytest.mark.parametrize(
    "lang, count, expected",
    [
        ("cs", 1, "jednou ročně"),
        ("cs", 2, "dvakrát ročně"),
        ("cs", 4, "4krát ročně"),
        ("cs", 10, "10krát ročně"),
        ("ru", 1, "раз в год"),
        ("ru", 2, "два раза в год"),
        ("ru", 4, "4 раза в год"),
        ("ru", 10, "10 раз в год"),
        ("ru", 21, "21 раз в год"),
        ("en", 1, "once a year"),
        ("en", 2, "twice a year"),
        ("en", 3, "3 times a year"),
        ("uk", 1, "раз на рік"),
        ("uk", 2, "двічі на рік"),
        ("uk", 4, "4 рази на рік"),
        ("uk", 5, "5 разів на рік"),
        ("uk", 11, "11 разів на рік"),
        ("uk", 21, "21 раз на рік"),
        ("uk", 22, "22 рази на рік"),
        ("vi", 1, "mỗi năm một lần"),
        ("vi", 4, "mỗi năm 4 lần"),
    ],
)
def test_targets_use_each_languages_plural_forms(lang, count, expected):
    from zavazek.core.model.goals import Target
    from zavazek.site.pages.formatting import Formatter

    assert Formatter(lang, "cs").target(Target(count=count, per="year")) == expected


@pytest.mark.parametrize("lang", CATALOG_LANGUAGES)
def test_each_catalog_declares_its_languages_plural_forms(lang):
    """The Plural-Forms header is the one CLDR gives the language (Ukrainian: 3 forms for whole numbers)."""
    from babel.messages.plurals import get_plural

    header = (i18n.LOCALE_DIR / lang / "LC_MESSAGES" / "zavazek.po").read_text(encoding="utf-8")
    expected = get_plural(lang)
    assert f"nplurals={expected.num_plurals};" in header
    assert "".join(header.split("plural=", 1)[1].split('"\n"')).startswith(expected.plural_expr)


@pytest.mark.parametrize(
    "lang, count, expected",
    [
        ("uk", 1, "1 послуга"),
        ("uk", 2, "2 послуги"),
        ("uk", 5, "5 послуг"),
        ("uk", 11, "11 послуг"),
        ("uk", 21, "21 послуга"),
        ("uk", 24, "24 послуги"),
        ("ru", 21, "21 услуга"),
        ("cs", 5, "5 služeb"),
        ("en", 1, "1 service"),
        ("en", 21, "21 services"),
    ],
)
def test_counts_of_services_take_the_plural_form_of_the_number(lang, count, expected):
    ngettext = i18n.ngettext_for(lang)
    assert ngettext("{count} service", "{count} services", count).format(count=count) == expected


@pytest.mark.parametrize("lang", CATALOG_LANGUAGES)
def test_the_site_reads_each_catalog_as_babel_compiles_it(lang):
    # The build reads the .po files with its own short reader (zavazek.core.pofile): every message,
    # in every plural form, must come out as Babel's compiled catalog gives it.
    import gettext
    import io

    from babel.messages.mofile import write_mo

    compiled = io.BytesIO()
    write_mo(compiled, _catalog(lang), use_fuzzy=False)
    compiled.seek(0)
    assert i18n.translations(lang)._catalog == gettext.GNUTranslations(compiled)._catalog


def test_the_catalog_reader_leaves_out_fuzzy_obsolete_and_untranslated_messages(tmp_path):
    from zavazek.core.pofile import read_translations

    po = tmp_path / "x.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
        '"Plural-Forms: nplurals=3; plural=((n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2);\\n"\n\n'
        '#, python-format, fuzzy\nmsgid "Guessed"\nmsgstr "Odhad"\n\n'
        'msgid "Open"\nmsgstr ""\n\n'
        '#~ msgid "Gone"\n#~ msgstr "Pryč"\n\n'
        'msgctxt "door"\nmsgid "Open"\nmsgstr "Otevřeno"\n'
        'msgid "Say \\"hi\\"\\n"\nmsgstr ""\n"Řekni "\n"\\"ahoj\\"\\n"\n\n'
        'msgid "{n} service"\nmsgid_plural "{n} services"\nmsgstr[0] "{n} služba"\nmsgstr[1] "{n} služby"\n'
        'msgstr[2] "{n} služeb"\n',
        encoding="utf-8")
    catalog = read_translations(po)
    assert catalog.gettext("Guessed") == "Guessed" and catalog.gettext("Gone") == "Gone"
    assert catalog.gettext("Open") == "Open" and catalog.pgettext("door", "Open") == "Otevřeno"
    assert catalog.gettext('Say "hi"\n') == 'Řekni "ahoj"\n'
    assert [catalog.ngettext("{n} service", "{n} services", n) for n in (1, 3, 5)] == ["{n} služba", "{n} služby", "{n} služeb"]
