"""The frozen results every stage hands to the next (pip-audit style): score, checklist, documents, findings.

profile + folder → facts → :class:`Score`, :class:`Checklist`, :class:`Document` s → :class:`Finding` s →
:class:`CheckReport` → renderers. Nothing here does work; these are records.

An :class:`Observation` is a rule-worthy fact noticed by a stage that is not a rule (the scorer sees that a 中级职称
fails the 1× base rule; the folder reader sees an encrypted PDF). It names the rule (contracts.md §4) and carries
the values for that rule's message; the rule module in ``matcheck/rules/`` owns the wording, severity and hint,
and turns it into a :class:`Finding`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Literal, Mapping

if TYPE_CHECKING:  # the type only: results are the bottom layer, the Assessment sits above it
    from matcheck.assessment import Assessment

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
Person = Literal["applicant", "spouse", "child", "employer", "hr_officer"]
# whose a material or file is, as the reports say it (申请人 / 配偶 / 子女 / 单位 / 人事专员)
PERSON_LABELS: Mapping[str, Mapping[str, str]] = {
    "zh": {"applicant": "申请人", "spouse": "配偶", "child": "子女", "employer": "单位", "hr_officer": "人事专员"},
    "en": {"applicant": "applicant", "spouse": "spouse", "child": "child", "employer": "employer",
           "hr_officer": "HR officer"},
}


# The mean rapidocr score below which an OCR reading is not confident; clean certificates score 0.92-0.99
# (measured on this project's corpora). documents/quality.py's low-quality-image check uses the same threshold.
MIN_OCR_CONFIDENCE = 0.75


@dataclass(frozen=True)
class Observation:
    """A fact for a rule to report. ``rule`` is the rule's stable name, e.g. ``qualification-base-too-low``."""

    rule: str
    args: Mapping[str, Any] = field(default_factory=dict)
    files: tuple[str, ...] = ()
    subject: str | None = None  # a profile path (``qualifications[0]``) or a material id


@dataclass(frozen=True)
class Finding:
    code: str  # stable code, e.g. "MC201"
    rule: str  # stable kebab-case name (contracts.md §4)
    severity: Severity
    message: str  # what is wrong, in the applicant's terms
    hint: str  # what to do: which document, from where
    reference: str  # where in rules.md / which source
    files: tuple[str, ...] = ()
    subject: str | None = None
    score_if_upheld: "UpheldScore | None" = None  # a risk that changes the score: the score if the centre upholds it


@dataclass(frozen=True)
class UpheldScore:
    """The score of the profile with one risk upheld (the 本科 not accepted, the claim refused), by the scorer."""

    total: int
    reaches_standard: bool
    provisional: bool = False


# --------------------------------------------------------------------------- score


@dataclass(frozen=True)
class Indicator:
    """One indicator's result. ``id`` is from contracts.md §3 (``age``, ``education``, ...)."""

    id: str
    name: str  # Chinese name, e.g. 年龄
    points: int
    counted: bool
    reason: str  # the arithmetic, e.g. "44周岁：5 + 2 × (56 − 44) = 29"
    reference: str  # rule + source, e.g. "rules.md §2.1 年龄 (S5, S12, S55) [B]"
    provisional: bool = False  # depends on a fact marked 待核实
    uncertain: bool = False  # depends on a [C]/[?] parameter (rules.md §7: the report says so)


@dataclass(frozen=True)
class RoadStep:
    """A claim or a wait that would close the gap to the standard score."""

    description: str
    points: int
    on: date | None  # when it is reached at the current pace; None if it needs an action, not time


@dataclass(frozen=True)
class Road:
    """The road to 120 when the total is below it."""

    gap: int
    reaches_on: date | None  # the date the standard is reached if the current pattern goes on
    reason: str
    steps: tuple[RoadStep, ...] = ()


@dataclass(frozen=True)
class Score:
    total: int
    standard: int
    reaches_standard: bool
    provisional: bool
    policy: str  # version id
    as_of: date
    indicators: tuple[Indicator, ...]
    vetoed: bool = False
    policy_note: str | None = None  # e.g. "validity lapsed on 2027-12-31"
    observations: tuple[Observation, ...] = ()
    road: Road | None = None

    def indicator(self, indicator_id: str) -> Indicator | None:
        return next((i for i in self.indicators if i.id == indicator_id), None)


# --------------------------------------------------------------------------- checklist

ChecklistGroup = Literal["基础材料", "指标材料", "同住人材料", "其他事项"]


