"""foreign-degree-uncertified: a 国(境)外 学历学位 without the 教育部留学服务中心 认证书.

**What it checks.** Every education record studied abroad (``mode: 国外``): the profile must say the 国(境)外
学历学位认证书 was obtained (``certified: true``). ``certified: false`` is an error. When the profile does not say
(``certified`` left out) and no folder was read, a warning asks to confirm it. When a folder was read, a 认证书 file
(material ``foreign_degree_certification``) among the files settles it; a missing one is reported by
``missing-material`` (the checklist requires it for every foreign record), not twice here.

**Why it matters.** Only 学历学位 recognised under the national education authority's rules score. For a foreign
degree the proof is the 认证书 of the 教育部留学服务中心 (CSCSE); without it the centre does not count the degree at
all (《上海市居住证积分管理办法》第六条 基础指标 教育背景, 实施细则第四条、《积分申请的个人书面材料》（O4, O7）, 受理审核口径（机构所述实践，非条文） [B]). The education points then fall to the next domestic record, or to 0.

**Example.** ``{level: 硕士, degree: 硕士, mode: 国外, school: Example University, certified: false}`` → error on
that record.

**How to fix.** Apply online for the 国(境)外学历学位认证 at the 教育部留学服务中心 (cscse.edu.cn; about 10 working
days, longer for some countries), then bring the 电子认证书 printout and set ``certified: true``.
"""

from __future__ import annotations

from typing import Iterator

from matcheck.results import Finding
from matcheck.rules.base import Facts, make_finding
from matcheck.rules.profile_facts import documents_of, education_text, subject_of

CODE = "MC404"
NAME = "foreign-degree-uncertified"
SEVERITY = "error"
REFERENCE = "《上海市居住证积分管理办法》第六条 教育背景（国内外学历学位须经国家教育行政部门认可）；《〈上海市居住证〉积分申请的个人书面材料》：教育部留学服务中心国（境）外学历学位认证书 (O1, O7; S12, S28) [B]"
NEEDS = frozenset({"profile"})
MESSAGE = {
    "zh": "{record}为国(境)外学历学位，{state}：没有教育部留学服务中心的《国(境)外学历学位认证书》，中心不认可该学历，教育背景不计分。",
    "en": "{record} is a foreign degree and {state_en}: without the CSCSE 国(境)外学历学位认证书 the centre does "
          "not recognise it and it scores no education points.",
}
HINT = {
    "zh": "在教育部留学服务中心网站（cscse.edu.cn）申请国(境)外学历学位认证，取得电子认证书后打印带上，并在 profile 中写 certified: true。",
    "en": "Apply for the 国(境)外学历学位认证 at the CSCSE (cscse.edu.cn), bring the printed 电子认证书 and set "
          "certified: true in the profile.",
}
CERTIFICATION = ("foreign_degree_certification",)


def check(facts: Facts) -> Iterator[Finding]:
    lang = facts.config.lang
    profile = facts.profile
    certificates = documents_of(facts, CERTIFICATION)
    for i, record in enumerate(profile.education):
        if not record.foreign or record.certified is True:
            continue
        subject = subject_of(i)
        if record.certified is None:
            if profile.is_to_verify(f"{subject}.certified") or facts.documents is not None:
                continue  # 待核实: fact-to-verify says so; a folder: missing-material says whether the 认证书 is there
            yield make_finding(__name__, facts, subject=subject, severity="warning",
                               record=education_text(record, lang),
                               state="未写明是否已办理认证", state_en="the profile does not say it is certified")
        elif not certificates:  # certified: false, and no 认证书 among the files to prove otherwise
            yield make_finding(__name__, facts, subject=subject, record=education_text(record, lang),
                               state="资料写明未办理认证", state_en="the profile says it is not certified")
