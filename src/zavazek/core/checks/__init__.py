"""The compliance checklist: the published commitment, criterion by criterion, against the law.

>>> report = run_checklist(data, project, day)
>>> report.key_failures        # key criteria not met
>>> report.format_text("cs")   # for a terminal

The criteria are data (``criteria.yaml``, see :mod:`.catalogue`); the checks
are in :mod:`.rules`; a check never reads anything the site is not built from.
"""

from zavazek.core.checks.catalogue import Criterion, load_catalogue
from zavazek.core.checks.checklist import (
    REPORT_PATH, Report, Result, Status, report_json_text, report_path, run_checklist, run_checklists,
)

__all__ = ["Criterion", "REPORT_PATH", "Report", "Result", "Status", "load_catalogue", "report_json_text",
           "report_path", "run_checklist", "run_checklists"]