@dataclass(frozen=True)
class RequiredMaterial:
    """One line of the materials checklist: a document to bring, or a prerequisite to confirm."""

    material: str  # catalog id, e.g. "tax_record"
    person: Person
    group: ChecklistGroup
    name_zh: str
    name_en: str
    reasons: tuple[str, ...]  # why: which indicator or fact asks for it
    original_or_copy: str  # 原件 | 复印件 | 原件+复印件 | 打印件 ...
    where: str  # where to get it
    kind: Literal["document", "prerequisite"] = "document"
    person_name: str | None = None
    person_index: int | None = None  # children[i]
    conditional: bool = False  # depends on a fact marked 待核实
    validity: str | None = None  # the validity rule in words
    alternatives: tuple[str, ...] = ()  # catalog ids of documents that can stand in for this one
    source: str = ""
    # Added by the checklist stage (additive):
    subject: str | None = None  # the profile entry it is for, e.g. "education[1]", "qualifications[0]", "children[0]"
    optional: bool = False  # recommended, not demanded by the sources: its absence is not an error
    pending: tuple[str, ...] = ()  # the profile paths (待核实 or not stated) a conditional item depends on
    note: str | None = None  # what else the officer should know (from the catalog)
    confidence: str = ""  # of the catalog entry's source: A | B | C | ?
    where_en: str | None = None
    basis: str = "official"  # official: an official text or list asks for it; practice: only agency practice (建议)


@dataclass(frozen=True)
class Checklist:
    as_of: date
    items: tuple[RequiredMaterial, ...]
    observations: tuple[Observation, ...] = ()


# --------------------------------------------------------------------------- documents


@dataclass(frozen=True)
class Document:
    """What one file in an applicant's folder is, whose, and what it says.

    ``fields`` uses the vocabulary in :mod:`matcheck.documents.fields` (e.g. ``id_numbers``, ``names``,
    ``tax_months``, ``withholding_units``, ``school``, ``level``, ``study_mode``, ``grad_date`` ...). Dates are
    ``datetime.date``, months :class:`matcheck.dates.Month`.
    """

    path: str  # relative to the folder, POSIX separators
    sha256: str
    size: int
    file_type: str  # pdf | jpeg | png | heic | webp | tiff | bmp | gif | docx | doc | zip | text | empty | unknown
    material: str | None  # catalog id, or None (unrecognised)
    confidence: float
    evidence: tuple[str, ...] = ()  # the words that decided the material
    person: str | None = None  # applicant | spouse | child
    person_name: str | None = None
    fields: Mapping[str, Any] = field(default_factory=dict)
    pages: int | None = None
    text_chars: int = 0
    ocr: bool = False
    page: int | None = None  # for one document among several in one PDF: its first page (1-based)
    observations: tuple[Observation, ...] = ()  # unreadable, encrypted, low quality, ...

    def confident(self, key: str) -> bool:
        """Was ``fields[key]`` read with confidence? Not when the reader listed it in ``fields["unsure"]`` (found
        without its label, or not in the shape its field must have), nor on an OCR reading whose mean confidence is
        below :data:`MIN_OCR_CONFIDENCE`. A rule asserts an error only on a confident value."""
        if key in (self.fields.get("unsure") or ()):
            return False
        score = self.fields.get("ocr_confidence")
        return not (self.ocr and score is not None and score < MIN_OCR_CONFIDENCE)

    @property
    def ref(self) -> str:
        """How the report names this document: ``FILE``, or ``FILE p.N`` for one of several documents in a file."""
        return f"{self.path} p.{self.page}" if self.page else self.path


@dataclass(frozen=True)
class MaterialStatus:
    material: str
    person: str
    status: Literal["present", "missing", "incomplete", "expired", "unverified"]
    files: tuple[str, ...] = ()
    note: str | None = None
    name_zh: str = ""
    group: str = ""
    kind: str = "document"
    # Added by the gaps stage (additive): the checklist line this status answers, and the values behind the status
    # (e.g. {"missing_months": [...], "valid_until": date}) so that rules can word their messages in zh and en.
    item: RequiredMaterial | None = None
    args: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CheckReport:
    """Everything ``matcheck check`` knows about one applicant."""

    profile_source: str
    folder: str | None
    score: Score
    checklist: Checklist
    documents: tuple[Document, ...]
    required: tuple[MaterialStatus, ...]
    findings: tuple[Finding, ...]
    assessment: "Assessment"  # the one assessment every stage of this check read (profile, as_of, policy, params)

    @property
    def worst(self) -> str | None:
        for sev in SEVERITIES:
            if any(f.severity == sev for f in self.findings):
                return sev
        return None


def field_list(doc: Document, key: str) -> list[Any]:
    """A field read from a document as a list (absent → [], one value → [value])."""
    value = doc.fields.get(key)
    if value is None:
        return []
    if isinstance(value, (list, tuple, set, frozenset)):
        return list(value)
    return [value]
