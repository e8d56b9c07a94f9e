"""The directory as open data: our JSON, a spreadsheet-friendly CSV, and Open Referral HSDS 3.0.

:func:`zavazek.site.opendata.files.files` returns ``{path in the site: bytes}``; the
build writes them where :data:`zavazek.site.sitemap.OPEN_DATA` says (``sluzby/data/``):

``directory.json``
    Our own shape (``"format": "zavazek-directory"``, ``"version": 1``)::

        {"format", "version", "generated" (date), "example" (bool),
         "languages": ["cs", …],            # languages of the site, default first
         "labels": {"categories" | "regions" | "districts" | "languages"
                    | "target_groups" | "kinds" | "accessibility": {code: {lang: text}}},
         "organisations": [{"id", "name": {lang: text}, "short_name", "legal_form": {…},
                            "ico", "website", "email", "phone"}],
         "services": [{"id", "organisation", "name": {…}, "description": {…},
                       "status": "running" | "ended" | "upcoming",
                       "categories": [code], "target_groups": [{"category", "age_from", "age_to"}],
                       "registered": {"kind", "section", "registry_id"} | null,
                       "regions": [NUTS code], "districts": [LAU 1 code],
                       "places": [{"id", "name": {…} | null,
                                   "address": {"street", "postcode", "city",
                                               "x_translations": {"city": {lang: name}}}  # if any
                                              | null,  # null for field work
                                   "area": {"districts": [LAU 1 code], "towns": [name]} | null,
                                   "coordinates": {"lat", "lon"} | null,
                                   "opening_hours": {"mon": [["08:30", "12:00"], …], …},
                                   "appointment": {"phone", "email", "text_message",
                                                   "note": {…} | null} | null,
                                   "phone", "note": {…} | null}],
                       "phone",
                       "languages": {"staff": [ISO 639-1], "interpreter": [ISO 639-1]},
                       "cost": {"free", "fee": {…} | null},
                       "appointment_needed", "referral_needed",
                       "accessibility": {"level", "note": {…} | null},
                       "runs": {"from", "until"} | null, "verified_on"}]}

    Texts are maps of language to text exactly as written: a language missing
    there is missing in the data. Labels of codes are in every site language.
    Place names are proper names: ``city`` and ``labels.districts`` hold the
    Czech (postal) name; where a town or district also has a name in another
    language or script (``Brno``: ``Брно``), ``x_translations`` gives every
    form, Czech first (``address.x_translations.city``,
    ``labels.x_translations.districts``: ``{code: {lang: name}}``).
    Opening hours are local Prague time (Europe/Prague); ``"24:00"`` ends a day.
    A value ``zavazek new`` wrote for staff to replace (``[DOPLNIT] …``) is
    never published as data: a text leaves out the languages still to fill
    in, any other field is ``null`` (every export does the same).
    A place of field work has an ``area`` (districts and towns the workers
    come to) instead of an ``address``; a place open by ``appointment`` has
    no opening hours, and says how to arrange a time.

``directory.csv``
    One row per service and place (a service without a fixed place, e.g.
    field work, has one row with empty place columns); UTF-8 with a byte-order
    mark so that Excel opens it correctly; texts in columns per language
    (``name_cs``, ``name_en`` …); lists separated by ``; ``. Opening hours
    are the service's own at the place where it has them, else the place's;
    a place of field work has empty address columns and its districts (LAU 1
    codes) and towns in ``area_districts`` and ``area_towns``; a place open
    by appointment has its contacts in the ``appointment_…`` columns; the
    last column, ``phone``, is the place's phone, else the service's.

    **Formulas are neutralised** in every CSV the site publishes (this one and
    the HSDS tables): a text cell that a spreadsheet would run as a formula
    (it begins with ``=``, ``@``, a tab or a carriage return, or with ``+``
    or ``-`` and is not a plain number or phone number) is written with a
    leading ``'``, as OWASP recommends against CSV injection. Spreadsheets
    show the text as typed; a program reading the CSV drops one leading
    ``'`` from such a cell. ``+420 224 123 456`` stays as written. JSON files
    are not changed.

``hsds/``
    Open Referral Human Services Data Specification 3.0: ``hsds.json`` with
    the tables as arrays (``organizations``, ``services``, ``locations``,
    ``service_at_location``, ``schedules``, ``languages``, ``phones``,
    ``addresses``, ``service_areas``, ``cost_options``) and the tabular data
    package (``datapackage.json`` and one CSV per table, HSDS field names in
    HSDS order). Identifiers are UUIDs derived from our identifiers
    (UUID 5), so they stay the same from build to build.

    HSDS has one text per field; ours are in several languages. HSDS fields
    hold the text in the site's default language, and the **extension**
    ``x_translations`` carries all of them:

    * in ``hsds.json``, each organisation, service, location and cost option
      has ``"x_translations": {field: {lang: text}}`` (e.g.
      ``{"name": {"cs": …, "en": …}}``); HSDS allows additional properties;
      an address whose town has names in other languages has
      ``{"city": {"cs": "Brno", "ru": "Брно"}}``, and a service area whose
      districts do, its ``description`` (the districts) in every site language;
    * in the data package, the extra resource ``x_translations``
      (``x_translations.csv``: ``table, id, field, language, text``) holds the
      same, one row per text.

    Opening hours are local Prague time; HSDS ``timezone`` is a fixed UTC
    offset, which Prague does not have (summer time), so it is left empty and
    each schedule says ``"x_timezone": "Europe/Prague"`` (in the CSV: in
    ``notes``). A service that has ended has HSDS ``status`` ``inactive``.

    A place of field work is no HSDS location (it has no address): it is a
    ``service_areas`` row of its service (``extent``: its LAU 1 district
    codes, ``extent_type`` ``LAU 1``; ``x_districts``, ``x_towns``), and its
    hours are schedules of the service alone. A place open by appointment
    has one schedule whose ``description`` says how to arrange a time (with
    ``x_appointment``: ``{"phone", "email", "text_message"}``), and its
    booking numbers are phones described as such.
"""

