"""Registers of social services shaped like the MPSV open dataset (``rpss.json``), for tests.

:func:`service_item` builds one item of ``polozky`` with the ministry's field
names and value forms (see :mod:`zavazek.core.registry.dataset`);
:func:`write_register` writes a register of N services, item by item, so
that a register larger than memory could be written too.
:func:`write_fixture` wrote ``rpss.json`` in this folder (run this file to write it again).
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).parent


def ico(base7: str) -> str:
    """An IČO with a right check digit from its first seven digits."""
    weighted = sum(int(d) * w for d, w in zip(base7, range(8, 1, -1)))
    return base7 + str((11 - weighted % 11) % 10)


def ref(codelist: str, code) -> dict:
    return {"id": f"{codelist}/{code}"}


def address(street, number, orientation, postcode, kraj, okres, obec, part, point) -> dict:
    return {
        "cisloDomovni": number, "cisloOrientacni": orientation, "dodatekAdresy": None,
        "kodAdresnihoMista": point, "psc": postcode,
        "typCislaDomovniho": ref("TypStavebnihoObjektu", 1),
        "kraj": ref("Kraj", kraj), "okres": ref("Okres", okres) if okres else None, "obec": ref("Obec", obec),
        "castObce": ref("CastObce", part), "mestskyObvodMestskaCast": None, "mestskyObvodVPraze": None,
        "ulice": {"nazev": street} if street else None,
    }


def facility(name, adresa=None, secret=False, start="2015-01-01", end=None) -> dict:
    return {
        "id": None, "portalId": None, "identifikator": None, "nazev": name,
        "poskytujeOd": start, "poskytujeDo": end, "utajenaAdresa": secret, "adresa": None if secret else adresa,
    }


def form(code, capacities, continuous=False) -> dict:
    """capacities: [(count, unit, description)]."""
    return {
        "forma": ref("FormaSocialniSluzby", code),
        "nepretrzitePoskytovani": continuous,
        "casoveRozsahy": None,  # its shape when not null is not confirmed
        "kapacity": [{"pocet": n, "popis": text, "typ": ref("TypKapacitySocialniSluzby", unit)}
                     for n, unit, text in capacities],
    }


def provider(ico_, name, web) -> dict:
    return {
        "ico": ico_, "nazev": name,
        "emaily": [{"email": f"info@{web}", "poznamka": None}],
        "telefony": [{"telefon": "220000000", "poznamka": None}],
        "weby": [{"web": f"http://www.{web}", "poznamka": None}],
        # Personal data in the real file; the reader never reads it.
        "statutarniOrgany": [{"jmeno": "Jana", "prijmeni": "Nováková", "titulPred": "Mgr.", "titulZa": None}],
    }


def service_item(portal_id, identifier, kind, prov, facilities, forms, groups, ages=(), age_note=None,
                 start="2015-01-01", end=None) -> dict:
    return {
        "portalId": portal_id,
        "id": str(portal_id),
        "identifikator": identifier,
        "datumPoskytovaniOd": start,
        "datumPoskytovaniDo": end,
        "kontaktniAdresy": [{"adresa": f["adresa"]} for f in facilities if f["adresa"]][:1],
        "druhSocialniSluzby": ref("DruhSocialniSluzby", kind),
        "zarizeni": facilities,
        "poskytovatel": prov,
        "emaily": [{"email": f"sluzba{portal_id}@example.org", "poznamka": None}],
        "telefony": [{"telefon": "220000001", "poznamka": "po–čt 9–16"}],
        "faxy": [],
        "weby": [],
        "ciloveSkupiny": [{"cilovaSkupina": ref("CilovaSkupinaOsoby", g)} for g in groups],
        "vekoveSkupiny": [{"vekovaSkupina": ref("VekovaSkupinaOsoby", a)} for a in ages],
        "doplnujiciInformaceVekoveSkupiny": age_note,
        "formy": forms,
        "rozsirenePusobnostiVKraji": [],
        "doplnkoveUdaje": {"realizacePoskytovani": [], "planyFinancnihoZajisteni": [], "personalniZajisteni": []},
    }


# Target-group ids of the fixture codelist: 24 is confirmed; 3 (imigranti a azylanti) is a guess.
IMMIGRANTS, SENIORS = 3, 24
ADULTS_FROM_16 = (4, 5, 6, 7, 8)  # dorost .. starší senioři (age-group ids: a guess)

SUZ = provider(ico("9900010"), "Správa uprchlických zařízení Ministerstva vnitra", "cpic.example.org")
ICP = provider(ico("0090002"), "Integrační centrum Praha, o. p. s.", "icp.example.org")
OPU = provider(ico("9900030"), "Organizace pro pomoc uprchlíkům, z. s.", "opu.example.org")
AZYL = provider(ico("9900040"), "Ukázkový azylový dům, z. ú.", "azyl.example.org")
DOMOV = provider(ico("9900050"), "Domov pro seniory Ukázka, p. o.", "domov.example.org")


def fixture_items() -> list[dict]:
    """The services of ``rpss.json``: the repository's example providers and two others."""
    brno = address("Příkladová", 101, "1", "60200", 116, 3702, 582786, 411582, 19000001)
    plzen = address("Ukázková", 202, "2", "30100", 43, 3405, 554791, 477397, 19000002)
    ostrava = address("Vzorová", 303, "3", "70200", 132, 3807, 554821, 413861, 19000003)
    return [
        service_item(
            90001, "1234567", 1, SUZ,
            [facility("Centrum Jihomoravský kraj", brno), facility("Centrum Plzeňský kraj", plzen),
             facility("Centrum Moravskoslezský kraj", ostrava)],
            [form("amb", [(3, "interv", "Maximální kapacita 3 intervence s účinností od 01.01.2015.")]),
             form("ter", [(1, "klient", None)])],
            [IMMIGRANTS], ADULTS_FROM_16),
        service_item(
            90002, "3456789", 1, ICP,
            [facility("Pobočka Praha-centrum", address("Příkladná", 1010, "10", "11000", 19, None, 554782, 490067, 21700001)),
             facility("Pobočka Praha-jih", address("Ukázková", 1505, "5", "14000", 19, None, 554782, 490105, 21700002))],
            [form("amb", [(4, "interv", None)])],
            [IMMIGRANTS], ADULTS_FROM_16, start="2012-05-01"),
        service_item(
            90003, "1000001", 1, OPU,
            [facility("Poradna Plzeň", address("Příkladová", 1212, "12", "30100", 43, 3405, 554791, 477397, 19000012))],
            [form("amb", [(1, "klient", None)])],
            [IMMIGRANTS], (5, 6, 7, 8), start="2018-01-01"),
        service_item(
            90004, "1000002", 32, OPU,
            [facility("Terénní práce v Plzeňském kraji",
                      address("Příkladová", 1212, "12", "30100", 43, 3405, 554791, 477397, 19000012))],
            [form("ter", [(1, "klient", "Okamžitá kapacita 1 klient.")])],
            [IMMIGRANTS, 19], ADULTS_FROM_16, start="2018-01-01"),
        service_item(  # an ended service
            90005, "1000003", 19, OPU,
            [facility("Tlumočení Plzeň", address("Příkladová", 1212, "12", "30100", 43, 3405, 554791, 477397, 19000012),
                      start="2010-03-01", end="2020-12-31")],
            [form("amb", [(2, "interv", None)]), form("ter", [(2, "interv", None)])],
            [IMMIGRANTS, 2], (), start="2010-03-01", end="2020-12-31"),
        service_item(  # a secret address
            90006, "7654321", 20, AZYL,
            [facility("Azylový dům pro matky s dětmi", secret=True, start="2018-03-01")],
            [form("pob", [(12, "luzka", "Maximální kapacita 12 lůžek s účinností od 01.03.2018.")], continuous=True)],
            [23, 19], (), age_note="matky s dětmi do 18 let", start="2018-03-01"),
        service_item(  # a kind závazek has no code for; address quoted from the register's real data
            90007, "8765432", 13, DOMOV,
            [facility("Domov pro seniory Aš  ", {
                "cisloDomovni": 2272, "cisloOrientacni": "54", "dodatekAdresy": None, "kodAdresnihoMista": 11867906,
                "psc": "35201", "typCislaDomovniho": ref("TypStavebnihoObjektu", 1), "kraj": ref("Kraj", 51),
                "okres": ref("Okres", 3402), "obec": ref("Obec", 554499), "castObce": ref("CastObce", 405507),
                "mestskyObvodMestskaCast": None, "mestskyObvodVPraze": None, "ulice": {"nazev": "Nemocniční"}},
                start="2007-01-01")],
            [form("pob", [(32, "luzka", "Maximální kapacita 32 lůžek s účinností od 01.09.2016.")], continuous=True)],
            [SENIORS, 30], (7, 8), start="2007-01-01"),
    ]


