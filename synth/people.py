"""Synthetic people and identifiers (合成人员与证件号码), deterministic from a seed.

Every identifier passes its checksum (GB 11643 公民身份号码, GB 32100 统一社会信用代码 with the nested GB 11714
组织机构代码 check) but is visibly fake where the format allows: organisation codes are all zeros but for a
serial, school codes are ``9999x``, certificate serials are low numbers (shared/domain/documents.md §13.6).
ID numbers cannot be made visibly fake and may coincide with a real number: they only ever appear on documents
marked 样例 / SAMPLE.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass
from datetime import date

from matcheck.identity import credit_code_check_char, id_check_char, is_valid_credit_code, is_valid_id_number

# Address codes (GB/T 2260) with the address they stand for; the street part is always 示例路 (example road).
REGIONS: dict[str, tuple[str, str]] = {
    "江苏": ("320102", "江苏省南京市玄武区"),
    "安徽": ("340104", "安徽省合肥市蜀山区"),
    "河南": ("410105", "河南省郑州市金水区"),
    "湖北": ("420106", "湖北省武汉市武昌区"),
    "山东": ("370102", "山东省济南市历下区"),
    "浙江": ("330106", "浙江省杭州市西湖区"),
    "四川": ("510107", "四川省成都市武侯区"),
    "江西": ("360102", "江西省南昌市东湖区"),
    "湖南": ("430104", "湖南省长沙市岳麓区"),
    "上海": ("310115", "上海市浦东新区"),
}
SHANGHAI_DISTRICTS: dict[str, str] = {
    "浦东新区": "310115", "徐汇区": "310104", "闵行区": "310112", "杨浦区": "310110", "静安区": "310106",
}

SURNAMES = "李王张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN_MALE = ("伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "斌", "鹏", "辉", "刚", "浩", "宇", "俊", "峰",
              "建国", "志强", "文博", "子轩", "宇航", "海涛", "晓东", "振华", "立新")
GIVEN_FEMALE = ("芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "婷", "雪", "琳", "颖", "倩", "洁", "燕", "蕾",
                "秀英", "晓红", "雅琴", "思雨", "梦瑶", "欣怡", "佳慧", "丽华", "春梅", "玉兰")


def id_number(region: str, birth: date, sex: str, serial: int = 1) -> str:
    """A checksum-valid 18-digit 公民身份号码; ``serial`` 0–499 picks the 顺序码, made odd (男) or even (女)."""
    seq = (serial % 500) * 2 + (1 if sex == "男" else 0)
    if seq == 0:
        seq = 2
    first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    value = first17 + id_check_char(first17)
    assert is_valid_id_number(value), value
    return value


_GB11714_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def _gb11714_check(first8: str) -> str:
    total = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(first8, _GB11714_WEIGHTS))
    c = 11 - total % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def credit_code(region: str = "310000", serial: int = 0, kind: str = "91") -> str:
    """A 统一社会信用代码 like ``91310000000000000U``: all-zero organisation code but for ``serial``; both checks pass."""
    org8 = f"{serial:08d}"
    first17 = f"{kind}{region}{org8}{_gb11714_check(org8)}"
    value = first17 + credit_code_check_char(first17)
    assert is_valid_credit_code(value), value
    return value


def diploma_number(school_code: str, edu_type: int, year: int, level: str, serial: int) -> str:
    """毕业证书编号 (18 digits): school · 办学类型 (1 普通, 5 成人, 6 自考, 7 网络) · year · 层次 (05 本科, 06 专科) · serial."""
    code = {"本科": "05", "大专": "06", "硕士": "02", "博士": "01"}[level]
    return f"{school_code}{edu_type}{year:04d}{code}{serial:06d}"


def self_study_diploma_number(province_code: str, year: int, serial: int, level: str = "本科") -> str:
    """自考 毕业证书编号 (17 digits): 6 · 层次 · area code · 2-digit year · sitting · 准考证 serial · check (unknown, 0)."""
    lvl = "5" if level == "本科" else "6"
    return f"6{lvl}{province_code}{year % 100:02d}1{serial:05d}0"


def degree_number(unit_code: str, degree: str, year: int, serial: int) -> str:
    """学位证书编号 (16 digits): unit · level (2 博士, 3 硕士, 4 学士) · year · serial."""
    digit = {"博士": "2", "硕士": "3", "学士": "4"}[degree]
    return f"{unit_code}{digit}{year:04d}{serial:06d}"


def skill_certificate_number(year: int, level_digit: int, serial: int, province: str = "31") -> str:
    """职业技能等级证书编号 (22 chars): S · 0000 · province · 站点 000001 · yy · level · serial."""
    return f"S0000{province}000001{year % 100:02d}{level_digit}{serial:06d}"


def marriage_certificate_number(region: str, year: int, serial: int) -> str:
    """结婚证字号: ``J310104-2018-001234``."""
    return f"J{region}-{year:04d}-{serial:06d}"


def verify_code(rng: random.Random, length: int = 16) -> str:
    """A 16-character 在线验证码 / 查询验证码 look-alike (never a real code: it is not registered anywhere)."""
    return "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(length))


@dataclass(frozen=True)
class Person:
    """A synthetic person: name, sex, birth date and a checksum-valid ID number from the hukou region."""

    name: str
    sex: str
    birth: date
    id_number: str
    province: str
    hukou_address: str
    ethnicity: str = "汉"


def make_person(seed: int | str, *, sex: str | None = None, birth: date | None = None, province: str = "江苏",
                name: str | None = None, ethnicity: str = "汉") -> Person:
    """A deterministic synthetic person; every argument left out is drawn from ``seed``."""
    rng = random.Random(f"person:{seed}")
    sex = sex or rng.choice(("男", "女"))
    birth = birth or date(rng.randint(1980, 1998), rng.randint(1, 12), rng.randint(1, 28))
    if name is None:
        given = GIVEN_MALE if sex == "男" else GIVEN_FEMALE
        name = rng.choice(SURNAMES) + rng.choice(given)
    region, place = REGIONS[province]
    number = id_number(region, birth, sex, rng.randint(1, 450))
    address = f"{place}示例路{rng.randint(1, 200)}号"
    return Person(name, sex, birth, number, province, address, ethnicity)


def fake_phone(seed: int | str) -> str:
    """A mobile number in the 138-0000-xxxx block, visibly a placeholder."""
    rng = random.Random(f"phone:{seed}")
    return f"1380000{rng.randint(0, 9999):04d}"
