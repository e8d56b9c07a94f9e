"""The MPSV open dataset of registered social services: field names, codelist ids, and how they map to ours.

This is the one module that knows the dataset's field names and codelist ids.
Everything else reads :mod:`.records`.

What is confirmed, and where
----------------------------
* Dataset page: https://data.mpsv.cz/web/data/rpss ("Registr poskytovatelů
  sociálních služeb"). All services and providers with their history, from
  1 Jan 2007 on (so ended services are in the file too). It is refreshed
  **once a day**: "Opendatová sada 1x denně / Aktualizace dat z AIS 1x denně".
* Terms of use (the licence): https://data.mpsv.cz/web/data/podminky-uziti (last
  updated 4 May 2022). The distribution "neobsahuje autorská díla", is not a
  database protected by copyright or by the sui generis right, and "neobsahuje
  osobní údaje"; no attribution is required. It does hold people's names
  all the same (``poskytovatel.statutarniOrgany``), so that field is never read.
* Files (addresses used by public code, not listed on the page itself):
  ``https://data.mpsv.cz/od/soubory/rpss/rpss.json`` (about 99 MB, about 6,700
  services and 18,900 facilities in August–September 2026, UTF-8),
  ``…/rpss/rpss.schema.json``, and codelists ``…/od/soubory/ciselniky/{name}.json``
  (``druhy-socialni-sluzby``, ``cilove-skupiny-osoby``, ``vekove-skupiny-osoby``,
  ``formy-soc-sluzby``, ``typy-kapacity-socialni-sluzby``, ``kraje``, ``okresy``,
  ``obce``, ``casti-obci``).
* Public repositories that read the file, whose code and notes confirm the
  structure: zdenekpesicka/AutomatizaceKatalogu (``import/mpsv.py``,
  ``import/ciselniky.py``, ``import/build_katalog.py``, ``CLAUDE.md`` §2.1 "ověřeno
  proti reálným datům", 27–31 Aug 2026); AnnaTrejdlova/socialni-atlas-ustecko
  (``backend/download_data.py``); pavlinak7/registr_poskytovatelu_socialnich_sluzeb
  (``socialni_sluzby.py``). None of them streams the file.
* Root: an object whose first key is ``polozky``, an array with one item per
  registered service. Codelists have the same root key; each codelist item has
  ``id`` (``"DruhSocialniSluzby/13"``) and ``nazev.cs``; ``kraje`` items have
  ``kodNuts3``, ``okresy`` items ``kodLau``, ``obce`` items ``kod``.
* A service's keys: ``portalId`` (integer), ``id``, ``identifikator`` (string, the
  registry identifier), ``datumPoskytovaniOd``/``Do`` (``"YYYY-MM-DD"`` or null),
  ``kontaktniAdresy``, ``druhSocialniSluzby`` (``{"id": "DruhSocialniSluzby/13"}``),
  ``zarizeni``, ``poskytovatel`` (``ico``: 8-digit string, ``nazev``, contacts,
  ``statutarniOrgany``), ``emaily``, ``telefony``, ``faxy``, ``weby``,
  ``ciloveSkupiny`` (``[{"cilovaSkupina": {"id": "CilovaSkupinaOsoby/24"}}]``),
  ``vekoveSkupiny``, ``doplnujiciInformaceVekoveSkupiny``, ``formy``,
  ``rozsirenePusobnostiVKraji``, ``doplnkoveUdaje``.
* ``formy[]``: ``forma.id`` ``FormaSocialniSluzby/pob|amb|ter``,
  ``nepretrzitePoskytovani``, ``casoveRozsahy``, ``kapacity[]`` with ``pocet`` (the
  registered maximum, not free places), ``popis`` and ``typ.id``
  ``TypKapacitySocialniSluzby/klient|kontakt|interv|luzka|hovor``.
* ``zarizeni[]``: ``nazev``, ``poskytujeOd``/``Do``, ``utajenaAdresa`` (boolean; when
  true the address is missing or null), ``adresa`` with ``ulice.nazev``,
  ``cisloDomovni`` (int), ``cisloOrientacni`` (text), ``psc`` (5 digits, no space),
  ``kodAdresnihoMista`` (int, RÚIAN), and ``kraj``/``okres``/``obec``/``castObce`` ids
  (RÚIAN codes; ``okres`` is null in Prague). A facility's own ``id`` is null.
* Codelist ids confirmed by real data: ``DruhSocialniSluzby`` 1, 3, 4, 5, 8, 10, 13,
  14, 29 (names seen in output) and 6, 9, 11, 12, 15, 18, 19, 23, 28, 30, 32, 33 (names
  in a configuration file); ``CilovaSkupinaOsoby`` 24 senioři, 26 pečující osoby,
  27 osoby s potřebou paliativní péče, 30 osoby žijící s demencí; ``Kraj/19`` Praha,
  ``Kraj/51`` Karlovarský kraj with ``Okres/3402`` Cheb.

What could not be confirmed
---------------------------
* The text of ``rpss.schema.json`` (no public copy); whether the root has keys
  besides ``polozky``; the type of ``id``.
* The names of service kinds 2, 7, 16, 17, 20–22, 24–27, 31, 34 (inferred from the
  order of the Act); the codelist names carry no §, so the § below is ours.
* Every target-group id but 24, 26, 27 and 30: the ids in :data:`TARGET_GROUP_IDS`
  marked GUESS assume the codelist is in alphabetical order (which puts
  "senioři" at 24, as confirmed). Give the codelist file and names decide.
* The age-group codelist (ids, and the inner shape of ``vekoveSkupiny``, read here
  as ``[{"vekovaSkupina": {"id": "VekovaSkupinaOsoby/N"}}]``): ages come only from
  the names in ``vekove-skupiny-osoby.json`` when it is given.
* The names of capacity types ``kontakt`` and ``hovor``.
* Kraj and Okres ids other than those above: :data:`KRAJ_NUTS3` and
  :data:`OKRES_LAU` follow RÚIAN's codes (VÚSC and okres) as they are known, but
  only 19, 51 and 3402 are confirmed in the register's data; ``kraje.json``
  (``kodNuts3``) and ``okresy.json`` (``kodLau``) replace them when given.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from zavazek.core.model import codes
from zavazek.core.problems import DataError, Message, Problem
from zavazek.core.registry.records import (
    AgeGroup, Capacity, Facility, Kind, RegisteredService, RegistryAddress, TargetGroupRef,
)

#: The root key: an array, one item per registered service. ``ijson`` prefix of an item.
ROOT = "polozky"
ITEM_PREFIX = "polozky.item"

#: Fields of a service that must be there; a missing one means the format changed.
REQUIRED_FIELDS = (
    "identifikator", "datumPoskytovaniOd", "druhSocialniSluzby", "poskytovatel", "zarizeni",
    "ciloveSkupiny", "formy",
)
#: Never read: people's names. The reader drops them while parsing, before any Python object holds them.
PERSONAL_FIELDS = ("poskytovatel.statutarniOrgany",)
#: Not used by závazek; dropped while parsing, so that a record holds only what is read.
UNUSED_FIELDS = (
    "kontaktniAdresy", "emaily", "telefony", "faxy", "weby", "doplnkoveUdaje", "rozsirenePusobnostiVKraji",
    "poskytovatel.emaily", "poskytovatel.telefony", "poskytovatel.weby", "poskytovatel.adresa",
)

# --- kinds of service -------------------------------------------------------------------------------

#: DruhSocialniSluzby id -> (nazev.cs, status). C: seen in real output; K: in a configuration file of
#: a consumer of the real data; I: INFERRED from the order of Act 108/2006 (NOT CONFIRMED).
KIND_NAMES = {
    "1": ("odborné sociální poradenství", "C"),
    "3": ("osobní asistence", "C"),
    "4": ("pečovatelská služba", "C"),
    "5": ("tísňová péče", "C"),
    "6": ("průvodcovské a předčitatelské služby", "K"),
    "7": ("podpora samostatného bydlení", "I"),
    "8": ("odlehčovací služby", "C"),
    "9": ("centra denních služeb", "K"),
    "10": ("denní stacionáře", "C"),
    "11": ("týdenní stacionáře", "K"),
    "12": ("domovy pro osoby se zdravotním postižením", "K"),
    "13": ("domovy pro seniory", "C"),
    "14": ("domovy se zvláštním režimem", "C"),
    "15": ("chráněné bydlení", "K"),
    "16": ("sociální služby poskytované ve zdravotnických zařízeních lůžkové péče", "I"),
    "17": ("raná péče", "I"),
    "18": ("telefonická krizová pomoc", "K"),
    "19": ("tlumočnické služby", "K"),
    "20": ("azylové domy", "I"),
    "21": ("domy na půl cesty", "I"),
    "22": ("kontaktní centra", "I"),
    "23": ("krizová pomoc", "K"),
    "24": ("nízkoprahová denní centra", "I"),
    "25": ("nízkoprahová zařízení pro děti a mládež", "I"),
    "26": ("noclehárny", "I"),
    "27": ("služby následné péče", "I"),
    "28": ("sociálně aktivizační služby pro rodiny s dětmi", "K"),
    "29": ("sociálně aktivizační služby pro seniory a osoby se zdravotním postižením", "C"),
    "30": ("sociálně terapeutické dílny", "K"),
    "31": ("terapeutické komunity", "I"),
    "32": ("terénní programy", "K"),
    "33": ("sociální rehabilitace", "K"),
    # 2 and 34: no name found (34 may be intervenční centra or centra duševního zdraví).
}

#: Our SERVICE_KINDS code -> the codelist's nazev.cs for it (the codelist file, when given, is matched by name).
KIND_CODE_NAMES = {
    "odborne_socialni_poradenstvi": "odborné sociální poradenství",
    "terenni_programy": "terénní programy",
    "socialne_aktivizacni_sluzby_pro_rodiny": "sociálně aktivizační služby pro rodiny s dětmi",
    "nizkoprahova_zarizeni": "nízkoprahová zařízení pro děti a mládež",
    "krizova_pomoc": "krizová pomoc",
    "tlumocnicke_sluzby": "tlumočnické služby",
    "azylove_domy": "azylové domy",
    "socialni_rehabilitace": "sociální rehabilitace",
}

# --- forms, capacities ------------------------------------------------------------------------------

#: FormaSocialniSluzby id -> our SERVICE_FORMS code (all three confirmed).
FORMS = {"pob": "residential", "amb": "ambulant", "ter": "field"}

#: TypKapacitySocialniSluzby id -> nazev.cs; kontakt and hovor: exact text NOT CONFIRMED.
CAPACITY_UNITS = {
    "klient": "Počet klientů",
    "luzka": "Počet lůžek",
    "interv": "Počet intervencí (30 min. jednání)",
    "kontakt": "Počet kontaktů",  # NOT CONFIRMED
    "hovor": "Počet hovorů",  # NOT CONFIRMED
}

# --- target groups ----------------------------------------------------------------------------------

#: CilovaSkupinaOsoby id -> (nazev.cs, our code or None, confirmed).
#: Confirmed: 24, 26, 27, 30 (AutomatizaceKatalogu CLAUDE.md §2.1, "Známé hodnoty číselníků").
#: Every other id is a GUESS (alphabetical order of the names, which puts "senioři" at 24):
#: NOT CONFIRMED, and records mapped through it say ``confirmed=False``.
TARGET_GROUP_IDS = {
    "2": ("etnické menšiny", "etnicke_mensiny", False),  # GUESS, NOT CONFIRMED
    "3": ("imigranti a azylanti", "imigranti_a_azylanti", False),  # GUESS, NOT CONFIRMED
    "5": ("oběti obchodu s lidmi", "obeti_obchodu_s_lidmi", False),  # GUESS, NOT CONFIRMED
    "7": ("osoby bez přístřeší", "osoby_bez_pristresi", False),  # GUESS, NOT CONFIRMED
    "19": ("osoby v krizi", "osoby_v_krizi", False),  # GUESS, NOT CONFIRMED
    "21": ("osoby žijící v sociálně vyloučených komunitách", "osoby_ze_socialne_vyloucenych_komunit", False),  # GUESS
    "23": ("rodiny s dítětem/dětmi", "rodiny_s_detmi", False),  # GUESS, NOT CONFIRMED
    "24": ("senioři", None, True),
    "26": ("pečující osoby", None, True),
    "27": ("osoby s potřebou paliativní péče", None, True),
    "30": ("osoby žijící s demencí", None, True),
}

#: Our REGISTRY_TARGET_GROUPS code -> names it is recognised by in cilove-skupiny-osoby.json.
TARGET_GROUP_CODE_NAMES = {
    "imigranti_a_azylanti": ("imigranti a azylanti",),
    "etnicke_mensiny": ("etnické menšiny",),
    "obeti_obchodu_s_lidmi": ("oběti obchodu s lidmi",),
    "osoby_v_krizi": ("osoby v krizi",),
    "osoby_bez_pristresi": ("osoby bez přístřeší",),
    "osoby_ze_socialne_vyloucenych_komunit": ("osoby žijící v sociálně vyloučených komunitách",),
    "rodiny_s_detmi": ("rodiny s dítětem/dětmi", "rodiny s dětmi"),
}

# --- regions and districts --------------------------------------------------------------------------

#: Kraj id (RÚIAN VÚSC code) -> NUTS 3. Confirmed in the register's data: 19 and 51 only.
KRAJ_NUTS3 = {
    "19": "CZ010", "27": "CZ020", "35": "CZ031", "43": "CZ032", "51": "CZ041", "60": "CZ042", "78": "CZ051",
    "86": "CZ052", "94": "CZ053", "108": "CZ063", "116": "CZ064", "124": "CZ071", "141": "CZ072", "132": "CZ080",
}
CONFIRMED_KRAJ = frozenset({"19", "51"})

#: Okres id (RÚIAN okres code) -> LAU 1. Confirmed in the register's data: 3402 (Cheb) only.
_OKRES_NAMES = {
    "3100": "Hlavní město Praha",
    "3201": "Benešov", "3202": "Beroun", "3203": "Kladno", "3204": "Kolín", "3205": "Kutná Hora", "3206": "Mělník",
    "3207": "Mladá Boleslav", "3208": "Nymburk", "3209": "Praha-východ", "3210": "Praha-západ", "3211": "Příbram",
    "3212": "Rakovník",
    "3301": "České Budějovice", "3302": "Český Krumlov", "3303": "Jindřichův Hradec", "3304": "Pelhřimov",
    "3305": "Písek", "3306": "Prachatice", "3307": "Strakonice", "3308": "Tábor",
    "3401": "Domažlice", "3402": "Cheb", "3403": "Karlovy Vary", "3404": "Klatovy", "3405": "Plzeň-město",
    "3406": "Plzeň-jih", "3407": "Plzeň-sever", "3408": "Rokycany", "3409": "Sokolov", "3410": "Tachov",
    "3501": "Česká Lípa", "3502": "Děčín", "3503": "Chomutov", "3504": "Jablonec nad Nisou", "3505": "Liberec",
    "3506": "Litoměřice", "3507": "Louny", "3508": "Most", "3509": "Teplice", "3510": "Ústí nad Labem",
    "3601": "Havlíčkův Brod", "3602": "Hradec Králové", "3603": "Chrudim", "3604": "Jičín", "3605": "Náchod",
    "3606": "Pardubice", "3607": "Rychnov nad Kněžnou", "3608": "Semily", "3609": "Svitavy", "3610": "Trutnov",
    "3611": "Ústí nad Orlicí",
    "3701": "Blansko", "3702": "Brno-město", "3703": "Brno-venkov", "3704": "Břeclav", "3705": "Zlín",
    "3706": "Hodonín", "3707": "Jihlava", "3708": "Kroměříž", "3709": "Prostějov", "3710": "Třebíč",
    "3711": "Uherské Hradiště", "3712": "Vyškov", "3713": "Znojmo", "3714": "Žďár nad Sázavou",
    "3801": "Bruntál", "3802": "Frýdek-Místek", "3803": "Karviná", "3804": "Nový Jičín", "3805": "Olomouc",
    "3806": "Opava", "3807": "Ostrava-město", "3808": "Přerov", "3809": "Šumperk", "3810": "Vsetín",
    "3811": "Jeseník",
}
_LAU_BY_NAME = {str(name): lau for lau, (_region, name) in codes.DISTRICTS.items()}
OKRES_LAU = {okres: _LAU_BY_NAME[name] for okres, name in _OKRES_NAMES.items()}
CONFIRMED_OKRES = frozenset({"3402"})
PRAGUE_KRAJ = "19"


# --- codelists --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Codelists:
    """Names and codes from the ministry's codelist files, when given; they overrule the tables above."""

    kinds: dict = field(default_factory=dict)  # "13" -> nazev.cs
    target_groups: dict = field(default_factory=dict)  # "24" -> nazev.cs
    age_groups: dict = field(default_factory=dict)  # "5" -> nazev.cs
    kraje: dict = field(default_factory=dict)  # "19" -> "CZ010" (kodNuts3)
    okresy: dict = field(default_factory=dict)  # "3402" -> "CZ0411" (kodLau)
    obce: dict = field(default_factory=dict)  # "554499" -> "Aš"

    #: file name (without .json) -> (attribute, codelist id prefix, value key)
    FILES = {
        "druhy-socialni-sluzby": ("kinds", "DruhSocialniSluzby", "nazev"),
        "cilove-skupiny-osoby": ("target_groups", "CilovaSkupinaOsoby", "nazev"),
        "vekove-skupiny-osoby": ("age_groups", "VekovaSkupinaOsoby", "nazev"),
        "kraje": ("kraje", "Kraj", "kodNuts3"),
        "okresy": ("okresy", "Okres", "kodLau"),
        "obce": ("obce", "Obec", "nazev"),
    }

    @classmethod
    def load(cls, folder: Path | None = None, **files: Path) -> "Codelists":
        """The codelists in ``folder`` (by their ministry file names) and/or given one by one
        (``target_groups=Path(...)``); a file that is not there is simply not used."""
        found = {}
        for stem, (attr, prefix, key) in cls.FILES.items():
            path = files.get(attr) or (Path(folder) / f"{stem}.json" if folder is not None else None)
            if path is not None and Path(path).exists():
                found[attr] = read_codelist(Path(path), prefix, key)
        return cls(**found)


