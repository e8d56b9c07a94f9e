"""A synthetic national directory: a provider folder with thousands of services.

    .venv/bin/python bench/synthetic.py OUT_DIR [--services 2000] [--organisations 400]

Writes OUT_DIR/ as a copy of the example provider (mkdocs.yml, data/,
docs/, overrides/) whose ``data/services.yaml`` is replaced by a generated
directory: every region, category and a realistic spread of languages,
opening hours, places, fees and ended programmes, with texts in cs, en, ru
vi and uk of realistic length. The same seed gives the same directory.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from zavazek.core.model import codes  # noqa: E402

LANGS = ("cs", "en", "ru", "vi", "uk")

CATEGORY_NAMES = {
    "social_counselling": ("Sociální poradna", "Social counselling", "Социальная консультация", "Tư vấn xã hội",
                           "Соціальна консультація"),
    "legal_counselling": ("Právní poradna", "Legal counselling", "Юридическая консультация", "Tư vấn pháp lý",
                          "Юридична консультація"),
    "czech_courses": ("Kurzy češtiny", "Czech courses", "Курсы чешского языка", "Khóa học tiếng Séc",
                      "Курси чеської мови"),
    "sociocultural_courses": ("Sociokulturní kurzy", "Socio-cultural courses", "Социокультурные курсы", "Khóa học văn hóa xã hội",
                              "Соціокультурні курси"),
    "field_work": ("Terénní práce", "Field work", "Выездная работа", "Công tác thực địa", "Виїзна робота"),
    "interpreting": ("Tlumočení", "Interpreting", "Перевод", "Phiên dịch", "Усний переклад"),
    "housing": ("Pomoc s bydlením", "Help with housing", "Помощь с жильём", "Hỗ trợ nhà ở", "Допомога з житлом"),
    "work": ("Pomoc s prací", "Help with work", "Помощь с работой", "Hỗ trợ việc làm", "Допомога з роботою"),
    "health": ("Zdraví a pojištění", "Health and insurance", "Здоровье и страхование", "Sức khỏe và bảo hiểm",
               "Здоров’я і страхування"),
    "children_school": ("Děti a škola", "Children and school", "Дети и школа", "Trẻ em và trường học",
                        "Діти та школа"),
    "crisis_help": ("Krizová pomoc", "Crisis help", "Кризисная помощь", "Hỗ trợ khủng hoảng", "Кризова допомога"),
}

SENTENCES = {
    "cs": [
        "Pomáháme s vyřizováním pobytu, s dopisy z úřadů a s vyplňováním formulářů.",
        "Poradíme vám, kde hledat práci, bydlení nebo školu pro děti.",
        "Služba je důvěrná a pracovník s vámi vše probere v klidu a srozumitelně.",
        "Můžete přijít sami nebo s někým, komu důvěřujete.",
        "Když neumíme pomoci sami, doporučíme vám jinou organizaci a domluvíme kontakt.",
        "Na první setkání si vezměte doklady, které se vaší situace týkají.",
    ],
    "en": [
        "We help with residence matters, letters from authorities and filling in forms.",
        "We advise you where to look for work, housing or a school for your children.",
        "The service is confidential and a worker goes through everything with you calmly and clearly.",
        "You can come alone or with someone you trust.",
        "If we cannot help ourselves, we recommend another organisation and arrange the contact.",
        "Bring the documents that concern your situation to the first meeting.",
    ],
    "ru": [
        "Мы помогаем с вопросами пребывания, письмами от ведомств и заполнением форм.",
        "Подскажем, где искать работу, жильё или школу для детей.",
        "Услуга конфиденциальна, и сотрудник спокойно и понятно обсудит с вами всё.",
        "Вы можете прийти один или с человеком, которому доверяете.",
        "Если мы не можем помочь сами, порекомендуем другую организацию и договоримся о контакте.",
        "На первую встречу возьмите документы, которые касаются вашей ситуации.",
    ],
    "vi": [
        "Chúng tôi hỗ trợ các thủ tục cư trú, thư từ cơ quan nhà nước và điền biểu mẫu.",
        "Chúng tôi tư vấn nơi tìm việc làm, nhà ở hoặc trường học cho con bạn.",
        "Dịch vụ được bảo mật và nhân viên sẽ cùng bạn xem xét mọi việc một cách bình tĩnh, dễ hiểu.",
        "Bạn có thể đến một mình hoặc với người bạn tin tưởng.",
        "Nếu không tự giúp được, chúng tôi sẽ giới thiệu tổ chức khác và sắp xếp liên hệ.",
        "Hãy mang theo giấy tờ liên quan đến hoàn cảnh của bạn trong buổi gặp đầu tiên.",
    ],
    "uk": [
        "Ми допомагаємо з питаннями перебування, листами від установ і заповненням бланків.",
        "Підкажемо, де шукати роботу, житло чи школу для дітей.",
        "Послуга конфіденційна, і працівник спокійно та зрозуміло обговорить із вами все.",
        "Ви можете прийти самі або з людиною, якій довіряєте.",
        "Якщо не зможемо допомогти самі, порадимо іншу організацію та домовимося про контакт.",
        "На першу зустріч візьміть документи, що стосуються вашої ситуації.",
    ],
}

SPOKEN = ["en", "ru", "uk", "vi", "ar", "mn", "fr", "de", "es", "zh", "ro", "bg", "pl", "fa", "tr", "ka", "hy", "ky"]
HOURS = [
    {"mon": "9:00-12:00, 13:00-17:00", "tue": "9:00-12:00", "wed": "9:00-12:00, 13:00-18:00", "thu": "13:00-17:00"},
    {"mon": "8:00-16:00", "tue": "8:00-16:00", "wed": "8:00-16:00", "thu": "8:00-16:00", "fri": "8:00-14:00"},
    {"tue": "10:00-18:00", "thu": "10:00-18:00", "sat": "9:00-12:00"},
    {"mon": "0:00-24:00", "tue": "0:00-24:00", "wed": "0:00-24:00", "thu": "0:00-24:00", "fri": "0:00-24:00",
     "sat": "0:00-24:00", "sun": "0:00-24:00"},
    {"wed": "16:00-20:00", "fri": "16:00-20:00"},
]
STREETS = ["Hlavní", "Nádražní", "Školní", "Zahradní", "Komenského", "Masarykova", "Palackého", "Husova"]


def _text(rng: random.Random, lead: tuple[str, ...] | None, sentences: int) -> dict:
    picks = [rng.randrange(len(SENTENCES["cs"])) for _ in range(sentences)]
    out = {}
    for i, lang in enumerate(LANGS):
        body = " ".join(SENTENCES[lang][p] for p in picks)
        out[lang] = f"{lead[i]}. {body}" if lead else body
    return out


def directory(services: int, organisations: int, seed: int = 2026) -> dict:
    rng = random.Random(seed)
    regions = list(codes.REGIONS)
    orgs = []
    for n in range(organisations):
        orgs.append({
            "id": f"org-{n:04d}",
            "name": {"cs": f"Spolek Ukázka {n}", "en": f"Example Association {n}",
                     "ru": f"Пример-объединение {n}", "vi": f"Hiệp hội Mẫu {n}",
                     "uk": f"Об’єднання-приклад {n}"},
            "legal_form": {"cs": "zapsaný spolek", "en": "registered association",
                           "ru": "зарегистрированное объединение", "vi": "hiệp hội đã đăng ký",
                           "uk": "зареєстроване об’єднання"},
            "website": f"https://org{n}.example.org",
            "email": f"info@org{n}.example.org",
        })
    out = []
    for n in range(services):
        region = regions[n % len(regions)] if n < len(regions) else rng.choice(regions)
        service_regions = [region] + ([rng.choice([r for r in regions if r != region])] if rng.random() < 0.1 else [])
        districts = list(codes.DISTRICTS_BY_REGION[region])
        categories = rng.sample(list(codes.SERVICE_CATEGORIES), rng.choice([1, 1, 2, 3]))
        lead = CATEGORY_NAMES[categories[0]]
        town = codes.DISTRICTS_BY_REGION[region][rng.choice(districts)].split(" -")[0].split("-")[0]
        places = []
        for p in range(rng.choice([1, 1, 1, 2])):
            place = {
                "id": f"misto-{p + 1}",
                "address": {"street": f"{rng.choice(STREETS)} {rng.randint(1, 120)}", "city": town,
                            "postcode": f"{rng.randint(100, 799)} {rng.randint(0, 99):02d}"},
                "coordinates": {"lat": round(rng.uniform(48.7, 50.9), 4), "lon": round(rng.uniform(12.2, 18.7), 4)},
                "opening_hours": rng.choice(HOURS),
            }
            if len(service_regions) > 1:
                place["region"] = region
            places.append(place)
        free = rng.random() < 0.8
        entry = {
            "id": f"s-{n:05d}",
            "organisation": orgs[n % organisations]["id"],
            "name": {lang: f"{lead[i]} {town} {n}" for i, lang in enumerate(LANGS)},
            "description": _text(rng, lead, rng.randint(3, 6)),
            "categories": categories,
            "target_groups": [{"category": "imigranti_a_azylanti", "age": {"from": 18}}],
            "regions": service_regions,
            "places": places if "field_work" not in categories else [],
            "languages": {"staff": ["cs"] + rng.sample(SPOKEN, rng.randint(0, 3)),
                          "interpreter": rng.sample(SPOKEN, rng.randint(0, 2))},
            "cost": {"free": True} if free else {"free": False, "fee": {
                "cs": "200 Kč za hodinu", "en": "CZK 200 an hour", "ru": "200 крон в час", "vi": "200 CZK một giờ",
                "uk": "200 крон за годину"}},
            "appointment_needed": rng.random() < 0.5,
            "verified_on": f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}",
        }
        entry["languages"]["interpreter"] = [
            lang for lang in entry["languages"]["interpreter"] if lang not in entry["languages"]["staff"]
        ]
        if "field_work" in categories:
            entry["districts"] = rng.sample(districts, min(2, len(districts)))
        if rng.random() < 0.05:
            entry["runs"] = {"from": "2019-01-01", "until": "2021-12-31"}
        out.append(entry)
    return {"example": True, "settings": {"stale_after_months": 12}, "organisations": orgs, "services": out}


class _WrittenOut(yaml.SafeDumper):
    """Every value written out where it is used, as staff and závazek's own writer (``core/yamlpatch.py``)
    write them: PyYAML would write the opening hours several places share once, with an anchor, and an
    alias at the others."""

    def ignore_aliases(self, data) -> bool:
        return True


def write_provider(target: Path, services: int = 2000, organisations: int = 400) -> Path:
    """The example provider's folder with a generated directory of ``services``."""
    target = Path(target)
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in ("mkdocs.yml", "data", "docs", "overrides"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, target / name)
        else:
            shutil.copy2(src, target / name)
    text = yaml.dump(directory(services, min(organisations, services)), Dumper=_WrittenOut, allow_unicode=True,
                     sort_keys=False, width=120)
    (target / "data" / "services.yaml").write_text(text, encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--services", type=int, default=2000)
    parser.add_argument("--organisations", type=int, default=400)
    args = parser.parse_args()
    print(write_provider(args.out, args.services, args.organisations))


if __name__ == "__main__":
    main()
