"""The checks: one function per criterion of the catalogue, registered under its id.

A rule reads the validated data and returns an :class:`Outcome`: whether the
criterion is met, the links to where the site satisfies it, and a finding for
every gap, with the place in the data where it is fixed. A rule returns
``None`` when the criterion does not apply to this provider (e.g. §69 for a
service that is not a field programme).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from zavazek.core.checks.findings import Finding, Link, Outcome, Place
from zavazek.core.model.codes import N_
from zavazek.core.model.goals import effective_deadline, is_overdue
from zavazek.core.model.texts import iter_texts
from zavazek.core.pages import ACCESSIBILITY, CENTRES, COMMITMENT, DIRECTORY, GOALS, HOME, PRIVACY
from zavazek.core.model.types import Text
from zavazek.core.model.website import STATEMENT_PARTS
from zavazek.core.problems import Message, format_path
from zavazek.core.project import Project
from zavazek.core.provider import ProviderData

if TYPE_CHECKING:
    from zavazek.core.checks.registry_match import RegistryCheck

RULES: dict = {}


def rule(criterion_id: str):
    def register(fn):
        RULES[criterion_id] = fn
        return fn

    return register


@dataclass
class Context:
    data: ProviderData
    project: Project
    day: object
    languages: tuple[str, ...]
    #: The register's services to compare with (``reg-match``); None: the comparison is left out.
    registry: "RegistryCheck | None" = None

    def place(self, document: str, path: tuple) -> Place:
        doc = self.data.documents.get(document)
        file = f"data/{document}.yaml"
        if doc is None:
            return Place(file, None, format_path(path))
        try:
            file = str(doc.file.resolve().relative_to(self.project.root))
        except ValueError:
            file = str(doc.file)
        line, _ = doc.position(path)
        return Place(file, line, format_path(path))

    def missing(self, text: Text | None) -> list[str]:
        """Site languages without this text (all of them when the text is absent)."""
        if text is None:
            return list(self.languages)
        return [lang for lang in self.languages if text.get(lang) is None]


def _missing_field(ctx: Context, document: str, path: tuple, message: str, fix: str, link: Link | None = None):
    return Finding(Message(message), ctx.place(document, path), fix=Message(fix), link=link)


def _stated(ctx: Context, path: tuple, evidence: list[Link], message: str, fix: str) -> Outcome:
    """Met when ``commitment.yaml`` has a value at ``path``; otherwise one finding pointing there."""
    value = ctx.data.commitment
    for part in path:
        value = getattr(value, part)
    if value:
        return Outcome(met=True, evidence=evidence)
    return Outcome(met=False, findings=[_missing_field(ctx, "commitment", path, message, fix)])


#: Where a text of a data file is shown: (document, first field) -> (page, anchor).
_SHOWN_ON = {
    ("commitment", "mission"): (COMMITMENT, "mission"),
    ("commitment", "target_groups"): (COMMITMENT, "target-groups"),
    ("commitment", "principles"): (COMMITMENT, "principles"),
    ("commitment", "refusal"): (COMMITMENT, "refusal"),
    ("commitment", "complaints"): (COMMITMENT, "complaints"),
    ("commitment", "service"): (COMMITMENT, "service"),
    ("goals", "strategic"): (GOALS, "strategic"),
    ("goals", "long_term"): (GOALS, "long-term"),
    ("website", "accessibility"): (ACCESSIBILITY, ""),
    ("website", "privacy"): (PRIVACY, ""),
}
_DOCUMENT_PAGE = {"commitment": COMMITMENT, "goals": GOALS, "website": ACCESSIBILITY, "services": DIRECTORY}


def shown_on(data, document: str, path: tuple) -> Link:
    """The page (and section) where the text at ``path`` of ``document`` is published."""
    if document == "commitment" and path[:1] == ("centres",) and len(path) > 1:
        return Link(CENTRES, data.commitment.centres[path[1]].id)
    if document == "goals" and path[:2] == ("operational", "plans") and len(path) > 2:
        return Link(GOALS, f"operational-{data.goals.operational.plans[path[2]].centre}")
    page, anchor = _SHOWN_ON.get((document, path[0] if path else ""), (_DOCUMENT_PAGE.get(document, HOME), ""))
    return Link(page, anchor)


def _shown_on(ctx: Context, document: str, path: tuple) -> Link:
    return shown_on(ctx.data, document, path)


def _missing_in(ctx: Context, document: str, texts, languages) -> list[Finding]:
    """A finding per (language, text) missing in one of ``languages``; ``texts`` yields (path, Text).

    Each finding links to the page, in that language, where the text belongs.
    """
    out = []
    for path, text in texts:
        for lang in languages:
            if text is not None and text.get(lang) is not None:
                continue
            out.append(
                Finding(
                    Message("No text in this language."),
                    ctx.place(document, path),
                    lang=lang,
                    link=_shown_on(ctx, document, path),
                    fix=Message("Add a line “{lang}: …” under this field.", {"lang": lang}),
                )
            )
    return out


def _untranslated(ctx: Context, document: str, texts) -> list[Finding]:
    """Texts missing in a language of the site, or translated from an earlier text: the languages criterion only."""
    texts = list(texts)
    return _missing_in(ctx, document, texts, ctx.languages) + _outdated_in(ctx, document, texts)


def _outdated_in(ctx: Context, document: str, texts) -> list[Finding]:
    """A finding per (language, text) whose translation was made from an earlier default-language text."""
    return [
        Finding(
            Message("The translation was made from an earlier Czech text (outdated)."),
            ctx.place(document, path + (lang,)),
            lang=lang,
            link=_shown_on(ctx, document, path),
            fix=Message(
                "Update the translation, or if it still fits run “zavazek translations confirm --lang {lang}”.",
                {"lang": lang},
            ),
        )
        for path, text in texts
        for lang in ctx.languages
        if text is not None and text.is_outdated(lang)
    ]


def _unwritten(ctx: Context, document: str, texts) -> list[Finding]:
    """Texts missing in the site's default language: they are not written down at all."""
    return _missing_in(ctx, document, texts, (ctx.project.default_language,))


