"""Text normalisation and the value finders every field parser shares: dates in every common form, months,
ID numbers (公民身份号码, checksum-valid only), credit codes (统一社会信用代码), organisation names, labels.

Normal form (documents.md §0.2): full-width digits, letters and punctuation become ASCII (``（）`` → ``()``,
``：`` → ``:``); ideographic spaces and tabs become spaces; runs of spaces collapse; a space *between two Chinese
characters* is kept (it often separates two fields), so labels are matched with optional spaces between their
characters (OCR and typeset labels come out as ``姓 名`` or ``持 证 人``).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from matcheck.dates import Month
from matcheck.identity import is_valid_credit_code, is_valid_id_number

_FULLWIDTH = {chr(0xFF01 + i): chr(0x21 + i) for i in range(94)}
_FULLWIDTH.update({"\u3000": " ", "\xa0": " ", "〔": "[", "〕": "]", "［": "[", "］": "]", "—": "-",
                   "–": "-", "～": "~", "﹣": "-"})
_TRANS = str.maketrans(_FULLWIDTH)
_CJK = "\u4e00-\u9fff"
_SPACES = re.compile(r" {2,}")


def normalise(text: str) -> str:
    """The normal form above, line by line (line breaks kept: they separate label/value pairs)."""
    text = text.translate(_TRANS)
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


@lru_cache(maxsize=4096)
def compact(text: str) -> str:
    """For keyword matching: the normal form with every space removed."""
    return re.sub(r"\s+", "", text.translate(_TRANS))


# --------------------------------------------------------------------------- dates and months

_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "O": 0, "o": 0, "0": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUM = "〇零○Oo0一二三四五六七八九十"
_DATE_PATTERNS = (
    re.compile(r"(?<!\d)(\d{4}) ?年 ?(\d{1,2}) ?月 ?(\d{1,2}) ?日"),
    re.compile(r"(?<![\d.])(\d{4})([-./])(\d{1,2})\2(\d{1,2})(?![\d])"),
    re.compile(r"(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)"),
    re.compile(rf"([{_CN_NUM}]{{4}})年([{_CN_NUM}]{{1,3}})月([{_CN_NUM}]{{1,3}})日"),
)
_MONTH_PATTERNS = (
    re.compile(r"(?<!\d)(\d{4}) ?年 ?(\d{1,2}) ?月(?! ?\d{1,2} ?日)"),
    re.compile(r"(?<![\d.\-/])(\d{4})[-./](\d{1,2})(?![\d]|[-./]\d)"),
    re.compile(rf"([{_CN_NUM}]{{4}})年([{_CN_NUM}]{{1,3}})月(?![{_CN_NUM}]{{1,3}}日)"),
)
_COMPACT_MONTH = re.compile(r"(?<![\d.])((?:19|20)\d{2})(0[1-9]|1[0-2])(?![\d.])")


def _cn_int(text: str) -> int:
    """``二〇一四`` → 2014 (digit by digit); ``十二`` → 12, ``三十一`` → 31, ``七`` → 7."""
    if len(text) == 4:
        return int("".join(str(_CN_DIGIT[c]) for c in text))
    if "十" in text:
        tens, _, units = text.partition("十")
        return (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[units] if units else 0)
    return int("".join(str(_CN_DIGIT[c]) for c in text))


def _date(y: int, m: int, d: int) -> date | None:
    if not 1900 <= y <= 2100:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, date]]:
    """Every full date in ``text`` with its position: ``2014年07月01日``, ``2014-07-01``, ``2014.7.1``,
    ``2014/07/01``, ``20140701`` (standalone), ``二〇一四年七月一日``."""
    found: dict[int, date] = {}
    for i, pattern in enumerate(_DATE_PATTERNS):
        for m in pattern.finditer(text):
            try:
                if i == 0:
                    d = _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                elif i == 1:
                    d = _date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
                elif i == 2:
                    d = _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                else:
                    d = _date(_cn_int(m.group(1)), _cn_int(m.group(2)), _cn_int(m.group(3)))
            except (KeyError, ValueError):
                d = None
            if d is not None and m.start() not in found:
                found[m.start()] = d
    return sorted(found.items())


def find_months(text: str, compact_form: bool = False) -> list[tuple[int, Month]]:
    """Every year-month that is not part of a full date: ``2014年07月``, ``2014-07``, ``2014.7``, ``二〇一四年七月``,
    and with ``compact_form`` also ``201407`` (only where a table of months is expected)."""
    found: dict[int, Month] = {}
    patterns = _MONTH_PATTERNS + ((_COMPACT_MONTH,) if compact_form else ())
    for i, pattern in enumerate(patterns):
        for m in pattern.finditer(text):
            try:
                y, mo = (_cn_int(m.group(1)), _cn_int(m.group(2))) if i == 2 else (int(m.group(1)), int(m.group(2)))
                if 1900 <= y <= 2100 and m.start() not in found:
                    found[m.start()] = Month(y, mo)
            except (KeyError, ValueError):
                continue
    return sorted(found.items())


def first_date(text: str) -> date | None:
    found = find_dates(text)
    return found[0][1] if found else None


def first_month_or_date(text: str) -> date | Month | None:
    """The earliest full date or year-month in ``text`` (a diploma prints ``2010年9月``, a 备案表 a full date)."""
    items: list[tuple[int, date | Month]] = [*find_dates(text), *find_months(text)]
    return min(items, key=lambda x: x[0])[1] if items else None


# --------------------------------------------------------------------------- identifiers

_ID_CANDIDATE = re.compile(r"(?<![0-9A-Za-z])(\d{6} ?(?:19|20)\d{2} ?\d{4} ?\d{3}[\dXx])(?![0-9A-Za-z])")
_CREDIT_CANDIDATE = re.compile(r"(?<![0-9A-Z])([0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10})(?![0-9A-Z])")


def find_id_numbers(text: str) -> list[str]:
    """Checksum-valid 18-digit ID numbers, normalised, distinct, in order. An ID failing GB 11643 is not one."""
    out: list[str] = []
    for m in _ID_CANDIDATE.finditer(text):
        value = m.group(1).replace(" ", "").upper()
        if is_valid_id_number(value) and value not in out:
            out.append(value)
    return out


def find_credit_codes(text: str) -> list[str]:
    out: list[str] = []
    for m in _CREDIT_CANDIDATE.finditer(text.upper()):
        value = m.group(1)
        if value.isdigit():
            continue  # an all-digit run is an ID or another number, not a 统一社会信用代码
        if is_valid_credit_code(value) and value not in out:
            out.append(value)
    return out


# --------------------------------------------------------------------------- organisations and labels

ORG_SUFFIX = ("有限责任公司", "股份有限公司", "有限公司", "分公司", "公司", "集团", "事务所", "研究院", "研究所",
              "银行", "医院", "大学", "学院", "合伙企业", "工作室", "中心")
_ORG = re.compile(rf"[{_CJK}()A-Za-z0-9]{{2,40}}?(?:{'|'.join(ORG_SUFFIX)})(?:\([{_CJK}]{{2,10}}\))?")
_ORG_TAIL = re.compile(rf"(?:{'|'.join(ORG_SUFFIX)})(?:\([{_CJK}]{{2,10}}\))?")
_NOT_EMPLOYER = ("税务", "社会保险事业管理", "人力资源和社会保障", "公安", "市场监督管理", "民政", "教育部", "学信",
                 "留学服务中心", "学生服务与素质发展中心")


def find_orgs(text: str) -> list[str]:
    """Organisation names (by their legal suffix) that are not the issuing authorities, distinct, in order."""
    out: list[str] = []
    end = 0
    for m in _ORG.finditer(text):
        if m.start() < end:
            continue  # inside a name already extended past this match
        name = m.group(0)
        while (more := _ORG_TAIL.match(text, m.start() + len(name))) is not None:
            name += more.group(0)  # ``…事务所`` + ``有限公司``: the shortest match stopped at an inner suffix
        end = m.start() + len(name)
        if any(w in name for w in _NOT_EMPLOYER) or len(name) < 5:
            continue
        if name not in out:
            out.append(name)
    return out


_NEXT_LABEL = re.compile(rf" [{_CJK}()/]{{2,12}}:")


def label_value(text: str, *labels: str, multiword: bool = True) -> str | None:
    """The value printed after the first of ``labels`` found (``学校名称:南京示例大学``, ``姓名 李明``; a label alone
    on its line takes the next line). Stops at the next ``label:`` on the same line, or at a tab (table cell)."""
    for label in labels:
        if label[0] not in text:  # cheap pre-check: most labels are absent from most documents
            continue
        pattern = _label_pattern(label)
        for m in pattern.finditer(text):
            value = m.group(2)
            if not value.strip():
                rest = text[m.end():].lstrip("\n")
                value = rest.split("\n", 1)[0] if rest else ""
            value = value.split("\t", 1)[0]
            cut = _NEXT_LABEL.search(value)
            if cut:
                value = value[:cut.start()]
            value = value.strip(" :")
            if not multiword:
                value = value.split(" ", 1)[0]
            if value:
                return value
    return None


@lru_cache(maxsize=512)
def _label_pattern(label: str) -> re.Pattern[str]:
    spaced = " ?".join(re.escape(c) for c in label.translate(_TRANS))
    # the label, an optional bracketed gloss (``乙方(劳动者)``), then a colon, a space or the end of the line:
    # ``乙方的工作内容`` is not the label ``乙方``
    return re.compile(rf"(?:^|[\s:])({spaced})(?:\([^)\n]{{1,12}}\))?(?: ?:|\t| |$) ?(.*)$", re.M)
