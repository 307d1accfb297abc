"""Text rendering of ``matcheck score``: a rich table of the indicators, the total, the road to the standard."""

from __future__ import annotations

from matcheck.report.text.console import string_console
from matcheck.results import Finding, Score

def upheld_line(f: Finding, standard: int, lang: str = "zh") -> str | None:
    """``若中心认定该问题：总分 151（暂定），仍达到标准分值 120`` for a finding whose risk changes the score."""
    u = f.score_if_upheld
    if u is None:
        return None
    if lang == "en":
        return (f"if the centre upholds it: total {u.total}{' (provisional)' if u.provisional else ''}, the standard "
                f"{standard} is {'still reached' if u.reaches_standard else 'not reached'}")
    return (f"若中心认定该问题：总分 {u.total}{'（暂定）' if u.provisional else ''}，"
            f"{'仍达到' if u.reaches_standard else '达不到'}标准分值 {standard}")


_SEVERITY = {"zh": {"error": "错误", "warning": "警告", "info": "提示"},
             "en": {"error": "error", "warning": "warning", "info": "info"}}


class ScoreText:
    """Mixin for :class:`matcheck.report.text.TextRenderer`."""

    def score(self, score: Score, findings: tuple[Finding, ...], lang: str = "zh") -> str:
        from rich.table import Table

        console, buf = string_console()
        flag = "（暂定）" if score.provisional else ""
        title = f"《上海市居住证》积分 — {score.as_of} — 政策 {score.policy} 版"
        table = Table(title=title, show_lines=False, expand=False, title_justify="left")
        table.add_column("指标", no_wrap=True)
        table.add_column("分值", justify="right", no_wrap=True)
        table.add_column("计入", justify="center", no_wrap=True)
        table.add_column("计算与理由", overflow="fold")
        shown = [i for i in score.indicators if i.counted or i.points or not i.reason.startswith("未申报")]
        for ind in shown:
            marks = ("*" if ind.provisional else "") + ("†" if ind.uncertain else "")
            table.add_row(f"{ind.name}{marks}", str(ind.points), "✓" if ind.counted else "—", ind.reason)
        console.print(table)
        hidden = [i.name for i in score.indicators if i not in shown]
        if hidden:
            console.print(f"未申报（0分）：{'、'.join(hidden)}", soft_wrap=True)
        verdict = "已达到" if score.reaches_standard else "未达到"
        console.print(f"总分 {score.total}{flag} / 标准分值 {score.standard}：{verdict}标准分值"
                      + ("（一票否决）" if score.vetoed else ""), soft_wrap=True)
        if score.provisional:
            console.print("* 暂定：依赖标记为“待核实”的事实，或尚未公布的社平", soft_wrap=True)
        if any(i.uncertain for i in shown):
            console.print("† 依赖 [C]/[?] 来源的参数（见 matcheck policy show）", soft_wrap=True)
        if score.policy_note:
            console.print(f"政策说明：{score.policy_note}", soft_wrap=True)
        road = score.road
        if road is not None:
            console.print(f"\n距标准分值还差 {road.gap} 分。{road.reason}", soft_wrap=True)
            if road.reaches_on:
                console.print(f"按目前的缴费情况持续下去，预计 {road.reaches_on} 达到 {score.standard} 分。", soft_wrap=True)
            for step in road.steps:
                when = f"，{step.on} 可达到" if step.on else ""
                console.print(f"  • {step.description}：+{step.points}{when}", soft_wrap=True)
        if findings:
            console.print("\n发现的问题：", soft_wrap=True)
            for f in findings:
                console.print(f"  [{_SEVERITY.get(lang, _SEVERITY['zh']).get(f.severity, f.severity)}] {f.rule}: {f.message}", soft_wrap=True)
                upheld = upheld_line(f, score.standard, lang)
                if upheld:
                    console.print(f"      → {upheld}", soft_wrap=True, markup=False)
        return buf.getvalue()
