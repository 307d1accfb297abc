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
to the line's person (a child's by ID number, then name: :func:`matcheck.checks.person.is_persons`, so one file
answers one child's line; a child's file whose child cannot be told is ``unverified`` on each child's line); own
material before alternatives; for a line about one education or qualification record (``subject``), a file that
is that record's (:mod:`matcheck.gaps_match`: a file whose level or school contradicts the record is another
record's; the best-fitting file wins; one file per line when the files allow it). Whether a file is
still valid (the 个税 window, the contract term, a card's end) is judged by :mod:`matcheck.checks.validity`, whose
thresholds are the policy parameters each validity rule names there (``rules_folder.tax_record.*``,
``rules_profile.contract.*``, ``materials.*``). A pure function.
"""

from __future__ import annotations

from dataclasses import dataclass

from matcheck.assessment import Assessment
from matcheck.checks.insurance import CURRENT_INSURANCE, current_insurance
from matcheck.checks.permit import ACCOUNT_AFTER_PERMIT, account_timing
from matcheck.checks.person import FAMILY, is_persons, people
from matcheck.checks.validity import VALIDITY_RULES, MaterialVerdict
from matcheck.gaps_match import Pick, assign, describe_record, fit, record_of
from matcheck.materials import catalog
from matcheck.policy import Params
from matcheck.profile import Profile
from matcheck.results import Checklist, Document, MaterialStatus, RequiredMaterial

HUKOU_PAGES = ("首页", "本人页")


def material_statuses(checklist: Checklist, documents: tuple[Document, ...],
                      assessment: Assessment) -> tuple[MaterialStatus, ...]:
    """Every checklist line → its status and the files that satisfy it (under the assessment's parameters)."""
    profile, params = assessment.profile, assessment.params
    lines = {i: item for i, item in enumerate(checklist.items) if item.kind != "prerequisite"}
    candidates = {i: _candidates(item, documents, profile, params) for i, item in lines.items()}
    # a file that surely answers one line (the HR officer's ID card) is no "owner unknown" candidate for another
    claimed = {d.ref for c in candidates.values() for d in (*c.own, *c.alt)}
    picks = _record_picks(lines, candidates, profile, params)
    out = []
    for i, item in enumerate(checklist.items):
        files: list[Document] = []
        if item.kind == "prerequisite":
            verdict = _prerequisite(item, assessment)
        else:
            found = candidates[i]
            weak = [d for d in found.weak if d.ref not in claimed]
            pick = picks.get(i)
            if pick is not None:
                strong, shared, contradicting = pick.files, pick.shared, pick.contradicting
                weak = [d for d in weak if d.ref in pick.possible]
            else:
                strong, shared, contradicting = found.own or found.alt, [], []
            if strong:
                verdict, files = _judge(item, strong, assessment), strong
                if verdict.status != "present" and pick is None and found.own and found.alt:
                    # the line's own file falls short, but an alternative stands in (a 户籍证明 for the 户口簿)
                    either = _judge(item, [*found.own, *found.alt], assessment)
                    if either.status == "present":
                        verdict, files = either, [*found.own, *found.alt]
            elif shared:
                kind_zh = _RECORD_ZH[str(item.subject).split("[")[0]]
                verdict = MaterialVerdict("unverified", f"{'、'.join(sorted(d.ref for d in shared))} 上读不出能区分"
                                   f"{kind_zh}的信息，已对应到另一段{kind_zh}；本条（{describe_record(item, profile)}）"
                                   f"的文件无法确认", {"reason": "record_unknown"})
                files = shared
            elif weak:
                verdict = MaterialVerdict("unverified", "找到该类文件，但无法从文件上确认是谁的（姓名或身份证号未能读出）",
                                   {"reason": "owner_unknown"})
                files = weak
            elif contradicting:
                verdict = MaterialVerdict("missing", f"文件夹中的 {'、'.join(sorted(d.ref for d in contradicting))} "
                                   f"与本条（{describe_record(item, profile)}）不符", {
                                       "reason": "no_file", "mismatched_files": sorted(d.ref for d in contradicting)})
            else:
                verdict = MaterialVerdict("missing", None, {"reason": "no_file"})
        out.append(MaterialStatus(
            material=item.material, person=item.person, status=verdict.status,  # type: ignore[arg-type]
            files=tuple(sorted(d.ref for d in files)), note=verdict.note, name_zh=item.name_zh, group=item.group,
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


def _candidates(item: RequiredMaterial, documents: tuple[Document, ...], profile: Profile,
                params: Params) -> _Candidates:
    entry = catalog().get(item.material)
    # physically another type (the HR officer's ID card is an id_card of nobody in the family)
    same_doc = {entry.document_of} if entry is not None and entry.document_of else set()
    own: list[Document] = []
    alt: list[Document] = []
    weak: list[Document] = []
    for doc in documents:
        if doc.material in same_doc and doc.person not in FAMILY:
            if doc.fields.get("names") or doc.fields.get("id_numbers"):
                own.append(doc)  # a card with a name that is nobody's in the family; a bare ID back is no one's
            continue
        if doc.material != item.material and doc.material not in item.alternatives:
            continue
        strong = own if doc.material == item.material else alt
        if item.person not in FAMILY:  # employer / HR officer papers carry no family member's name
            strong.append(doc)
        elif doc.person == item.person:
            mine = _is_lines_person(item, doc, profile, params)
            if mine:
                strong.append(doc)
            elif mine is None:
                weak.append(doc)  # a child's file, but which child's cannot be told
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
        possible[i] = {d.ref for d in candidates[i].weak if fit(d, kind, entry, params) is not None}
        for docs in (candidates[i].own, candidates[i].alt):
            scored = [(d, fit(d, kind, entry, params)) for d in docs]
            fits[i] = {d.ref: (d, s) for d, s in scored if s is not None}
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


def _is_lines_person(item: RequiredMaterial, doc: Document, profile: Profile, params: Params) -> bool | None:
    """Whether a file of the line's role is the line's person's: the applicant's and the spouse's are one person
    each; a child's is decided by :func:`matcheck.checks.person.is_persons` (the decision ``identity-mismatch``
    also takes), so one file answers one child's line."""
    if item.person != "child":
        return True
    child = next((p for p in people(profile) if p.role == "child" and p.index == item.person_index), None)
    return True if child is None else is_persons(doc, child, profile, params)


# --------------------------------------------------------------------------- validity by material


def _judge(item: RequiredMaterial, docs: list[Document], assessment: Assessment) -> MaterialVerdict:
    """By the catalog's named validity rule (``checklists/materials.yaml`` → ``validity: {rule: ...}``), whose
    verdict is in the one table of :mod:`matcheck.checks.validity` (the same rule words the checklist line)."""
    entry = catalog().get(item.material)
    rule = VALIDITY_RULES.get(entry.validity.rule) if entry is not None and entry.validity is not None \
        and entry.validity.rule else None
    if rule is not None and rule.judge is not None:
        return rule.judge(item.material, docs, assessment)
    if item.material == "hukou_booklet" and all(d.material == "hukou_booklet" for d in docs):
        return _hukou(docs)
    return MaterialVerdict("present")


def _hukou(docs: list[Document]) -> MaterialVerdict:
    pages: set[str] = set()
    read_any = False
    for d in docs:
        found = d.fields.get("hukou_pages")
        if found:
            read_any = True
            pages.update(found)
    if not read_any:
        return MaterialVerdict("present")
    missing = [p for p in HUKOU_PAGES if p not in pages]
    if missing:
        return MaterialVerdict("incomplete", f"户口簿缺少{'、'.join(missing)}", {"reason": "pages_missing",
                                                                         "missing_pages": missing})
    return MaterialVerdict("present")


# --------------------------------------------------------------------------- prerequisites (not files)


def _prerequisite(item: RequiredMaterial, assessment: Assessment) -> MaterialVerdict:
    """A prerequisite is ``present`` only when the profile proves it, ``missing`` when it disproves it."""
    profile = assessment.profile
    if item.material == "employer_registered_in_system":
        flag = profile.employer.registered_in_points_system
        if flag is True:
            return MaterialVerdict("present", "资料表明单位已在积分系统注册")
        if flag is False:
            return MaterialVerdict("missing", "资料表明单位尚未在积分系统注册并通过核验", {"reason": "disproved"})
    if item.material == CURRENT_INSURANCE:  # the scorer's eligibility gate decides it too (not-eligible words it)
        current = current_insurance(assessment)
        if current.paying:
            return MaterialVerdict("present", f"资料中 {current.month} 在缴本市社保")
        if current.disproved:
            return MaterialVerdict("missing", f"资料显示 {current.as_of_month} 或之前 {current.lag} 个月内没有正常缴纳"
                                   f"本市职工社保（补缴不计）", {"reason": "disproved"})
    if item.material == ACCOUNT_AFTER_PERMIT:
        return _account_after_permit(assessment)
    return MaterialVerdict("unverified", "需人工确认")


def _account_after_permit(assessment: Assessment) -> MaterialVerdict:
    timing = account_timing(assessment)  # the same verdict permit-too-recent words
    if timing.issued is None or timing.created is None:
        return MaterialVerdict("unverified", "资料未给出居住证办理日期或积分账户创建日期")
    if timing.too_early is None:
        return MaterialVerdict("unverified", "该年份的工作日日历未知")  # permit-too-recent says it could not check
    days, needed = timing.working_days, timing.needed
    if days is None and timing.unknown_year is not None:  # the earliest day is known, the count up to `created` not
        note = f"居住证办理（{timing.issued}）后第 {needed} 个工作日为 {timing.earliest}，积分账户创建于 {timing.created}"
        return MaterialVerdict("missing" if timing.too_early else "present", note, {"needed": needed})
    if days is None:  # years apart (it used to stop `check` with an internal error)
        return MaterialVerdict("present", f"居住证办理（{timing.issued}）多年后创建积分账户（{timing.created}），"
                                   f"已满 {needed} 个工作日", {"needed": needed})
    note = f"居住证办理（{timing.issued}）后第 {days} 个工作日创建积分账户（{timing.created}），需满 {needed} 个"
    return MaterialVerdict("missing" if timing.too_early else "present", note, {"working_days": days, "needed": needed})

