"""Images and scanned PDFs through the real offline OCR engine (few tests: ~1-2 s an image), plus the image
measurements that need no OCR."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageFilter

from matcheck.documents import read_folder
from matcheck.documents.extract_image import MAX_OCR_SIDE, decode, prepare
from matcheck.documents.quality import measure, quality_problems
from matcheck.profile import parse_profile
from tests.documents.conftest import (APPLICANT_ID, TEST_RECOGNISERS, XUEXIN_LINES, jpeg, scanned_pdf, text_image,
                                      write)

CERT = ["教育部学历证书电子注册备案表", "姓名：李明  性别：男", "出生日期：1992年03月15日",
        "入学日期：2010年09月01日", "毕(结)业日期：2014年07月01日", "学校名称：南京示例大学", "层次：本科",
        "学历类别：普通高等教育", "学习形式：普通全日制", "证书编号：999991201405000123", "在线验证码：A1B2C3D4E5F6G7H8"]


def test_exif_orientation_applied_and_large_images_downscaled():
    upright = text_image(["横向文字"], (1600, 900))
    image = decode(jpeg(upright, orientation=6))
    assert image.size == (1600, 900)  # stored as 900×1600, turned back by EXIF
    big, metrics = prepare(Image.new("RGB", (5000, 3000), "white"))
    assert max(big.size) == MAX_OCR_SIDE and (metrics["width"], metrics["height"]) == (5000, 3000)


def test_quality_measures_tell_sharp_from_blurred_and_blank():
    sharp = text_image(CERT, (1400, 1000))
    blurred = sharp.filter(ImageFilter.GaussianBlur(6))
    m_sharp, m_blur = measure(sharp), measure(blurred)
    assert m_sharp["sharpness"] > 4 * m_blur["sharpness"]
    assert quality_problems(m_sharp) == []
    assert any("模糊" in r for r in quality_problems(m_blur))
    blank = measure(Image.new("RGB", (1000, 800), (250, 250, 250)))
    assert blank["blank"] and quality_problems(blank) == ["图片几乎空白"]
    small = measure(text_image(["小"], (400, 300), 30))
    assert any("分辨率" in r for r in quality_problems(small))


def test_blank_photo_is_low_quality_without_ocr(folder: Path):
    write(folder, "blank.jpg", jpeg(Image.new("RGB", (1200, 900), "white")))
    (doc,) = read_folder(folder, None, use_cache=False, recognisers=TEST_RECOGNISERS)
    assert not doc.ocr and doc.material is None
    assert [o.rule for o in doc.observations] == ["low-quality-image", "unrecognised-file"]


@pytest.mark.ocr
def test_rotated_phone_photo_is_read_classified_and_attributed(folder: Path, cache_dir: Path):
    write(folder, "IMG_0001.jpg", jpeg(text_image(CERT, (1500, 1100)), orientation=6))
    profile = parse_profile({"applicant": {"name": "李明", "id_number": APPLICANT_ID}}, "profile.yaml")
    (doc,) = read_folder(folder, profile, cache_dir=cache_dir, recognisers=TEST_RECOGNISERS)
    assert doc.ocr and doc.file_type == "jpeg" and doc.material == "xuexin_record"
    assert doc.person == "applicant"
    assert doc.fields["school"] == "南京示例大学" and doc.fields["cert_no"] == "999991201405000123"
    assert doc.fields["image"]["width"] == 1500 and doc.fields["ocr_confidence"] > 0.8
    assert not [o for o in doc.observations if o.rule == "low-quality-image"]


@pytest.mark.ocr
def test_scanned_pdf_pages_are_ocrd(folder: Path):
    write(folder, "扫描件.pdf", scanned_pdf(text_image(XUEXIN_LINES[:9], (1400, 1000))))
    (doc,) = read_folder(folder, None, use_cache=False, recognisers=TEST_RECOGNISERS)
    assert doc.file_type == "pdf" and doc.ocr and doc.material == "xuexin_record"
    assert doc.fields["school"] == "南京示例大学"


def test_blank_scanned_pdf_page_is_not_ocrd_and_is_reported(folder: Path):
    write(folder, "空白扫描.pdf", scanned_pdf(Image.new("RGB", (1400, 1000), "white")))
    (doc,) = read_folder(folder, None, use_cache=False, recognisers=TEST_RECOGNISERS)
    assert doc.file_type == "pdf" and not doc.ocr and doc.material is None
    rules = [o.rule for o in doc.observations]
    assert rules == ["low-quality-image", "unrecognised-file"] and doc.fields["image"]["blank"]


def test_synthetic_phone_photos_ordinary_pass_rough_are_flagged():
    """synth's phone photos (perspective, uneven light, noise, JPEG) pass; its rough ones (blur 3 px, heavy noise,
    700 px) are flagged for blur and size: the sharpness measure is not fooled by sensor noise."""
    synth_docs = pytest.importorskip("synth.documents")
    from synth.applicant import ApplicantSpec
    from synth.facts import plan_documents
    from synth.population import random_profile

    spec = ApplicantSpec(random_profile(3), seed=3)
    profile = spec.parsed()
    planned = next(d for d in plan_documents(profile, 3, profile.as_of) if d.kind == "id_card")
    ordinary = synth_docs.render_bytes("id_card", planned.facts, "photo", seed=1)
    rough = synth_docs.render_bytes("id_card", planned.facts, "rough", seed=1)
    assert quality_problems(prepare(decode(ordinary))[1]) == []
    problems = quality_problems(prepare(decode(rough))[1])
    assert any("模糊" in p for p in problems) and any("分辨率" in p for p in problems)


@pytest.mark.parametrize("orientation", [None, 6])
def test_a_large_phone_photo_is_decoded_reduced_and_reported_at_its_delivered_size(orientation):
    """A 12 Mpx JPEG is decoded by libjpeg at half size (the OCR never uses more than MAX_OCR_SIDE), and its
    quality metrics still give the size as delivered, upright."""
    from matcheck.documents.extract_image import MAX_OCR_SIDE

    data = jpeg(text_image(XUEXIN_LINES[:4], (4032, 3024), 90), orientation=orientation)
    image = decode(data, MAX_OCR_SIDE)
    upright = (4032, 3024)  # with orientation 6 the pixels are stored turned (3024 x 4032), the tag turns them back
    assert image.size == (2016, 1512)
    prepared, metrics = prepare(image)
    assert (metrics["width"], metrics["height"]) == upright and max(prepared.size) <= MAX_OCR_SIDE
    assert decode(data).size == upright  # without max_side: every pixel


def test_a_photo_under_twice_the_ocr_side_is_decoded_whole():
    from matcheck.documents.extract_image import MAX_OCR_SIDE

    data = jpeg(text_image(XUEXIN_LINES[:4], (3000, 2000), 60))
    assert decode(data, MAX_OCR_SIDE).size == (3000, 2000)


def test_a_very_long_thin_jpeg_is_decoded_not_refused():
    """A JPEG whose shorter side, scaled to MAX_OCR_SIDE, rounds to 0 px (a 2000:1 strip) is still an image: the
    reduced decoding asks libjpeg for at least 1 px (was: ZeroDivisionError, the photo reported as unreadable)."""
    import io

    from matcheck.documents.extract_image import MAX_OCR_SIDE, extract_image

    strip = Image.new("RGB", (4 * MAX_OCR_SIDE + 32, 3), "white")
    buf = io.BytesIO()
    strip.save(buf, "JPEG")
    image = decode(buf.getvalue(), MAX_OCR_SIDE)
    assert max(image.size) >= MAX_OCR_SIDE and image.info["delivered_size"] == strip.size
    out = extract_image(buf.getvalue(), "jpeg")
    assert out.image is not None and (out.image["width"], out.image["height"]) == strip.size


def test_the_median_filter_gives_pillows_pixels():
    """quality._median3 (OpenCV when installed) is Pillow's MedianFilter(3), pixel for pixel, on a real photo."""
    import numpy as np

    from matcheck.documents.quality import _median3

    photo = decode(jpeg(text_image(XUEXIN_LINES[:6], (900, 700), 30).filter(ImageFilter.GaussianBlur(1)),
                        quality=60)).convert("L")
    assert np.array_equal(np.asarray(_median3(photo)), np.asarray(photo.filter(ImageFilter.MedianFilter(3))))
