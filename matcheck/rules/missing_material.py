"""missing-material: a material the checklist requires is not in the folder.

**What it checks.** Every line of the materials checklist (``matcheck checklist``) against the files the folder
reader recognised: a file of that material, for that person (申请人, 配偶, each 子女), must be there. Prerequisites
that are not files (the employer registered in the points system, …) are reported only when the profile shows
they are *not* met, and not at all when another rule already reports them (the 3-working-day wait →
``permit-too-recent``; 社保 in the application month → ``not-eligible``).

**Why it matters.** The district 受理点 takes the paper file only when every base material (基础材料) and every
material of a claimed indicator is there; a missing one sends the applicant back, and a missing indicator
material means the indicator is not scored.

**Example.** A spouse with Shanghai hukou is claimed (配偶为本市户籍人员, 4 points a year) but there is no 结婚证 in
the folder → ``缺少结婚证（配偶）``.

**How to fix.** Get the document from where the checklist says (学信网, 个人所得税 App, 随申办, 派出所, 民政局
婚姻登记处, the employer's HR), put a scan or photo in the folder, and run ``matcheck check`` again. If the profile
claims something it should not, correct the profile instead.
"""

from __future__ import annotations

from typing import Iterator

from matcheck.results import Finding
from matcheck.rules.base import Facts, make_finding
from matcheck.rules.folder_common import status_args, status_subject

CODE = "MC101"
NAME = "missing-material"
SEVERITY = "error"
REFERENCE = "《上海市居住证积分管理办法实施细则》第四条、《〈上海市居住证〉积分申请的个人书面材料》 (O4, O7; S25, S26, S28, S29, S30) [B]; 机构所述的受理实践材料 (S31, S44, S54) [C]"
NEEDS = frozenset({"documents"})
MESSAGE = {
    "zh": "缺少{name}（{whose}）：{why}。",
    "en": "Missing {name_en} ({whose_en}): needed for {why}.",
}
HINT = {
    "zh": "获取方式：{where}（{copy}）。取得后扫描或拍照放进申请人文件夹。",
    "en": "Where to get it: {where_en} ({copy}). Then put a scan or photo in the applicant's folder.",
}
MESSAGE_PREREQUISITE = {
    "zh": "前提条件未满足：{name}（{note}）。",
    "en": "Prerequisite not met: {name_en} ({note}).",
}
HINT_PREREQUISITE = {
    "zh": "{where}",
    "en": "{where_en}",
}


def check(facts: Facts) -> Iterator[Finding]:
    for status in facts.required or ():
        if status.status != "missing":
            continue
        args = status_args(status)
        if status.kind == "prerequisite":
            if status.material in facts.reported_elsewhere:
                continue  # a check's verdict another enabled rule words (REPORTS): one problem, one finding
            yield make_finding(__name__, facts, subject=status_subject(status), message=MESSAGE_PREREQUISITE,
                               hint=HINT_PREREQUISITE, **args)
            continue
        conditional = status.item is not None and status.item.conditional
        # what only agency practice asks for (basis: practice, 建议) is a warning, never an error; a line that is
        # merely recommended for the officer's own check (建议自备, no source asks for it) is a note
        item = status.item
        practice = item is not None and item.basis == "practice"
        optional = item is not None and item.optional and not practice
        yield make_finding(__name__, facts, subject=status_subject(status),
                           severity="info" if optional else "warning" if practice or conditional else None, **args)
