"""Recognition figures of the OCR engines on the test corpora (not a timing: what each engine reads right).

For every OCR'd document of a corpus: the material recognised, the person attributed, and each field value read,
compared with the truth. Corpora:

* ``synth``: applicants from ``synth.applicant.write_applicant`` with photos and scans (``images=True``), seeds
  ``--seeds``; the truth is the same applicant written as text PDFs (``images=False``), read from the text layer.
  A document of the photo folder counts as right when the text twin has the same (material, person), and a field
  when its value equals the twin's.
* ``samples``: the bundled sample folders; no text twin exists, so the truth is the (material, person, fields) that
  rapidocr's own pipeline on onnxruntime reads (the engine before issue 13) and the figure is agreement with it.

Engines (built in this process, one after the other, each on the same images): ``onnxruntime/full`` (before:
rapidocr's default pipeline on onnxruntime), ``onnxruntime/lean``, ``openvino/full``, ``openvino/lean`` (now).

    .venv/bin/python benchmarks/ocr_recognition.py [--seeds 3]

Writes ``benchmarks/results/ocr_recognition.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from matcheck.documents import ocr, scan_folder  # noqa: E402

VERBOSE = False
ENGINES = [("onnxruntime", "full"), ("onnxruntime", "lean"), ("openvino", "full"), ("openvino", "lean")]
SKIP_FIELDS = {"text_chars", "ocr_confidence", "image"}  # measurements of the image, not what was read


def _norm(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _index(docs) -> dict[tuple, dict]:
    """(material, person) -> fields of that document (the first one)."""
    out: dict[tuple, dict] = {}
    for d in docs:
        if d.material:
            out.setdefault((d.material, d.person), dict(d.fields))
    return out


def score(docs, truth: dict[tuple, dict]) -> dict[str, int]:
    """Documents read by OCR against the truth: materials right, people right, fields right."""
    found = _index([d for d in docs if d.ocr])
    ocr_docs = [d for d in docs if d.ocr]
    fields_total = fields_right = 0
    for key, fields in found.items():
        want = truth.get(key)
        if want is None:
            continue
        for name, value in want.items():
            if name in SKIP_FIELDS:
                continue
            fields_total += 1
            right = _norm(fields.get(name)) == _norm(value)
            fields_right += right
            if not right and VERBOSE:
                print(f"    {key} {name}: {_norm(fields.get(name))[:80]} != {_norm(value)[:80]}")
    return {"ocr_documents": len(ocr_docs),
            "material_right": sum(1 for d in ocr_docs if d.material in {k[0] for k in truth}),
            "material_and_person_right": sum(1 for d in ocr_docs if (d.material, d.person) in truth),
            "unrecognised": sum(1 for d in ocr_docs if d.material is None),
            "fields_right": fields_right, "fields_total": fields_total}


def _add(total: dict, part: dict) -> None:
    for k, v in part.items():
        total[k] = total.get(k, 0) + v


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--corpus", choices=["synth", "samples"], default=None, help="only this corpus")
    parser.add_argument("--verbose", action="store_true", help="print each field read differently from the truth")
    args = parser.parse_args()
    global VERBOSE
    VERBOSE = args.verbose
    engines = {f"{b}/{p}": ocr.OcrEngine(b, p) for b, p in ENGINES}
    results: dict[str, dict[str, dict]] = {"synth": {}, "samples": {}}

    def read(folder: Path, name: str):
        ocr._engine = engines[name]
        return scan_folder(folder, use_cache=False)

    with tempfile.TemporaryDirectory() as tmp:
        from synth.applicant import write_applicant

        for seed in range(args.seeds if args.corpus != "samples" else 0):
            photos, text = Path(tmp) / f"p{seed}", Path(tmp) / f"t{seed}"
            write_applicant(photos, images=True, seed=seed)
            write_applicant(text, images=False, seed=seed)
            truth = _index(scan_folder(text, use_cache=False))
            for name in engines:
                _add(results["synth"].setdefault(name, {}), score(read(photos, name), truth))
    for folder in sorted((ROOT / "samples").iterdir()):
        if not folder.is_dir() or args.corpus == "synth":
            continue
        base = read(folder, "onnxruntime/full")
        truth = _index([d for d in base if d.ocr])
        for name in engines:
            docs = base if name == "onnxruntime/full" else read(folder, name)
            _add(results["samples"].setdefault(name, {}), score(docs, truth))
    ocr._engine = None
    for corpus, by_engine in results.items():
        if not by_engine:
            continue
        print(f"{corpus}:")
        for name, r in by_engine.items():
            print(f"  {name:18} OCR'd documents {r['ocr_documents']:3d}  material {r['material_right']:3d}  "
                  f"material+person {r['material_and_person_right']:3d}  unrecognised {r['unrecognised']:2d}  "
                  f"fields {r['fields_right']}/{r['fields_total']}")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "ocr_recognition.json").write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
