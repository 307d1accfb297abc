"""Regenerate ``samples/``: three synthetic applicant folders (样例申请人), byte-identical on every run.

    python -m synth.samples [--out samples] [--only li-ming]

- ``li-ming``   clean: 本科+学士 (全日制), Shanghai-hukou spouse married 2018, 社保 at 1.2× since 2022-07, every
                required file present and consistent. ``matcheck check samples/li-ming`` should exit 0.
- ``zhang-wei`` 大专 (全日制) + 自考本科 in 河南 (no hukou, work or 社保 there: 三地一致 risk), the 自考 started
                before the 大专 ended (专本套读), and the 高中 certificate is missing (前置学历).
- ``wang-fang`` 技能二级 (技师) route, base 1.1× for years; the 聘书 she claims is not in the folder; photos of
                cards and certificates are JPEGs with skew and noise.

What each should produce is described in docs/samples.md. The profiles are written verbatim (with comments).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from synth.applicant import ApplicantSpec, write_applicant

LI_MING = """\
# 样例 / SAMPLE — 合成人员，非真实个人信息。A clean folder: every required material present and consistent.
as_of: 2026-11-20
policy: auto

applicant:
  name: 李明
  id_number: "320102199203154514"
  ethnicity: 汉
  phone: "13800000000"
  hukou_address: 江苏省南京市玄武区示例路1号
  shanghai_address: 上海市浦东新区示例路2弄3号
  residence_permit:
    number: "310000000000000001"
    issued: 2024-03-01
    expires: 2027-02-28
  account_created: 2024-03-08

employer:
  name: 上海示例信息科技有限公司
  credit_code: "91310115000000019M"    # GB 32100 valid, all-zero organisation code: visibly fake
  district: 浦东新区
  registered_in_shanghai: true

contract:
  start: 2022-07-01
  end: 2027-06-30
  post: 软件工程师
  dispatched: false

work_history:
  - {from: 2014-07, to: 2022-06, province: 江苏, unit: 南京示例软件有限公司, post: 程序员}
  - {from: 2022-07, to: 至今, province: 上海, unit: 上海示例信息科技有限公司, post: 软件工程师}

education:
  - {level: 高中, school: 南京市示例中学, province: 江苏, mode: 全日制, start: 2007-09, end: 2010-06}
  - level: 本科
    degree: 学士
    school: 南京示例大学
    province: 江苏
    mode: 全日制
    start: 2010-09
    end: 2014-06
    major: 计算机科学与技术
    major_code: "080901"

social_insurance:
  - {from: 2022-07, to: 2026-10, unit: 上海示例信息科技有限公司, base_multiple: 1.2}

tax:
  withholding_unit: 上海示例信息科技有限公司

spouse:
  name: 王芳
  id_number: "310115199304052824"
  shanghai_hukou: true
  hukou_since: 1993-04-05
  married: 2018-05-20
"""

ZHANG_WEI = """\
# 样例 / SAMPLE — 合成人员。大专 (全日制, 安徽) + 自考本科 (河南: no hukou, work or 社保 there) that began
# before the 大专 ended; the 高中 certificate is not in the folder.
as_of: 2026-11-20

applicant:
  name: 张伟
  id_number: "340104199408120752"
  hukou_address: 安徽省合肥市蜀山区示例路18号
  shanghai_address: 上海市闵行区示例路88弄6号
  residence_permit: {number: "310000000000000002", issued: 2023-05-10, expires: 2027-05-09}

employer:
  name: 上海示例智能制造有限公司
  credit_code: "913101120000000275"
  district: 闵行区

contract: {start: 2019-07-01, end: 2028-06-30, post: 设备工程师}

work_history:
  - {from: 2015-07, to: 2019-06, province: 江苏, unit: 苏州示例电子有限公司, post: 技术员}
  - {from: 2019-07, to: 至今, province: 上海, unit: 上海示例智能制造有限公司, post: 设备工程师}

education:
  - {level: 高中, school: 合肥市示例中学, province: 安徽, mode: 全日制, start: 2009-09, end: 2012-06}
  - {level: 大专, school: 合肥示例职业技术学院, province: 安徽, mode: 全日制, start: 2012-09, end: 2015-06,
     major: 机电一体化技术}
  - {level: 本科, degree: none, school: 河南示例大学, province: 河南, mode: 自考, start: 2014-10, end: 2017-12,
     major: 机械设计制造及其自动化}

social_insurance:
  - {from: 2019-07, to: 2026-10, unit: 上海示例智能制造有限公司, base_multiple: 1.0}

tax: {withholding_unit: 上海示例智能制造有限公司}
"""

WANG_FANG = """\
# 样例 / SAMPLE — 合成人员。技能二级 (技师) route; she claims a 聘书 but it is not in the folder.
as_of: 2026-11-20

applicant:
  name: 王芳
  id_number: "510107198810032044"
  hukou_address: 四川省成都市武侯区示例路66号
  shanghai_address: 上海市徐汇区示例路5弄2号
  residence_permit: {number: "310000000000000003", issued: 2025-01-15, expires: 2028-01-14}

