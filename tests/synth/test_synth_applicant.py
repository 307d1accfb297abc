"""write_applicant: the folder holds the profile and the files it needs, and each named fault breaks exactly the
thing it names (read back from the files themselves: PDF text, DOCX, JPEG)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
import yaml
from PIL import Image
from pypdf import PdfReader

from matcheck.profile import ProfileError, load_profile
from synth.applicant import OTHER_UNIT, ApplicantSpec, write_applicant
from synth.samples import LI_MING
from tests.synth.conftest import full_profile

SPEC = ApplicantSpec(LI_MING, seed=11)
AS_OF = date(2026, 11, 20)


def texts(folder: Path) -> dict[str, str]:
    """Relative path → extracted text of every readable text PDF."""
    out = {}
    for p in sorted(folder.rglob("*.pdf")):
        try:
            out[str(p.relative_to(folder))] = "".join(page.extract_text() for page in PdfReader(p).pages)
        except Exception:  # noqa: BLE001 - corrupted/encrypted files are checked separately
            continue
    return out


def find(folder: Path, title: str) -> str:
    """The one text PDF whose title (a line near the top) is ``title``."""
    hits = [t for t in texts(folder).values() if any(line.strip().endswith(title) for line in t.splitlines()[:6])]
    assert len(hits) == 1, f"{title}: {len(hits)} files"
    return hits[0]


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("clean") / "李明"
    write_applicant(folder, SPEC, images=False)
    return folder


def make(tmp_path: Path, *faults: str, images: bool = False) -> Path:
    folder = tmp_path / "a"
    write_applicant(folder, SPEC, images=images, faults=faults)
    return folder


def test_clean_folder_has_profile_and_every_document(clean):
    assert load_profile(clean / "profile.yaml").applicant.name == "李明"
    assert (clean / "profile.yaml").read_text(encoding="utf-8") == LI_MING
    files = [p for p in clean.rglob("*") if p.is_file()]
    assert not [p for p in files if p.suffix == ".jpg"]  # images=False: no photos, nothing needs OCR
    assert len([p for p in files if p.suffix == ".docx"]) == 1
    all_text = "\n".join(texts(clean).values())
    for title in ("教育部学历证书电子注册备案表", "中国高等教育学位在线验证报告", "个人所得税纳税记录", "收入纳税明细",
                  "参保人员城镇职工基本养老保险参保情况", "上海市居住证", "居民身份证", "常住人口登记卡", "结婚证",
                  "营业执照", "介绍信", "积分申请表", "承诺书", "普通高中毕业证书", "学士学位证书"):
        assert title in all_text, title
    assert all_text.count("王芳") >= 3  # the spouse: 结婚证, 身份证, 户口簿


def test_documents_follow_the_profile(clean):
    p = load_profile(clean / "profile.yaml")
    tax = find(clean, "个人所得税纳税记录")
    assert p.applicant.id_number in tax and p.applicant.name in tax
    for m in ("2026.05", "2026.10") if "2026.05" in tax else ("2026-05", "2026-10"):
        assert m in tax
    detail = find(clean, "收入纳税明细")
    assert detail.count(p.tax.withholding_unit) == 12
    si = find(clean, "参保情况")
    assert "2022年07月-2026年10月" in si and "累计缴费月数 52" in si
    permit = find(clean, "上海市居住证")
    assert "2024.03.01-2027.02.28" in permit and p.applicant.shanghai_address in permit


def test_missing_removes_only_that_file(clean, tmp_path):
    folder = make(tmp_path, "missing:tax_record")
    assert not [t for t in texts(folder).values() if "个人所得税纳税记录" in t]
    names = {p.name for p in folder.rglob("*") if p.is_file()}
    removed = {p.name for p in clean.rglob("*") if p.is_file()} - names
    assert len(removed) == 1 and names < {p.name for p in clean.rglob("*") if p.is_file()}  # other names unchanged


def test_missing_for_one_person(tmp_path):
    folder = make(tmp_path, "missing:id_card@spouse")
    all_text = "\n".join(texts(folder).values())
    assert all_text.count("公民身份号码310115199304052824") == 0
    assert "320102199203154514" in all_text


def test_expired_permit_and_pages_missing(tmp_path):
    folder = make(tmp_path, "expired:residence_permit", "pages-missing:hukou_booklet")
    assert "-2026.11.05" in find(folder, "上海市居住证")
    booklets = [t for t in texts(folder).values() if "常住人口登记卡" in t]
    assert any("居民户口簿" not in t for t in booklets)


def test_unit_faults(tmp_path):
    folder = make(tmp_path, "wrong-unit:tax_record", "wrong-unit:social_insurance_record",
                  "wrong-unit:labour_contract")
    assert find(folder, "收入纳税明细").count(OTHER_UNIT) == 12
    assert OTHER_UNIT in find(folder, "参保情况")
    from docx import Document

    docx = next(folder.rglob("*.docx"))
    cells = "".join(c.text for t in Document(docx).tables for r in t.rows for c in r.cells)
    assert OTHER_UNIT in cells


def test_tax_months_short_and_backpaid(tmp_path):
    folder = make(tmp_path, "tax-months-short", "backpaid-months")
    tax = find(folder, "个人所得税纳税记录")
    detail = find(folder, "收入纳税明细")
    assert "2026-08" in detail and "2026-09" not in detail and "2026-10" not in detail  # the last 2 months are gone
    assert ("2026.08" in tax or "2026-08" in tax) and not ("2026.10" in tax or "2026-10" in tax)
    si = find(folder, "参保情况")
    assert si.count("202610") + si.count("2026.10") >= 4  # three 补缴 marks plus the month itself


def test_identity_faults(tmp_path):
    folder = make(tmp_path, "wrong-id:id_card@applicant", "wrong-name:tax_record")
    card = next(t for t in texts(folder).values() if "签发机关" in t and "有效期限" in t and "李明" in t
                and "居住证" not in t)
    assert "320102199203154514" not in card and "32010219920315" in card
    assert "李鸣" in find(folder, "个人所得税纳税记录") and "李鸣" in find(folder, "收入纳税明细")


def test_unreadable_faults(tmp_path):
    folder = make(tmp_path, "corrupted:xuexin_record", "encrypted:tax_record", "empty-file", "unrelated-file")
    pdfs = {p.name: p.read_bytes() for p in folder.rglob("*.pdf")}
    assert pdfs["扫描件.pdf"] == b""
    encrypted = [n for n, d in pdfs.items() if d.startswith(b"%PDF") and b"/Encrypt" in d]
    assert len(encrypted) == 1 and PdfReader(io.BytesIO(pdfs[encrypted[0]])).is_encrypted
    unreadable = []
    for name, data in pdfs.items():
        try:
            PdfReader(io.BytesIO(data), strict=True).pages[0].extract_text()
        except Exception:  # noqa: BLE001
            unreadable.append(name)
    assert len(unreadable) == 3  # corrupted, encrypted, empty
    receipt = Image.open(folder / "微信图片_20260101.jpg")
    assert receipt.format == "JPEG"


def test_medium_faults_and_mislabelled(tmp_path):
    folder = make(tmp_path, "blurry:residence_permit", "scan:tax_record", "mislabelled:xuexin_record")
    jpgs = [p for p in folder.rglob("*.jpg")]
    kinds = {p.name: p.read_bytes()[:4] for p in jpgs}
    assert any(head.startswith(b"\xff\xd8") for head in kinds.values())  # the rough photo, even with images=False
    assert any(head == b"%PDF" for head in kinds.values())  # a PDF named .jpg
    assert not [t for t in texts(folder).values() if "个人所得税纳税记录" in t]  # scanned: no text layer


def test_images_true_writes_photos(tmp_path):
    folder = make(tmp_path, "missing:high_school_diploma", images=True)
    photos = list(folder.rglob("*.jpg"))
    assert len(photos) >= 8
    assert all(Image.open(p).format == "JPEG" for p in photos)


def test_bad_fault_and_bad_profile_are_clear(tmp_path):
    with pytest.raises(ValueError, match="unknown fault 'missin:tax_record'"):
        write_applicant(tmp_path / "x", SPEC, faults=("missin:tax_record",))
    bad = yaml.safe_load(LI_MING)
    bad["applicant"]["id_number"] = "320102199203154515"
    with pytest.raises(ProfileError, match="applicant.id_number"):
        write_applicant(tmp_path / "y", ApplicantSpec(bad))


def test_same_spec_same_bytes(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for folder in (a, b):
        write_applicant(folder, ApplicantSpec(full_profile(), seed=4), images=False, faults=("missing:pledge",))
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files_a == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files_a)


def test_population_gives_different_valid_applicants(tmp_path):
    people = set()
    for seed in range(3):
        write_applicant(tmp_path / str(seed), seed=seed, images=False)
        p = load_profile(tmp_path / str(seed) / "profile.yaml")
        people.add(p.applicant.id_number)
        assert p.contract.end > AS_OF and p.social_insurance[0].unit == p.employer.name == p.tax.withholding_unit
        assert p.applicant.id_number in "\n".join(texts(tmp_path / str(seed)).values())
    assert len(people) == 3
