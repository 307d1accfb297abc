"""The lean OCR pipeline's detector (detection at most DET_MAX_SIDE px, float32 normalisation) and OpenVINO's
compiled-model cache, on the real engine and real images."""

import subprocess
import sys

import numpy as np
import pytest

from matcheck.documents import ocr
from tests.documents.conftest import XUEXIN_LINES, text_image

pytestmark = pytest.mark.ocr


@pytest.fixture(scope="module")
def lean():
    return ocr.OcrEngine(next(b for b in ocr.BACKENDS if ocr._installed(b)), "lean")


@pytest.mark.parametrize("size", [(2000, 1500), (1500, 2000), (1754, 1240), (1300, 1300)])
def test_detection_runs_at_most_at_det_max_side(lean, size):
    """rapidocr's own limit_type "max" ignores the limit it is given (it detects at up to 2000 px): ours holds."""
    width, height = size
    prepared = lean.rapid.text_det.get_preprocess(max(size))(np.full((height, width, 3), 255, np.uint8))
    assert max(prepared.shape[2:]) <= ocr.DET_MAX_SIDE
    assert max(prepared.shape[2:]) >= ocr.DET_MAX_SIDE - 32  # scaled down to the limit, not below it
    assert prepared.dtype == np.float32 and prepared.shape[2] % 32 == 0 and prepared.shape[3] % 32 == 0


def test_small_images_are_not_enlarged(lean):
    prepared = lean.rapid.text_det.get_preprocess(832)(np.zeros((832, 608, 3), np.uint8))
    assert prepared.shape[2:] == (832, 608)


def test_float32_normalisation_is_rapidocr_arithmetic(lean):
    """The same numbers as rapidocr's float64 normalisation, to float32 precision."""
    from rapidocr_onnxruntime.ch_ppocr_det.utils import DetPreProcess

    image = np.random.default_rng(7).integers(0, 256, (96, 128, 3), dtype=np.uint8)
    ours = lean.rapid.text_det.get_preprocess(128)(image)
    theirs = DetPreProcess(960, "max", lean.rapid.text_det.mean, lean.rapid.text_det.std)(image)
    assert ours.shape == theirs.shape
    assert np.abs(ours - theirs).max() < 1e-6


def test_a_large_photo_is_read_the_same_as_the_downscaled_one(lean):
    """A 2400 px photo (detected at DET_MAX_SIDE, lines cut from the full image) reads the lines it shows."""
    image = text_image(XUEXIN_LINES[:8], (2400, 1800), 54)
    text = lean.read(image).text
    for line in ("教育部学历证书电子注册备案表", "南京示例大学", "李明"):
        assert line in text.replace(" ", "")


@pytest.mark.skipif(not ocr._installed("openvino"), reason="OpenVINO not installed")
def test_compiled_models_are_cached_and_a_damaged_entry_is_recompiled(tmp_path):
    """A second process starts the engine from the compiled-model cache; damaged entries do not stop it."""
    code = ("import os; os.environ['MATCHECK_OCR_BACKEND']='openvino';"
            "from matcheck.documents import ocr; from tests.documents.conftest import text_image;"
            "print(ocr.model_cache_dir()); print(ocr.engine().read(text_image(['学历证书 张伟'], (640, 200), 40)).text)")
    env = {"MATCHECK_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    folder = first.stdout.splitlines()[0]
    blobs = sorted(p for p in (tmp_path / "engines").rglob("*.blob"))
    assert folder.startswith(str(tmp_path / "engines" / "openvino-")) and len(blobs) >= 3
    for blob in blobs:
        blob.write_bytes(blob.read_bytes()[: blob.stat().st_size // 2] + b"damaged")
    second = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert "张伟" in second.stdout.replace(" ", "") and "张伟" in first.stdout.replace(" ", "")


@pytest.mark.skipif(not ocr._installed("openvino"), reason="OpenVINO not installed")
def test_the_compiled_model_cache_is_never_made_inside_the_folder_being_read(tmp_path):
    """MATCHECK_CACHE_DIR pointing into the applicant's folder: the extraction cache is off, and the OCR engine's
    compiled models are not written there either (they were: engines/openvino-*/ *.blob, which the next check
    then reported as unrecognised files of the applicant)."""
    from tests.documents.conftest import jpeg

    folder = tmp_path / "applicant"
    folder.mkdir()
    (folder / "备案表.jpg").write_bytes(jpeg(text_image(XUEXIN_LINES[:6], (1000, 700), 32)))
    before = sorted(p.relative_to(folder) for p in folder.rglob("*"))
    code = ("import os; os.environ['MATCHECK_OCR_BACKEND']='openvino'; from pathlib import Path;"
            "from matcheck.documents import read_folder;"
            f"docs = read_folder(Path({str(folder)!r})); print(docs[0].material)")
    env = {"MATCHECK_CACHE_DIR": str(folder), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "xuexin_record"  # the photo was really OCR'd
    assert sorted(p.relative_to(folder) for p in folder.rglob("*")) == before


@pytest.mark.skipif(not ocr._installed("openvino"), reason="OpenVINO not installed")
def test_the_compiled_models_go_under_the_cache_dir_the_read_names(tmp_path):
    """``--cache-dir`` (read_folder's cache_dir) moves the compiled models as it moves the extraction cache."""
    from tests.documents.conftest import jpeg

    folder, named, default = tmp_path / "applicant", tmp_path / "named", tmp_path / "default"
    folder.mkdir()
    (folder / "备案表.jpg").write_bytes(jpeg(text_image(XUEXIN_LINES[:6], (1000, 700), 32)))
    code = ("import os; os.environ['MATCHECK_OCR_BACKEND']='openvino'; from pathlib import Path;"
            "from matcheck.documents import read_folder;"
            f"docs = read_folder(Path({str(folder)!r}), cache_dir=Path({str(named)!r})); print(docs[0].material)")
    env = {"MATCHECK_CACHE_DIR": str(default), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "xuexin_record"
    assert len(list((named / "engines").rglob("*.blob"))) >= 3 and not (default / "engines").exists()
