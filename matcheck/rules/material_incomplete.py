"""material-incomplete: a material is in the folder but part of it is not, or it could not be verified.

**What it checks.** Lines of the checklist whose files are there but not whole:

* a 户口簿 without its 首页 (the household page with the full address) or without the holder's own page
  (常住人口登记卡);
* a material whose deciding facts could not be read from the file (a 居住证 whose 有效期 is not legible, a
  劳动合同 whose term is not legible, a file whose owner cannot be told): reported as ``info`` — look at it by eye.

个税 records that do not cover the months before the assessment date are reported by ``tax-months-incomplete``,
which names the months.

**Why it matters.** The 受理点 asks for the 户口簿 首页 *and* the holder's page (a 集体户 may bring a 户籍证明
instead); a booklet with one of them missing is sent back.

**Example.** ``户口本.pdf`` has only the 常住人口登记卡 → ``户口簿（申请人）不完整：户口簿缺少首页``.

**How to fix.** Scan the missing pages of the 户口簿 (the 首页 with the 户主 and full address, and the holder's
page); for a 集体户, get a 户籍证明 from the 派出所. For a file that could not be read, scan it again in good light,
flat and whole.
"""

from __future__ import annotations

from typing import Iterator

from matcheck.results import Finding
from matcheck.rules.base import Facts, make_finding
from matcheck.rules.folder_common import status_args, status_subject

CODE = "MC103"
NAME = "material-incomplete"
SEVERITY = "error"
REFERENCE = "《〈上海市居住证〉积分申请的个人书面材料》：户籍证明须含户口簿首页和本人页 (O7; S28, S29) [B]"
NEEDS = frozenset({"documents"})
MESSAGE = {
    "zh": "{name}（{whose}）不完整：{note}（文件：{paths}）。",
    "en": "{name_en} ({whose_en}) is incomplete: missing {missing_pages} (files: {paths}).",
}
HINT = {
    "zh": "补齐缺少的部分：{where}。",
    "en": "Add the missing part: {where}.",
}
MESSAGE_UNVERIFIED = {
    "zh": "{name}（{whose}）无法核对：{note}（文件：{paths}）。",
    "en": "{name_en} ({whose_en}) could not be verified from its file ({reason}; files: {paths}).",
}
HINT_UNVERIFIED = {
    "zh": "请人工核对该文件；或重新清晰、完整地扫描后再运行检查。",
    "en": "Check the file by eye, or scan it again clearly and whole, then run the check again.",
}
# Statuses another rule words with more detail: (material, reason) → rule.
_OWNED_ELSEWHERE = {("tax_record", "months_missing"): "tax-months-incomplete",
                    ("tax_record", "months_unread"): "tax-months-incomplete"}


def check(facts: Facts) -> Iterator[Finding]:
    for status in facts.required or ():
        if status.kind != "document" or (status.material, status.args.get("reason")) in _OWNED_ELSEWHERE:
            continue
        args = {"missing_pages": "", "reason": "", **status_args(status)}
        if status.status == "incomplete":
            yield make_finding(__name__, facts, files=status.files, subject=status_subject(status), **args)
        elif status.status == "unverified":
            yield make_finding(__name__, facts, files=status.files, subject=status_subject(status),
                               severity="info", message=MESSAGE_UNVERIFIED, hint=HINT_UNVERIFIED, **args)