def _placeholders(ctx: Context) -> list[Finding]:
    """A finding per value still marked [DOPLNIT] / [TO FILL IN]: a placeholder is not a written commitment."""
    return [
        Finding(
            Message("A placeholder, not yet filled in."),
            ctx.place(document, path),
            link=_shown_on(ctx, document, path) if document in _DOCUMENT_PAGE else None,
            fix=Message("Replace the placeholder text, marker included, with your own."),
        )
        for document, path in ctx.data.placeholders
    ]


def _by_language(findings: list[Finding], languages) -> list[Finding]:
    order = {lang: i for i, lang in enumerate(languages)}
    return sorted(findings, key=lambda f: order.get(f.lang, -1))


# --- Standard 1: the commitment itself -----------------------------------------


@rule("sqss-1a")
def commitment_published(ctx: Context) -> Outcome:
    c, g = ctx.data.commitment, ctx.data.goals
    commitment_texts = [(("mission", i), t) for i, t in enumerate(c.mission)]
    commitment_texts += [(("target_groups", i, "text"), t.text) for i, t in enumerate(c.target_groups)]
    commitment_texts += [(("principles", i, "name"), p.name) for i, p in enumerate(c.principles)]
    goal_texts = [(("strategic", "goals", i, "text"), x.text) for i, x in enumerate(g.strategic.goals)]
    goal_texts += [(("long_term", "goals", i, "text"), x.text) for i, x in enumerate(g.long_term.goals)]
    # Written down and published: judged in the default language. Whether readers of the other
    # languages can understand them is §88(a), judged by the languages criterion (lang-complete).
    findings = _unwritten(ctx, "commitment", commitment_texts) + _unwritten(ctx, "goals", goal_texts)
    findings += _placeholders(ctx)
    return Outcome(
        met=not findings,
        evidence=[Link(COMMITMENT, "mission"), Link(GOALS, "strategic"), Link(COMMITMENT, "principles"),
                  Link(COMMITMENT, "target-groups")],
        findings=_by_language(findings, ctx.languages),
    )


@rule("sqss-1b")
def own_will(ctx: Context) -> Outcome:
    return Outcome(met=None, evidence=[Link(COMMITMENT, "principles")])


@rule("sqss-1d")
def no_prejudice(ctx: Context) -> Outcome:
    return Outcome(met=None, evidence=[Link(COMMITMENT, "principles")])


@rule("sqss-3")
def informing_applicants(ctx: Context) -> Outcome:
    findings = []
    if ctx.data.commitment.service.how_to_start is None:
        findings.append(_missing_field(
            ctx, "commitment", ("service", "how_to_start"),
            N_("The commitment does not say how to start using the service."),
            N_("Add service.how_to_start: how to get in touch and what happens at the first meeting."),
        ))
    return Outcome(met=not findings, evidence=[Link(HOME, "start"), Link(COMMITMENT, "refusal")], findings=findings)


