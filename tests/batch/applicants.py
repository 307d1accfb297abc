"""Synthetic applicant folders for the batch tests and benchmark (synthetic people only).

Each folder holds a ``profile.yaml`` (valid ID numbers and credit code, varied age, education, 社保 history so the
scores differ) and real files: text PDFs with Chinese text (个人所得税纳税记录, 学位证书) drawn with reportlab and the
CJK font, and optionally a JPEG photo of a certificate for the OCR path. Also: a broken profile, a corrupt PDF.
When the synth engineer's ``synth.applicant.write_applicant`` exists the benchmark prefers it.
"""

from __future__ import annotations

import io
import random
from datetime import date
from pathlib import Path

import yaml

from matcheck.identity import credit_code_check_char, id_check_char

FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "华", "慧"]
REGIONS = [("320102", "江苏", "江苏省南京市玄武区示例路"), ("330106", "浙江", "浙江省杭州市西湖区示例街"),
           ("340104", "安徽", "安徽省合肥市蜀山区示例路"), ("420106", "湖北", "湖北省武汉市武昌区示例大道")]


def id_number(region: str, birth: date, serial: int, female: bool) -> str:
    seq = f"{serial % 100:02d}{(serial % 5) * 2 + (0 if female else 1)}"
    first17 = f"{region}{birth:%Y%m%d}{seq}"
    return first17 + id_check_char(first17)


def credit_code(serial: int) -> str:
    first17 = f"91310115MA1H{serial % 100000:05d}"
    return first17 + credit_code_check_char(first17)


def profile_data(i: int) -> dict:
    rng = random.Random(i)
    female = rng.random() < 0.5
    name = rng.choice(SURNAMES) + rng.choice(GIVEN)
    region, province, address = REGIONS[i % len(REGIONS)]
    birth = date(1982 + rng.randrange(14), 1 + rng.randrange(12), 1 + rng.randrange(28))
    grad = birth.year + 22
    level = ["本科", "硕士", "大专", "本科"][i % 4]
    degree = {"本科": "学士", "硕士": "硕士", "大专": "none"}[level]
    si_start = f"{2026 - 1 - rng.randrange(8):04d}-{1 + rng.randrange(12):02d}"
    unit = f"上海示例{i:04d}信息科技有限公司"
    return {
        "as_of": "2026-11-20", "policy": "auto",
        "applicant": {"name": name, "id_number": id_number(region, birth, i, female), "ethnicity": "汉",
                      "phone": f"138{i:08d}", "hukou_address": f"{address}{i}号",
                      "shanghai_address": f"上海市浦东新区示例路{i}弄",
                      "residence_permit": {"number": f"31{i:016d}", "issued": "2024-03-01",
                                           "expires": "2027-02-28"}},
        "employer": {"name": unit, "credit_code": credit_code(i), "district": "浦东新区",
                     "registered_in_shanghai": True},
        "contract": {"start": "2022-07-01", "end": "2027-06-30", "post": "软件工程师", "dispatched": False},
        "work_history": [{"from": si_start, "to": "2026-11", "province": "上海", "unit": unit, "post": "软件工程师"}],
        "education": [
            {"level": "高中", "school": "示例中学", "province": province, "mode": "全日制",
             "start": f"{grad - 7}-09", "end": f"{grad - 4}-06"},
            {"level": level, "degree": degree, "school": "示例大学", "province": province, "mode": "全日制",
             "start": f"{grad - 4}-09", "end": f"{grad}-06", "major": "计算机科学与技术", "major_code": "080901",
             "shortage_major": False}],
        "social_insurance": [{"from": si_start, "to": "2026-10", "unit": unit,
                              "base_multiple": [1.0, 1.2, 2.0, 3.0][i % 4], "backpaid": False}],
        "tax": {"withholding_unit": unit},
    }


def _pdf(lines: list[str]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", FONT, subfontIndex=0))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("WQY", 14)
    y = 780
    for line in lines:
        c.drawString(60, y, line)
        y -= 26
    c.showPage()
    c.save()
    return buf.getvalue()


def _jpeg(lines: list[str]) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("RGB", (1200, 800), (250, 248, 240))
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 40)
    y = 80
    for line in lines:
        draw.text((80, y), line, font=font, fill=(20, 20, 20))
        y += 70
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=85)
    return buf.getvalue()


def write_applicant(folder: Path, i: int, *, images: bool = False) -> dict:
    """A well-formed applicant folder; returns the profile data."""
    data = profile_data(i)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "profile.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    a, e = data["applicant"], data["education"][1]
    (folder / "材料").mkdir(exist_ok=True)
    (folder / "材料" / "个税.pdf").write_bytes(_pdf([
        "个人所得税纳税记录", f"纳税人姓名：{a['name']}", f"身份证件号码：{a['id_number']}",
        f"扣缴义务人：{data['tax']['withholding_unit']}", "所得项目：工资、薪金所得", "税款所属期：2026年05月至2026年10月"]))
    (folder / "学位证书.pdf").write_bytes(_pdf([
        "学位证书", f"{a['name']}，身份证号 {a['id_number']}", f"于{e['start'][:4]}年9月至{e['end'][:4]}年6月在{e['school']}",
        f"{e['major']}专业完成了{e['level']}学业", "特发此证"]))
    if images:
        (folder / "毕业证书.jpg").write_bytes(_jpeg([
            "普通高等学校", "毕业证书", f"学生 {a['name']}", f"于{e['start'][:4]}年9月至{e['end'][:4]}年6月",
            f"在本校{e['major']}专业学习", f"修完{e['level']}全部课程，准予毕业"]))
    return data


def write_broken_applicant(folder: Path) -> None:
    """A profile that cannot be used: an impossible month (the check says which file and field)."""
    folder.mkdir(parents=True, exist_ok=True)
    data = profile_data(9999)
    data["education"][1]["start"] = "2010-13"
    (folder / "profile.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def corrupt_a_file(folder: Path) -> Path:
    """Truncate the applicant's degree PDF (a broken file is a finding, never a crash)."""
    path = folder / "学位证书.pdf"
    path.write_bytes(path.read_bytes()[:700])
    return path


def make_root(root: Path, n: int, *, broken: tuple[int, ...] = (), corrupt: tuple[int, ...] = (),
              images: bool = False, nested: bool = True) -> list[str]:
    """``n`` applicant folders under ``root`` (some in a sub-folder per team, as an HR office would); their keys."""
    keys = []
    for i in range(n):
        key = f"团队{i % 3}/applicant-{i:04d}" if nested and i % 2 else f"applicant-{i:04d}"
        folder = root / key
        if i in broken:
            write_broken_applicant(folder)
        else:
            write_applicant(folder, i, images=images)
            if i in corrupt:
                corrupt_a_file(folder)
        keys.append(key)
    return sorted(keys)


def add_hostile_files(folder: Path) -> None:
    """What the reader must report and never read: a FIFO, a link to a file outside the folder, and a (sparse)
    file over the default size limit of 50 MB (it costs no disk: only its size is ever looked at)."""
    import os

    os.mkfifo(folder / "管道.pdf")
    os.symlink("/etc/passwd", folder / "link-out.pdf")
    with open(folder / "扫描件-过大.pdf", "wb") as fh:
        fh.write(b"%PDF-1.4\n")
        fh.truncate(60 * 1024 * 1024)
