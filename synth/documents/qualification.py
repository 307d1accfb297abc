"""Qualifications (职称/技能): 职业技能等级证书 and 职称 (专业技术资格) 证书 (documents.md §8.1, §8.2).

``skill_certificate`` facts: ``name, id_number, occupation`` (职业名称), ``work_type`` (工种/职业方向),
``level`` (五级 … 一级), ``cert_no`` (22 characters), ``issue_date``, ``agency`` (评价机构).

``title_certificate`` facts: ``name, sex, birth, id_number, employer, series, major, title_name`` (工程师),
``level`` (初级 | 中级 | 高级), ``method`` (评审 | 考试), ``committee, approval_no, obtained, cert_no, issuer``.
"""

from __future__ import annotations

from synth.documents.layout import Doc, Fields, Gap, Para
from synth.formats import Variant, chinese, ymd, ymd_padded

SKILL_NAMES = {"五级": "五级/初级工", "四级": "四级/中级工", "三级": "三级/高级工", "二级": "二级/技师",
               "一级": "一级/高级技师"}


def skill_certificate(f: dict, v: Variant) -> Doc:
    L = v.label
    # 证件类型 (居民身份证) is left out: those words are the 身份证's own title and would mislead a classifier.
    rows = [(L("姓名"), f["name"]), ("证件号码", f["id_number"]),
            ("职业名称", f["occupation"]), (v.brackets("工种/职业方向"), f["work_type"]),
            ("职业技能等级", SKILL_NAMES[f["level"]]), ("证书编号", f["cert_no"]),
            ("发证日期", v.date(f["issue_date"], ymd_padded, ymd)), ("评价机构", f["agency"])]
    return Doc(kind="skill_certificate", title=["职业技能等级证书"], page="cert", frame=True, paper=(244, 248, 252),
               photo_box=True, margin=0.1,
               blocks=[Gap(8), Fields(rows, size=11, label_width=0.26, line_gap=1.75),
                       Para("本证书可在技能人才评价证书全国联网查询系统查询（样例不可查询）", 8, align="center")])


def title_certificate(f: dict, v: Variant) -> Doc:
    L = v.label
    rows = [(L("姓名"), f["name"]), (L("性别"), f["sex"]), ("出生年月", f"{f['birth']:%Y年%m月}"),
            ("身份证号", f["id_number"]), ("工作单位", f["employer"]), (v.brackets("系列（专业）"), f"{f['series']}（{f['major']}）"),
            ("资格名称", f["title_name"]), (L("级别"), f["level"]), ("取得方式", f["method"]),
            ("评审委员会", f["committee"]), ("批准文号", f["approval_no"]),
            ("取得时间", v.date(f["obtained"], ymd_padded, ymd, chinese)), ("证书编号", f["cert_no"]),
            ("发证单位", f["issuer"])]
    return Doc(kind="title_certificate", title=["专业技术职务任职资格证书"], page="A4", photo_box=True,
               blocks=[Gap(6), Fields(rows, size=10.5, label_width=0.24, grid=True),
                       Para("本证书为上海市电子证照（样例），可通过上海市职称服务系统核验。", 8)])