def read_codelist(path: Path, prefix: str, key: str = "nazev") -> dict[str, str]:
    """``{"polozky": [{"id": "Prefix/N", "nazev": {"cs": …}}, …]}`` -> {"N": text}."""
    try:
        data = json.loads(Path(path).read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise DataError([problem(path, "", Message(
            "The codelist is not valid JSON in UTF-8 ({detail}).", {"detail": str(exc)}))]) from None
    items = data.get(ROOT) if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise DataError([problem(path, ROOT, Message("The codelist has no “polozky” field with a list of items."))])
    out = {}
    for n, item in enumerate(items):
        ref = item.get("id") if isinstance(item, dict) else None
        value = item.get(key) if isinstance(item, dict) else None
        if isinstance(value, dict):
            value = value.get("cs")
        if not (isinstance(ref, str) and ref.startswith(prefix + "/") and isinstance(value, (str, int))):
            raise DataError([problem(path, f"{ROOT}[{n}]", Message(
                "Item {index} of the codelist should have an “id” of the form “{prefix}/…” and a “{key}”.",
                {"index": n, "prefix": prefix, "key": key}))])
        out[ref.split("/", 1)[1]] = str(value).strip()
    return out


# --- messages ---------------------------------------------------------------------------------------


HINT = Message(
    "Download rpss.json from https://data.mpsv.cz/web/data/rpss again; if the error stays, the register's format changed.")


def problem(file: Path | None, path: str, message: Message, hint: Message | None = None) -> Problem:
    return Problem(Path(file) if file is not None else None, None, None, path, message, hint)


def _json_kind(value) -> Message | str:
    """What a JSON value is, with a short excerpt (part of a message)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return Message("the boolean {value}", {"value": str(value).lower()})
    if isinstance(value, (int, float, Decimal)):
        return Message("the number {value}", {"value": str(value)})
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:40] + "…"
        return Message("the text “{text}”", {"text": text})
    if isinstance(value, list):
        return Message("a list")
    return Message("an object")


@dataclass
class Where:
    """Which record of which file is being read, for the messages."""

    file: Path
    index: int
    ident: object = None

    def _params(self, path: str, value=None, expected: Message | None = None) -> dict:
        ident = self.ident if isinstance(self.ident, str) else "?"
        params = {"index": self.index, "ident": ident, "path": path}
        if expected is not None:
            params.update(expected=expected, got=_json_kind(value))
        return params

    def wrong(self, path: str, value, expected: Message) -> DataError:
        """The record's field ``path`` (the record itself when "") should be ``expected`` and is ``value``."""
        params = self._params(path, value, expected)
        if not path:
            return DataError([problem(self.file, f"{ROOT}[{self.index}]", Message(
                "Record {index} (identifikator {ident}) should be {expected}; it is {got}.", params), HINT)])
        return DataError([problem(self.file, f"{ROOT}[{self.index}].{path}", Message(
            "Record {index} (identifikator {ident}): the field “{path}” should be {expected}; it is {got}.", params),
            HINT)])

    def missing(self, path: str) -> DataError:
        return DataError([problem(self.file, f"{ROOT}[{self.index}].{path}", Message(
            "Record {index} (identifikator {ident}): the required field “{path}” is missing; the register's format "
            "has probably changed.", self._params(path)), HINT)])


# --- reading one item -------------------------------------------------------------------------------

_REF = re.compile(r"^([A-Za-z]+)/([0-9A-Za-z]+)$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def normalise_ico(value) -> str | None:
    """An IČO as 8 digits (leading zeros added), or None when it is not one."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    text = re.sub(r"\s+", "", str(value))
    if not text.isascii() or not text.isdigit() or len(text) > 8:
        return None
    return text.zfill(8)


def _get(obj: dict, key: str, where: Where, path: str, required: bool = False):
    if key not in obj:
        if required:
            raise where.missing(path)
        return None
    return obj[key]


def _obj(value, where: Where, path: str, nullable: bool = False) -> dict | None:
    if value is None and nullable:
        return None
    if not isinstance(value, dict):
        raise where.wrong(path, value, Message("an object or null") if nullable else Message("an object"))
    return value


def _list(value, where: Where, path: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise where.wrong(path, value, Message("a list"))
    return value


def _text(value, where: Where, path: str, nullable: bool = True) -> str | None:
    if value is None and nullable:
        return None
    if not isinstance(value, str):
        raise where.wrong(path, value, Message("text or null") if nullable else Message("text"))
    return value.strip()


def _int(value, where: Where, path: str, nullable: bool = True) -> int | None:
    if value is None and nullable:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise where.wrong(path, value, Message("a whole number"))
    return value


def _date(value, where: Where, path: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, str) and _DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise where.wrong(path, value, Message("a date YYYY-MM-DD or null"))


def _ref(value, where: Where, path: str, codelist: str, nullable: bool = False) -> str | None:
    """``{"id": "Codelist/N"}`` -> "N"."""
    obj = _obj(value, where, path, nullable)
    if obj is None:
        return None
    ref = obj.get("id")
    match = _REF.match(ref) if isinstance(ref, str) else None
    if not match or match.group(1) != codelist:
        raise where.wrong(f"{path}.id", ref, Message("a reference “{codelist}/…”", {"codelist": codelist}))
    return match.group(2)


def _norm(name: str) -> str:
    return unicodedata.normalize("NFC", " ".join(name.split())).casefold()


_KIND_BY_NAME = {_norm(name): code for code, name in KIND_CODE_NAMES.items()}
_KIND_BY_ID = {rid: _KIND_BY_NAME.get(_norm(name)) for rid, (name, _status) in KIND_NAMES.items()}
_GROUP_BY_NAME = {_norm(n): code for code, names in TARGET_GROUP_CODE_NAMES.items() for n in names}


def kind(registry_id: str, lists: Codelists) -> Kind:
    """Our kind for ``DruhSocialniSluzby/<registry_id>``: by the codelist's name when given, else by id."""
    if registry_id in lists.kinds:
        name = lists.kinds[registry_id]
        code, confirmed = _KIND_BY_NAME.get(_norm(name)), True
    else:
        name, status = KIND_NAMES.get(registry_id, (None, None))
        code, confirmed = _KIND_BY_ID.get(registry_id), status in ("C", "K")
    section = codes.SERVICE_KINDS[code][0] if code else None
    return Kind(registry_id, name, code, section, confirmed)


def target_group(registry_id: str, lists: Codelists) -> TargetGroupRef:
    """Our target group for ``CilovaSkupinaOsoby/<registry_id>``: by name when the codelist is given."""
    if registry_id in lists.target_groups:
        name = lists.target_groups[registry_id]
        return TargetGroupRef(registry_id, name, _GROUP_BY_NAME.get(_norm(name)), True)
    name, code, confirmed = TARGET_GROUP_IDS.get(registry_id, (None, None, False))
    return TargetGroupRef(registry_id, name, code, confirmed)


_AGES = re.compile(r"\((?:(?P<over>nad|od) )?(?P<low>[0-9]+)(?:\s*[–-]\s*(?P<high>[0-9]+))? let\)")


def ages(name: str | None) -> tuple[int | None, int | None]:
    """Ages from an age group's name: "dorost (16–18 let)" -> (16, 18); "(nad 80 let)" -> (81, None)."""
    if not name:
        return None, None
    match = _AGES.search(name)
    if not match:
        return None, None
    low, high = int(match["low"]), match["high"]
    if match["over"] == "nad":
        return low + 1, None
    return low, int(high) if high else (None if match["over"] else low)


def age_group(registry_id: str, lists: Codelists) -> AgeGroup:
    name = lists.age_groups.get(registry_id)
    return AgeGroup(registry_id, name, *ages(name))


def region_of(kraj_id: str | None, lists: Codelists) -> str | None:
    if kraj_id is None:
        return None
    code = lists.kraje.get(kraj_id) or KRAJ_NUTS3.get(kraj_id)
    return code if code in codes.REGIONS else None


def district_of(okres_id: str | None, kraj_id: str | None, lists: Codelists) -> str | None:
    if okres_id is None:
        return "CZ0100" if kraj_id == PRAGUE_KRAJ else None  # Prague has no okres in the register
    code = lists.okresy.get(okres_id) or OKRES_LAU.get(okres_id)
    return code if code in codes.DISTRICTS else None


def address(value, where: Where, path: str, lists: Codelists) -> RegistryAddress | None:
    obj = _obj(value, where, path, nullable=True)
    if obj is None:
        return None
    street = _obj(obj.get("ulice"), where, f"{path}.ulice", nullable=True)
    kraj = _ref(obj.get("kraj"), where, f"{path}.kraj", "Kraj", nullable=True)
    okres = _ref(obj.get("okres"), where, f"{path}.okres", "Okres", nullable=True)
    obec = _ref(obj.get("obec"), where, f"{path}.obec", "Obec", nullable=True)
    postcode = _text(obj.get("psc"), where, f"{path}.psc")
    return RegistryAddress(
        street=_text(street.get("nazev"), where, f"{path}.ulice.nazev") if street else None,
        house_number=_int(obj.get("cisloDomovni"), where, f"{path}.cisloDomovni"),
        orientation_number=_text(obj.get("cisloOrientacni"), where, f"{path}.cisloOrientacni"),
        postcode=postcode.replace(" ", "") if postcode else None,
        municipality_id=obec,
        municipality=lists.obce.get(obec) if obec else None,
        address_point=_int(obj.get("kodAdresnihoMista"), where, f"{path}.kodAdresnihoMista"),
        region=region_of(kraj, lists),
        district=district_of(okres, kraj, lists),
    )


def facility(value, where: Where, path: str, lists: Codelists) -> Facility:
    obj = _obj(value, where, path)
    secret = obj.get("utajenaAdresa", False)
    if secret is None:
        secret = False
    if not isinstance(secret, bool):
        raise where.wrong(f"{path}.utajenaAdresa", secret, Message("true or false"))
    return Facility(
        name=_text(obj.get("nazev"), where, f"{path}.nazev") or "",
        secret_address=secret,
        # A secret address is never read, whatever the file holds.
        address=None if secret else address(obj.get("adresa"), where, f"{path}.adresa", lists),
        start=_date(obj.get("poskytujeOd"), where, f"{path}.poskytujeOd"),
        end=_date(obj.get("poskytujeDo"), where, f"{path}.poskytujeDo"),
    )


def service(item, index: int, file: Path, lists: Codelists) -> RegisteredService:
    """One item of ``polozky`` as a record; a :class:`DataError` naming the record and field when it does not fit."""
    where = Where(Path(file), index)
    if not isinstance(item, dict):
        raise where.wrong("", item, Message("an object (one service)"))
    where.ident = item.get("identifikator")
    for name in REQUIRED_FIELDS:
        _get(item, name, where, name, required=True)
    ident = _text(item["identifikator"], where, "identifikator", nullable=False)

    provider = _obj(item["poskytovatel"], where, "poskytovatel")
    ico_raw = _get(provider, "ico", where, "poskytovatel.ico", required=True)
    if not isinstance(ico_raw, str):
        raise where.wrong("poskytovatel.ico", ico_raw, Message("text with the IČO (8 digits)"))
    ico = normalise_ico(ico_raw)
    if ico is None:
        raise where.wrong("poskytovatel.ico", ico_raw, Message("an IČO (at most 8 digits)"))
    provider_name = _text(_get(provider, "nazev", where, "poskytovatel.nazev", required=True), where,
                          "poskytovatel.nazev", nullable=False)
    # poskytovatel.statutarniOrgany (people's names) is never read.

    forms, capacities = [], []
    for n, entry in enumerate(_list(item["formy"], where, "formy")):
        path = f"formy[{n}]"
        entry = _obj(entry, where, path)
        form_id = _ref(_get(entry, "forma", where, f"{path}.forma", required=True), where, f"{path}.forma",
                       "FormaSocialniSluzby")
        if form_id not in FORMS:
            raise where.wrong(f"{path}.forma.id", f"FormaSocialniSluzby/{form_id}", Message("pob, amb or ter"))
        form = FORMS[form_id]
        if form not in forms:
            forms.append(form)
        for m, cap in enumerate(_list(entry.get("kapacity"), where, f"{path}.kapacity")):
            cpath = f"{path}.kapacity[{m}]"
            cap = _obj(cap, where, cpath)
            unit = _ref(_get(cap, "typ", where, f"{cpath}.typ", required=True), where, f"{cpath}.typ",
                        "TypKapacitySocialniSluzby")
            count = _int(_get(cap, "pocet", where, f"{cpath}.pocet", required=True), where, f"{cpath}.pocet",
                         nullable=False)
            capacities.append(Capacity(form, count, unit, CAPACITY_UNITS.get(unit),
                                       _text(cap.get("popis"), where, f"{cpath}.popis")))

    groups = []
    for n, entry in enumerate(_list(item["ciloveSkupiny"], where, "ciloveSkupiny")):
        path = f"ciloveSkupiny[{n}]"
        entry = _obj(entry, where, path)
        ref = _ref(_get(entry, "cilovaSkupina", where, f"{path}.cilovaSkupina", required=True), where,
                   f"{path}.cilovaSkupina", "CilovaSkupinaOsoby")
        groups.append(target_group(ref, lists))

    age_groups = []
    for n, entry in enumerate(_list(item.get("vekoveSkupiny"), where, "vekoveSkupiny")):
        path = f"vekoveSkupiny[{n}]"
        entry = _obj(entry, where, path)
        ref = _ref(_get(entry, "vekovaSkupina", where, f"{path}.vekovaSkupina", required=True), where,
                   f"{path}.vekovaSkupina", "VekovaSkupinaOsoby")
        age_groups.append(age_group(ref, lists))

    facilities = tuple(facility(f, where, f"zarizeni[{n}]", lists)
                       for n, f in enumerate(_list(item["zarizeni"], where, "zarizeni")))
    portal_id = item.get("portalId")
    return RegisteredService(
        index=index,
        registry_id=ident,
        portal_id=_int(portal_id, where, "portalId"),
        provider_ico=ico,
        provider_name=provider_name,
        kind=kind(_ref(item["druhSocialniSluzby"], where, "druhSocialniSluzby", "DruhSocialniSluzby"), lists),
        forms=tuple(forms),
        target_groups=tuple(groups),
        age_groups=tuple(age_groups),
        age_note=_text(item.get("doplnujiciInformaceVekoveSkupiny"), where, "doplnujiciInformaceVekoveSkupiny"),
        capacities=tuple(capacities),
        facilities=facilities,
        start=_date(item["datumPoskytovaniOd"], where, "datumPoskytovaniOd"),
        end=_date(item.get("datumPoskytovaniDo"), where, "datumPoskytovaniDo"),
    )
