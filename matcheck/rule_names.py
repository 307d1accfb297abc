"""The names of the rules that the stages before the rules feed with observations (contracts.md §4: stable).

An observation (:class:`matcheck.results.Observation`) is keyed by the name of the rule that words it. The scorer
and the folder reader sit below the rules and cannot import a rule module, so the name lives here, at the bottom,
and the rule module takes its ``NAME`` from the same constant: a typo cannot leave an observation unreported
(``tests/unit/test_observations.py`` checks every emitted name is a registered rule).
"""

from __future__ import annotations

NOT_ELIGIBLE = "not-eligible"
SHORTAGE_MAJOR_INELIGIBLE = "shortage-major-ineligible"
QUALIFICATION_NOT_COUNTED = "qualification-not-counted"
QUALIFICATION_BASE_TOO_LOW = "qualification-base-too-low"
FRESH_GRADUATE_INELIGIBLE = "fresh-graduate-ineligible"
UNREADABLE_FILE = "unreadable-file"
LOW_QUALITY_IMAGE = "low-quality-image"
UNRECOGNISED_FILE = "unrecognised-file"
