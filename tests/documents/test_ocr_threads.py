"""MATCHECK_OCR_THREADS caps the OCR runtime's threads (the batch gives each worker cores ÷ jobs), on both backends;
MATCHECK_OCR_BACKEND picks the backend, and a word that names none is refused."""

import pytest

from matcheck.documents import ocr


def test_thread_cap_from_the_environment(monkeypatch):
    monkeypatch.setenv("MATCHECK_OCR_THREADS", "1")
    assert ocr._threads() == 1
    for bad in ("", "0", "two"):
        monkeypatch.setenv("MATCHECK_OCR_THREADS", bad)
        assert ocr._threads() is None


def test_backend_from_the_environment(monkeypatch):
    monkeypatch.setattr(ocr, "_engine", None)  # an engine built by an earlier test would name itself
    monkeypatch.setenv("MATCHECK_OCR_BACKEND", "onnxruntime")
    assert ocr._order() == ["onnxruntime", "openvino"]
    assert ocr.engine_tag().startswith("onnxruntime-")
    monkeypatch.setenv("MATCHECK_OCR_BACKEND", "OpenVINO")
    assert ocr._order() == ["openvino", "onnxruntime"]
    monkeypatch.delenv("MATCHECK_OCR_BACKEND")
    assert ocr._order() == list(ocr.BACKENDS)
    monkeypatch.setenv("MATCHECK_OCR_BACKEND", "tesseract")
    with pytest.raises(ocr.OcrBackendError, match="'tesseract' is not one of auto, openvino, onnxruntime"):
        ocr._order()


def test_engine_tag_names_backend_version_and_pipeline(monkeypatch):
    monkeypatch.setattr(ocr, "_engine", None)
    monkeypatch.setenv("MATCHECK_OCR_BACKEND", "onnxruntime")
    lean = ocr.engine_tag()
    monkeypatch.setenv("MATCHECK_OCR_PIPELINE", "full")
    assert ocr.engine_tag() != lean and lean.startswith("onnxruntime-1.31.1-det")


@pytest.mark.ocr
@pytest.mark.parametrize("backend", [b for b in ocr.BACKENDS if ocr._installed(b)])
def test_engine_is_built_with_the_thread_cap(monkeypatch, backend):
    monkeypatch.setenv("MATCHECK_OCR_THREADS", "1")
    engine = ocr.OcrEngine(backend)
    session = engine.rapid.text_det.infer
    if backend == "onnxruntime":
        assert session.session.get_session_options().intra_op_num_threads == 1
    else:
        assert int(session._request.get_compiled_model().get_property("INFERENCE_NUM_THREADS")) == 1


@pytest.mark.ocr
def test_a_backend_that_cannot_start_falls_back_to_the_other(monkeypatch, capsys):
    """openvino asked for but failing to start (here: its compile step raises): onnxruntime reads, and says so."""
    if not all(ocr._installed(b) for b in ocr.BACKENDS):
        pytest.skip("needs both backends")

    def broken(config):
        raise RuntimeError("Exception from src/inference/src/cpp/core.cpp: no CPU plugin")

    monkeypatch.setattr(ocr, "_OpenVinoSession", broken)
    monkeypatch.setattr(ocr, "_engine", None)
    monkeypatch.setenv("MATCHECK_OCR_BACKEND", "openvino")
    engine = ocr.engine()
    assert engine.backend == "onnxruntime" and ocr.engine_tag().startswith("onnxruntime-")
    assert "OCR on onnxruntime (openvino: RuntimeError: Exception from" in capsys.readouterr().err
    monkeypatch.setattr(ocr, "_engine", None)  # the next test builds its own
