"""Closed code lists used in the data files, with English labels as msgids.

The labels go through gettext when a page is rendered; ``N_`` only marks
them for extraction into the catalogs.
"""

from __future__ import annotations

from zavazek.core.model.types import PlaceName


def N_(msgid: str) -> str:
    """Marks a msgid for the catalogs; translated where it is shown."""
    return msgid


def NP_(singular: str, plural: str) -> tuple[str, str]:
    """Marks a singular/plural msgid pair for the catalogs."""
    return singular, plural


#: Registered social-service kinds (Act 108/2006 Coll.): code -> (section, label).
SERVICE_KINDS = {
    "odborne_socialni_poradenstvi": ("§ 37", N_("expert social counselling")),
    "terenni_programy": ("§ 69", N_("field programmes")),
    "socialne_aktivizacni_sluzby_pro_rodiny": ("§ 65", N_("social activation services for families with children")),
    "nizkoprahova_zarizeni": ("§ 62", N_("low-threshold facilities for children and youth")),
    "krizova_pomoc": ("§ 60", N_("crisis help")),
    "tlumocnicke_sluzby": ("§ 56", N_("interpreting services")),
    "azylove_domy": ("§ 57", N_("asylum houses")),
    "socialni_rehabilitace": ("§ 70", N_("social rehabilitation")),
}

#: Forms of provision (§33).
SERVICE_FORMS = {
    "ambulant": N_("at the centre (ambulant)"),
    "field": N_("in the field (we come to you)"),
    "residential": N_("residential"),
}

#: What a registered capacity counts (the register's TypKapacitySocialniSluzby): code -> label.
CAPACITY_UNITS = {
    "clients": N_("Number of clients"),
    "beds": N_("Number of beds"),
    "interventions": N_("Number of interventions (30 minutes each)"),
    "contacts": N_("Number of contacts"),
    "calls": N_("Number of calls"),
}

#: Target-group categories of the registry of social services.
REGISTRY_TARGET_GROUPS = {
    "imigranti_a_azylanti": N_("immigrants and asylum holders"),
    "etnicke_mensiny": N_("ethnic minorities"),
    "obeti_obchodu_s_lidmi": N_("victims of human trafficking"),
    "osoby_v_krizi": N_("people in crisis"),
    "osoby_bez_pristresi": N_("homeless people"),
    "osoby_ze_socialne_vyloucenych_komunit": N_("people living in socially excluded communities"),
    "rodiny_s_detmi": N_("families with children"),
}

#: Letters of §91(3) of Act 108/2006 Coll.: the only grounds for refusing a service
#: (wording in force from 1 July 2026; letter c applies to residential services only).
REFUSAL_GROUNDS_91_3 = {
    "a": N_("the provider does not provide the service requested, including with regard to the target group in the registry"),
    "b": N_("the provider does not have enough capacity"),
    "c": N_("the person's state of health rules out a residential service (residential services only)"),
    "d": N_("the provider terminated the person's contract for the same service for breach of duties less than six months ago"),
}

#: Ways a complaint may be made.
COMPLAINT_FORMS = {
    "oral": N_("in person or by phone"),
    "written": N_("in writing"),
    "email": N_("by e-mail"),
    "anonymous": N_("anonymously (complaint box)"),
}

#: The Public Defender of Rights (Veřejný ochránce práv), to whom anyone may turn about a
#: social service; every site names it, with a link, beside the provider's own words.
OMBUDSMAN = {
    "name": N_("Public Defender of Rights"),
    "name_cs": "Veřejný ochránce práv",
    "address": "Údolní 39, 602 00 Brno",
    "url": "https://www.ochrance.cz/",
    "label": "www.ochrance.cz",
}

#: Evaluation rhythms of goals.
RHYTHMS = {
    "weekly": N_("every week"),
    "monthly": N_("every month"),
    "quarterly": N_("every quarter"),
    "yearly": N_("every year"),
}

#: Periods of a measurable target ("4 times a year").
TARGET_PERIODS = ("year", "quarter", "month", "week")

#: Status of an operational goal.
GOAL_STATUSES = {
    "planned": N_("planned"),
    "in_progress": N_("in progress"),
    "done": N_("done"),
    "dropped": N_("dropped"),
}

#: The fourteen regions (kraje) by NUTS 3 code.
REGIONS = {
    "CZ010": N_("Prague"),
    "CZ020": N_("Central Bohemian Region"),
    "CZ031": N_("South Bohemian Region"),
    "CZ032": N_("Plzeň Region"),
    "CZ041": N_("Karlovy Vary Region"),
    "CZ042": N_("Ústí nad Labem Region"),
    "CZ051": N_("Liberec Region"),
    "CZ052": N_("Hradec Králové Region"),
    "CZ053": N_("Pardubice Region"),
    "CZ063": N_("Vysočina Region"),
    "CZ064": N_("South Moravian Region"),
    "CZ071": N_("Olomouc Region"),
    "CZ072": N_("Zlín Region"),
    "CZ080": N_("Moravian-Silesian Region"),
}

