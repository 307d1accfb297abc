"""Text rendering of ``matcheck check``: what an HR officer reads top-down before the trip to the centre.

1. the verdict (nothing blocking / N errors to fix), 2. the materials checklist with ✓ / ✗ / ! and the files that
satisfy each line, 3. the findings by severity, each with its hint, 4. what each file in the folder is, 5. the
score table (the ``score`` mixin's own table, not a second one).
"""

from __future__ import annotations

from collections import Counter

from matcheck.materials import material_label
from matcheck.report.text.console import string_console
from matcheck.report.text.score_text import upheld_line
from matcheck.results import PERSON_LABELS, SEVERITIES, CheckReport, MaterialStatus
from matcheck.textsafe import escape_control

MARK = {"present": "✓", "missing": "✗", "expired": "✗", "incomplete": "!", "unverified": "!"}
STATUS = {
    "zh": {"present": "齐全", "missing": "缺少", "expired": "过期", "incomplete": "不完整", "unverified": "待确认"},
    "en": {"present": "present", "missing": "missing", "expired": "expired", "incomplete": "incomplete",
           "unverified": "to confirm"},
}
SEVERITY = {"zh": {"error": "错误", "warning": "警告", "info": "提示"},
            "en": {"error": "errors", "warning": "warnings", "info": "notes"}}
PERSON = PERSON_LABELS
WORDS = {
    "zh": {"title": "《上海市居住证》积分材料预审", "verdict": "结论", "ok": "✓ 未发现阻碍受理的问题",
           "blocked": "✗ 有 {n} 个必须先处理的错误，处理后再去受理点", "also": "另有 {parts}",
           "checklist": "材料清单", "status": "状态", "material": "材料", "whose": "所属", "files": "文件 / 说明",
           "findings": "发现的问题", "none": "无", "hint": "处理", "in_files": "文件",
           "documents": "文件夹中的文件", "path": "文件", "type": "类型", "conf": "置信度", "unrecognised": "未识别",
           "score": "积分", "prereq": "（确认事项）", "no_files": "文件夹中没有可识别的文件"},
    "en": {"title": "Shanghai Residence Permit points: materials pre-check", "verdict": "Verdict",
           "ok": "✓ nothing that blocks the application",
           "blocked": "✗ {n} error(s) to fix before going to the centre", "also": "also {parts}",
           "checklist": "Materials checklist", "status": "status", "material": "material", "whose": "whose",
           "files": "files / note", "findings": "Findings", "none": "none", "hint": "fix", "in_files": "files",
           "documents": "Files in the folder", "path": "file", "type": "type", "conf": "confidence",
           "unrecognised": "unrecognised", "score": "Score", "prereq": " (to confirm)",
           "no_files": "no files in the folder"},
}