# --- refusal ---------------------------------------------------------------------


@rule("zss-91-3")
def refusal_grounds(ctx: Context) -> Outcome:
    findings = []
    residential = "residential" in ctx.data.commitment.service.forms
    for i, ground in enumerate(ctx.data.commitment.refusal.grounds):
        if ground.legal_basis == "c" and not residential:
            findings.append(
                Finding(
                    Message(
                        "The refusal ground “{id}” cites §91(3)(c), which applies only to residential services.",
                        {"id": ground.id},
                    ),
                    ctx.place("commitment", ("refusal", "grounds", i, "legal_basis")),
                    link=Link(COMMITMENT, f"refusal-{ground.id}"),
                    fix=Message("A ground about a terminated contract is letter d since the act was amended; correct the letter, or remove the ground."),
                )
            )
        elif ground.legal_basis in (None, "none"):
            findings.append(
                Finding(
                    Message(
                        "The refusal ground “{id}” cites no letter of §91(3), so it is not among the grounds the act allows.",
                        {"id": ground.id},
                    ),
                    ctx.place("commitment", ("refusal", "grounds", i, "legal_basis")),
                    link=Link(COMMITMENT, f"refusal-{ground.id}"),
                    fix=Message("Cite the letter the ground rests on (legal_basis: a, b, c or d), or remove the ground."),
                )
            )
    return Outcome(met=not findings, evidence=[Link(COMMITMENT, "refusal")], findings=findings)


@rule("zss-2-1")
def basic_counselling(ctx: Context) -> Outcome:
    return _stated(
        ctx, ("refusal", "basic_counselling"), [Link(COMMITMENT, "basic-counselling")],
        N_("The commitment does not say that basic social counselling is free for everyone, also after a refusal."),
        N_("Add refusal.basic_counselling: that a refused person still gets free basic counselling and a referral to another service."),
    )


@rule("zss-91-written")
def written_reasons(ctx: Context) -> Outcome:
    return _stated(
        ctx, ("refusal", "written_reasons"), [Link(COMMITMENT, "written-reasons")],
        N_("The commitment does not say that the reason for a refusal is given in writing on request."),
        N_("Add refusal.written_reasons: one sentence saying so."),
    )


# --- §88: information about the service -------------------------------------------


@rule("zss-88-info")
def service_information(ctx: Context) -> Outcome:
    service = ctx.data.commitment.service
    findings = []
    if service.capacity is None:
        findings.append(_missing_field(
            ctx, "commitment", ("service", "capacity"),
            N_("The capacity of the service is not stated."),
            N_("Add service.capacity: how many people the service can take, e.g. per day or at one time."),
        ))
    if service.how_to_start is None:
        findings.append(_missing_field(
            ctx, "commitment", ("service", "how_to_start"),
            N_("The commitment does not say how the service is provided and how to start using it."),
            N_("Add service.how_to_start: how to get in touch and what happens at the first meeting."),
        ))
    return Outcome(
        met=not findings,
        evidence=[Link(COMMITMENT, "service"), Link(CENTRES), Link(COMMITMENT, "target-groups"), Link(HOME, "start")],
        findings=findings,
    )


@rule("zss-37")
def counselling_activities(ctx: Context) -> Outcome | None:
    service = ctx.data.commitment.service
    if service.kind != "odborne_socialni_poradenstvi":
        return None
    return _stated(
        ctx, ("service", "activities"), [Link(COMMITMENT, "service")],
        N_("The activities of the service are not listed."),
        N_("Add service.activities: what the service does, one item per activity."),
    )


@rule("zss-69")
def field_programme(ctx: Context) -> Outcome | None:
    service = ctx.data.commitment.service
    if service.kind != "terenni_programy":
        return None
    if "field" in service.forms:
        return Outcome(met=True, evidence=[Link(COMMITMENT, "service"), Link(CENTRES)])
    return Outcome(met=False, findings=[_missing_field(
        ctx, "commitment", ("service", "forms"),
        N_("A field programme must be provided in the field, but its forms do not include it."),
        N_("Add field to service.forms."),
    )])


@rule("reg")
def registry_identifier(ctx: Context) -> Outcome:
    return _stated(
        ctx, ("service", "registry_id"), [Link(COMMITMENT, "service")],
        N_("The identifier of the service in the registry of social services is not stated."),
        N_("Add service.registry_id: the seven digits from the registry, in quotes."),
    )


