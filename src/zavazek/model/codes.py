"""Closed code lists used in the data files, with English labels as msgids.

The labels go through gettext when a page is rendered; ``N_`` only marks
them for extraction into the catalogs.
"""

from __future__ import annotations


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

#: Letters of §91(3) of Act 108/2006 Coll.: the only grounds for refusing a service.
REFUSAL_GROUNDS_91_3 = {
    "a": N_("the provider does not provide the service requested, including with regard to the target group in the registry"),
    "b": N_("the provider does not have enough capacity"),
    "c": N_("the provider terminated the person's contract for the same service for breach of duties less than six months ago"),
}

#: Ways a complaint may be made.
COMPLAINT_FORMS = {
    "oral": N_("in person or by phone"),
    "written": N_("in writing"),
    "email": N_("by e-mail"),
    "anonymous": N_("anonymously (complaint box)"),
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

#: Accessibility compliance status (EU model statement).
ACCESSIBILITY_STATUS = {
    "full": N_("fully compliant"),
    "partial": N_("partially compliant"),
    "none": N_("not compliant"),
}
