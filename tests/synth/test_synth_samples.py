"""The committed sample folders: valid profiles, documents that correspond to them, small files, and exactly what
``python -m synth.samples`` writes (byte for byte)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from matcheck.identity import is_valid_id_number
from matcheck.profile import load_profile
from synth.samples import SAMPLES, generate

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_DIR = ROOT / "samples"
ID_RE = re.compile(r"(?<!\d)\d{17}[\dX](?!\d)")


def files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def text_of(path: Path) -> str:
    if path.suffix == ".pdf":
        return "".join(page.extract_text() for page in PdfReader(path).pages)
    if path.suffix == ".docx":
        doc = Document(path)
        return "\n".join([p.text for p in doc.paragraphs] +
                         [c.text for t in doc.tables for r in t.rows for c in r.cells])
    return ""


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_sample_profile_loads(name):
    profile = load_profile(SAMPLE_DIR / name / "profile.yaml")
    assert profile.as_of is not None and not profile.to_verify
    assert profile.applicant.name and profile.applicant.id_number


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_documents_correspond_to_the_profile(name):
    folder = SAMPLE_DIR / name
    p = load_profile(folder / "profile.yaml")
    texts = {f.name: text_of(f) for f in files(folder) if f.suffix in (".pdf", ".docx")}
    known = {p.applicant.id_number} | ({p.spouse.id_number} if p.spouse else set())
    seen = set()
    for fname, text in texts.items():
        for found in ID_RE.findall(text):
            if is_valid_id_number(found):
                assert found in known, f"{name}/{fname}: ID {found} belongs to nobody in the profile"
                seen.add(found)
        assert "样例" in text or not text, f"{name}/{fname}: no SAMPLE mark"
    assert p.applicant.id_number in seen
    tax = next(t for t in texts.values() if "个人所得税纳税记录" in t and "查询验证码" in t)
    assert p.applicant.name in tax and p.applicant.id_number in tax
    detail = next(t for t in texts.values() if "扣缴义务人" in t and "所得期间" in t)
    assert p.tax.withholding_unit in detail
    si = next(t for t in texts.values() if "累计缴费月数" in t)
    assert p.social_insurance[0].unit in si and p.applicant.id_number in si
    for edu in (e for e in p.education if e.level in ("大专", "本科")):
        record = next(t for t in texts.values() if "电子注册备案表" in t and edu.school in t)
        assert p.applicant.name in record and f"{edu.start.year}年{edu.start.month:02d}月" in record
    contract = next(t for t in texts.values() if "劳动合同" in t and "甲方" in t)
    assert p.employer.name in contract and p.applicant.id_number in contract and p.contract.post in contract


def test_li_ming_has_the_spouse_papers():
    folder = SAMPLE_DIR / "li-ming"
    assert {"结婚证.jpg", "王芳身份证.jpg", "户口本.pdf"} <= {f.name for f in files(folder)}
    spouse_booklet = PdfReader(folder / "配偶材料" / "户口本.pdf")
    assert len(spouse_booklet.pages) == 2 and not spouse_booklet.pages[0].extract_text().strip()  # a scan


def test_zhang_wei_story_is_in_the_profile():
    p = load_profile(SAMPLE_DIR / "zhang-wei" / "profile.yaml")
    college = next(e for e in p.education if e.level == "大专")
    self_study = next(e for e in p.education if e.mode == "自考")
    assert self_study.start < college.end  # 专本套读
    worked = {w.province for w in p.work_history if w.from_ <= self_study.end and (w.to is None or w.to >= self_study.start)}
    assert self_study.province not in worked | {p.applicant.province, "上海"}  # 三地一致
    assert "missing:high_school_diploma" in SAMPLES["zhang-wei"][1]


def test_wang_fang_claims_a_letter_she_does_not_have():
    p = load_profile(SAMPLE_DIR / "wang-fang" / "profile.yaml")
    assert p.qualifications[0].kind == "技能" and p.qualifications[0].appointed
    assert "missing:appointment_letter" in SAMPLES["wang-fang"][1]
    assert len([f for f in files(SAMPLE_DIR / "wang-fang") if f.suffix == ".jpg"]) >= 7


def test_samples_are_small():
    every = [f for name in SAMPLES for f in files(SAMPLE_DIR / name)]
    assert max(f.stat().st_size for f in every) < 1_000_000
    assert sum(f.stat().st_size for f in every) < 5_000_000


def _assert_identical(name: str, out: Path) -> None:
    committed = SAMPLE_DIR / name
    want = [f.relative_to(committed) for f in files(committed)]
    got = [f.relative_to(out / name) for f in files(out / name)]
    assert got == want, f"{name}: file list differs (regenerate with `python -m synth.samples`)"
    changed = [str(f) for f in want if (committed / f).read_bytes() != (out / name / f).read_bytes()]
    assert not changed, f"{name}: bytes differ: {changed} (regenerate with `python -m synth.samples`)"


def test_li_ming_regenerates_byte_identical(tmp_path):
    generate(tmp_path, only="li-ming")
    _assert_identical("li-ming", tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["zhang-wei", "wang-fang"])
def test_other_samples_regenerate_byte_identical(name, tmp_path):
    generate(tmp_path, only=name)
    _assert_identical(name, tmp_path)


@pytest.mark.ocr
def test_photographed_id_card_reads_back_with_ocr():
    from PIL import Image
    from rapidocr_onnxruntime import RapidOCR

    p = load_profile(SAMPLE_DIR / "li-ming" / "profile.yaml")
    result, _ = RapidOCR()(Image.open(SAMPLE_DIR / "li-ming" / "IMG_2031.jpg"))
    text = "".join(line[1] for line in result)
    assert p.applicant.id_number in text and p.applicant.name in text and "签发机关" in text
