"""Synthetic applicants for the printable form and checklist sheet (no real people).

``base_profile()`` is the example of contracts.md §1 (with a credit code that passes GB 32100). ``long_profile()``
has ten résumé rows and very long addresses, to prove that the layout wraps and fits.
"""

from __future__ import annotations

import copy
import re
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from matcheck.assessment import Assessment
from matcheck.pipeline import assess, score
from matcheck.profile import Profile, parse_profile
from matcheck.results import Checklist, RequiredMaterial, Score

BASE: dict[str, Any] = {
    "as_of": "2026-11-20",
    "applicant": {
        "name": "李明", "former_name": "李小明明", "id_number": "320102199203154514", "ethnicity": "汉",
        "political_status": "群众", "phone": "13800000000", "landline": "021-50000000",
        "hukou_address": "江苏省南京市玄武区示例路1号", "hukou_type": "家庭户",
        "shanghai_address": "上海市浦东新区示例路2弄3号",
        "residence_permit": {"number": "310000000000000001", "issued": "2024-03-01", "expires": "2027-02-28"},
        "retains_out_of_town_employment": False,
    },
    "employer": {"name": "上海示例信息科技有限公司", "credit_code": "91310115MA1FL0A00C", "district": "浦东新区"},
    "contract": {"signed": "2022-06-20", "start": "2022-07-01", "end": "2027-06-30", "post": "软件工程师",
                 "department": "研发部", "dispatched": False},
    "work_history": [
        {"from": "2014-07", "to": "2022-06", "province": "江苏", "unit": "南京示例软件有限公司", "post": "程序员"},
        {"from": "2022-07", "to": "至今", "province": "上海", "unit": "上海示例信息科技有限公司",
         "department": "研发部", "post": "软件工程师"},
    ],
    "education": [
        {"level": "高中", "school": "南京市示例中学", "province": "江苏", "mode": "全日制", "start": "2007-09",
         "end": "2010-06"},
        {"level": "本科", "degree": "学士", "school": "南京示例大学", "province": "江苏", "mode": "全日制",
         "start": "2010-09", "end": "2014-06", "major": "计算机科学与技术", "major_code": "080901"},
    ],
    "qualifications": [{"kind": "职称", "level": "中级", "name": "工程师", "obtained": "2021-12-15",
                        "obtained_in_shanghai": True, "appointed": True, "matches_post": True}],
    "social_insurance": [{"from": "2022-07", "to": "2026-10", "unit": "上海示例信息科技有限公司",
                          "base_multiple": 1.2}],
    "tax": {"withholding_unit": "上海示例信息科技有限公司"},
    "spouse": {"name": "王芳", "id_number": "310115199304052824", "education": "大学本科", "shanghai_hukou": True,
               "hukou_since": "1993-04-05", "married": "2018-05-20", "enjoys_benefits": True},
    "children": [{"name": "李小军", "id_number": "310115201906011237", "lives_with_applicant": True,
                  "enjoys_benefits": True}],
}

LONG_TAIL = "（示例小区东门进入后右转第三幢楼二单元，靠近示例公园与示例地铁站换乘通道出口处，门牌号以物业登记为准）"


def base_data() -> dict[str, Any]:
    return copy.deepcopy(BASE)


def long_data() -> dict[str, Any]:
    """Ten résumé rows (the school before the first job + nine jobs) and addresses over 100 characters."""
    data = base_data()
    data["applicant"]["hukou_address"] = "江苏省南京市玄武区示例街道示例社区示例路1号示例花园" + LONG_TAIL
    data["applicant"]["shanghai_address"] = "上海市浦东新区示例镇示例路2弄3号示例公寓" + LONG_TAIL
    data["employer"]["name"] = "上海示例信息科技发展有限公司（浦东新区示例高科技产业园区分部筹备组联络处）"
    jobs = []
    year = 2010
    for i in range(9):
        last = i == 8
        jobs.append({"from": f"{year}-07", "to": "至今" if last else f"{year + 1}-06",
                     "province": "上海" if last else "江苏",
                     "unit": (data["employer"]["name"] if last else
                              f"南京第{i + 1}示例软件技术服务有限公司（江宁经济技术开发区分公司）"),
                     "department": "研发中心平台架构部", "post": "高级软件工程师" if last else "程序员"})
        year += 1
    data["work_history"] = jobs
    data["education"] = [
        {"level": "高中", "school": "南京市示例中学", "province": "江苏", "mode": "全日制", "start": "2003-09",
         "end": "2006-06"},
        {"level": "本科", "degree": "学士", "school": "南京示例大学", "province": "江苏", "mode": "全日制",
         "start": "2006-09", "end": "2010-06", "major": "计算机科学与技术", "major_code": "080901"},
    ]
    data["contract"]["start"] = "2018-07-01"
    data["social_insurance"] = [{"from": "2018-07", "to": "2026-10", "unit": data["employer"]["name"],
                                 "base_multiple": 1.2}]
    data["tax"]["withholding_unit"] = data["employer"]["name"]
    return data


@pytest.fixture
def profile():
    return parse_profile(base_data(), "base.yaml")


@pytest.fixture
def long_profile():
    return parse_profile(long_data(), "long.yaml")


def write_profile(tmp_path: Path, data: dict[str, Any], name: str = "profile.yaml") -> Path:
    folder = tmp_path / "applicant"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def assessed(profile: Profile) -> tuple[Assessment, Score]:
    """The one assessment of ``profile`` (its own as_of, the policy in force) and its score: a form's inputs."""
    assessment = assess(profile)
    return assessment, score(assessment)


def sample_checklist(as_of: date = date(2026, 11, 20)) -> Checklist:
    """A checklist record as the checklist stage hands it on (three groups, one conditional item)."""
    item = RequiredMaterial
    return Checklist(as_of=as_of, items=(
        item("residence_permit", "applicant", "基础材料", "《上海市居住证》", "Residence permit", ("基本材料",),
             "原件+复印件", "居住地街道社区事务受理服务中心", person_name="李明", validity="申请时在有效期内"),
        item("application_form", "employer", "基础材料", "《积分申请表》（加盖单位公章）", "Application form",
             ("基本材料",), "原件", "积分系统打印，单位盖章"),
        item("degree_certificate", "applicant", "指标材料", "学位证书", "Degree certificate", ("教育背景 90分",),
             "原件+复印件", "毕业院校；遗失可申请学位证明书", person_name="李明",
             alternatives=("学位认证报告",)),
        item("tax_record", "applicant", "指标材料", "最近6个月个人所得税纳税记录", "Tax record",
             ("实施细则 第四条",), "打印件", "个人所得税 App 或办税服务厅", person_name="李明"),
        item("birth_certificate", "child", "同住人材料", "出生医学证明", "Birth certificate", ("同住子女",),
             "原件+复印件", "出生医院", person_name="李小军", person_index=0, conditional=True),
    ))


def compact(text: str) -> str:
    """Text without any whitespace: wrapped lines joined back together."""
    return re.sub(r"\s+", "", text)


needs_pdftoppm = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) not installed")
