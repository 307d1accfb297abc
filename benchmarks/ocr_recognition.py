"""Recognition figures of the OCR engines on the test corpora (not a timing: what each engine reads right).

For every OCR'd document of a corpus: the material recognised, the person attributed, and each field value read,
compared with the truth. Corpora:

* ``synth``: applicants from ``synth.applicant.write_applicant`` with photos and scans (``images=True``), seeds
  ``--seeds``; the truth is the same applicant written as text PDFs (``images=False``), read from the text layer.
  A document of the photo folder counts as right when the text twin has the same (material, person), and a field
  when its value equals the twin's.
* ``fieldkit``: papers of :mod:`fieldkit` (an independent generator: layouts ``synth`` did not make) for seeds
  ``--seeds``: each as a phone photo and as a copy shop's scan (an image-only PDF); the truth is the same paper as a
  text PDF;
* ``samples``: the bundled sample folders; no text twin exists, so the truth is the (material, person, fields) that
  rapidocr's own pipeline on onnxruntime reads (the engine before issue 13) and the figure is agreement with it.

Engines (built in this process, one after the other, each on the same images): ``onnxruntime/full`` (before:
rapidocr's default pipeline on onnxruntime), ``onnxruntime/lean``, ``openvino/full``, ``openvino/lean`` (now), and
``openvino/lean@N`` for each ``--det-sides N`` (the lean pipeline detecting at N px instead of DET_MAX_SIDE).

    .venv/bin/python benchmarks/ocr_recognition.py [--seeds 3] [--corpus synth|fieldkit|samples]
        [--engines onnxruntime/full,openvino/lean] [--det-sides 960,1120]

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


def _twins(docs) -> dict[str, object]:
    """File path without its extension -> the document (a photo ``x.jpg`` and its text twin ``x.pdf`` meet)."""
    return {d.path.rsplit(".", 1)[0]: d for d in docs}


def score(docs, truth: dict[str, object]) -> dict[str, int]:
    """Documents read by OCR, each against its twin in the truth (same file name, any extension): material right,
    material and person right, and each of the twin's fields read the same (a document with the wrong material
    gets its twin's fields counted wrong, so every engine has the same number of fields to read)."""
    ocr_docs = [d for d in docs if d.ocr]
    material = material_person = fields_total = fields_right = 0
    for d in ocr_docs:
        twin = truth.get(d.path.rsplit(".", 1)[0])
        if twin is None or twin.material is None:
            continue
        material += d.material == twin.material
        material_person += (d.material, d.person) == (twin.material, twin.person)
        for name, value in twin.fields.items():
            if name in SKIP_FIELDS:
                continue
            fields_total += 1
            right = _norm(d.fields.get(name)) == _norm(value)
            fields_right += right
            if not right and VERBOSE:
                print(f"    {d.path} {name}: {_norm(d.fields.get(name))[:80]} != {_norm(value)[:80]}")
    return {"ocr_documents": len(ocr_docs), "material_right": material,
            "material_and_person_right": material_person,
            "unrecognised": sum(1 for d in ocr_docs if d.material is None),
            "fields_right": fields_right, "fields_total": fields_total}


def write_fieldkit_papers(photos: Path, text: Path, seed: int) -> None:
    """fieldkit's papers of one applicant: as photos and scans in ``photos``, as text PDFs in ``text`` (the
    truth), under the same names, with the profile in both (it tells whose each paper is)."""
    import random

    import yaml

    from fieldkit import papers as P
    from fieldkit.case import make_case
    from fieldkit.sheet import photo, scan_pdf, stacked, text_pdf

    case = make_case(seed)
    rng = random.Random(seed)
    a = case.applicant
    papers = {"身份证": stacked([P.id_front(a), P.id_back(a)]), "学位证": P.degree_certificate(case, rng),
              "毕业证": P.diploma(case, rng), "高中毕业证": P.high_school_diploma(case, rng),
              "户口本": stacked([P.hukou_front(a), P.hukou_own(a)]), "居住证": P.residence_permit(case, rng),
              "结婚证": P.marriage_certificate(case, rng), "营业执照": P.business_license(case, rng)[0],
              "学信网备案表": P.xuexin_record(case, rng)[0], "个税记录": P.tax_record(case, rng)[0],
              "社保记录": P.social_insurance(case, rng)[0], "介绍信": P.employer_letter(case, rng)[0]}
    for folder in (photos, text):
        folder.mkdir(parents=True)
        (folder / "profile.yaml").write_text(yaml.safe_dump(case.profile(), allow_unicode=True), encoding="utf-8")
    for i, (name, sheet) in enumerate(papers.items()):
        (text / f"{name}.pdf").write_bytes(text_pdf([sheet]))
        if i % 2:  # every other paper a phone photo, the rest a scan: both ways documents arrive
            (photos / f"{name}.pdf").write_bytes(scan_pdf([sheet], f"bench-{seed}-{i}"))
        else:
            (photos / f"{name}.jpg").write_bytes(photo(sheet, f"bench-{seed}-{i}"))


def _add(total: dict, part: dict) -> None:
    for k, v in part.items():
        total[k] = total.get(k, 0) + v


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--corpus", choices=["synth", "fieldkit", "samples"], default=None, help="only this corpus")
    parser.add_argument("--engines", default=",".join(f"{b}/{p}" for b, p in ENGINES),
                        help="comma-separated, of " + ", ".join(f"{b}/{p}" for b, p in ENGINES))
    parser.add_argument("--det-sides", default="", help="comma-separated detection sizes to try as openvino/lean@N")
    parser.add_argument("--verbose", action="store_true", help="print each field read differently from the truth")
    args = parser.parse_args()
    global VERBOSE
    VERBOSE = args.verbose
    engines = {name: ocr.OcrEngine(*name.split("/")) for name in args.engines.split(",") if name}
    for side in (int(s) for s in args.det_sides.split(",") if s):
        engines[f"openvino/lean@{side}"] = ocr.OcrEngine("openvino", "lean", det_max_side=side)
    engines.setdefault("onnxruntime/full", ocr.OcrEngine("onnxruntime", "full"))  # the samples' truth
    results: dict[str, dict[str, dict]] = {"synth": {}, "fieldkit": {}, "samples": {}}

    def read(folder: Path, name: str):
        ocr._engine = engines[name]
        return scan_folder(folder, use_cache=False)

    with tempfile.TemporaryDirectory() as tmp:
        from synth.applicant import write_applicant

        for seed in range(args.seeds if args.corpus in (None, "synth") else 0):
            photos, text = Path(tmp) / f"p{seed}", Path(tmp) / f"t{seed}"
            write_applicant(photos, images=True, seed=seed)
            write_applicant(text, images=False, seed=seed)
            truth = _twins(scan_folder(text, use_cache=False))
            for name in engines:
                _add(results["synth"].setdefault(name, {}), score(read(photos, name), truth))
        for seed in range(args.seeds if args.corpus in (None, "fieldkit") else 0):
            photos, text = Path(tmp) / f"fp{seed}", Path(tmp) / f"ft{seed}"
            write_fieldkit_papers(photos, text, seed)
            truth = _twins(scan_folder(text, use_cache=False))
            for name in engines:
                _add(results["fieldkit"].setdefault(name, {}), score(read(photos, name), truth))
    for folder in sorted((ROOT / "samples").iterdir()):
        if not folder.is_dir() or args.corpus not in (None, "samples"):
            continue
        base = read(folder, "onnxruntime/full")
        truth = _twins([d for d in base if d.ocr])
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