@rule("reg-match")
def registry_match(ctx: Context) -> Outcome:
    """The commitment against the register's snapshot (see :mod:`.registry_match`)."""
    from zavazek.core.checks.registry_match import compare, not_given

    return compare(ctx, ctx.registry) if ctx.registry is not None else not_given()


# --- complaints ----------------------------------------------------------------------


@rule("zss-88-complaints")
def complaint_rules(ctx: Context) -> Outcome:
    how = ctx.data.commitment.complaints.how
    if how is None:
        return Outcome(met=False, findings=[_missing_field(
            ctx, "commitment", ("complaints", "how"),
            N_("The commitment does not say how to complain."),
            N_("Add complaints.how in every language of the site."),
        )])
    findings = _unwritten(ctx, "commitment", [(("complaints", "how"), how)])
    return Outcome(met=not findings, evidence=[Link(COMMITMENT, "complaints")], findings=findings)


_COMPLAINT_PARTS = [
    ("how", N_("It does not say how to complain."), N_("Add complaints.how.")),
    ("forms", N_("It does not say in what form a complaint can be made."), N_("Add complaints.forms, e.g. [oral, written, email].")),
    ("contact", N_("It does not say where to send a complaint: no e-mail, phone or postal address."),
     N_("Add complaints.contact with the organisation's general e-mail, phone and postal address (never a person's).")),
    ("languages", N_("It does not say in which languages a complaint is accepted."),
     N_("Add complaints.languages, e.g. [cs, en, ru, uk, vi].")),
    ("decided_by", N_("It does not say who decides on a complaint."), N_("Add complaints.decided_by.")),
    ("time_limit_days", N_("It does not say within what time a complaint is answered."), N_("Add complaints.time_limit_days, e.g. 30.")),
    ("representative", N_("It does not say that a representative may be chosen."), N_("Add complaints.representative.")),
    ("ministry_review", N_("It does not say that the Ministry of Labour and Social Affairs can review how a complaint was handled."), N_("Add complaints.ministry_review: when and how to ask the Ministry for a review.")),
    ("higher_body", N_("It does not name the founder or another body to turn to on disagreement."), N_("Add complaints.higher_body: the founder or another body above the provider, with its address.")),
    ("ombudsman", N_("It does not name an institution protecting human rights, such as the Public Defender of Rights."), N_("Add complaints.ombudsman.")),
]


#: A way to complain that the contact must make possible: form -> (contact field, message, fix).
_CONTACT_FOR_FORM = {
    "email": ("email", N_("Complaints may be sent by e-mail, but the contact has no e-mail address."),
              N_("Add complaints.contact.email.")),
    "written": ("address", N_("Complaints may be sent in writing, but the contact has no postal address."),
                N_("Add complaints.contact.address with street, city and postcode.")),
}


def _has_contact(complaints) -> bool:
    contact = complaints.contact
    return contact is not None and any((contact.email, contact.phone, contact.address))


@rule("sqss-7")
def complaint_parts(ctx: Context) -> Outcome:
    """The parts of Standard 7; "to whom" is met by a contact a complaint can be sent to."""
    complaints = ctx.data.commitment.complaints
    findings = [
        _missing_field(ctx, "commitment", ("complaints", part), message, fix)
        for part, message, fix in _COMPLAINT_PARTS
        if not (_has_contact(complaints) if part == "contact" else getattr(complaints, part))
    ]
    if _has_contact(complaints):
        findings += [
            _missing_field(ctx, "commitment", ("complaints", "contact"), message, fix)
            for form, (field, message, fix) in _CONTACT_FOR_FORM.items()
            if form in complaints.forms and not getattr(complaints.contact, field)
        ]
    return Outcome(met=not findings, evidence=[Link(COMMITMENT, "complaints")], findings=findings)


# --- goals ----------------------------------------------------------------------------


def _goal_groups(ctx: Context):
    """(path prefix, group defaults, goal, goal index) for every goal in goals.yaml."""
    g = ctx.data.goals
    for name in ("strategic", "long_term"):
        group = getattr(g, name)
        for i, goal in enumerate(group.goals):
            yield (name, "goals", i), group, goal, None
    for p, plan in enumerate(g.operational.plans):
        for i, goal in enumerate(plan.goals):
            yield ("operational", "plans", p, "goals", i), g.operational, goal, plan