#: cilove-skupiny-osoby.json. CONFIRMED ids: 24, 26, 27, 30. The others are a GUESS (alphabetical order,
#: which puts "senioři" at 24 as confirmed); the reader recognises our groups by these names.
TARGET_GROUP_NAMES = [
    "děti a mládež ve věku od 6 do 26 let ohrožené společensky nežádoucími jevy", "etnické menšiny",
    "imigranti a azylanti", "oběti domácího násilí", "oběti obchodu s lidmi", "oběti trestné činnosti",
    "osoby bez přístřeší", "osoby do 26 let věku opouštějící školská zařízení pro výkon ústavní péče",
    "osoby komerčně zneužívané", "osoby s chronickým duševním onemocněním", "osoby s chronickým onemocněním",
    "osoby s jiným zdravotním postižením", "osoby s kombinovaným postižením", "osoby s mentálním postižením",
    "osoby s tělesným postižením", "osoby se sluchovým postižením", "osoby se zdravotním postižením",
    "osoby se zrakovým postižením", "osoby v krizi",
    "osoby, které vedou rizikový způsob života nebo jsou tímto způsobem života ohroženy",
    "osoby žijící v sociálně vyloučených komunitách", "pachatelé trestné činnosti", "rodiny s dítětem/dětmi",
    "senioři", "oběti válečných konfliktů", "pečující osoby", "osoby s potřebou paliativní péče",
    "osoby s duševním onemocněním", "osoby ohrožené závislostí", "osoby žijící s demencí",
]
#: vekove-skupiny-osoby.json: names as registry-derived pages show them; ids a GUESS.
AGE_GROUP_NAMES = [
    "děti předškolního věku (1–6 let)", "mladší děti (7–10 let)", "starší děti (11–15 let)", "dorost (16–18 let)",
    "mladí dospělí (19–26 let)", "dospělí (27–64 let)", "mladší senioři (65–80 let)", "starší senioři (nad 80 let)",
    "bez omezení věku",
]


