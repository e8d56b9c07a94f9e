"""The compliance checklist: the published commitment, criterion by criterion, against the law.

>>> report = run_checklist(data, project, day)
>>> report.key_failures        # key criteria not met

The criteria are data (``criteria.yaml``, see :mod:`.catalogue`); the checks
are in :mod:`.rules`; a check never reads anything the site is not built from.
The site formats a report for a terminal, a page and JSON (:mod:`zavazek.site.report`).
"""

from zavazek.core.checks.catalogue import Criterion, load_catalogue
from zavazek.core.checks.checklist import Report, Result, Status, run_checklist, run_checklists

__all__ = ["Criterion", "Report", "Result", "Status", "load_catalogue", "run_checklist", "run_checklists"]