@rule("goals-defined")
def goals_defined(ctx: Context) -> Outcome:
    findings = []
    for path, group, goal, plan in _goal_groups(ctx):
        if plan is not None and plan.year != ctx.day.year:
            continue
        for attr, message in (
            ("responsible", N_("Goal “{id}” has no responsible role.")),
            ("evaluation", N_("Goal “{id}” has no evaluation rhythm.")),
            ("deadline", N_("Goal “{id}” has no deadline.")),
        ):
            if not (getattr(goal, attr) or getattr(group, attr)):
                findings.append(Finding(
                    Message(message, {"id": goal.id}),
                    ctx.place("goals", path + (attr,)),
                    fix=Message("Add {field} to the goal, or to its group to apply to all its goals.", {"field": attr}),
                ))
    return Outcome(met=not findings, evidence=[Link(GOALS)], findings=findings)


@rule("goals-deadlines")
def goals_current(ctx: Context) -> Outcome:
    findings = []
    for path, group, goal, plan in _goal_groups(ctx):
        if plan is not None and plan.year != ctx.day.year:
            continue
        due = effective_deadline(goal, group, plan.year if plan else ctx.day.year)
        if is_overdue(goal, group, plan.year, ctx.day) if plan else (due is not None and due < ctx.day):
            anchor = f"goal-{plan.centre}-{goal.id}" if plan else f"goal-{goal.id}"
            findings.append(Finding(
                Message("The deadline {date} of goal “{id}” has passed.", {"date": due.isoformat(), "id": goal.id}),
                ctx.place("goals", path + ("deadline",) if goal.deadline else path[:-2] + ("deadline",)),
                link=Link(GOALS, anchor),
                fix=Message("Evaluate the goal and set a new one with a new deadline."),
            ))
    return Outcome(met=not findings, evidence=[Link(GOALS)], findings=findings)


@rule("goals-operational")
def operational_goals(ctx: Context) -> Outcome:
    findings = []
    year = ctx.day.year
    plans = {p.centre: (i, p) for i, p in enumerate(ctx.data.goals.operational.plans) if p.year == year}
    for c, centre in enumerate(ctx.data.commitment.centres):
        if centre.id not in plans:
            findings.append(Finding(
                Message("Centre “{centre}” has no operational goals for {year}.", {"centre": centre.id, "year": year}),
                ctx.place("goals", ("operational", "plans")),
                fix=Message("Add a plan with centre: {centre} and year: {year} to operational.plans.",
                            {"centre": centre.id, "year": year}),
            ))
            continue
        i, plan = plans[centre.id]
        for attr in ("approved_by", "approved_on"):
            if getattr(plan, attr) is None:
                findings.append(Finding(
                    Message("The {year} plan of centre “{centre}” does not say who approved it and when.",
                            {"centre": centre.id, "year": year}),
                    ctx.place("goals", ("operational", "plans", i, attr)),
                    fix=Message("Add {field} to the plan.", {"field": attr}),
                ))
    evidence = [Link(GOALS, f"operational-{cid}") for cid in plans]
    return Outcome(met=not findings, evidence=evidence or [Link(GOALS)], findings=findings)


# --- languages ---------------------------------------------------------------------------


@rule("lang-complete")
def languages_complete(ctx: Context) -> Outcome:
    findings = []
    for name in ("commitment", "goals", "website"):
        findings += _untranslated(ctx, name, iter_texts(getattr(ctx.data, name)))
    return Outcome(met=not findings, findings=_by_language(findings, ctx.languages))


# --- accessibility and data protection --------------------------------------------------------


