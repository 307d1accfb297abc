"""What every indicator module reads: the profile, the date, the parameters in force, the 社保 ledger.

An indicator function is pure: ``(ctx: Ctx) -> IndicatorResult``. It never holds a points literal; every value
comes from ``ctx.params`` (``checklists/policy/parameters``) and its source is cited in the indicator's reference.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from matcheck.assessment import Assessment, AssessmentView
from matcheck.dates import Month
from matcheck.policy import ValueRef
from matcheck.results import Indicator, Observation
from matcheck.scoring.ledger import Ledger

NAMES: dict[str, str] = {
    "age": "年龄",
    "education": "教育背景",
    "qualification": "专业技术职称和技能等级",
    "social_insurance_years": "社保年限",
    "social_insurance_base": "社保缴费基数",
    "shortage_major": "紧缺急需专业",
    "investment": "投资纳税或带动就业",
    "public_service": "特定公共服务领域",
    "remote_area": "远郊重点区域",
    "fresh_graduate": "全日制应届高校毕业生",
    "award": "表彰奖励",
    "spouse_hukou": "配偶为本市户籍人员",
    "entrepreneur": "创业人才",
    "intermediary": "创新创业中介服务人才",
    "deductions": "减分",
}
"""Indicator ids (contracts.md §3) → Chinese names, in report order."""

BASIC = ("age", "education", "qualification", "social_insurance_years")


@dataclass(frozen=True)
class Ctx(AssessmentView):
    """One assessment (profile, date, policy version, parameters) and the 社保 ledger the indicators read."""

    assessment: Assessment
    ledger: Ledger

    @property
    def version(self) -> str:
        return self.assessment.policy

    @property
    def as_of_month(self) -> Month:
        return Month.of(self.as_of)

    @property
    def last_month(self) -> Month:
        """The last month that counts: the month before ``as_of`` (the month in progress is not yet paid)."""
        return self.as_of_month - 1

    def pending(self, *prefixes: str) -> bool:
        """True when any fact at or under one of ``prefixes`` is 待核实."""
        return any(self.profile.is_to_verify(p) for p in prefixes)


@dataclass(frozen=True)
class IndicatorResult:
    """An :class:`Indicator` plus the observations its computation made."""

    indicator: Indicator
    observations: tuple[Observation, ...] = ()


_ARTICLES = {
    "§1.1": "《上海市居住证积分管理办法》第七条",
    "§2.1": "《上海市居住证积分管理办法》第六条",
    "§2.2": "《上海市居住证积分管理办法》第七条",
    "§2.3": "《上海市居住证积分管理办法》减分指标、一票否决指标条款",
    "§4": "受理审核口径（机构所述实践）",
    "§6": "matcheck 的计分约定（docs/scoring.md）",
    "§7": "matcheck 的取舍（docs/scoring.md）",
}
"""The design notes' sections an indicator cites (code keeps them) → the document and article a user looks up."""


def article_words(section: str) -> str:
    """``"§2.1 年龄, §7 Age"`` → ``"《上海市居住证积分管理办法》第六条 年龄；matcheck 的取舍（docs/scoring.md）"``."""
    out: list[str] = []
    for part in section.split(","):
        key, _, topic = part.strip().partition(" ")
        words = _ARTICLES.get(key, _ARTICLES.get(key.split(".")[0], ""))
        if not words:
            continue
        if key in ("§2.1", "§2.2", "§2.3") and topic and not topic.isascii():
            words += " " + topic
        if words not in out:
            out.append(words)
    return "；".join(out)


class Refs:
    """Collects the parameters an indicator read, for its reference line and its ``uncertain`` flag."""

    def __init__(self, ctx: Ctx, section: str):
        self.ctx = ctx
        self.section = section
        self.used: list[ValueRef] = []

    def __call__(self, name: str):
        ref = self.ctx.params.ref(name)
        if ref not in self.used:
            self.used.append(ref)
        return ref.value

    def add(self, ref: ValueRef | None) -> None:
        if ref is not None and ref not in self.used:
            self.used.append(ref)

    @property
    def uncertain(self) -> bool:
        return any(r.uncertain for r in self.used)

    def reference(self) -> str:
        """``《…》第六条 年龄；参数 a, b: <source> [B]; c: <source> [C]`` — parameters grouped by their citation."""
        groups: dict[str, list[str]] = {}
        for r in self.used:
            names = groups.setdefault(r.cite(), [])
            if r.name not in names:
                names.append(r.name)
        text = article_words(self.section)
        if groups:
            text += "; 参数 " + "; ".join(f"{', '.join(n)}: {cite}" for cite, n in groups.items())
        if self.uncertain:
            text += "（含 [C]/[?] 来源的参数，结果待政策原文确认）"
        return text


@dataclass
class Build:
    """Mutable helper to assemble one indicator (the result is frozen)."""

    id: str
    refs: Refs
    points: int = 0
    counted: bool = True
    reason: str = ""
    provisional: bool = False
    observations: list[Observation] = field(default_factory=list)

    def done(self) -> IndicatorResult:
        reason = self.reason
        if self.provisional and "待核实" not in reason and "暂定" not in reason:
            reason += "（依赖待核实的事实，暂定）"
        ind = Indicator(id=self.id, name=NAMES[self.id], points=int(self.points), counted=self.counted,
                        reason=reason, reference=self.refs.reference(), provisional=self.provisional,
                        uncertain=self.refs.uncertain)
        return IndicatorResult(ind, tuple(self.observations))


def not_claimed(ctx: Ctx, indicator_id: str, section: str, what: str | None = None,
                pending: bool = False) -> IndicatorResult:
    """An indicator the applicant does not claim: 0 points, not counted. ``pending``: the claim itself is 待核实
    (0 for now, provisional)."""
    reason = (f"是否符合{what or NAMES[indicator_id]}待核实：暂计0分" if pending
              else f"未申报{what or NAMES[indicator_id]}：0分")
    b = Build(indicator_id, Refs(ctx, section), counted=False, reason=reason, provisional=pending)
    return b.done()


def fmt_num(x: float) -> str:
    """``3.0`` → ``3``, ``0.8`` → ``0.8``, ``150000.0`` → ``150000``."""
    if float(x).is_integer():
        return str(int(x))
    return f"{x:.4f}".rstrip("0").rstrip(".")
