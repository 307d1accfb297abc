"""Offline OCR (文字识别): the PP-OCRv4 models inside the ``rapidocr-onnxruntime`` 1.4.4 wheel, run by one of two
inference runtimes (no download code in either; the models never leave the package):

* ``openvino`` — Intel's OpenVINO runtime (about 3× faster on this project's 2-core x86 machines,
  see benchmarks/README.md);
* ``onnxruntime`` — the runtime the wheel was built for.

``MATCHECK_OCR_BACKEND=openvino|onnxruntime`` picks one; unset (or ``auto``), the faster one that is installed and
starts, with the other as fallback. The models, their pre- and post-processing (rapidocr's detector, classifier,
recogniser and CTC decoding) are the same for both: only the runtime that multiplies the matrices differs.
(``rapidocr-openvino`` 1.4.4, the same pipeline on OpenVINO, pins ``openvino<=2024.0.0``, which has no wheel for
Python 3.12 and predates numpy 2; so the OpenVINO session is the small adapter below, on a current OpenVINO.)

Less OCR per image (profiled; benchmarks/README.md): text is detected on a copy whose longer side is at most
:data:`DET_MAX_SIDE` (the text lines of a certificate photo stay 15+ px high there) while the lines are cut for
recognition from the full image; the angle classifier runs once per image on a few boxes, not on every box
(photos are upright after EXIF; a page upside down is turned once and read again); the detector's input is
normalised in float32 (:func:`_lean_detection`). OpenVINO keeps the models it compiles in :func:`model_cache_dir`,
so the engine starts in ~0.15 s after the first run on a machine.

The engine is imported lazily and built once per process: a folder of text PDFs never imports rapidocr, a runtime
or cv2. Results are assembled into lines in reading order (boxes grouped by their vertical centre, then sorted left
to right) so that label-based parsing works on OCR text as on a PDF text layer.

No network: onnxruntime's telemetry is switched off before the runtime is imported (``ORT_DISABLE_TELEMETRY``, and
``disable_telemetry_events()``), and OpenVINO's (a Google Analytics event sent on every ``import openvino``) is cut
off before openvino is imported (:func:`_openvino`);
tests/documents/test_no_network.py runs a cold OCR ``check`` with sockets forbidden.
"""

from __future__ import annotations

import atexit
import functools
import importlib.util
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

BACKENDS = ("openvino", "onnxruntime")  # fastest first: the order ``auto`` tries them in
DET_MAX_SIDE = 1280  # px: the longer side text is detected at (rapidocr's default: the image as given, ≤ 2000)
ORIENTATION_SAMPLE = 6  # boxes the angle classifier looks at, once per image (one batch of the classifier)
# ``MATCHECK_OCR_PIPELINE=full`` restores rapidocr's own settings (detection at the image's size, the classifier on
# every box): only for measuring what the lean pipeline saves (benchmarks/documents_bench.py).


def _pipeline_tag(pipeline: str, det_max_side: int = DET_MAX_SIDE) -> str:
    """The pipeline's settings as the cache keys them."""
    return f"detmax{det_max_side}-cls{ORIENTATION_SAMPLE}" if pipeline == "lean" else "det-rapidocr-cls-all"


_engine: OcrEngine | None = None
_lock = threading.Lock()
_build_lock = threading.Lock()
_warm_lock = threading.Lock()
_warming: threading.Thread | None = None
_kept_out: set[str] = set()  # folders being read: the compiled-model cache is never made inside one (keep_out_of)
_model_root: Path | None = None  # the cache folder named by the first read (--cache-dir), else the default one


class OcrBackendError(ValueError):
    """MATCHECK_OCR_BACKEND names no backend, or the one named cannot start (and neither can the other)."""


@dataclass(frozen=True)
class OcrResult:
    text: str
    confidence: float | None  # mean box score, None when nothing was found
    boxes: int


def _threads() -> int | None:
    """``MATCHECK_OCR_THREADS=n`` caps the runtime's threads (the batch sets cores ÷ jobs, so parallel workers do
    not fight over the same cores); unset or invalid: the runtime's default (all cores)."""
    try:
        n = int(os.environ.get("MATCHECK_OCR_THREADS", ""))
    except ValueError:
        return None
    return n if n >= 1 else None


