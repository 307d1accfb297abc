"""MATCHECK_OCR_THREADS caps onnxruntime's threads (the batch gives each worker cores ÷ jobs)."""

import pytest

from matcheck.documents import ocr


def test_thread_options_from_the_environment(monkeypatch):
    monkeypatch.setenv("MATCHECK_OCR_THREADS", "1")
    assert ocr._thread_options() == {"intra_op_num_threads": 1, "inter_op_num_threads": 1}
    for bad in ("", "0", "two"):
        monkeypatch.setenv("MATCHECK_OCR_THREADS", bad)
        assert ocr._thread_options() == {}


@pytest.mark.ocr
def test_engine_is_built_with_the_thread_cap(monkeypatch):
    monkeypatch.setenv("MATCHECK_OCR_THREADS", "1")
    monkeypatch.setattr(ocr, "_engine", None)
    engine = ocr.engine()
    assert engine.text_det.infer.session.get_session_options().intra_op_num_threads == 1
    monkeypatch.setattr(ocr, "_engine", None)  # the next test builds its own
