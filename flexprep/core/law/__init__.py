"""The law of flexible working requests, per jurisdiction (docs/design.md, "The formal
request and the law").

The facts live in ``resources/law/<key>.json``, one cited rule set per jurisdiction
(see ``resources/law/README.md``); this package reads them into typed :class:`Rules` and
computes from a workbook what the law asks of the request:

- :func:`missing`: what a formal letter still lacks (the export gate and the window's
  checklist), each item naming the field to fix;
- :func:`answer_by`: the date the employer must answer by, counted from receipt;
- :func:`trial_outlasts`: whether an offered trial ends after that date;
- :func:`appeal_by` and :func:`refusal_flags`: what applies after a refusal.

Everything here reads the workbook tolerantly (a file-format dict or the documents'
normalised view) and never imports Qt or the reports.

Modules: :mod:`.ruleset` (the typed records), :mod:`.reading` (loading a rule set),
:mod:`.workbook` (reading a workbook tolerantly), :mod:`.gaps` (what the letter lacks),
:mod:`.dates` (the deadlines), :mod:`.refusal` (after a no), :mod:`.cautions`. Every
public name is importable from ``flexprep.core.law`` itself.
"""

from flexprep.core.law.cautions import Caution, cautions
from flexprep.core.law.dates import (
    Overrun,
    answer_by,
    answer_by_for,
    appeal_by,
    long_date,
    trial_end,
    trial_outlasts,
)
from flexprep.core.law.gaps import JURISDICTION, Missing, missing, missing_line
from flexprep.core.law.reading import parse, rules
from flexprep.core.law.refusal import Flag, grounds_named, refusal_flags
from flexprep.core.law.ruleset import (
    ADJUSTMENT_DUTY,
    CLOSED_GROUNDS,
    FROM_THE_WORKBOOK,
    KEYS,
    MET_BY_THE_LETTER,
    AppealWindow,
    Consultation,
    DecisionPeriod,
    Eligibility,
    Item,
    PendingChange,
    Rules,
    RulesError,
    Source,
    Statute,
    Step,
)
from flexprep.core.law.workbook import (
    effect_answered,
    jurisdiction_of,
    requested_asks,
    rules_for,
    short_name,
)

__all__ = [
    "ADJUSTMENT_DUTY",
    "CLOSED_GROUNDS",
    "FROM_THE_WORKBOOK",
    "JURISDICTION",
    "KEYS",
    "MET_BY_THE_LETTER",
    "AppealWindow",
    "Caution",
    "Consultation",
    "DecisionPeriod",
    "Eligibility",
    "Flag",
    "Item",
    "Missing",
    "Overrun",
    "PendingChange",
    "Rules",
    "RulesError",
    "Source",
    "Statute",
    "Step",
    "answer_by",
    "answer_by_for",
    "appeal_by",
    "cautions",
    "effect_answered",
    "grounds_named",
    "jurisdiction_of",
    "long_date",
    "missing",
    "missing_line",
    "parse",
    "refusal_flags",
    "requested_asks",
    "rules",
    "rules_for",
    "short_name",
    "trial_end",
    "trial_outlasts",
]
