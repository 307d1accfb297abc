"""What every rule module shares: the facts it reads, how it makes a Finding, and the configuration.

A rule is a module (yamllint style) with these constants and one generator::

    CODE = "MC901"                    # stable code
    NAME = "fact-to-verify"           # stable name, contracts.md §4
    SEVERITY = "info"                 # default; configuration may change it
    REFERENCE = "rules.md §7 ..."     # where the rule comes from
    NEEDS = frozenset({"profile"})    # "profile" (score and checklist included) or "documents" (a folder was read)
    MESSAGE = {"zh": "...{path}...", "en": "..."}   # what is wrong, in the applicant's terms
    HINT = {"zh": "...", "en": "..."}               # what to do: which document, from where

    def check(facts: Facts) -> Iterator[Finding]: ...
    def upheld(facts: Facts, finding: Finding) -> Profile | None: ...   # optional: the profile if the centre
                                      # upholds the finding; run_rules re-scores it (score_if_upheld)

    REPORTS = frozenset({"account_after_permit"})   # optional: the verdicts (of :mod:`matcheck.checks`) this rule
                                                    # words; a generic rule (missing-material, not-eligible) leaves
                                                    # them to it while it is enabled: one verdict, one finding

The module docstring is the rule's documentation (what it checks, why the centre cares, an example, how to fix);
``matcheck explain NAME`` prints it. A threshold it quotes is named, ``{MIN_OCR_CONFIDENCE}``, never copied: the module
sets ``__doc__ = documented(__doc__)`` after its imports, which writes the constant's value in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import sys
from types import ModuleType
from typing import Any, Iterator, Mapping

from matcheck.assessment import Assessment, AssessmentView
from matcheck.results import (MIN_OCR_CONFIDENCE, Checklist, Document, Finding, MaterialStatus, Observation, Score,
                              Severity)


DOCUMENTED = {"MIN_OCR_CONFIDENCE": MIN_OCR_CONFIDENCE}  # the constants a rule's documentation may quote by name


def documented(doc: str | None) -> str:
    """A rule module's docstring with each ``{NAME}`` of :data:`DOCUMENTED` written as the constant's value."""
    text = doc or ""
    for name, value in DOCUMENTED.items():
        text = text.replace("{" + name + "}", f"{value:g}" if isinstance(value, float) else str(value))
    return text


@dataclass(frozen=True)
class RuleConfig:
    """Severity is configuration, not code: ``severity={"permit-too-recent": "error"}``; ``disabled={...}``."""

    severity: Mapping[str, Severity] = field(default_factory=dict)
    disabled: frozenset[str] = frozenset()
    lang: str = "zh"


@dataclass(frozen=True)
class Facts(AssessmentView):
    """Everything a rule may read. ``documents``/``required`` are None when no folder was read.

    The profile, the date and the parameters come from the one :class:`~matcheck.assessment.Assessment` the
    pipeline built: a rule reads ``facts.params``, never a parameter view of its own."""

    assessment: Assessment
    score: Score
    checklist: Checklist | None = None
    documents: tuple[Document, ...] | None = None
    required: tuple[MaterialStatus, ...] | None = None
    config: RuleConfig = RuleConfig()
    reported_elsewhere: frozenset[str] = frozenset()  # verdicts another enabled rule words (its REPORTS); run_rules

    def observations(self, rule: str) -> Iterator[Observation]:
        """Observations for ``rule`` made by the stages before the rules (scorer, checklist, folder reader)."""
        yield from (o for o in self.score.observations if o.rule == rule)
        if self.checklist is not None:
            yield from (o for o in self.checklist.observations if o.rule == rule)
        for doc in self.documents or ():
            for o in doc.observations:
                if o.rule == rule:
                    yield o if o.files else Observation(o.rule, o.args, (doc.path,), o.subject)


class _SafeDict(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render(template: Mapping[str, str], lang: str, args: Mapping[str, Any]) -> str:
    text = template.get(lang) or template.get("zh") or ""
    return text.format_map(_SafeDict({k: ("" if v is None else v) for k, v in args.items()}))


def make_finding(rule: ModuleType | str, facts: Facts, *, files: tuple[str, ...] = (), subject: str | None = None,
                 severity: Severity | None = None, message: Mapping[str, str] | None = None,
                 hint: Mapping[str, str] | None = None, **args: Any) -> Finding:
    """A Finding from a rule module: its code, name, configured severity, message and hint filled with ``args``.

    ``severity`` overrides the module default for this one finding (e.g. a missing *optional* material as a
    warning); configuration still wins over both. ``message``/``hint`` override the module's templates when a
    rule has several distinct cases.
    """
    if isinstance(rule, str):  # a rule module passes its own ``__name__``
        rule = sys.modules[rule]
    lang = facts.config.lang
    configured = facts.config.severity.get(rule.NAME)
    return Finding(
        code=rule.CODE,
        rule=rule.NAME,
        severity=configured or severity or rule.SEVERITY,
        message=render(message or rule.MESSAGE, lang, args),
        hint=render(hint or rule.HINT, lang, args),
        reference=rule.REFERENCE,
        files=tuple(files),
        subject=subject,
    )


def from_observations(rule: ModuleType | str, facts: Facts, *, about_files: bool = False,
                      **defaults: Any) -> Iterator[Finding]:
    """The common body of rules fed by observations: one Finding per Observation named after the rule, its
    arguments filled from the observation (over ``defaults``: values the rule adds, e.g. from ``facts.params``).

    ``about_files``: an observation about files (the folder reader's) names them as ``{file}`` in the message and,
    without a subject of its own, takes its first file as the subject."""
    if isinstance(rule, str):
        rule = sys.modules[rule]
    for obs in facts.observations(rule.NAME):
        subject = obs.subject
        named = dict(defaults)
        if about_files:
            named["file"] = "、".join(obs.files) or "?"
            subject = subject or (obs.files[0] if obs.files else None)
        yield make_finding(rule, facts, files=obs.files, subject=subject, **{**named, **dict(obs.args)})