class CheckText:
    """Mixin for :class:`matcheck.report.text.TextRenderer` (uses its ``score`` method for the score table)."""

    def check(self, report: CheckReport, lang: str = "zh") -> str:
        from rich.table import Table

        w = WORDS.get(lang, WORDS["zh"])
        console, buf = string_console()
        name = _applicant_name(report)
        console.print(f"{w['title']} — {name} — {report.folder} — {report.score.as_of} — "
                      f"{'政策' if lang != 'en' else 'policy'} {report.score.policy}", soft_wrap=True)

        # 1. the verdict
        counts = Counter(f.severity for f in report.findings)
        verdict = w["blocked"].format(n=counts["error"]) if counts["error"] else w["ok"]
        others = [f"{counts[s]} {SEVERITY[lang if lang in SEVERITY else 'zh'][s]}" for s in ("warning", "info")
                  if counts[s]]
        line = f"{w['verdict']}：{verdict}" if lang != "en" else f"{w['verdict']}: {verdict}"
        if others:
            line += ("；" if lang != "en" else "; ") + w["also"].format(parts="、".join(others) if lang != "en"
                                                                         else ", ".join(others))
        console.print(line, soft_wrap=True)
        score = report.score
        reached = ("已达到" if score.reaches_standard else "未达到") if lang != "en" else (
            "reaches" if score.reaches_standard else "below")
        flag = ("（暂定）" if lang != "en" else " (provisional)") if score.provisional else ""
        if lang != "en":
            console.print(f"总分 {score.total}{flag} / 标准分值 {score.standard}：{reached}标准分值", soft_wrap=True)
        else:
            console.print(f"Total {score.total}{flag} / standard {score.standard}: {reached} the standard",
                          soft_wrap=True)

        # 2. the checklist
        console.print(f"\n{w['checklist']}", soft_wrap=True)
        table = Table(show_lines=False, expand=False, box=None, pad_edge=False)
        table.add_column("", no_wrap=True)
        table.add_column(w["status"], no_wrap=True)
        table.add_column(w["material"], overflow="fold")
        table.add_column(w["whose"], no_wrap=True)
        table.add_column(w["files"], overflow="fold")
        for group, rows in _grouped(report.required):
            table.add_row("", "", f"[{group}]", "", "")
            for s in rows:
                whose = PERSON.get(lang, PERSON["zh"]).get(s.person, s.person)
                if s.item is not None and s.item.person_name and s.person == "child":
                    whose += f" {s.item.person_name}"
                label = (s.name_zh if lang != "en" or s.item is None else s.item.name_en) or s.material
                if s.kind == "prerequisite":
                    label += w["prereq"]
                detail = "、".join(s.files) if lang != "en" else ", ".join(s.files)
                if s.note and (s.status != "present" or s.kind == "prerequisite"):
                    detail = f"{detail}  {s.note}" if detail else s.note
                table.add_row(MARK.get(s.status, "?"), STATUS.get(lang, STATUS["zh"]).get(s.status, s.status),
                              label, whose, detail or "—")
        console.print(table)

        # 3. the findings, by severity
        console.print(f"\n{w['findings']}", soft_wrap=True)
        if not report.findings:
            console.print(f"  {w['none']}", soft_wrap=True)
        for sev in SEVERITIES:
            found = [f for f in report.findings if f.severity == sev]
            if not found:
                continue
            console.print(f"{SEVERITY.get(lang, SEVERITY['zh'])[sev]}（{len(found)}）" if lang != "en"
                          else f"{SEVERITY['en'][sev]} ({len(found)})", soft_wrap=True)
            for f in found:
                console.print(f"  {f.code} {f.rule}  {f.message}", soft_wrap=True, markup=False)
                if f.hint:
                    console.print(f"      → {w['hint']}：{f.hint}" if lang != "en" else f"      → {f.hint}",
                                  soft_wrap=True, markup=False)
                upheld = upheld_line(f, report.score.standard, lang)
                if upheld:
                    console.print(f"      → {upheld}", soft_wrap=True, markup=False)

        # 4. the files
        console.print(f"\n{w['documents']}", soft_wrap=True)
        if not report.documents:
            console.print(f"  {w['no_files']}", soft_wrap=True)
        else:
            files = Table(show_lines=False, expand=False, box=None, pad_edge=False)
            for col in (w["path"], w["type"], w["material"], w["whose"], w["conf"]):
                files.add_column(col, overflow="fold")
            for d in report.documents:
                material = material_label(d.material, lang) if d.material else w["unrecognised"]
                files.add_row(escape_control(d.ref), d.file_type + (" OCR" if d.ocr else ""), material,
                              PERSON.get(lang, PERSON["zh"]).get(d.person or "", d.person or "—"),
                              f"{d.confidence:.2f}")
            console.print(files)

        # 5. the score: the score mixin's table
        console.print(f"\n{w['score']}", soft_wrap=True)
        text = buf.getvalue() + self.score(report.score, (), lang=lang)  # type: ignore[attr-defined]
        return text


def _grouped(required: tuple[MaterialStatus, ...]) -> list[tuple[str, list[MaterialStatus]]]:
    groups: dict[str, list[MaterialStatus]] = {}
    for s in required:
        groups.setdefault(s.group or "其他", []).append(s)
    return list(groups.items())


def _applicant_name(report: CheckReport) -> str:
    for d in report.documents:
        if d.person == "applicant" and d.person_name:
            return d.person_name
    return report.profile_source

