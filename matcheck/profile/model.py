"""The Profile: one applicant's claimed facts (contracts.md §1), validated.

Every field is optional unless the domain makes it meaningless without it: a field left out means "not claimed".
A value written as ``待核实`` / ``unknown`` is "to verify": it is replaced by ``None`` here and its path is kept in
:attr:`Profile.to_verify`, so that everything that depends on it can be marked provisional.

Enum values accept Chinese or English (``本科`` / ``bachelor``) and are stored in Chinese.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal, Optional

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from matcheck.dates import Month, check_assessment_date, parse_date
from matcheck.identity import credit_code_problem, id_number_problem, normalise_credit_code, normalise_id_number, parse_id_number

# --------------------------------------------------------------------------- value types


def _to_date(v: Any) -> Any:
    if v is None or isinstance(v, date):
        return v
    if isinstance(v, str):
        return parse_date(v)
    raise ValueError(f"{v!r} is not a date (YYYY-MM-DD)")


def _assessment_date(v: Any) -> Any:
    return v if v is None else check_assessment_date(v)


def _to_month(v: Any) -> Any:
    if v is None or isinstance(v, Month):
        return v
    if isinstance(v, date):
        return Month.of(v)
    if isinstance(v, int) and 190001 <= v <= 210012:  # YAML reads 202403 as an int
        return Month.parse(str(v))
    if isinstance(v, str):
        return Month.parse(v)
    raise ValueError(f"{v!r} is not a month (YYYY-MM)")


_PRESENT = {"至今", "今", "present", "now", "current"}


def _to_month_or_present(v: Any) -> Any:
    if isinstance(v, str) and v.strip().lower() in _PRESENT:
        return None
    return _to_month(v)


def _id_number(v: Any) -> Any:
    if v is None:
        return v
    text = str(v)
    problem = id_number_problem(text)
    if problem:
        raise ValueError(f"{text!r} is not a valid ID number: {problem}")
    return normalise_id_number(text)


def _credit_code(v: Any) -> Any:
    if v is None:
        return v
    text = str(v)
    problem = credit_code_problem(text)
    if problem:
        raise ValueError(f"{text!r} is not a valid 统一社会信用代码: {problem}")
    return normalise_credit_code(text)


def _enum(name: str, aliases: dict[str, str]):
    """A validator mapping Chinese or English spellings to the canonical Chinese value."""
    canonical = sorted(set(aliases.values()), key=list(aliases.values()).index)

    def check(v: Any) -> Any:
        if v is None:
            return v
        key = str(v).strip()
        hit = aliases.get(key) or aliases.get(key.lower())
        if hit is None:
            raise ValueError(f"{v!r} is not a known {name}; expected one of: {', '.join(canonical)}")
        return hit

    return BeforeValidator(check)


def _identity(*values: str) -> dict[str, str]:
    return {v: v for v in values}


DateField = Annotated[Optional[date], BeforeValidator(_to_date)]
MonthField = Annotated[Optional[Month], BeforeValidator(_to_month)]
EndMonthField = Annotated[Optional[Month], BeforeValidator(_to_month_or_present)]
IdNumberField = Annotated[Optional[str], BeforeValidator(_id_number)]
CreditCodeField = Annotated[Optional[str], BeforeValidator(_credit_code)]

EDUCATION_LEVELS = {
    **_identity("初中", "高中", "中专", "职高", "技校", "大专", "本科", "硕士", "博士"),
    "junior_high": "初中", "high_school": "高中", "secondary_vocational": "中专", "vocational_high": "职高",
    "technical_school": "技校", "专科": "大专", "高职": "大专", "college": "大专", "associate": "大专",
    "bachelor": "本科", "master": "硕士", "硕士研究生": "硕士", "doctor": "博士", "phd": "博士", "博士研究生": "博士",
}
EducationLevel = Annotated[Optional[str], _enum("education level", EDUCATION_LEVELS)]

DEGREES = {**_identity("学士", "硕士", "博士"), "none": "none", "无": "none",
           "bachelor": "学士", "master": "硕士", "doctor": "博士", "phd": "博士"}
Degree = Annotated[Optional[str], _enum("degree", DEGREES)]

_DEGREE_LEVEL = {"学士": "本科", "硕士": "硕士", "博士": "博士"}  # the education level a degree is awarded at


def education_level(level: Any = None, degree: Any = None) -> str | None:
    """The education level (学历层次) a record or document shows, in the profile's words: its ``level``
    (``bachelor`` / ``本科`` → 本科; a level outside the vocabulary is returned as written), or else the level of its
    ``degree`` (学士 → 本科); None when it shows neither."""
    text = "".join(str(level or "").split())
    if text:
        return EDUCATION_LEVELS.get(text, EDUCATION_LEVELS.get(text.lower(), text))
    text = "".join(str(degree or "").split())
    return _DEGREE_LEVEL.get(DEGREES.get(text, DEGREES.get(text.lower(), text))) if text else None


STUDY_MODES = {
    **_identity("全日制", "自考", "成人", "网络", "函授", "业余", "国外"),
    "普通全日制": "全日制", "full_time": "全日制", "fulltime": "全日制", "self_study": "自考", "自学考试": "自考",
    "adult": "成人", "成人高考": "成人", "online": "网络", "网络教育": "网络", "correspondence": "函授",
    "part_time": "业余", "foreign": "国外", "overseas": "国外",
}
StudyMode = Annotated[Optional[str], _enum("study mode", STUDY_MODES)]

QUALIFICATION_KINDS = {**_identity("职称", "技能", "职业资格"), "title": "职称", "skill": "技能",
                       "professional_qualification": "职业资格"}
QualificationKind = Annotated[Optional[str], _enum("qualification kind", QUALIFICATION_KINDS)]

QUALIFICATION_LEVELS = {
    **_identity("初级", "中级", "高级", "五级", "四级", "三级", "二级", "一级"),
    "junior": "初级", "intermediate": "中级", "senior": "高级", "副高级": "高级", "正高级": "高级",
    "level5": "五级", "level4": "四级", "level3": "三级", "level2": "二级", "level1": "一级",
    "初级工": "五级", "中级工": "四级", "高级工": "三级", "技师": "二级", "高级技师": "一级",
}
QualificationLevel = Annotated[Optional[str], _enum("qualification level", QUALIFICATION_LEVELS)]

AWARD_LEVELS = {**_identity("市级专项", "市级综合", "省部级"), "municipal_special": "市级专项",
                "municipal_general": "市级综合", "provincial": "省部级", "national": "省部级"}
AwardLevel = Annotated[Optional[str], _enum("award level", AWARD_LEVELS)]

SPECIAL_POST_KINDS = {**_identity("公共服务", "远郊重点区域"), "public_service": "公共服务",
                      "remote_area": "远郊重点区域", "环卫": "公共服务", "远郊": "远郊重点区域"}
SpecialPostKind = Annotated[Optional[str], _enum("special post kind", SPECIAL_POST_KINDS)]

HUKOU_TYPES = {**_identity("家庭户", "集体户"), "family": "家庭户", "collective": "集体户"}
HukouType = Annotated[Optional[str], _enum("hukou type", HUKOU_TYPES)]

POLICIES = {"auto": "auto", "2013": "2013", "2018": "2018", "2023": "2023"}
Policy = Annotated[str, _enum("policy", POLICIES)]

# Provinces by their short name, to derive ``hukou_province`` from an address.
PROVINCES = (
    "北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽", "福建", "江西",
    "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏", "陕西", "甘肃",
    "青海", "宁夏", "新疆", "香港", "澳门", "台湾",
)


def province_of(address: str | None) -> str | None:
    """``江苏省南京市…`` → ``江苏``; None when the address names no province."""
    if not address:
        return None
    for p in PROVINCES:
        if address.startswith(p):
            return p
    return None


ABROAD_WORDS = ("国外", "境外", "海外", "国(境)外", "国（境）外", "abroad", "overseas")
"""What people write as the ``province`` of a study abroad; on a ``mode: 国外`` record it stands for the country."""
OUTSIDE_MAINLAND = ("香港", "澳门", "台湾")  # 境外 for the 留学服务中心 认证书
HOME_COUNTRY = ("中国", "中华人民共和国", "China", "PRC")


def _province(v: Any) -> Any:
    if v is None:
        return v
    text = str(v).strip()
    short = province_of(text)
    if short is None:
        raise ValueError(f"{text!r} is not a province of China (e.g. 江苏, 上海, 香港); for study abroad write "
                         f"mode: 国外 and country: <the country> on the education record")
    return short


ProvinceField = Annotated[Optional[str], BeforeValidator(_province)]


def _province_saying(what_to_write: str) -> Any:
    """The province check with its own "what to write instead" for a field where abroad makes no sense."""
    def check(v: Any) -> Any:
        try:
            return _province(v)
        except ValueError:
            raise ValueError(f"{str(v).strip()!r} is not a province of China (e.g. 江苏, 上海, 香港); "
                             f"{what_to_write}") from None
    return check


WorkProvinceField = Annotated[Optional[str], BeforeValidator(_province_saying(
    "for work abroad leave province out (only provinces of China matter for 三地一致)"))]
HukouProvinceField = Annotated[Optional[str], BeforeValidator(_province_saying(
    "write the province of the 户口 as on the 户口簿"))]


# --------------------------------------------------------------------------- models


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, arbitrary_types_allowed=True)

    @model_validator(mode="before")
    @classmethod
    def _empty_lists(cls, data: Any) -> Any:
        """A list written as 待核实 (None after loading) or left empty (``children:``) is an empty list; the
        待核实 path is kept in ``Profile.to_verify`` by the loader."""
        if isinstance(data, dict):
            for name, field in cls.model_fields.items():
                key = field.alias or name
                if data.get(key, ...) is None and getattr(field.annotation, "__origin__", None) is list:
                    data = {**data, key: []}
        return data


class ResidencePermit(_Model):
    number: Optional[str] = None
    issued: DateField = None
    expires: DateField = None

    @model_validator(mode="after")
    def _order(self) -> "ResidencePermit":
        if self.issued and self.expires and self.expires < self.issued:
            raise ValueError(f"expires {self.expires} is before issued {self.issued}")
        return self


class Applicant(_Model):
    name: Optional[str] = None
    former_name: Optional[str] = None
    id_number: IdNumberField = None
    ethnicity: Optional[str] = None
    political_status: Optional[str] = None
    phone: Optional[str] = None
    landline: Optional[str] = None
    hukou_address: Optional[str] = None
    hukou_province: HukouProvinceField = None
    hukou_type: HukouType = None
    shanghai_address: Optional[str] = None
    residence_permit: Optional[ResidencePermit] = None
    account_created: DateField = None
    retains_out_of_town_employment: Optional[bool] = None  # 是否与外省市原工作单位保留劳动关系

    @property
    def birth_date(self) -> date | None:
        return parse_id_number(self.id_number).birth_date if self.id_number else None

    @property
    def sex(self) -> str | None:
        return parse_id_number(self.id_number).sex if self.id_number else None

    @property
    def province(self) -> str | None:
        """The hukou province: stated, or read from the hukou address."""
        return self.hukou_province or province_of(self.hukou_address)


class Employer(_Model):
    name: Optional[str] = None
    credit_code: CreditCodeField = None
    district: Optional[str] = None
    registered_in_shanghai: Optional[bool] = True
    registered_in_points_system: Optional[bool] = None
    kind: Optional[Literal["企业", "事业单位", "社会团体", "民办非企业"]] = None


class Contract(_Model):
    signed: DateField = None
    start: DateField = None
    end: DateField = None  # None with open_ended: 无固定期限
    open_ended: Optional[bool] = False
    post: Optional[str] = None
    department: Optional[str] = None
    dispatched: Optional[bool] = False
    dispatch_agency: Optional[str] = None

    @model_validator(mode="after")
    def _order(self) -> "Contract":
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


class WorkPeriod(_Model):
    from_: MonthField = Field(None, alias="from")
    to: EndMonthField = None  # None: 至今
    province: WorkProvinceField = None
    unit: Optional[str] = None
    department: Optional[str] = None
    post: Optional[str] = None

    @model_validator(mode="after")
    def _order(self) -> "WorkPeriod":
        if self.from_ and self.to and self.to < self.from_:
            raise ValueError(f"to {self.to} is before from {self.from_}")
        return self


class Education(_Model):
    level: EducationLevel = None
    degree: Degree = None
    school: Optional[str] = None
    province: ProvinceField = None
    country: Optional[str] = None  # for study abroad
    mode: StudyMode = None
    upgrade: Optional[bool] = False  # 专升本
    study_center: Optional[str] = None  # 网络教育: the 学习中心's location (上海 counts as Shanghai)
    start: MonthField = None
    end: MonthField = None
    major: Optional[str] = None
    major_code: Optional[str] = None
    shortage_major: Optional[bool] = False
    certificate_number: Optional[str] = None
    certified: Optional[bool] = None  # foreign degree: 留学服务中心 认证书 obtained

    @model_validator(mode="before")
    @classmethod
    def _abroad(cls, raw: Any) -> Any:
        """Study abroad as people write it: ``province: 国外`` (境外, 海外, or a country name) on a ``mode: 国外``
        record, or a ``country:``, is the country of study; a record in 香港/澳门/台湾 or abroad is 国(境)外 study
        (``mode: 国外``) unless it says otherwise. A non-province on any other record is refused by the province
        check with a line saying what to write."""
        if not isinstance(raw, dict):
            return raw
        mode = STUDY_MODES.get(str(raw.get("mode")).strip()) if raw.get("mode") is not None else None
        province = raw.get("province")
        country = raw.get("country")
        abroad_word = isinstance(province, str) and province.strip() in ABROAD_WORDS
        not_a_province = isinstance(province, str) and province_of(province.strip()) is None
        out = dict(raw)
        if not_a_province and (mode == "国外" or (country is not None and str(country).strip() not in HOME_COUNTRY)
                               or (abroad_word and mode is None)):
            out.pop("province")
            if not abroad_word and country is None:
                out["country"] = province.strip()  # a country name written as the province
            out.setdefault("mode", "国外")
        elif mode in (None, "全日制") and (
                (country is not None and str(country).strip() not in HOME_COUNTRY)
                or (isinstance(province, str) and province_of(province.strip()) in OUTSIDE_MAINLAND)):
            out["mode"] = "国外"
        return out

    @model_validator(mode="after")
    def _order(self) -> "Education":
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self

    @property
    def full_time(self) -> bool:
        return self.mode in ("全日制", "国外")

    @property
    def foreign(self) -> bool:
        return self.mode == "国外"


class Qualification(_Model):
    kind: QualificationKind = None
    level: QualificationLevel = None
    name: Optional[str] = None
    certificate_number: Optional[str] = None
    obtained: DateField = None
    obtained_in_shanghai: Optional[bool] = True
    by_exam: Optional[bool] = False
    registered: Optional[bool] = None  # 注册类: registered and within the registration period
    verified_in_shanghai: Optional[bool] = None  # out-of-town 技能 三级+: passed 本市复评/验证
    appointed: Optional[bool] = None  # current employer's 聘书
    matches_post: Optional[bool] = None


class SocialInsurancePeriod(_Model):
    from_: MonthField = Field(None, alias="from")
    to: EndMonthField = None
    unit: Optional[str] = None
    base_multiple: Optional[float] = Field(None, ge=0)
    base: Optional[float] = Field(None, ge=0)
    backpaid: Optional[bool] = False

    @model_validator(mode="after")
    def _order(self) -> "SocialInsurancePeriod":
        if self.from_ and self.to and self.to < self.from_:
            raise ValueError(f"to {self.to} is before from {self.from_}")
        return self


class Tax(_Model):
    withholding_unit: Optional[str] = None


class Spouse(_Model):
    name: Optional[str] = None
    id_number: IdNumberField = None
    foreign: Optional[bool] = False
    passport: Optional[str] = None
    education: Optional[str] = None
    shanghai_hukou: Optional[bool] = None
    hukou_since: DateField = None
    married: DateField = None
    lives_with_applicant: Optional[bool] = True
    enjoys_benefits: Optional[bool] = None


class Child(_Model):
    name: Optional[str] = None
    id_number: IdNumberField = None
    lives_with_applicant: Optional[bool] = True
    enjoys_benefits: Optional[bool] = True
    in_fulltime_high_school: Optional[bool] = None  # 16+ in 全日制普通高中: 就读证明 + 学籍证明


class Award(_Model):
    level: AwardLevel = None
    name: Optional[str] = None
    date: DateField = None
    in_shanghai: Optional[bool] = True


class Investment(_Model):
    route: Optional[Literal["tax", "employment"]] = None
    average_annual_tax: Optional[float] = Field(None, ge=0)  # yuan
    average_local_hires: Optional[float] = Field(None, ge=0)
    share: Optional[float] = Field(None, gt=0, le=1)


class SpecialPost(_Model):
    kind: SpecialPostKind = None
    area: Optional[str] = None
    from_: MonthField = Field(None, alias="from")
    to: EndMonthField = None
    lives_there: Optional[bool] = None


class Bonus(_Model):
    fresh_graduate: Optional[bool] = False
    awards: list[Award] = []
    investment: Optional[Investment] = None
    special_posts: list[SpecialPost] = []
    entrepreneur: Optional[bool] = False
    intermediary: Optional[bool] = False


class Records(_Model):
    false_materials: list[DateField] = []
    detentions: list[DateField] = []
    criminal: list[DateField] = []
    serious_criminal: Optional[bool] = False
    family_planning_violation: Optional[bool] = False


class Profile(_Model):
    """One applicant's claimed facts. Build with :func:`matcheck.profile.load_profile`."""

    as_of: Annotated[Optional[date], BeforeValidator(_to_date), AfterValidator(_assessment_date)] = None
    policy: Policy = "auto"
    applicant: Applicant = Applicant()
    employer: Employer = Employer()
    contract: Optional[Contract] = None
    work_history: list[WorkPeriod] = []
    education: list[Education] = []
    qualifications: list[Qualification] = []
    social_insurance: list[SocialInsurancePeriod] = []
    tax: Optional[Tax] = None
    spouse: Optional[Spouse] = None
    children: list[Child] = []
    bonus: Bonus = Bonus()
    records: Records = Records()

    # Not from the file: where it came from, and which facts are "to verify".
    source: str = Field("profile", exclude=True)
    to_verify: frozenset[str] = Field(frozenset(), exclude=True)

    def is_to_verify(self, prefix: str) -> bool:
        """True when the fact at ``prefix`` (e.g. ``education[1]`` or ``spouse.married``), or any under it, is 待核实."""
        return any(p == prefix or p.startswith(prefix + ".") or p.startswith(prefix + "[") for p in self.to_verify)

    def pending_under(self, prefix: str) -> tuple[str, ...]:
        """The 待核实 paths at or under ``prefix``, sorted."""
        return tuple(sorted(p for p in self.to_verify
                            if p == prefix or p.startswith(prefix + ".") or p.startswith(prefix + "[")))


PROFILE_TOP_KEYS = tuple(f for f in Profile.model_fields if f not in ("source", "to_verify"))