#: What each region is called for short, on the tiles of the directory's map: the part
#: of the country or the main town, as people say it (a tile has room for a word or two).
REGION_SHORT_NAMES = {
    "CZ010": N_("Prague"),
    "CZ020": N_("Central Bohemia"),
    "CZ031": N_("South Bohemia"),
    "CZ032": N_("Plzeň"),
    "CZ041": N_("Karlovy Vary"),
    "CZ042": N_("Ústí nad Labem"),
    "CZ051": N_("Liberec"),
    "CZ052": N_("Hradec Králové"),
    "CZ053": N_("Pardubice"),
    "CZ063": N_("Vysočina"),
    "CZ064": N_("South Moravia"),
    "CZ071": N_("Olomouc"),
    "CZ072": N_("Zlín"),
    "CZ080": N_("Moravia-Silesia"),
}

#: Accessibility compliance status (EU model statement).
ACCESSIBILITY_STATUS = {
    "full": N_("fully compliant"),
    "partial": N_("partially compliant"),
    "none": N_("not compliant"),
}

#: Why content is not accessible: the three headings of the model statement.
INACCESSIBLE_GROUNDS = {
    "non_compliance": N_("it does not yet meet the requirements of the act"),
    "disproportionate_burden": N_("making it accessible would be a disproportionate burden (§ 7 of the act)"),
    "out_of_scope": N_("the act does not apply to it (§ 1(3) and (4) of the act)"),
}

#: Categories of the services directory (what a service helps with), kept apart
#: from the registry's target groups (whom it is for).
SERVICE_CATEGORIES = {
    "social_counselling": N_("social counselling"),
    "legal_counselling": N_("legal counselling"),
    "czech_courses": N_("Czech language courses"),
    "sociocultural_courses": N_("socio-cultural courses"),
    "field_work": N_("field work and streetwork"),
    "interpreting": N_("interpreting and intercultural work"),
    "housing": N_("housing"),
    "work": N_("work"),
    "health": N_("health"),
    "children_school": N_("children and school"),
    "crisis_help": N_("crisis help"),
}

#: Languages a directory entry may name (ISO 639-1); their names come from Babel.
LANGUAGES = (
    "cs", "en", "ru", "uk", "vi", "ar", "fr", "de", "es", "mn", "zh", "ro", "bg", "pl", "sk", "hu", "fa",
    "tr", "ka", "hy", "ky", "kk", "uz", "tg", "be", "sq", "sr", "hr", "bs", "tl", "hi", "ne", "ko", "ja",
    "pt", "it", "so", "ti", "am", "ku", "ps",
)

#: Physical accessibility of a place where a service is provided.
PHYSICAL_ACCESSIBILITY = {
    "full": N_("wheelchair accessible"),
    "partial": N_("partly wheelchair accessible"),
    "none": N_("not wheelchair accessible"),
    "unknown": N_("accessibility not known"),
}

