"""tax-months-incomplete: the 个税 records do not cover the months before the assessment date.

**What it checks.** The 税款所属期 months on the applicant's 个人所得税纳税记录 files, together, against the window
the centre asks for: the 6 months ending with the month before ``as_of`` (as_of 2026-11-20 → 2026-05 … 2026-10;
both numbers are parameters in ``rules_folder.yaml``). Each month of the window must appear on a record. When no
month could be read from the records, it says so (``info``). No record at all is ``missing-material``.

**Why it matters.** 实施细则 第四条 asks for the 最近6个月个人所得税纳税证明, and the 社保基数 must correspond to the
个税 withheld; a record that stops short, or starts too late, is sent back.

**Example.** ``个税.pdf`` lists 2026-05 … 2026-08; the window is 2026-05 … 2026-10 →
``个税纳税记录缺少 2026-09、2026-10``.

**How to fix.** In the 个人所得税 App: 办&查 → 纳税记录开具, choose the period covering the whole window (e.g.
2026年05月–2026年10月), download the PDF and replace the old one. If a month has no withholding, ask the
employer's HR why (the 社保 month then does not count either).

Only months read **with confidence** can make this error: when the months were read without it (OCR below {MIN_OCR_CONFIDENCE},
or found without their label) and some seem missing, ``material-incomplete`` says they could not be verified (info).
"""

from __future__ import annotations

from typing import Iterator

from matcheck.dates import Month
from matcheck.results import Finding
from matcheck.rules.base import Facts, documented, make_finding

__doc__ = documented(__doc__)

CODE = "MC303"
NAME = "tax-months-incomplete"
SEVERITY = "error"
REFERENCE = "《上海市居住证积分管理办法实施细则》第四条：最近6个月个人所得税纳税证明 (O4; S26, S27) [B]"
NEEDS = frozenset({"documents"})
MESSAGE = {
    "zh": "个税纳税记录缺少 {missing}：须覆盖 {first} 至 {last} 共 {count} 个月，文件中只有 {covered}。",
    "en": "The income tax records miss {missing}: they must cover {first} to {last} ({count} months); the files "
          "have {covered}.",
}
HINT = {
    "zh": "在个人所得税 App「办&查 → 纳税记录开具」选择 {first} 至 {last} 开具纳税记录，下载 PDF 替换旧文件；"
          "某月无扣缴的，请单位人事说明原因。",
    "en": "In the 个人所得税 App (办&查 → 纳税记录开具) issue a record for {first} to {last}, download the PDF and "
          "replace the old one; for a month without withholding, ask the employer's HR.",
}
MESSAGE_UNREAD = {
    "zh": "个税纳税记录上的税款所属期未能读出，无法确认是否覆盖 {first} 至 {last}。",
    "en": "No 税款所属期 month could be read from the tax records; coverage of {first} to {last} is unchecked.",
}
HINT_UNREAD = {
    "zh": "请人工核对纳税记录的月份，或从个人所得税 App 重新下载 PDF（不要用截图）。",
    "en": "Check the months by eye, or download the PDF again from the 个人所得税 App (not a screenshot).",
}


def check(facts: Facts) -> Iterator[Finding]:
    for status in facts.required or ():
        if status.material != "tax_record" or status.person != "applicant":
            continue
        window = list(status.args.get("window") or ())
        if not window:
            continue
        base = {"first": window[0], "last": window[-1], "count": len(window)}
        if status.status == "incomplete" and status.args.get("missing_months"):
            covered = list(status.args.get("covered") or ())
            yield make_finding(__name__, facts, files=status.files, subject="tax_record",
                               missing="、".join(status.args["missing_months"]),
                               covered=_ranges(covered) or "无", **base)
        elif status.status == "unverified" and status.args.get("reason") == "months_unread":
            yield make_finding(__name__, facts, files=status.files, subject="tax_record", severity="info",
                               message=MESSAGE_UNREAD, hint=HINT_UNREAD, **base)


def _ranges(months: list[str]) -> str:
    """``["2026-05", "2026-06", "2026-07", "2026-09"]`` → ``2026-05至2026-07、2026-09``."""
    parsed = sorted(Month.parse(m) for m in months)
    runs: list[list[Month]] = []
    for m in parsed:
        if runs and m - runs[-1][-1] == 1:
            runs[-1].append(m)
        else:
            runs.append([m])
    return "、".join(str(r[0]) if len(r) == 1 else f"{r[0]}至{r[-1]}" for r in runs)