employer:
  name: 上海示例机电设备有限公司
  credit_code: "91310115000000035B"
  district: 浦东新区

contract: {start: 2020-03-01, end: 2028-02-29, post: 维修电工}

work_history:
  - {from: 2009-07, to: 2020-02, province: 四川, unit: 成都示例机电有限公司, post: 电工}
  - {from: 2020-03, to: 至今, province: 上海, unit: 上海示例机电设备有限公司, post: 维修电工}

education:
  - {level: 高中, school: 成都市示例中学, province: 四川, mode: 全日制, start: 2003-09, end: 2006-06}
  - {level: 大专, school: 成都示例职业技术学院, province: 四川, mode: 全日制, start: 2006-09, end: 2009-06,
     major: 电气自动化技术}

qualifications:
  - {kind: 技能, level: 二级, name: 电工, obtained: 2023-11-20, obtained_in_shanghai: true, appointed: true,
     matches_post: true}

social_insurance:
  - {from: 2020-03, to: 2026-10, unit: 上海示例机电设备有限公司, base_multiple: 1.1}

tax: {withholding_unit: 上海示例机电设备有限公司}
"""

SAMPLES: dict[str, tuple[ApplicantSpec, tuple[str, ...]]] = {
    "li-ming": (ApplicantSpec(LI_MING, seed="li-ming", names={
        "id_card@applicant": "IMG_2031.jpg", "residence_permit": "居住证.jpg",
        "hukou_booklet@applicant": "新建文件夹/扫描件3.pdf", "xuexin_record": "学信网备案表.pdf",
        "degree_verification_report": "学位在线验证报告.pdf", "diploma": "IMG_2035.jpg",
        "degree_certificate": "IMG_2036.jpg", "high_school_diploma": "高中毕业证.jpg", "tax_record": "个税.pdf",
        "social_insurance_record": "社保缴费记录.pdf", "business_license": "营业执照副本.jpg",
        "employer_letter": "介绍信（盖章扫描）.pdf", "labour_contract": "劳动合同-李明.docx",
        "marriage_certificate": "结婚证.jpg", "id_card@spouse": "配偶材料/王芳身份证.jpg",
        "hukou_booklet@spouse": "配偶材料/户口本.pdf", "id_card@hr_officer": "人事专员身份证.jpg",
        "application_form": "积分申请表（盖章扫描）.pdf", "pledge": "承诺书.pdf",
        "tax_income_detail": "个税收入纳税明细.pdf"}), ()),
    "zhang-wei": (ApplicantSpec(ZHANG_WEI, seed="zhang-wei", names={
        "id_card": "身份证.jpg", "residence_permit": "IMG_0412.jpg", "hukou_booklet": "户口本首页和本人页.pdf",
        "xuexin_record#education[1]": "学历/大专备案表.pdf", "xuexin_record#education[2]": "学历/自考本科备案表.pdf",
        "diploma#education[1]": "学历/大专毕业证.jpg", "diploma#education[2]": "学历/IMG_0420.jpg",
        "tax_record": "纳税记录2026.pdf", "social_insurance_record": "参保情况.pdf",
        "business_license": "公司营业执照.pdf", "employer_letter": "介绍信.pdf", "labour_contract": "劳动合同书.docx"},
        media={"business_license": "scan"}), ("missing:high_school_diploma",)),
    "wang-fang": (ApplicantSpec(WANG_FANG, seed="wang-fang", names={
        "id_card": "IMG_5120.jpg", "residence_permit": "IMG_5121.jpg", "hukou_booklet": "IMG_5123.jpg",
        "xuexin_record": "学信网-大专.pdf", "diploma": "IMG_5125.jpg", "high_school_diploma": "IMG_5126.jpg",
        "skill_certificate": "技师证书.jpg", "tax_record": "个税APP导出.pdf", "social_insurance_record": "社保.pdf",
        "business_license": "IMG_5130.jpg", "employer_letter": "介绍信.pdf", "labour_contract": "劳动合同.docx"},
        media={"hukou_booklet": "photo"}), ("missing:appointment_letter",)),
}


def generate(out: Path, only: str | None = None) -> list[Path]:
    """Write the sample folders under ``out`` (each folder is emptied first: the output is exactly the samples)."""
    written = []
    for name, (spec, faults) in SAMPLES.items():
        if only and name != only:
            continue
        folder = out / name
        if folder.exists():
            shutil.rmtree(folder)
        write_applicant(folder, spec, faults=faults)
        written.append(folder)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m synth.samples", description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="samples", help="where to write the sample folders (default: samples)")
    parser.add_argument("--only", choices=sorted(SAMPLES), help="regenerate one sample only")
    args = parser.parse_args(argv)
    for folder in generate(Path(args.out), args.only):
        files = [p for p in folder.rglob("*") if p.is_file()]
        print(f"{folder}: {len(files)} files, {sum(p.stat().st_size for p in files) // 1024} KB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
