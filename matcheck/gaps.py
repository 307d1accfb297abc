"""Gaps against the checklist (材料缺漏): for each required material, is it in the folder, whole and valid?

``material_statuses(checklist, documents, assessment)`` answers every line of the
:class:`~matcheck.results.Checklist` with a :class:`~matcheck.results.MaterialStatus`:

* ``present``: a file of that material, for that person, is there and nothing read from it is wrong;
* ``missing``: no such file (for a prerequisite: the profile shows it is not met);
* ``incomplete``: there, but part of it is not (个税 records not covering the months before the assessment date; a
  户口簿 without its 首页 or the holder's own page);
* ``expired``: there, but out of date (a 居住证 or 身份证 past its end; a 劳动合同 shorter than a year or with too
  few months left);
* ``unverified``: there, but what decides its validity could not be read (or whose it is could not be told); a
  prerequisite (not a file) that the profile does not prove.

A document satisfies a line when its material is the line's material (or one of its alternatives) and it belongs
to the line's person (a child's by ``person_name``); own material before alternatives; for a line about one
education or qualification record (``subject``), a file that is that record's (:mod:`matcheck.gaps_match`: a file
whose level or school contradicts the record is another record's; the best-fitting file wins; one file per line
when the files allow it). The thresholds (6 months of 个税, ≥1-year contract with ≥2
months left) are parameters in ``checklists/policy/parameters/rules_folder.yaml``. A pure function.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from matcheck.assessment import Assessment
from matcheck.checks.tax import months_covered, tax_window
from matcheck.dates import Month, add_months, spans_full_years
from matcheck.gaps_match import Pick, assign, describe_record, fit, record_of
from matcheck.matching import same_name
from matcheck.materials import catalog
from matcheck.policy import Params
from matcheck.profile import Profile
from matcheck.results import Checklist, Document, MaterialStatus, RequiredMaterial
from matcheck.workdays import CalendarUnknown, working_days_between

_FAMILY = ("applicant", "spouse", "child")
HUKOU_PAGES = ("首页", "本人页")


@dataclass(frozen=True)
class _Verdict:
    status: str
    note: str | None = None
    args: dict[str, Any] | None = None


def material_statuses(checklist: Checklist, documents: tuple[Document, ...],
                      assessment: Assessment) -> tuple[MaterialStatus, ...]:
    """Every checklist line → its status and the files that satisfy it (under the assessment's parameters)."""
    profile, as_of, params = assessment.profile, assessment.as_of, assessment.params
    lines = {i: item for i, item in enumerate(checklist.items) if item.kind != "prerequisite"}
    candidates = {i: _candidates(item, documents, params) for i, item in lines.items()}
    # a file that surely answers one line (the HR officer's ID card) is no "owner unknown" candidate for another
    claimed = {d.path for c in candidates.values() for d in (*c.own, *c.alt)}
    picks = _record_picks(lines, candidates, profile, params)
    out = []
    for i, item in enumerate(checklist.items):
        files: list[Document] = []
        if item.kind == "prerequisite":
            verdict = _prerequisite(item, profile, as_of, params)
        else:
            found = candidates[i]
            weak = [d for d in found.weak if d.path not in claimed]
            pick = picks.get(i)
            if pick is not None:
                strong, shared, contradicting = pick.files, pick.shared, pick.contradicting
                weak = [d for d in weak if d.path in pick.possible]
            else:
                strong, shared, contradicting = found.own or found.alt, [], []
            if strong:
                verdict, files = _judge(item, strong, profile, as_of, params), strong
                if verdict.status != "present" and pick is None and found.own and found.alt:
                    # the line's own file falls short, but an alternative stands in (a 户籍证明 for the 户口簿)
                    either = _judge(item, [*found.own, *found.alt], profile, as_of, params)
                    if either.status == "present":
                        verdict, files = either, [*found.own, *found.alt]
            elif shared:
                kind_zh = _RECORD_ZH[str(item.subject).split("[")[0]]
                verdict = _Verdict("unverified", f"{'、'.join(sorted(d.path for d in shared))} 上读不出能区分"
                                   f"{kind_zh}的信息，已对应到另一段{kind_zh}；本条（{describe_record(item, profile)}）"
                                   f"的文件无法确认", {"reason": "record_unknown"})
                files = shared
            elif weak:
                verdict = _Verdict("unverified", "找到该类文件，但无法从文件上确认是谁的（姓名或身份证号未能读出）",
                                   {"reason": "owner_unknown"})
                files = weak
            elif contradicting:
                verdict = _Verdict("missing", f"文件夹中的 {'、'.join(sorted(d.path for d in contradicting))} "
                                   f"与本条（{describe_record(item, profile)}）不符", {
                                       "reason": "no_file", "mismatched_files": sorted(d.path for d in contradicting)})
            else:
                verdict = _Verdict("missing", None, {"reason": "no_file"})
        out.append(MaterialStatus(
            material=item.material, person=item.person, status=verdict.status,  # type: ignore[arg-type]
            files=tuple(sorted(d.path for d in files)), note=verdict.note, name_zh=item.name_zh, group=item.group,
            kind=item.kind, item=item, args=verdict.args or {},
        ))
    return tuple(out)


# --------------------------------------------------------------------------- matching files to lines

_RECORD_ZH = {"education": "学历", "qualifications": "资格"}


@dataclass(frozen=True)
class _Candidates:
    own: list[Document]  # of the line's own material and person
    alt: list[Document]  # of one of its alternatives, and the person
    weak: list[Document]  # of the line's material (or an alternative) whose owner could not be told


def _candidates(item: RequiredMaterial, documents: tuple[Document, ...], params: Params) -> _Candidates:
    entry = catalog().get(item.material)
    # physically another type (the HR officer's ID card is an id_card of nobody in the family)
    same_doc = {entry.document_of} if entry is not None and entry.document_of else set()
    own: list[Document] = []
    alt: list[Document] = []
    weak: list[Document] = []
    for doc in documents:
        if doc.material in same_doc and doc.person not in _FAMILY:
            own.append(doc)
            continue
        if doc.material != item.material and doc.material not in item.alternatives:
            continue
        strong = own if doc.material == item.material else alt
        if item.person not in _FAMILY:  # employer / HR officer papers carry no family member's name
            strong.append(doc)
        elif doc.person == item.person and (item.person != "child" or _same_child(item, doc, params)):
            strong.append(doc)
        elif doc.person is None:
            weak.append(doc)
    return _Candidates(own, alt, weak)


def _record_picks(lines: dict[int, RequiredMaterial], candidates: dict[int, _Candidates], profile: Profile,
                  params: Params) -> dict[int, Pick]:
    """For the lines about one education or qualification record: the files that are that record's
    (:mod:`matcheck.gaps_match`: contradicting files excluded, best fit first, one file per line when possible)."""
    groups: dict[tuple[str, str], list[int]] = {}
    fits: dict[int, dict[str, tuple[Document, int]]] = {}
    contradicting: dict[int, list[Document]] = {}
    possible: dict[int, set[str]] = {}  # owner-unknown files that may be this record's
    for i, item in lines.items():
        record = record_of(item, profile)
        if record is None:
            continue
        kind, entry = record
        possible[i] = {d.path for d in candidates[i].weak if fit(d, kind, entry, params) is not None}
        for docs in (candidates[i].own, candidates[i].alt):
            scored = [(d, fit(d, kind, entry, params)) for d in docs]
            fits[i] = {d.path: (d, s) for d, s in scored if s is not None}
            contradicting.setdefault(i, []).extend(d for d, s in scored if s is None)
            if fits[i]:
                break  # alternatives only when no file of the line's own material fits
        groups.setdefault((item.material, item.person), []).append(i)
    picks: dict[int, Pick] = {}
    for group in groups.values():
        picks.update(assign(group, fits))
    for i, pick in picks.items():
        pick.contradicting, pick.possible = contradicting[i], possible[i]
    return picks


def _same_child(item: RequiredMaterial, doc: Document, params: Params) -> bool:
    if not item.person_name or not doc.person_name:
        return True
    return same_name(item.person_name, doc.person_name, doc.ocr, params)


# --------------------------------------------------------------------------- validity by material


def _judge(item: RequiredMaterial, docs: list[Document], profile: Profile, as_of: date, params: Params) -> _Verdict:
    """By the catalog's named validity rule (``checklists/materials.yaml`` → ``validity: {rule: ...}``)."""
    entry = catalog().get(item.material)
    rule = entry.validity.rule if entry is not None and entry.validity is not None else None
    if rule == "recent_tax_months":
        tax_docs = [d for d in docs if d.material == "tax_record"]
        return _tax(tax_docs, as_of, params) if tax_docs else _Verdict("present")  # 完税证明: pre-2019 periods
    if rule == "valid_on_as_of":
        return _card(item.material, docs, as_of)
    if rule == "contract_term":
        return _contract(docs, as_of, params)
    if item.material == "hukou_booklet" and all(d.material == "hukou_booklet" for d in docs):
        return _hukou(docs)
    return _Verdict("present")


def _tax(docs: list[Document], as_of: date, params: Params) -> _Verdict:
    window = tax_window(as_of, params)
    tax_docs = [d for d in docs if d.material == "tax_record"]
    if not any(d.fields.get("tax_months") for d in tax_docs):
        return _Verdict("unverified", "纳税记录上的税款所属期未能读出，无法确认覆盖的月份",
                        {"reason": "months_unread", "window": [str(m) for m in window]})
    covered = months_covered(tax_docs)
    missing = [m for m in window if m not in covered]
    args = {"window": [str(m) for m in window], "missing_months": [str(m) for m in missing],
            "covered": [str(m) for m in sorted(covered)]}
    if missing:
        return _Verdict("incomplete", f"未覆盖 {window[0]}至{window[-1]} 中的 {'、'.join(map(str, missing))}",
                        {"reason": "months_missing", **args})
    return _Verdict("present", None, args)


def _card(material: str, docs: list[Document], as_of: date) -> _Verdict:
    """A card is valid when one of its files shows a validity ending on or after as_of (长期 counts)."""
    ends = [(d, d.fields.get("valid_until") or d.fields.get("term_end")) for d in docs]
    if any(d.fields.get("valid_long_term") for d in docs):
        return _Verdict("present")
    known = [(d, e) for d, e in ends if isinstance(e, date)]
    if not known:
        if material == "id_card":
            return _Verdict("present")  # the front of an ID card carries no validity; nothing to check
        return _Verdict("unverified", "有效期未能从文件读出", {"reason": "validity_unread"})
    best_doc, best_end = max(known, key=lambda pair: pair[1])
    if best_end < as_of:
        return _Verdict("expired", f"有效期至 {best_end}，早于评估日 {as_of}",
                        {"reason": "past_end", "valid_until": best_end, "as_of": as_of, "file": best_doc.path})
    return _Verdict("present", None, {"valid_until": best_end})


def _contract(docs: list[Document], as_of: date, params: Params) -> _Verdict:
    min_term_years = int(params["rules_profile.contract.min_term_years"])
    min_left = int(params["rules_profile.contract.min_months_left"])
    readable = [d for d in docs if d.fields.get("open_ended") or isinstance(d.fields.get("term_end"), date)]
    if not readable:
        return _Verdict("unverified", "劳动合同的期限未能从文件读出", {"reason": "term_unread"})
    problems = []
    for d in readable:
        if d.fields.get("open_ended"):
            return _Verdict("present", None, {"open_ended": True})
        start, end = d.fields.get("term_start"), d.fields["term_end"]
        if end < as_of:
            problems.append(_Verdict("expired", f"合同已于 {end} 到期", {
                "reason": "past_end", "term_start": start, "term_end": end, "as_of": as_of, "file": d.path}))
            continue
        if isinstance(start, date) and not spans_full_years(start, end, min_term_years):
            problems.append(_Verdict("expired", f"合同期限 {start} 至 {end} 不足 {min_term_years} 年", {
                "reason": "term_too_short", "term_start": start, "term_end": end, "min_term_years": min_term_years,
                "file": d.path}))
            continue
        if add_months(as_of, min_left) > end:
            problems.append(_Verdict("expired", f"合同 {end} 到期，距评估日 {as_of} 不足 {min_left} 个月", {
                "reason": "too_few_months_left", "term_start": start, "term_end": end, "as_of": as_of,
                "min_months_left": min_left, "file": d.path}))
            continue
        return _Verdict("present", None, {"term_start": start, "term_end": end})
    return problems[0]


def _hukou(docs: list[Document]) -> _Verdict:
    pages: set[str] = set()
    read_any = False
    for d in docs:
        found = d.fields.get("hukou_pages")
        if found:
            read_any = True
            pages.update(found)
    if not read_any:
        return _Verdict("present")
    missing = [p for p in HUKOU_PAGES if p not in pages]
    if missing:
        return _Verdict("incomplete", f"户口簿缺少{'、'.join(missing)}", {"reason": "pages_missing",
                                                                         "missing_pages": missing})
    return _Verdict("present")


# --------------------------------------------------------------------------- prerequisites (not files)


def _prerequisite(item: RequiredMaterial, profile: Profile, as_of: date, params: Params) -> _Verdict:
    """A prerequisite is ``present`` only when the profile proves it, ``missing`` when it disproves it."""
    if item.material == "employer_registered_in_system":
        flag = profile.employer.registered_in_points_system
        if flag is True:
            return _Verdict("present", "资料表明单位已在积分系统注册")
        if flag is False:
            return _Verdict("missing", "资料表明单位尚未在积分系统注册并通过核验", {"reason": "disproved"})
    if item.material == "social_insurance_current_month":
        # rules.md §7 eligibility gate: paying in the as_of month or the month before (the month may not be posted yet)
        for month in (Month.of(as_of), Month.of(as_of) - 1):
            for p in profile.social_insurance:
                if p.from_ and p.from_ <= month and (p.to is None or p.to >= month) and not p.backpaid:
                    return _Verdict("present", f"资料中 {month} 在缴本市社保")
    if item.material == "account_after_permit":
        return _account_after_permit(profile, params)
    return _Verdict("unverified", "需人工确认")


def _account_after_permit(profile: Profile, params: Params) -> _Verdict:
    permit = profile.applicant.residence_permit
    created = profile.applicant.account_created
    if permit is None or permit.issued is None or created is None:
        return _Verdict("unverified", "资料未给出居住证办理日期或积分账户创建日期")
    try:
        days = working_days_between(permit.issued, created)
    except CalendarUnknown:  # permit-too-recent says it could not check
        return _Verdict("unverified", "该年份的工作日日历未知")
    needed = int(params["rules_profile.permit.min_working_days_before_account"])
    note = f"居住证办理（{permit.issued}）后第 {days} 个工作日创建积分账户（{created}），需满 {needed} 个"
    return _Verdict("present" if days >= needed else "missing", note, {"working_days": days, "needed": needed})

