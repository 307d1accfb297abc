"""The fields of a document (vocabulary: :mod:`matcheck.documents.fields`), parsed by labels, not coordinates.

One function per material family (documents.md §1-§9); every document also gets the common fields (names, ID
numbers, credit codes, dates, issue date). Labels are matched with the aliases of documents.md §13 (old and new
学信网 labels, ``毕(结)业日期``/``毕业日期`` ...), with optional spaces between their characters for OCR text.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Callable

from matcheck.dates import Month
from matcheck.documents.text import (compact, find_credit_codes, find_dates, find_id_numbers, find_months, find_orgs,
                                     first_date, first_month_or_date, label_value, normalise)
from matcheck.materials import catalog

_NAME = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff·]{1,5}")
NAME_LABELS = ("姓名", "持证人", "纳税人名称", "纳税人姓名", "新生儿姓名", "户主姓名", "学生", "乙方")
ISSUE_LABELS = ("开具时间", "打印日期", "更新日期", "发证日期", "签发日期", "填发日期", "制表日期", "认证日期")
_NOT_NAMES = frozenset({"性别", "男", "女", "出生", "民族", "身份证", "姓名"})


def label_values(text: str, label: str) -> list[str]:
    """Every value printed after ``label`` (a 结婚证 has two 姓名 blocks)."""
    out, rest = [], text
    while True:
        value = label_value(rest, label)
        if value is None:
            return out
        out.append(value)
        idx = rest.find(value)
        if idx < 0:
            return out
        rest = rest[idx + len(value):]


def _person_name(value: str) -> str | None:
    m = _NAME.match(value)
    if not m:
        return None
    name = m.group(0)
    for stop in ("性别", "同志", "出生", "身份", "公民", "于"):
        name = name.split(stop, 1)[0]
    if not 2 <= len(name) <= 5 or name in _NOT_NAMES or is_label_word(name):
        return None
    return name


# words that are labels, roles or parts of a signature block, never a value (甲方（盖章） 乙方（签字） 签订日期)
LABEL_WORDS = ("签订日期", "签字", "盖章", "签章", "名称", "姓名", "日期", "甲方", "乙方", "法定代表人", "委托代理人",
               "地址", "住所", "身份证", "号码", "用人单位", "劳动者", "单位", "电话", "性别", "民族")


def is_label_word(value: str) -> bool:
    """A label, a role or a signature-block word (``乙方(签字)``, ``签订日期``, ``名称:``), not a value."""
    v = compact(value).strip("():：")
    return not v or any(v == w or v.startswith(w) for w in LABEL_WORDS) or v.endswith((":", "："))


def organisation(value: str) -> str | None:
    """The organisation named in ``value`` (by its legal suffix), or None: an employer looks like one."""
    if is_label_word(value):
        return None
    orgs = find_orgs(value)
    return orgs[0] if orgs else None


def first_valid(text: str, labels: tuple[str, ...], shape: Callable[[str], str | None]) -> str | None:
    """The first value printed after one of ``labels`` (in the labels' order) that has the field's ``shape``: a
    value is a candidate, kept only when it looks like what the field must be (a signature block's ``乙方（签字）``
    after ``甲方（盖章）`` is not an employer; ``名称`` in the next column is not an employee)."""
    for label in labels:
        for value in label_values(text, label):
            for candidate in (value, *value.split(" ")):
                found = shape(candidate)
                if found:
                    return found
    return None


def unsure(fields: dict[str, Any], key: str) -> None:
    """Mark ``key`` as read without confidence (not after its label, or not in the shape it must have)."""
    fields.setdefault("unsure", [])
    if key not in fields["unsure"]:
        fields["unsure"].append(key)


def common_fields(text: str) -> dict[str, Any]:
    names: list[str] = []
    for label in NAME_LABELS:
        for value in label_values(text, label):
            name = _person_name(value)
            if name and name not in names:
                names.append(name)
    fields: dict[str, Any] = {"names": names, "id_numbers": find_id_numbers(text),
                              "credit_codes": find_credit_codes(text), "dates": sorted({d for _, d in find_dates(text)})}
    for label in ISSUE_LABELS:
        value = label_value(text, label)
        if value and (d := first_date(value)):
            fields["issue_date"] = d
            break
    return fields


def _labelled(text: str, *labels: str) -> str | None:
    return label_value(text, *labels)


def _date_at(text: str, *labels: str) -> date | Month | None:
    value = label_value(text, *labels)
    return first_month_or_date(value) if value else None


def _code(value: str | None, pattern: str = r"[0-9A-Z]{6,30}") -> str | None:
    if not value:
        return None
    m = re.search(pattern, re.sub(r"[\s-]", "", value.upper()))
    return m.group(0) if m else None


# --------------------------------------------------------------------------- education (§1, §2, §9)

LEVELS = {"博士研究生": "博士", "硕士研究生": "硕士", "第二学士学位": "本科", "专科": "大专", "高职": "大专",
          "专升本": "本科", "本科": "本科", "大专": "大专", "博士": "博士", "硕士": "硕士", "中专": "中专", "高中": "高中"}
CATEGORY_MODE = {"高等教育自学考试": "自考", "自学考试": "自考", "网络教育": "网络", "开放教育": "网络",
                 "现代远程教育": "网络"}
FORM_MODE = {"普通全日制": "全日制", "全日制": "全日制", "脱产": "全日制", "函授": "函授", "业余": "业余",
             "非全日制": "业余", "网络教育": "网络", "网络": "网络"}


def _level(value: str | None) -> str | None:
    for word, level in LEVELS.items():
        if value and word in value:
            return level
    return None


_LABEL_START = re.compile(r"^[^\s:]{1,12}(?::|\t)")  # ``校名:`` or a table row's ``校名<tab>``


def _join_wrapped(text: str) -> str:
    """A certificate's body sentence wraps over lines; join a long line that does not end a sentence with the next
    line unless that one starts with a label (``校名:``)."""
    out: list[str] = []
    for line in text.split("\n"):
        if out and len(out[-1]) >= 20 and not out[-1].endswith(("。", ".")) and not _LABEL_START.match(line):
            out[-1] += line
        else:
            out.append(line)
    return "\n".join(out)
_SPAN = re.compile(r"(?:于|自)\s?([^至\n]{5,18}?)\s?至\s?([^在，,。\n]{5,18}?)\s?(?:在|期间|，|,)")
_SCHOOL = re.compile(r"[\u4e00-\u9fff]{2,20}?(?:大学|学院|中学|学校)")


SCHOOL_LABELS = ("学校名称", "毕业院校", "学位授予单位", "院校名称", "颁发机构", "校名")
_SCHOOL_WORDS = ("大学", "学院", "学校", "中学", "高中", "学堂", "党校", "分校", "University", "College", "Institute",
                 "School", "UNIVERSITY", "COLLEGE")


def school_name(value: str) -> str | None:
    """``value`` if it looks like a school (a school word in it, not a label): a school looks like a school."""
    if is_label_word(value) or not any(w in value for w in _SCHOOL_WORDS):
        return None
    return value.strip()


def education_fields(text: str) -> dict[str, Any]:
    f: dict[str, Any] = {}
    text = _join_wrapped(text)
    body = compact(text)
    school = first_valid(text, SCHOOL_LABELS, school_name)
    if not school:
        m = _SCHOOL.search(text)
        school = m.group(0) if m else None
        if school and len(school) > 4 and school[0] in "在于从自":
            school = school[1:]  # ``在南京示例大学……完成了本科学习`` (a degree certificate's body)
        if school:
            unsure(f, "school")  # from a sentence, not after a label
    f["school"] = school
    level = _level(_labelled(text, "层次", "学历层次", "培养层次"))
    if not level:
        m = re.search(r"(?:年制|学制[^\n]{0,4}?)(本科|专科|专升本)", body) or re.search(r"(本科|专科)(?:学习|毕业)", body)
        level = _level(m.group(1)) if m else ("高中" if "高中" in body and "修业期满" in body else None)
    f["level"] = level
    degree_text = _labelled(text, "所授学位", "获得学位") or ""
    m = re.search(r"(学士|硕士|博士)学位", degree_text or body)
    f["degree"] = m.group(1) if m else None
    category = _labelled(text, "学历类别", "学历类型")
    f["edu_category"] = category
    form = _labelled(text, "学习形式", "学习方式")
    mode = next((v for k, v in CATEGORY_MODE.items() if category and k in category), None)
    if mode is None and category and "成人" in category:
        mode = next((v for k, v in FORM_MODE.items() if form and k in form and v in ("函授", "业余")), "成人")
    if mode is None and form:
        mode = next((v for k, v in FORM_MODE.items() if k in form), None)
    if mode is None and category and "普通" in category:
        mode = "全日制"
    f["study_mode"] = mode
    f["enrol_date"] = _date_at(text, "入学日期", "入学时间")
    f["grad_date"] = _date_at(text, "毕(结)业日期", "毕业日期", "毕业时间", "获学位日期", "结业日期")
    span = _SPAN.search(text)  # ``于2010年9月至2014年7月在本校`` / ``于二〇一〇年九月至二〇一四年六月在本校``
    if span and not f["enrol_date"] and first_month_or_date(span.group(1)):
        f["enrol_date"] = first_month_or_date(span.group(1))
        f["grad_date"] = f["grad_date"] or first_month_or_date(span.group(2))
    m = re.search(r"在本校\s?([\u4e00-\u9fff()]{2,30}?)\s?专业", text) or \
        re.search(r"在[\u4e00-\u9fff]{2,20}?(?:大学|学院)\s?([\u4e00-\u9fff()]{2,30}?)\s?专业", text)
    major = m.group(1) if m else _labelled(text, "专业名称", "学科/专业", "学科专业", "专业")
    f["major"] = major.split(" ", 1)[0] if major else None
    f["cert_no"] = _code(_labelled(text, "证书编号", "学位证书编号", "认证书编号", "毕业证号"))
    f["verify_code"] = _code(_labelled(text, "在线验证码"), r"[0-9A-Z]{12,16}")
    f["study_center"] = _labelled(text, "学习中心", "校外学习中心")
    return f


# --------------------------------------------------------------------------- tax (§3)

_YEAR = re.compile(r"(?:19|20)\d\d|[〇零○二][〇零○O0一二三四五六七八九]{3}年")
_RANGE_MONTH = re.compile(r"(\d{4})[-.](\d{2})[-.]01 ?(?:至|-|~) ?\1[-.]\2[-.]\d{2}")


def tax_fields(text: str) -> dict[str, Any]:
    f: dict[str, Any] = {}
    period = label_value(text, "记录期间", "所得期间起止")
    if period:
        months = [m for _, m in find_months(period)]
        if months:
            f["period_start"], f["period_end"] = months[0], months[-1]
    months: list[Month] = []
    rows: list[str] = []
    for line in text.splitlines():
        if "记录期间" in line or "开具" in line or not _YEAR.search(line):
            if "扣缴义务人" in line:
                rows.append(line)
            continue
        found = [m for _, m in find_months(line, compact_form=True)]
        found += [Month(int(m.group(1)), int(m.group(2))) for m in _RANGE_MONTH.finditer(line)]
        months.extend(found)
        if found or "扣缴义务人" in line:
            rows.append(line)
    units = find_orgs("\n".join(rows))
    for value in label_values(text, "扣缴义务人名称") + label_values(text, "扣缴义务人"):
        for u in find_orgs(value):
            if u not in units:
                units.append(u)
    f["tax_months"] = sorted(set(months))
    f["withholding_units"] = units
    return f


# --------------------------------------------------------------------------- social insurance (§4)

_SI_ROW = re.compile(r"(?<![\d.])((?:19|20)\d{2}(?:0[1-9]|1[0-2])|(?:19|20)\d{2}[.-](?:0[1-9]|1[0-2]))(?![\d.])"
                     r" ?(已记账|未缴费|欠缴|补缴|已缴费|正常)?(?: ?((?:19|20)\d{2}[.-]?(?:0[1-9]|1[0-2]))(?![\d.]))?")
_MONEY = re.compile(r"(?<![\d.])(\d{3,6}\.\d{2})(?![\d.])")


def social_insurance_fields(text: str) -> dict[str, Any]:
    paid: set[Month] = set()
    backpaid: set[Month] = set()
    bases: dict[Month, float] = {}
    units: list[str] = []
    for line in text.splitlines():
        if any(w in line for w in ("打印日期", "截至", "截止", "缴费起止")):
            units.extend(u for u in find_orgs(line) if u not in units)
            continue
        rows = list(_SI_ROW.finditer(line))
        for i, m in enumerate(rows):
            month = Month.parse(m.group(1))
            status, back = m.group(2), m.group(3)
            segment = line[m.end(): rows[i + 1].start() if i + 1 < len(rows) else len(line)]
            if status in ("未缴费", "欠缴"):
                continue
            if back or status == "补缴" or "补缴" in segment:
                backpaid.add(month)
            money = _MONEY.search(segment)
            if money:
                bases.setdefault(month, float(money.group(1)))
            if status or money or find_orgs(segment):
                paid.add(month)
        if rows or "缴费单位" in line:
            units.extend(u for u in find_orgs(line) if u not in units)
    for value in label_values(text, "缴费单位名称") + label_values(text, "单位名称"):
        units.extend(u for u in find_orgs(value) if u not in units)
    return {"si_months": sorted(paid), "si_backpaid_months": sorted(backpaid), "si_units": units,
            "si_bases": dict(sorted(bases.items())), **si_summary_fields(text)}


_SI_UNIT_SPAN = re.compile(r"((?:19|20)\d{2})[年.\-/] ?(\d{1,2})月? ?(?:-|至|~|—|到) ?((?:19|20)\d{2})[年.\-/] ?(\d{1,2})月?")
_SI_TOTAL = re.compile(r"累计缴费月数[:：]? ?(\d{1,3})")


def si_summary_fields(text: str) -> dict[str, Any]:
    """The record's summary lines: each 缴费单位 with its 缴费起止时间 (``si_unit_periods``: (unit, from, to)), and
    the 累计缴费月数 (``si_total_months``), which may count months before the listed ones."""
    out: dict[str, Any] = {}
    spans = []
    for line in text.splitlines():
        orgs = find_orgs(line)
        m = _SI_UNIT_SPAN.search(line)
        if len(orgs) == 1 and m and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(4)) <= 12:
            spans.append((orgs[0], Month(int(m.group(1)), int(m.group(2))), Month(int(m.group(3)), int(m.group(4)))))
    if spans:
        out["si_unit_periods"] = spans
    total = _SI_TOTAL.search(compact(text))
    if total:
        out["si_total_months"] = int(total.group(1))
    return out


# --------------------------------------------------------------------------- identity and residence (§5)

_VALIDITY = re.compile(r"(\d{4}[.\-年/]\d{1,2}[.\-月/]\d{1,2}日?) ?(?:-|至|~|到) ?(长期|\d{4}[.\-年/]\d{1,2}[.\-月/]\d{1,2}日?)")


def identity_fields(text: str) -> dict[str, Any]:
    f: dict[str, Any] = {}
    validity = label_value(text, "有效期限", "有效期至", "有效期") or ""
    m = _VALIDITY.search(validity) or _VALIDITY.search(text)
    if m:
        f["valid_from"] = first_date(m.group(1))
        f["valid_long_term"] = m.group(2) == "长期"
        f["valid_until"] = None if f["valid_long_term"] else first_date(m.group(2))
    elif validity and (d := first_date(validity)):
        f["valid_until"] = d
    address = label_value(text, "居住地住址", "居住地址", "住址", "常住户口所在地住址")
    f["address"] = address
    birth = label_value(text, "出生日期", "出生")
    f["birth_date"] = first_date(birth) if birth else None
    sex = label_value(text, "性别", multiword=False)
    f["sex"] = sex[0] if sex and sex[0] in "男女" else None
    body = compact(text)
    pages = set()
    if "户别" in body and "户号" in body:
        pages.add("首页")
    if "常住人口登记卡" in body or "户主或与户主关系" in body:
        pages.add("本人页")
    if pages:
        f["hukou_pages"] = pages
    number = _code(label_value(text, "居住证号码", "居住证编号", "证件号码"), r"[0-9A-Z]{9,20}")
    if number and "居住证" in body:
        f["permit_number"] = number
    return f


# --------------------------------------------------------------------------- marriage (§6)

_MARRIAGE_NO = re.compile(r"B?[JL]\d{6}-\d{4}-\d{5,6}")


def marriage_fields(text: str) -> dict[str, Any]:
    reg = label_value(text, "登记日期")
    no = label_value(text, "结婚证字号", "离婚证字号")
    cert = None
    if no:
        m = _MARRIAGE_NO.search(re.sub(r"\s", "", no).upper())
        cert = m.group(0) if m else no.split(" ", 1)[0]
    return {"registration_date": first_date(reg) if reg else None, "cert_no": cert}


# --------------------------------------------------------------------------- employment (§7)

_TERM = re.compile(r"自\s?(\S{6,16}?日)\s?(?:起\s?)?至\s?(\S{6,16}?日)")
_OPEN = re.compile(r"无固定期限[^\n]{0,40}?自\s?(\S{6,16}?日)\s?起")


EMPLOYER_LABELS = ("甲方(用人单位)名称", "用人单位名称", "甲方名称", "甲方", "用人单位", "单位名称", "名称")
EMPLOYEE_LABELS = ("乙方(劳动者)姓名", "劳动者姓名", "乙方姓名", "乙方", "劳动者", "姓名")


def employment_fields(text: str) -> dict[str, Any]:
    f: dict[str, Any] = {}
    employer = first_valid(text, EMPLOYER_LABELS, organisation)
    if employer is None:  # no labelled organisation: the first one named, read without confidence
        orgs = find_orgs(text)
        if orgs:
            f["employer"] = orgs[0]
            unsure(f, "employer")
    else:
        f["employer"] = employer
    employee = first_valid(text, EMPLOYEE_LABELS, _person_name)
    f["employee"] = employee
    m = _TERM.search(text)
    if m and (start := first_date(m.group(1))) and (end := first_date(m.group(2))):
        f["term_start"], f["term_end"], f["open_ended"] = start, end, False
    elif (m := _OPEN.search(text)) and (start := first_date(m.group(1))):
        f["term_start"], f["term_end"], f["open_ended"] = start, None, True
    post = label_value(text, "工作岗位", "岗位", "工作内容", "聘任职务")
    if not post:
        m = re.search(r"(?:工作内容|岗位)(?:/岗位)?为\s?([\u4e00-\u9fffA-Za-z]{2,20})", text)
        post = m.group(1) if m else None
    f["post"] = post
    name = first_valid(text, ("名称", "企业名称", "单位名称"), organisation)
    if name is None and "统一社会信用代码" in compact(text) and (orgs := find_orgs(text)):
        name = orgs[0]
        unsure(f, "company_name")
    f["company_name"] = name
    est = label_value(text, "成立日期", "注册日期")
    f["established"] = first_date(est) if est else None
    return f


# --------------------------------------------------------------------------- qualifications (§8)

QUAL_LEVELS = {"正高级": "高级", "副高级": "高级", "高级技师": "一级", "技师": "二级", "高级工": "三级", "中级工": "四级",
               "初级工": "五级", "助理级": "初级", "一级": "一级", "二级": "二级", "三级": "三级", "四级": "四级",
               "五级": "五级", "高级": "高级", "中级": "中级", "初级": "初级"}


def qualification_fields(text: str) -> dict[str, Any]:
    name = label_value(text, "资格名称", "职业名称", "职业(工种)及等级", "专业技术职务", "职称名称")
    level_text = label_value(text, "职业技能等级", "级别", "等级", "资格级别") or name or ""
    level = next((v for k, v in QUAL_LEVELS.items() if k in level_text), None)
    obtained = label_value(text, "取得时间", "批准日期", "取得日期", "评审通过时间", "发证日期")
    return {"qual_name": name.split(" ", 1)[0] if name else None, "qual_level": level,
            "obtained": first_date(obtained) if obtained else None,
            "cert_no": _code(label_value(text, "证书编号", "管理号")),
            "issuer": label_value(text, "评审委员会", "评价机构", "发证单位", "发证机关", "审批部门")}


FAMILIES: dict[str, Callable[[str], dict[str, Any]]] = {  # one per matcheck.materials.FAMILIES
    "education": education_fields, "tax": tax_fields, "social_insurance": social_insurance_fields,
    "identity": identity_fields, "marriage": marriage_fields, "employment": employment_fields,
    "qualification": qualification_fields,
}
ID_FRONT_WORDS = ("公民身份号码", "住址")
ID_BACK_WORDS = ("签发机关", "有效期限", "居民身份证")


def id_sides(text: str, fields: dict[str, Any]) -> list[str]:
    """Which sides of a 居民身份证 the text shows: the front (姓名, 住址, 公民身份号码) and/or the back (the title
    中华人民共和国 居民身份证, 签发机关, 有效期限)."""
    body = compact(text)
    sides = []
    if fields.get("names") or fields.get("id_numbers") or any(w in body for w in ID_FRONT_WORDS):
        sides.append("front")
    if any(w in body for w in ID_BACK_WORDS):
        sides.append("back")
    return sides


def families() -> tuple[tuple[str, str | None], ...]:
    """Every material's field family, as :func:`extract_fields` reads them from the catalog (what a cached analysis
    depends on besides the code: ``family:`` in checklists/materials.yaml)."""
    return tuple((material, entry.family) for material, entry in catalog().items())


def extract_fields(text: str, material: str | None) -> dict[str, Any]:
    """The common fields plus the family's fields, without empty values."""
    text = normalise(text)
    fields = common_fields(text)
    entry = catalog().get(material) if material else None
    if entry is not None and entry.family:  # the family declared with the document type (checklists/materials.yaml)
        fields.update(FAMILIES[entry.family](text))
    if material == "id_card":
        fields["id_sides"] = id_sides(text, fields)
    return {k: v for k, v in fields.items() if v not in (None, "", [], {}, set())}