def requested_backend() -> str:
    """``MATCHECK_OCR_BACKEND`` as given (``auto`` when unset); raises :class:`OcrBackendError` on another word."""
    value = os.environ.get("MATCHECK_OCR_BACKEND", "").strip().lower() or "auto"
    if value != "auto" and value not in BACKENDS:
        raise OcrBackendError(f"MATCHECK_OCR_BACKEND: {value!r} is not one of auto, {', '.join(BACKENDS)}")
    return value


def pipeline() -> str:
    return "full" if os.environ.get("MATCHECK_OCR_PIPELINE", "").strip().lower() == "full" else "lean"


@functools.lru_cache(maxsize=None)
def _installed(backend: str) -> bool:
    return importlib.util.find_spec(backend) is not None


def _order() -> list[str]:
    wanted = requested_backend()
    if wanted == "auto":
        return list(BACKENDS)
    return [wanted] + [b for b in BACKENDS if b != wanted]


@functools.lru_cache(maxsize=None)
def _version(backend: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(backend)
    except PackageNotFoundError:
        return "?"


def engine_tag() -> str:
    """Which engine reads (or will read) images in this process: backend, runtime version and pipeline settings.
    The extraction cache keys OCR results on it, so results of two engines are never mixed. Cheap: before the
    engine is built it names the backend that would be tried first, without importing any runtime."""
    if _engine is not None:
        return _engine.tag
    backend = next((b for b in _order() if _installed(b)), BACKENDS[-1])
    return f"{backend}-{_version(backend)}-{_pipeline_tag(pipeline())}"


# --------------------------------------------------------------------------- runtimes


def _openvino() -> Any:
    """``import openvino`` without its telemetry. Importing the package imports its model-conversion tools, which
    send a usage event to Google Analytics from a forked process on every import (openvino/tools/ovc/__init__.py,
    via the ``openvino-telemetry`` package; measured: one DNS look-up and an HTTPS connection per cold ``check``).
    The tools fall back to their own no-op stub when ``openvino_telemetry`` cannot be imported, so it is made
    unimportable in this process before openvino is first imported."""
    if "openvino" not in sys.modules:
        sys.modules.setdefault("openvino_telemetry", None)  # type: ignore[arg-type]  # None: import raises
    import openvino

    return openvino


def model_cache_dir() -> Path:
    """Where OpenVINO keeps the models it has compiled for this CPU (``CACHE_DIR``): the matcheck cache folder's
    ``engines/openvino-<version>``. A compiled model holds nothing of an applicant's; with it, starting the engine
    takes ~0.15 s instead of ~0.5 s after the first run on a machine (benchmarks/README.md)."""
    from matcheck.data import default_cache_dir

    return (_model_root or default_cache_dir()) / "engines" / f"openvino-{_version('openvino')}"


def keep_out_of(folder: Path | str, cache_dir: Path | str | None = None) -> None:
    """Before ``folder`` (an applicant's folder) is read: the compiled models go under ``cache_dir`` when one is
    given (``--cache-dir``, as the extraction cache does), and never into ``folder``: when the cache folder is
    inside it, the engine of this process is built without that cache (as the extraction cache is then off). Only
    the first build compiles, so this matters until then."""
    global _model_root
    if _engine is None:
        _kept_out.add(os.path.realpath(folder))
        if cache_dir is not None and _model_root is None:
            _model_root = Path(cache_dir)


def _compile(core: Any, model: Any) -> Any:
    """``core.compile_model(model, "CPU")`` through the compiled-model cache when its folder can be made and is not
    inside a folder being read (:func:`keep_out_of`); without it otherwise (a read-only home, a full disk).
    OpenVINO recompiles by itself when an entry is damaged."""
    from matcheck.data import is_within

    folder = model_cache_dir()
    if any(is_within(folder, kept) for kept in tuple(_kept_out)):
        return core.compile_model(model, "CPU")
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        return core.compile_model(model, "CPU", {"CACHE_DIR": str(folder)})
    except (OSError, RuntimeError):
        return core.compile_model(model, "CPU")


def _lean_detection(detector: Any, det_max_side: int) -> None:
    """rapidocr's detector, as the lean pipeline runs it: the image is scaled so that its longer side is at most
    :data:`DET_MAX_SIDE` (rapidocr's own ``limit_type="max"`` ignores the limit it is given and detects at up to
    2000 px), and normalised in float32 (rapidocr's mean and std are float64 arrays, which turn the whole image
    into float64: 20–35 ms an image, a fifth of the OCR time). Same arithmetic, same boxes."""
    import numpy as np
    from rapidocr_onnxruntime.ch_ppocr_det.utils import DetPreProcess

    class LeanDetPreProcess(DetPreProcess):
        def normalize(self, img: Any) -> Any:
            out = img.astype(np.float32)
            out *= np.float32(self.scale)
            out -= self.mean.astype(np.float32)
            out /= self.std.astype(np.float32)
            return out

    mean, std = detector.mean, detector.std
    detector.get_preprocess = lambda _longer_side: LeanDetPreProcess(det_max_side, "max", mean, std)


class _OpenVinoSession:
    """rapidocr's ``OrtInferSession`` interface (called with a batch, returns ``[output]``; the recogniser's
    character list from the model's metadata) on an OpenVINO compiled model."""

    def __init__(self, config: dict[str, Any]):
        core = _openvino().Core()
        threads = config.get("intra_op_num_threads", -1)
        if isinstance(threads, int) and threads >= 1:
            core.set_property("CPU", {"INFERENCE_NUM_THREADS": threads})
        self._model = core.read_model(str(config["model_path"]))
        self._request = _compile(core, self._model).create_infer_request()

    def __call__(self, batch: Any) -> list[Any]:
        self._request.infer([batch])
        return [self._request.get_output_tensor().data.copy()]

    def have_key(self, key: str = "character") -> bool:
        return self._model.has_rt_info(["framework", key])

    def get_character_list(self, key: str = "character") -> list[str]:
        return self._model.get_rt_info(["framework", key]).astype(str).splitlines()


def _build(backend: str, lean: bool, det_max_side: int = DET_MAX_SIDE) -> Any:
    """A RapidOCR engine whose three models run on ``backend``."""
    import logging

    # rapidocr_onnxruntime imports onnxruntime whichever backend runs. Its native 1DS telemetry (DNS look-ups of
    # mobile.events.data.microsoft.com from a C++ thread, seen in about 1 cold check in 10 under strace) reads
    # ORT_DISABLE_TELEMETRY when the runtime starts; disable_telemetry_events() covers the session events.
    os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
    import onnxruntime

    onnxruntime.disable_telemetry_events()
    from rapidocr_onnxruntime import RapidOCR
    from rapidocr_onnxruntime.ch_ppocr_cls import text_cls
    from rapidocr_onnxruntime.ch_ppocr_det import text_detect
    from rapidocr_onnxruntime.ch_ppocr_rec import text_recognize

    logging.getLogger("RapidOCR").setLevel(logging.ERROR)
    threads = _threads()
    options: dict[str, Any] = {}
    if lean:
        options.update(use_cls=False)  # detection: _lean_detection below (rapidocr's own limit is not one)
    if threads:
        options.update(intra_op_num_threads=threads, inter_op_num_threads=1)
    if backend == "onnxruntime":
        rapid = RapidOCR(**options)
    else:
        modules = (text_cls, text_detect, text_recognize)
        saved = [m.OrtInferSession for m in modules]
        try:  # the three model wrappers build their session from this module-level name (callers hold a lock)
            for m in modules:
                m.OrtInferSession = _OpenVinoSession
            rapid = RapidOCR(**options)
        finally:
            for m, s in zip(modules, saved):
                m.OrtInferSession = s
    if lean:
        _lean_detection(rapid.text_det, det_max_side)
    return rapid


class OcrEngine:
    """One RapidOCR pipeline on one backend; :meth:`read` turns an image into lines of text."""

    def __init__(self, backend: str, pipeline: str = "lean", det_max_side: int = DET_MAX_SIDE):
        """``det_max_side``: another detection size than :data:`DET_MAX_SIDE`, for measuring only (its tag says so,
        so its results are never mixed with the default engine's in the cache)."""
        self.backend = backend
        self.pipeline = pipeline
        with _build_lock:
            self.rapid = _build(backend, lean=pipeline == "lean", det_max_side=det_max_side)
        self._lock = threading.Lock()  # one inference at a time per engine (the runtime uses all its threads)
        self.tag = f"{backend}-{_version(backend)}-{_pipeline_tag(pipeline, det_max_side)}"

    def read(self, image: Image.Image) -> OcrResult:
        """The text of an (upright, downscaled) RGB image, as lines in reading order."""
        import numpy as np

        bgr = np.ascontiguousarray(np.asarray(image.convert("RGB"))[:, :, ::-1])
        with self._lock:
            if self.pipeline == "full":
                result = self.rapid(bgr)[0] or []
            else:
                result = self.rapid(bgr, use_cls=False)[0] or []
                if result and self._upside_down(bgr, result):
                    result = self.rapid(np.ascontiguousarray(bgr[::-1, ::-1]), use_cls=False)[0] or []
        if not result:
            return OcrResult("", None, 0)
        items = []
        for box, text, score in result:
            ys = [p[1] for p in box]
            xs = [p[0] for p in box]
            items.append((min(ys), max(ys), min(xs), str(text), float(score)))
        confidence = sum(i[4] for i in items) / len(items)
        return OcrResult("\n".join(_lines(items)), round(confidence, 4), len(items))

    def _upside_down(self, bgr: Any, result: list[Any]) -> bool:
        """The angle classifier on the widest few boxes: most of them read as turned by 180°."""
        import numpy as np

        widest = sorted(result, key=lambda r: min(p[0] for p in r[0]) - max(p[0] for p in r[0]))
        boxes = [np.array(r[0], dtype=np.float32) for r in widest[:ORIENTATION_SAMPLE]]
        _crops, labels, _elapsed = self.rapid.text_cls(self.rapid.get_crop_img_list(bgr, boxes))
        flipped = sum(1 for label, score in labels if label == "180" and score >= self.rapid.text_cls.cls_thresh)
        return flipped * 2 > len(labels)


def engine() -> OcrEngine:
    """The one OCR engine of this process, on the first backend of :func:`_order` that starts."""
    global _engine
    with _lock:
        if _engine is None:
            failures = []
            for name in _order():
                if not _installed(name):
                    failures.append(f"{name}: not installed")
                    continue
                try:
                    _engine = OcrEngine(name, pipeline())
                except Exception as exc:  # noqa: BLE001 - a runtime that cannot start: try the other one
                    failures.append(f"{name}: {type(exc).__name__}: {exc}".splitlines()[0])
                    continue
                break
            else:
                raise OcrBackendError("no OCR runtime could start (" + "; ".join(failures) + ")")
            if failures:
                print(f"matcheck: OCR on {_engine.backend} ({'; '.join(failures)})", file=sys.stderr)
        return _engine


def warm_up() -> None:
    """Start building this process's engine on a background thread, so that the files that need no OCR are read
    meanwhile (:func:`matcheck.documents.read_sequence`); a no-op when it is built or being built. The first
    :func:`engine` call waits for it; if the build fails, that call builds again and reports why."""
    global _warming
    with _warm_lock:
        if _engine is not None or _warming is not None:
            return

        def build() -> None:
            try:
                engine()
            except Exception:  # noqa: BLE001 - the reader's own engine() call raises it where it can be reported
                pass

        # the modules both threads need are imported here first, so that the two threads never import the same
        # modules in opposite orders (Python breaks such a circle with an ImportError in one of them); the rest
        # (the runtimes, cv2, rapidocr) only the OCR thread imports, the PDF and DOCX libraries only the reader
        import numpy  # noqa: F401
        import PIL.Image  # noqa: F401

        _warming = threading.Thread(target=build, name="matcheck-ocr-warm-up", daemon=True)
        _warming.start()
        atexit.register(_warming.join, 30)  # never leave the interpreter while the runtime is half-built


def ocr_image(image: Image.Image) -> OcrResult:
    """The text of an (upright, downscaled) RGB image, as lines in reading order, by this process's engine."""
    return engine().read(image)


def _lines(items: list[tuple[float, float, float, str, float]]) -> list[str]:
    """Group boxes whose vertical centres lie within half a box height of a line's centre; order left to right."""
    rows: list[list[tuple[float, float, float, str, float]]] = []
    for item in sorted(items, key=lambda i: (i[0] + i[1]) / 2):
        centre = (item[0] + item[1]) / 2
        height = max(item[1] - item[0], 1.0)
        if rows:
            last = rows[-1]
            last_centre = sum((i[0] + i[1]) / 2 for i in last) / len(last)
            if abs(centre - last_centre) <= height / 2:
                last.append(item)
                continue
        rows.append([item])
    return [" ".join(i[3] for i in sorted(row, key=lambda i: i[2])) for row in rows]
