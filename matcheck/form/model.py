"""The 《上海市居住证》积分申请表 as a field model, built from the Profile and the Score (rules.md §5).

``application_form(profile, score) -> FormModel`` is a pure function. The sections follow the old (试行-era) form
(S33): 封面; 用人单位承诺及授权; 申请人承诺及授权; 个人基本信息; 就业信息; 申领人简历 (from the school before the
first job); 与外省市原工作单位的劳动关系; 配偶情况; 子女情况 (享受积分待遇 是/否); then the 积分指标申报 with the
points from the Score (the current form's claim section was not seen [?]: its layout here is ours).

A fact marked 待核实 prints as 【待核实】, so that the person who checks the form before signing sees it.
The form is the application itself: it holds the full ID numbers (it is written from the profile, never masked).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from matcheck.form.claims import claim_text
from matcheck.form.layout import (TO_VERIFY, Cell, Cover, FormModel, Row, Section, fmt_bool, fmt_date, fmt_month,
                                  label, value, yes_no_boxes)
from matcheck.identity import parse_id_number
from matcheck.policy.versions import versions
from matcheck.profile import Profile
from matcheck.results import Score

FORM_TITLE = "《上海市居住证》积分申请表"
ISSUER = "上海市人力资源和社会保障局 制"
SEAL_ROW_MM = 32.0  # room for a round company seal (about 4 cm across, over two rows)
SIGN_ROW_MM = 14.0
BLANK_ROW_MM = 8.0  # an empty row to write in by hand


class _Facts:
    """Reads profile facts as printable text: 【待核实】 for a fact marked so, "" for one not given."""

    def __init__(self, profile: Profile):
        self.p = profile

    def text(self, path: str, raw: Any, fmt: Callable[[Any], str] = str) -> str:
        if self.p.is_to_verify(path) and raw is None:
            return TO_VERIFY
        if raw is None:
            return ""
        return fmt(raw)

    def cell(self, path: str, raw: Any, fmt: Callable[[Any], str] = str, span: int = 1) -> Cell:
        return value(self.text(path, raw, fmt), key=path, span=span)


# --------------------------------------------------------------------------- pledges (承诺及授权)


def _policy_names(score: Score) -> str:
    """《上海市居住证管理办法》、《<the points measures in force>》 for the pledge."""
    version = next((v for v in versions() if v.id == score.policy), None)
    name = version.name.split(" (")[0] if version else "上海市居住证积分管理办法"
    return f"《上海市居住证管理办法》、《{name}》"


def employer_pledge(score: Score) -> str:
    return (f"本单位已知悉{_policy_names(score)}及其实施细则的有关规定，承诺本表所填写的申请人信息及提交的"
            "材料真实、准确、完整，申请人与本单位存在真实的劳动（聘用）关系。如有虚假，本单位愿承担相应责任，"
            "并授权有关部门对所填写内容及提交的材料进行核查。")


def applicant_pledge(score: Score) -> str:
    return (f"本人已知悉{_policy_names(score)}及其实施细则的有关规定，承诺本表所填写内容及提交的材料真实、"
            "准确、完整。如有虚假，愿承担相应责任，同意取消本人居住证积分及相关待遇，并授权有关部门对所填写内容"
            "及提交的材料进行核查。")


def _pledge(title: str, text: str, signer: str, seal: bool, page_break: bool) -> Section:
    rows = [Row((Cell(text, span=4),)),
            Row((label(signer), value(""), label("日期"), value("　　　　年　　月　　日", align="center")),
                min_height_mm=SIGN_ROW_MM)]
    if seal:
        rows.append(Row((label("单位盖章"), value("", span=3)), min_height_mm=SEAL_ROW_MM))
    return Section(title, (0.25, 0.31, 0.12, 0.32), tuple(rows), page_break_before=page_break, prose=True)


# --------------------------------------------------------------------------- data sections


def _personal(f: _Facts) -> Section:
    a = f.p.applicant
    permit = a.residence_permit
    marital = "已婚" if f.p.spouse is not None and (f.p.spouse.married or f.p.spouse.name) else ""
    period = ""
    if permit is not None:
        start = f.text("applicant.residence_permit.issued", permit.issued, fmt_date)
        end = f.text("applicant.residence_permit.expires", permit.expires, fmt_date)
        period = f"{start}至{end}" if start or end else ""
    rows = (
        Row((label("姓名"), f.cell("applicant.name", a.name), label("曾用名"), f.cell("applicant.former_name", a.former_name),
             label("性别"), value(a.sex or "", key="applicant.sex"))),
        Row((label("民族"), f.cell("applicant.ethnicity", a.ethnicity), label("政治面貌"),
             f.cell("applicant.political_status", a.political_status), label("婚姻状况"), value(marital, key="marital"))),
        Row((label("公民身份号码"), f.cell("applicant.id_number", a.id_number, span=2),
             label("出生日期"), value(fmt_date(a.birth_date), key="applicant.birth_date", span=2))),
        Row((label("居住证号码"), f.cell("applicant.residence_permit.number", permit.number if permit else None, span=2),
             label("户口类型"), f.cell("applicant.hukou_type", a.hukou_type, span=2))),
        Row((label("居住证有效期限"), value(period, key="applicant.residence_permit", span=5))),
        Row((label("户籍地址"), f.cell("applicant.hukou_address", a.hukou_address, span=5))),
        Row((label("固定电话"), f.cell("applicant.landline", a.landline, span=2),
             label("手机号码"), f.cell("applicant.phone", a.phone, span=2))),
        Row((label("在本市居住地址"), f.cell("applicant.shanghai_address", a.shanghai_address, span=5))),
    )
    return Section("一、个人基本信息", (0.15, 0.20, 0.15, 0.20, 0.15, 0.15), rows, page_break_before=True)


def _employment(f: _Facts) -> Section:
    e, c = f.p.employer, f.p.contract
    end = ""
    if c is not None:
        end = "无固定期限" if c.open_ended and c.end is None else f.text("contract.end", c.end, fmt_date)
    dispatched = ""
    if c is not None and c.dispatched is not None:
        dispatched = fmt_bool(c.dispatched) + (f"（派遣单位：{c.dispatch_agency}）" if c.dispatch_agency else "")
    rows = (
        Row((label("单位名称"), f.cell("employer.name", e.name, span=3))),
        Row((label("单位代码（统一社会信用代码）"), f.cell("employer.credit_code", e.credit_code),
             label("单位注册所在区"), f.cell("employer.district", e.district))),
        Row((label("现从事岗位"), f.cell("contract.post", c.post if c else None),
             label("所在部门"), f.cell("contract.department", c.department if c else None))),
        Row((label("聘用（劳动）合同签订日期"), f.cell("contract.signed", c.signed if c else None, fmt_date),
             label("合同起始日期"), f.cell("contract.start", c.start if c else None, fmt_date))),
        Row((label("合同终止日期"), value(end, key="contract.end"), label("是否劳务派遣"),
             value(dispatched, key="contract.dispatched"))),
    )
    return Section("二、就业信息", (0.25, 0.27, 0.20, 0.28), rows)


@dataclass(frozen=True)
class ResumeEntry:
    """One row of the 申领人简历: a study or a job, with the profile path it comes from."""

    start: str
    end: str
    text: str
    key: str
    sort: tuple[int, int]


def _place(province: str | None, name: str | None) -> str:
    name = name or ""
    return name if province and name.startswith(province) else f"{province or ''}{name}"


def resume_entries(profile: Profile) -> tuple[ResumeEntry, ...]:
    """The résumé: from the school before the first job (毕业前所在学校), then every job and later study, by date.

    Study that ended on or before the first job is left out, except the last such school; study that overlaps
    work (业余, 自考 …) is kept, as its own row.
    """
    f = _Facts(profile)
    job_starts = [w.from_ for w in profile.work_history if w.from_ is not None]
    first_job = min(job_starts) if job_starts else None
    schools = list(enumerate(profile.education))
    finished = [(i, e) for i, e in schools if e.end is not None and (first_job is None or e.end <= first_job)]
    last_school = max(finished, key=lambda ie: (ie[1].end, ie[0]))[0] if finished else None
    entries = []
    for i, e in schools:
        ended_before = e.end is not None and (first_job is None or e.end <= first_job)
        if ended_before and i != last_school:
            continue
        path = f"education[{i}]"
        what = "，".join(x for x in (f.text(f"{path}.level", e.level), e.mode or "") if x)
        major = f"{e.major}专业" if e.major else ""
        text = f"在{_place(e.province or e.country, f.text(f'{path}.school', e.school))}{major}学习（{what}）"
        start = e.start or e.end
        entries.append(ResumeEntry(f.text(f"{path}.start", e.start, fmt_month), f.text(f"{path}.end", e.end, fmt_month),
                                   text, path, (start.index if start else 10**6, 0)))
    for i, w in enumerate(profile.work_history):
        path = f"work_history[{i}]"
        unit = f.text(f"{path}.unit", w.unit)
        post = f.text(f"{path}.post", w.post)
        text = f"在{_place(w.province, unit)}{w.department or ''}" + (f"任{post}" if post else "工作")
        end = TO_VERIFY if f.p.is_to_verify(f"{path}.to") else fmt_month(w.to, "至今")
        entries.append(ResumeEntry(f.text(f"{path}.from", w.from_, fmt_month), end, text, path,
                                   (w.from_.index if w.from_ else 10**6, 1)))
    return tuple(sorted(entries, key=lambda r: r.sort))


def _resume(profile: Profile) -> Section:
    header = Row((label("起始年月"), label("终止年月"), label("在何地区、何单位、何部门从事何种工种、任何职")), header=True)
    rows = [Row((value(r.start, key=f"{r.key}.start", align="center"), value(r.end, key=f"{r.key}.end", align="center"),
                 value(r.text, key=r.key))) for r in resume_entries(profile)]
    rows += [Row((value(""), value(""), value("")), min_height_mm=BLANK_ROW_MM)] * (2 if not rows else 0)
    return Section("三、申领人简历", (0.16, 0.16, 0.68), (header, *rows),
                   note="自毕业前所在学校起填写，时间应连续，并与社保、个税记录一致。")


def _out_of_town(f: _Facts) -> Section:
    answer = f.p.applicant.retains_out_of_town_employment
    text = TO_VERIFY if answer is None and f.p.is_to_verify("applicant.retains_out_of_town_employment") \
        else yes_no_boxes(answer)
    return Section("四、外省市劳动关系", (0.68, 0.32), (
        Row((label("是否与外省市原工作单位保留劳动关系、聘用关系、任用关系"),
             value(text, key="applicant.retains_out_of_town_employment", align="center"))),))


def _spouse(f: _Facts) -> Section:
    s = f.p.spouse
    g = (lambda attr: getattr(s, attr) if s is not None else None)
    ident = f.text("spouse.id_number", g("id_number")) or f.text("spouse.passport", g("passport"))
    rows = (
        Row((label("姓名"), f.cell("spouse.name", g("name")), label("文化程度"), f.cell("spouse.education", g("education")))),
        Row((label("是否外籍人士（军人）"), f.cell("spouse.foreign", g("foreign"), fmt_bool),
             label("身份证号码（护照号）"), value(ident, key="spouse.id_number"))),
        Row((label("配偶是否本市常住户口"), f.cell("spouse.shanghai_hukou", g("shanghai_hukou"), fmt_bool),
             label("本市户口登记日期"), f.cell("spouse.hukou_since", g("hukou_since"), fmt_date))),
        Row((label("结婚登记日期"), f.cell("spouse.married", g("married"), fmt_date),
             label("是否同住"), f.cell("spouse.lives_with_applicant", g("lives_with_applicant") if s else None, fmt_bool))),
        Row((label("享受积分待遇"), value(yes_no_boxes(g("enjoys_benefits")) if s else "", key="spouse.enjoys_benefits",
                                     span=3),)),
    )
    return Section("五、配偶情况", (0.22, 0.28, 0.22, 0.28), rows)


def _children(f: _Facts) -> Section:
    header = Row(tuple(label(t) for t in ("姓名", "性别", "出生日期", "公民身份号码", "是否同住", "享受积分待遇")),
                 header=True)
    rows = []
    for i, c in enumerate(f.p.children):
        path = f"children[{i}]"
        parsed = parse_id_number(c.id_number) if c.id_number else None
        rows.append(Row((f.cell(f"{path}.name", c.name), value(parsed.sex if parsed else "", align="center"),
                         value(fmt_date(parsed.birth_date) if parsed else ""), f.cell(f"{path}.id_number", c.id_number),
                         value(f.text(f"{path}.lives_with_applicant", c.lives_with_applicant, fmt_bool), align="center",
                               key=f"{path}.lives_with_applicant"),
                         value(TO_VERIFY if f.p.is_to_verify(f"{path}.enjoys_benefits") else
                               yes_no_boxes(c.enjoys_benefits), key=f"{path}.enjoys_benefits", align="center"))))
    if not rows:
        rows.append(Row(tuple(value("") for _ in range(6)), min_height_mm=BLANK_ROW_MM))
    return Section("六、子女情况", (0.13, 0.07, 0.19, 0.27, 0.12, 0.22), (header, *rows),
                   note="子女已通过另一方父母的积分享受待遇的，“享受积分待遇”填“否”。")


def _claims(profile: Profile, score: Score) -> Section:
    header = Row((label("指标"), label("申报内容"), label("计分说明"), label("分值")), header=True)
    rows = []
    for ind in score.indicators:
        claim = claim_text(profile, ind.id)
        if ind.points == 0 and not claim:
            continue
        points = f"{ind.points}" + ("" if ind.counted else "\n（不计入）")
        marks = "（暂定：依赖待核实事项或尚未公布的社平）" if ind.provisional else ""
        rows.append(Row((value(ind.name, key=f"indicator.{ind.id}"), value(claim),
                         Cell(ind.reason + marks, small=True), value(points, key=f"points.{ind.id}", align="center"))))
    verdict = "达到" if score.reaches_standard else "未达到"
    summary = f"标准分值 {score.standard} 分；{verdict}标准分值" + ("（暂定）" if score.provisional else "")
    if score.vetoed:
        summary += "；存在一票否决情形"
    basis = f"按 {score.policy} 版积分政策，测算日期 {fmt_date(score.as_of)}" + (
        f"（{score.policy_note}）" if score.policy_note else "")
    rows.append(Row((label("合计"), value(summary), Cell(basis, small=True),
                     value(str(score.total), key="points.total", align="center"))))
    return Section("七、积分指标申报", (0.14, 0.34, 0.40, 0.12), (header, *rows),
                   note="分值为 matcheck 按申请人资料测算，以积分管理部门核定为准。")


# --------------------------------------------------------------------------- the form


def application_form(profile: Profile, score: Score) -> FormModel:
    """The pre-filled 积分申请表 for one applicant (pure: same profile and score → same form)."""
    f = _Facts(profile)
    a, e = profile.applicant, profile.employer
    cover = Cover(
        title=FORM_TITLE,
        lines=(("流水号", ""), ("申请人", f.text("applicant.name", a.name)), ("申请单位", f.text("employer.name", e.name)),
               ("组织机构代码（统一社会信用代码）", f.text("employer.credit_code", e.credit_code)),
               ("申请日期", fmt_date(score.as_of))),
        issuer=ISSUER,
        note="本表由 matcheck 根据申请人资料预填，请逐项核对（【待核实】处须核实后填写）后签字、盖章。",
    )
    sections = (
        _pledge("用人单位承诺及授权", employer_pledge(score), "法定代表人或授权人签字", seal=True, page_break=True),
        _pledge("申请人承诺及授权", applicant_pledge(score), "申请人签字", seal=False, page_break=False),
        _personal(f), _employment(f), _resume(profile), _out_of_town(f), _spouse(f), _children(f),
        _claims(profile, score),
    )
    return FormModel(title=FORM_TITLE, sections=sections, cover=cover, to_verify=tuple(sorted(profile.to_verify)),
                     meta={"kind": "application_form", "applicant": a.name or "", "as_of": score.as_of.isoformat()})


__all__ = ["application_form", "resume_entries", "ResumeEntry", "FORM_TITLE"]