@rule("a11y-statement")
def accessibility_statement(ctx: Context) -> Outcome:
    """Every part of the model statement can be filled in (its translations are judged under §88(a)).

    The fixed wording of each part comes with závazek; what only the provider
    knows (the website's address, the content that is not accessible and why,
    the method) must be there, or that part is missing from the statement.
    """
    a = ctx.data.website.accessibility
    findings = []
    if not ctx.project.site_url:
        findings.append(Finding(
            Message(N_("The statement cannot name the website it applies to: the site has no address.")),
            Place(ctx.project.config_file.name, None, "site_url"),
            fix=Message(N_("Set site_url in mkdocs.yml, e.g. site_url: https://www.example.org/")),
            link=Link(ACCESSIBILITY, "scope"),
        ))
    if a.status != "full" and not a.inaccessible:
        findings.append(_missing_field(
            ctx, "website", ("accessibility", "inaccessible"),
            N_("The statement says the site is not fully compliant, but lists no content that is not accessible."),
            N_("Add accessibility.inaccessible: each item with its text, ground and reason."),
            link=Link(ACCESSIBILITY, "non-accessible"),
        ))
    if a.status == "full" and a.inaccessible:
        findings.append(_missing_field(
            ctx, "website", ("accessibility", "status"),
            N_("The statement says the site is fully compliant, but lists content that is not accessible."),
            N_("Set accessibility.status to partial, or remove the items from accessibility.inaccessible."),
            link=Link(ACCESSIBILITY, "status"),
        ))
    texts = [(("accessibility", "method"), a.method)]
    for i, item in enumerate(a.inaccessible):
        texts += [(("accessibility", "inaccessible", i, "text"), item.text),
                  (("accessibility", "inaccessible", i, "reason"), item.reason)]
        if item.alternative:
            texts.append((("accessibility", "inaccessible", i, "alternative"), item.alternative))
    findings += _unwritten(ctx, "website", texts)
    return Outcome(
        met=not findings,
        evidence=[Link(ACCESSIBILITY, anchor) for anchor in STATEMENT_PARTS],
        findings=findings,
    )


@rule("a11y-standard")
def accessibility_standard(ctx: Context) -> Outcome:
    return Outcome(met=None, evidence=[Link(ACCESSIBILITY, "status")])


@rule("gdpr-notice")
def privacy_notice(ctx: Context) -> Outcome:
    """The generated notice has its fixed parts in every language; the provider's own part must be written."""
    findings = _unwritten(ctx, "website", [(("privacy", "hosting"), ctx.data.website.privacy.hosting)])
    return Outcome(met=not findings, evidence=[Link(PRIVACY)], findings=findings)


_LOADING = re.compile(r"""<(?:img|script|iframe|video|audio|source|embed|object)\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?//"""
                      r"""|<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?//|!\[[^\]]*\]\(\s*(?:https?:)?//"""
                      r"""|url\(\s*["']?(?:https?:)?//""", re.IGNORECASE)


def _external(value) -> bool:
    return isinstance(value, str) and bool(re.match(r"^(?:https?:)?//", value.strip()))


@rule("gdpr-third-party")
def no_third_parties(ctx: Context) -> Outcome:
    settings = ctx.project.privacy
    config_file = ctx.project.config_file.name
    findings = []

    def setting(message: str, fix: str, **params):
        findings.append(Finding(Message(message, params), Place(config_file, None, params.get("setting", "")),
                                fix=Message(fix, params)))

    if settings.theme_fonts:
        setting(N_("The theme loads its fonts from Google Fonts."), N_("Set font: false under theme in mkdocs.yml."),
                setting="theme.font")
    for key, urls in (("extra_javascript", settings.extra_javascript), ("extra_css", settings.extra_css)):
        for url in urls:
            if _external(url):
                setting(N_("{setting} loads {url} from another server."), N_("Copy the file into docs/ and link it there."),
                        setting=key, url=url)
    if settings.repo_url:
        setting(N_("repo_url makes every page ask the code host's server for statistics."),
                N_("Remove repo_url from mkdocs.yml."), setting="repo_url")
    if settings.analytics:
        setting(N_("Web analytics send each visit to another server."), N_("Remove extra.analytics from mkdocs.yml."),
                setting="extra.analytics")
    docs = ctx.project.docs_dir
    if docs.is_dir():
        for path in sorted(docs.rglob("*")):
            if path.suffix not in (".md", ".html", ".css") or not path.is_file():
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
                if _LOADING.search(line) or "<iframe" in line.lower():
                    findings.append(Finding(
                        Message("This page loads something from another server."),
                        Place(str(path.relative_to(ctx.project.root)), number, ""),
                        fix=Message("Save the file into docs/ and link it there, or make it a plain link."),
                    ))
    return Outcome(met=not findings, evidence=[Link(PRIVACY, "not-collected")], findings=findings)


@rule("gdpr-cookies")
def no_tracking_cookies(ctx: Context) -> Outcome:
    settings = ctx.project.privacy
    if settings.analytics or settings.cookie_consent:
        return Outcome(met=False, findings=[Finding(
            Message("The site is set up for analytics or a cookie consent, so it may store cookies that are not essential."),
            Place(ctx.project.config_file.name, None, "extra.analytics"),
            fix=Message("Remove extra.analytics and extra.consent from mkdocs.yml."),
        )])
    return Outcome(met=True, evidence=[Link(PRIVACY, "not-collected")])