#: The 77 districts (okresy, LAU 1 codes) by the NUTS 3 code of their region, with their
#: Russian names (as in Russian reference works) and Ukrainian ones (``_UK``). Place names are proper names: English and
#: Vietnamese keep the Czech name, except the capital (Prague, Praha).
_RU = {
    "Hlavní město Praha": "Прага",
    "Benešov": "Бенешов", "Beroun": "Бероун", "Kladno": "Кладно", "Kolín": "Колин", "Kutná Hora": "Кутна-Гора",
    "Mělník": "Мельник", "Mladá Boleslav": "Млада-Болеслав", "Nymburk": "Нимбурк", "Praha-východ": "Прага-восток",
    "Praha-západ": "Прага-запад", "Příbram": "Пршибрам", "Rakovník": "Раковник",
    "České Budějovice": "Ческе-Будеёвице", "Český Krumlov": "Чески-Крумлов",
    "Jindřichův Hradec": "Йиндржихув-Градец", "Písek": "Писек", "Prachatice": "Прахатице",
    "Strakonice": "Страконице", "Tábor": "Табор",
    "Domažlice": "Домажлице", "Klatovy": "Клатови", "Plzeň-město": "Пльзень-город", "Plzeň-jih": "Пльзень-юг",
    "Plzeň-sever": "Пльзень-север", "Rokycany": "Рокицани", "Tachov": "Тахов",
    "Cheb": "Хеб", "Karlovy Vary": "Карловы Вары", "Sokolov": "Соколов",
    "Děčín": "Дечин", "Chomutov": "Хомутов", "Litoměřice": "Литомержице", "Louny": "Лоуни", "Most": "Мост",
    "Teplice": "Теплице", "Ústí nad Labem": "Усти-над-Лабем",
    "Česká Lípa": "Чешска-Липа", "Jablonec nad Nisou": "Яблонец-над-Нисой", "Liberec": "Либерец",
    "Semily": "Семили",
    "Hradec Králové": "Градец-Кралове", "Jičín": "Йичин", "Náchod": "Наход",
    "Rychnov nad Kněžnou": "Рихнов-над-Кнежной", "Trutnov": "Трутнов",
    "Chrudim": "Хрудим", "Pardubice": "Пардубице", "Svitavy": "Свитави", "Ústí nad Orlicí": "Усти-над-Орлици",
    "Havlíčkův Brod": "Гавличкув-Брод", "Jihlava": "Йиглава", "Pelhřimov": "Пельгржимов", "Třebíč": "Тршебич",
    "Žďár nad Sázavou": "Ждяр-над-Сазавой",
    "Blansko": "Бланско", "Brno-město": "Брно-город", "Brno-venkov": "Брно-пригород", "Břeclav": "Бржецлав",
    "Hodonín": "Годонин", "Vyškov": "Вишков", "Znojmo": "Зноймо",
    "Jeseník": "Есеник", "Olomouc": "Оломоуц", "Prostějov": "Простеёв", "Přerov": "Пршеров", "Šumperk": "Шумперк",
    "Kroměříž": "Кромержиж", "Uherské Hradiště": "Угерске-Градиште", "Vsetín": "Всетин", "Zlín": "Злин",
    "Bruntál": "Брунталь", "Frýdek-Místek": "Фридек-Мистек", "Karviná": "Карвина", "Nový Jičín": "Новы-Йичин",
    "Opava": "Опава", "Ostrava-město": "Острава-город",
}
#: The same districts' Ukrainian names (Ukrainian spelling of the Czech names).
_UK = {
    "Hlavní město Praha": "Прага",
    "Benešov": "Бенешов", "Beroun": "Бероун", "Kladno": "Кладно", "Kolín": "Колін", "Kutná Hora": "Кутна Гора",
    "Mělník": "Мельник", "Mladá Boleslav": "Млада Болеслав", "Nymburk": "Німбурк", "Praha-východ": "Прага-схід",
    "Praha-západ": "Прага-захід", "Příbram": "Пршибрам", "Rakovník": "Раковник",
    "České Budějovice": "Чеські Будейовиці", "Český Krumlov": "Чеський Крумлов",
    "Jindřichův Hradec": "Їндржихув Градець", "Písek": "Пісек", "Prachatice": "Прахатіце",
    "Strakonice": "Страконіце", "Tábor": "Табор",
    "Domažlice": "Домажліце", "Klatovy": "Клатови", "Plzeň-město": "Пльзень-місто", "Plzeň-jih": "Пльзень-південь",
    "Plzeň-sever": "Пльзень-північ", "Rokycany": "Рокицани", "Tachov": "Тахов",
    "Cheb": "Хеб", "Karlovy Vary": "Карлові Вари", "Sokolov": "Соколов",
    "Děčín": "Дечин", "Chomutov": "Хомутов", "Litoměřice": "Літомержиці", "Louny": "Лоуни", "Most": "Мост",
    "Teplice": "Теплиці", "Ústí nad Labem": "Усті-над-Лабем",
    "Česká Lípa": "Чеська Ліпа", "Jablonec nad Nisou": "Яблонець-над-Нисою", "Liberec": "Ліберець",
    "Semily": "Семили",
    "Hradec Králové": "Градець-Кралове", "Jičín": "Їчин", "Náchod": "Наход",
    "Rychnov nad Kněžnou": "Рихнов-над-Кнєжною", "Trutnov": "Трутнов",
    "Chrudim": "Хрудім", "Pardubice": "Пардубиці", "Svitavy": "Світави", "Ústí nad Orlicí": "Усті-над-Орліцею",
    "Havlíčkův Brod": "Гавлічкув Брод", "Jihlava": "Їглава", "Pelhřimov": "Пельгржимов", "Třebíč": "Тршебіч",
    "Žďár nad Sázavou": "Ждяр-над-Сазавою",
    "Blansko": "Бланско", "Brno-město": "Брно-місто", "Brno-venkov": "Брно-околиці", "Břeclav": "Бржецлав",
    "Hodonín": "Годонін", "Vyškov": "Вишков", "Znojmo": "Зноймо",
    "Jeseník": "Єсеник", "Olomouc": "Оломоуць", "Prostějov": "Простейов", "Přerov": "Пршеров", "Šumperk": "Шумперк",
    "Kroměříž": "Кромержиж", "Uherské Hradiště": "Угерське Градіште", "Vsetín": "Всетін", "Zlín": "Злін",
    "Bruntál": "Брунталь", "Frýdek-Místek": "Фрідек-Містек", "Karviná": "Карвіна", "Nový Jičín": "Новий Їчин",
    "Opava": "Опава", "Ostrava-město": "Острава-місто",
}
_OTHER = {"Hlavní město Praha": {"en": "Prague", "vi": "Praha"}}