def codelist(prefix: str, names: dict) -> dict:
    return {"polozky": [{"id": f"{prefix}/{code}", "nazev": {"cs": name}} for code, name in names.items()]}


def write_fixture(folder: Path = HERE) -> None:
    """rpss.json and the codelists druhy-socialni-sluzby, cilove-skupiny-osoby, vekove-skupiny-osoby, obce."""
    from zavazek.core.registry.dataset import KIND_NAMES

    def dump(name, value):
        text = json.dumps(value, ensure_ascii=False, indent=1)
        (folder / name).write_text(text + "\n", encoding="utf-8")

    dump("rpss.json", {"polozky": fixture_items()})
    dump("druhy-socialni-sluzby.json", codelist("DruhSocialniSluzby", {k: v for k, (v, _s) in KIND_NAMES.items()}))
    dump("cilove-skupiny-osoby.json", codelist("CilovaSkupinaOsoby", dict(enumerate(TARGET_GROUP_NAMES, 1))))
    dump("vekove-skupiny-osoby.json", codelist("VekovaSkupinaOsoby", dict(enumerate(AGE_GROUP_NAMES, 1))))
    towns = {554782: "Praha", 554791: "Plzeň", 582786: "Brno", 554821: "Ostrava", 554499: "Aš"}
    dump("obce.json", {"polozky": [{"id": f"Obec/{k}", "kod": str(k), "nazev": {"cs": v}} for k, v in towns.items()]})


_STREETS = ("Nádražní", "Husova", "Komenského", "Palackého", "Školní", "Sokolovská", "Masarykova", None)
_PLACES = [  # (kraj, okres, obec, postcode)
    (19, None, 554782, "11000"), (43, 3405, 554791, "30100"), (116, 3702, 582786, "60200"),
    (132, 3807, 554821, "70200"), (51, 3402, 554499, "35201"), (27, 3203, 532053, "27201"),
]


def write_register(path: Path, count: int, seed: int = 1) -> Path:
    """Write a register of ``count`` services in the shape of ``rpss.json``, one item at a time."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as out:
        out.write('{"polozky": [\n')
        for n in range(count):
            providers = rng.randint(1, max(1, count // 3))
            prov = provider(ico(f"{5000000 + providers:07d}"), f"Poskytovatel č. {providers}, z. ú.", "example.org")
            facilities = []
            for m in range(rng.randint(1, 5)):
                kraj, okres, obec, psc = rng.choice(_PLACES)
                secret = rng.random() < 0.03
                facilities.append(facility(
                    f"Zařízení {n}-{m} s dlouhým názvem, jak bývá v registru", secret=secret,
                    adresa=address(rng.choice(_STREETS), rng.randint(1, 3000), str(rng.randint(1, 99)), psc, kraj,
                                   okres, obec, 400000 + m, 20000000 + n * 10 + m)))
            forms = [form(code, [(rng.randint(1, 60), rng.choice(("klient", "luzka", "interv")),
                                  "Maximální kapacita s účinností od 01.01.2016.")])
                     for code in rng.sample(("pob", "amb", "ter"), rng.randint(1, 3))]
            item = service_item(
                100000 + n, f"{1000000 + n * 7 % 8999999:07d}", rng.randint(1, 33), prov, facilities, forms,
                rng.sample(range(1, 31), rng.randint(1, 6)), rng.sample(range(1, 10), rng.randint(0, 5)),
                age_note=rng.choice((None, "bez omezení")),
                start=f"{rng.randint(2007, 2025)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                end=rng.choice((None,) * 9 + ("2024-12-31",)),
            )
            out.write(("," if n else "") + json.dumps(item, ensure_ascii=False) + "\n")
        out.write("]}\n")
    return path


if __name__ == "__main__":
    if len(sys.argv) > 2:
        write_register(Path(sys.argv[1]), int(sys.argv[2]))
    else:
        write_fixture()