DISTRICTS_BY_REGION = {
    "CZ010": {"CZ0100": "Hlavní město Praha"},
    "CZ020": {
        "CZ0201": "Benešov", "CZ0202": "Beroun", "CZ0203": "Kladno", "CZ0204": "Kolín",
        "CZ0205": "Kutná Hora", "CZ0206": "Mělník", "CZ0207": "Mladá Boleslav", "CZ0208": "Nymburk",
        "CZ0209": "Praha-východ", "CZ020A": "Praha-západ", "CZ020B": "Příbram", "CZ020C": "Rakovník",
    },
    "CZ031": {
        "CZ0311": "České Budějovice", "CZ0312": "Český Krumlov", "CZ0313": "Jindřichův Hradec",
        "CZ0314": "Písek", "CZ0315": "Prachatice", "CZ0316": "Strakonice", "CZ0317": "Tábor",
    },
    "CZ032": {
        "CZ0321": "Domažlice", "CZ0322": "Klatovy", "CZ0323": "Plzeň-město", "CZ0324": "Plzeň-jih",
        "CZ0325": "Plzeň-sever", "CZ0326": "Rokycany", "CZ0327": "Tachov",
    },
    "CZ041": {"CZ0411": "Cheb", "CZ0412": "Karlovy Vary", "CZ0413": "Sokolov"},
    "CZ042": {
        "CZ0421": "Děčín", "CZ0422": "Chomutov", "CZ0423": "Litoměřice", "CZ0424": "Louny",
        "CZ0425": "Most", "CZ0426": "Teplice", "CZ0427": "Ústí nad Labem",
    },
    "CZ051": {"CZ0511": "Česká Lípa", "CZ0512": "Jablonec nad Nisou", "CZ0513": "Liberec", "CZ0514": "Semily"},
    "CZ052": {
        "CZ0521": "Hradec Králové", "CZ0522": "Jičín", "CZ0523": "Náchod", "CZ0524": "Rychnov nad Kněžnou",
        "CZ0525": "Trutnov",
    },
    "CZ053": {"CZ0531": "Chrudim", "CZ0532": "Pardubice", "CZ0533": "Svitavy", "CZ0534": "Ústí nad Orlicí"},
    "CZ063": {
        "CZ0631": "Havlíčkův Brod", "CZ0632": "Jihlava", "CZ0633": "Pelhřimov", "CZ0634": "Třebíč",
        "CZ0635": "Žďár nad Sázavou",
    },
    "CZ064": {
        "CZ0641": "Blansko", "CZ0642": "Brno-město", "CZ0643": "Brno-venkov", "CZ0644": "Břeclav",
        "CZ0645": "Hodonín", "CZ0646": "Vyškov", "CZ0647": "Znojmo",
    },
    "CZ071": {"CZ0711": "Jeseník", "CZ0712": "Olomouc", "CZ0713": "Prostějov", "CZ0714": "Přerov", "CZ0715": "Šumperk"},
    "CZ072": {"CZ0721": "Kroměříž", "CZ0722": "Uherské Hradiště", "CZ0723": "Vsetín", "CZ0724": "Zlín"},
    "CZ080": {
        "CZ0801": "Bruntál", "CZ0802": "Frýdek-Místek", "CZ0803": "Karviná", "CZ0804": "Nový Jičín",
        "CZ0805": "Opava", "CZ0806": "Ostrava-město",
    },
}
DISTRICTS_BY_REGION = {
    region: {code: PlaceName(name, ru=_RU[name], uk=_UK[name], **_OTHER.get(name, {})) for code, name in names.items()}
    for region, names in DISTRICTS_BY_REGION.items()
}

#: District code -> (region code, name); the name is a :class:`PlaceName` (Czech, with other forms).
DISTRICTS = {code: (region, name) for region, names in DISTRICTS_BY_REGION.items() for code, name in names.items()}
