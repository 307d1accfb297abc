"""Folder reading, measured as ratios against a baseline timed in the same run (never absolute times):

1. text PDFs: ``read_folder`` (walk, read, hash, sniff, pypdf text, classify, fields, whose) against bare pypdf
   (``PdfReader`` + ``extract_text`` on every page) over the same files — aim ≤ 1.3×;
2. photos: ``read_folder`` (read once, hash, decode, EXIF, measure, OCR, classify, fields) against bare rapidocr on
   the same JPEG files (the engine warmed up for both) — aim ≤ 1.1×;
3. a second run over an unchanged folder (cache warm) against walking + reading + SHA-256 of the same files —
   aim ≤ 3×;
4. the OCR backends side by side (issue 13): seconds per photo over the bundled samples' photos for each engine —
   onnxruntime and OpenVINO, each with rapidocr's own pipeline ("full": detection at the image's size, the angle
   classifier on every box) and matcheck's ("lean") — run round-robin (A, B, C, D, A, B, ...), with the ratio to
   ``onnxruntime/full`` (the engine before issue 13) in each round, so the spread shows the machine's noise;
5. the cold ``matcheck check`` of each sample folder, and of each with its photos at a phone camera's 12 Mpx (a
   fresh process and an empty extraction cache each time): before (``MATCHECK_OCR_BACKEND=onnxruntime
   MATCHECK_OCR_PIPELINE=full``; with ``--before DIR``, the code of that checkout too) against now (the defaults),
   with OpenVINO's compiled-model cache warm and empty, alternating.

    .venv/bin/python benchmarks/documents_bench.py [--pdfs 60] [--photos 4] [--repeat 3] [--only backends|cold]
        [--before DIR]

Each side is the best of ``--repeat`` runs, baseline and ours alternating (the cache case: 3× as many). Results are printed and written to
``benchmarks/results/documents.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from matcheck.documents import read_folder  # noqa: E402
from matcheck.documents.walk import walk_folder  # noqa: E402
from tests.documents.conftest import (CONTRACT_PARAS, TAX_LINES, XUEXIN_LINES, docx_bytes, jpeg,  # noqa: E402
                                      text_image, text_pdf)


def paired(baseline, ours, repeat: int) -> tuple[float, float]:
    """Best-of-``repeat`` times of both, run alternately (A B A B ...) so that load from other processes on the
    machine falls on both sides alike."""
    base_times, our_times = [], []
    for _ in range(repeat):
        for fn, times in ((baseline, base_times), (ours, our_times)):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
    return min(base_times), min(our_times)


def recognisers():
    """The real catalog's recognisers; the test catalog if the real one cannot be loaded right now."""
    from matcheck.documents.classify import catalog_recognisers

    try:
        found = catalog_recognisers()
        if found:
            return found, "checklists/materials.yaml"
    except Exception as exc:  # noqa: BLE001 - a catalog being edited must not stop the benchmark
        print(f"(catalog not loadable: {type(exc).__name__}; using the test catalog)", file=sys.stderr)
    from tests.documents.conftest import TEST_RECOGNISERS

    return TEST_RECOGNISERS, "tests/documents/conftest.py TEST_RECOGNISERS"


def make_pdfs(folder: Path, n: int) -> list[Path]:
    paths = []
    for i in range(n):
        pages = [TAX_LINES + [f"序号 {i}"]] * (1 + i % 3) if i % 2 else [XUEXIN_LINES + [f"序号 {i}"]]
        path = folder / f"pdf/{i:03d}.pdf"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text_pdf(pages))
        paths.append(path)
    return paths


def make_photos(folder: Path, n: int) -> list[Path]:
    paths = []
    for i in range(n):
        lines = XUEXIN_LINES[:10] + [f"编号 {i:04d}"]
        path = folder / f"photo/IMG_{i:04d}.jpg"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(jpeg(text_image(lines, (1600, 1200), 36), quality=88))
        paths.append(path)
    return paths


def bare_pypdf(paths: list[Path]) -> None:
    from pypdf import PdfReader

    for path in paths:
        reader = PdfReader(path)
        for page in reader.pages:
            page.extract_text()


def bare_ocr(paths: list[Path]) -> None:
    from matcheck.documents.ocr import engine

    ocr = engine().rapid
    for path in paths:
        ocr(str(path))


ENGINES = [("onnxruntime", "full"), ("openvino", "full"), ("onnxruntime", "lean"), ("openvino", "lean")]


def backends_side_by_side(repeat: int) -> dict:
    """Seconds per photo of each engine on the samples' photos, round-robin; ratios to onnxruntime/full per round."""
    from matcheck.documents.extract_image import decode, prepare
    from matcheck.documents.ocr import OcrEngine

    photos = sorted((ROOT / "samples").glob("*/*.jpg"))
    images = [prepare(decode(p.read_bytes()))[0] for p in photos]
    engines = {f"{b}/{p}": OcrEngine(b, p) for b, p in ENGINES}
    for e in engines.values():
        e.read(images[0])  # built and warmed up before anything is timed
    rounds: list[dict[str, float]] = []
    for _ in range(repeat):
        times = {name: 0.0 for name in engines}
        for image in images:  # interleaved per photo: load from other processes falls on every engine alike
            for name, e in engines.items():
                t0 = time.perf_counter()
                e.read(image)
                times[name] += time.perf_counter() - t0
        rounds.append({name: t / len(images) for name, t in times.items()})
    base = "onnxruntime/full"
    out = {"photos": len(images), "rounds": rounds, "engines": {}}
    for name in engines:
        ratios = [r[base] / r[name] for r in rounds]
        out["engines"][name] = {"s_per_photo_best": min(r[name] for r in rounds),
                                "speedup_vs_onnxruntime_full": _median(ratios),
                                "speedup_min": min(ratios), "speedup_max": max(ratios)}
    ov, ort = [r["openvino/full"] for r in rounds], [r["onnxruntime/full"] for r in rounds]
    out["openvino_vs_onnxruntime_same_pipeline"] = sorted(a / b for a, b in zip(ort, ov))
    return out


def _median(values: list[float]) -> float:
    v = sorted(values)
    return v[len(v) // 2] if len(v) % 2 else (v[len(v) // 2 - 1] + v[len(v) // 2]) / 2


def phone_size_copy(folder: Path, target: Path, long_side: int = 4032) -> Path:
    """``folder`` copied with every JPEG enlarged to a phone camera's native size (12 Mpx at 4:3): the bundled
    samples' photos are 1280 px, what a messaging app leaves; an HR officer's folder often holds originals."""
    import shutil

    from PIL import Image

    shutil.copytree(folder, target)
    for path in target.rglob("*.jpg"):
        with Image.open(path) as im:
            scale = long_side / max(im.size)
            big = im.convert("RGB").resize((round(im.width * scale), round(im.height * scale)), Image.Resampling.BICUBIC)
        big.save(path, "JPEG", quality=90)
    return target


BEFORE_ENGINE = {"MATCHECK_OCR_BACKEND": "onnxruntime", "MATCHECK_OCR_PIPELINE": "full"}
DEFAULTS = {"MATCHECK_OCR_BACKEND": "", "MATCHECK_OCR_PIPELINE": ""}


def settings(before_tree: Path | None) -> dict[str, dict[str, str]]:
    """The sides of the cold check: ``before`` first (every ratio is to it)."""
    out = {"before": BEFORE_ENGINE}
    if before_tree:  # this code on the engine before too: how much of the gain is the engine's
        out["this code, onnxruntime/full"] = BEFORE_ENGINE
    out.update({"now": DEFAULTS, "now, first run": DEFAULTS})
    return out


def cold_checks(repeat: int, before_tree: Path | None = None) -> dict:
    """Cold ``matcheck check`` of each sample folder (a fresh process, an empty extraction cache), alternating:
    ``before`` (onnxruntime, rapidocr's pipeline; with ``before_tree``, that checkout's code), ``now`` (defaults;
    OpenVINO's compiled models cached from an earlier run, as after a machine's first check) and ``now, first run``
    (that cache empty too). Also each folder with its photos at a phone camera's size (``phone_size_copy``)."""
    import shutil
    import subprocess

    engines = Path(tempfile.mkdtemp(prefix="bench-engines-"))
    warm = {**os.environ, "MATCHECK_CACHE_DIR": str(engines)}
    subprocess.run([sys.executable, "-m", "matcheck", "check", str(ROOT / "samples" / "li-ming"), "-o", os.devnull],
                   env=warm, capture_output=True, check=False)  # compiles (and caches) the models once
    out: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folders = sorted(p for p in (ROOT / "samples").iterdir() if p.is_dir())
        folders += [phone_size_copy(f, Path(tmp) / f"{f.name}-12mpx") for f in folders]
        for folder in folders:
            sides = settings(before_tree)
            times: dict[str, list[float]] = {k: [] for k in sides}
            for _ in range(repeat):
                for name, env in sides.items():
                    with tempfile.TemporaryDirectory() as cache:
                        if name == "now":
                            shutil.copytree(engines / "engines", Path(cache) / "engines")
                        run_env = {**os.environ, **env, "MATCHECK_CACHE_DIR": cache}
                        cwd = before_tree if (name == "before" and before_tree) else ROOT
                        if cwd != ROOT:
                            run_env["PYTHONPATH"] = str(cwd)
                        t0 = time.perf_counter()
                        done = subprocess.run([sys.executable, "-m", "matcheck", "check", str(folder), "-o",
                                               os.devnull], env=run_env, cwd=cwd, capture_output=True, check=False)
                        times[name].append(time.perf_counter() - t0)
                        if done.returncode not in (0, 1):  # a crash is not a time
                            raise RuntimeError(f"{name} on {folder.name}: exit {done.returncode}: "
                                               f"{done.stderr.decode(errors='replace')[-500:]}")
            row = {"s": times}
            for name in sides:
                if name != "before":
                    ratios = sorted(b / a for a, b in zip(times["before"], times[name]))
                    row[name] = {"over_before": _median(ratios), "min": ratios[0], "max": ratios[-1]}
            out[folder.name] = row
    shutil.rmtree(engines, ignore_errors=True)
    return out


def bare_hash(folder: Path) -> None:
    for entry in walk_folder(folder):
        with open(entry.abspath, "rb") as fh:
            hashlib.sha256(fh.read()).hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pdfs", type=int, default=60)
    parser.add_argument("--photos", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", choices=["reading", "backends", "cold"], default=None)
    parser.add_argument("--before", default=None,
                        help="a checkout of the code before (e.g. a git worktree of the last release): the cold "
                             "check's 'before' runs it, with onnxruntime and rapidocr's pipeline")
    args = parser.parse_args()
    if args.only in ("backends", "cold"):
        return ocr_main(args)
    recs, catalog_name = recognisers()
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        pdf_folder, photo_folder, mixed = tmp_path / "pdfs", tmp_path / "photos", tmp_path / "mixed"
        pdfs = make_pdfs(pdf_folder, args.pdfs)
        photos = make_photos(photo_folder, args.photos)
        # 1. text PDFs, no cache
        base, ours = paired(lambda: bare_pypdf(pdfs),
                            lambda: read_folder(pdf_folder, None, use_cache=False, recognisers=recs), args.repeat)
        results["text_pdf_vs_bare_pypdf"] = {"files": len(pdfs), "baseline_s": base, "ours_s": ours,
                                             "ratio": ours / base, "aim": 1.3}
        # 2. photos, no cache; the OCR engine is built before either side is timed
        from matcheck.documents.ocr import engine

        engine().rapid(str(photos[0]))
        base, ours = paired(lambda: bare_ocr(photos),
                            lambda: read_folder(photo_folder, None, use_cache=False, recognisers=recs), args.repeat)
        results["photo_vs_bare_ocr"] = {"files": len(photos), "baseline_s": base, "ours_s": ours,
                                        "ratio": ours / base, "aim": 1.1}
        # 3. second run over an unchanged mixed folder (PDFs, photos, a DOCX) with a warm cache
        os.rename(pdf_folder, mixed)
        for p in photos:
            os.replace(p, mixed / p.name)
        (mixed / "合同.docx").write_bytes(docx_bytes(CONTRACT_PARAS))
        cache_dir = tmp_path / "cache"
        read_folder(mixed, None, cache_dir=cache_dir, recognisers=recs)  # first run fills the cache
        base, ours = paired(lambda: bare_hash(mixed),
                            lambda: read_folder(mixed, None, cache_dir=cache_dir, recognisers=recs), args.repeat * 3)
        files = len(walk_folder(mixed))
        results["second_run_vs_hashing"] = {"files": files, "baseline_s": base, "ours_s": ours,
                                            "ratio": ours / base, "aim": 3.0}
    print(f"catalog: {catalog_name}; best of {args.repeat}")
    print(f"{'measure':28} {'files':>5} {'baseline s':>11} {'ours s':>9} {'ratio':>7} {'aim':>5}")
    for name, r in results.items():
        flag = "" if r["ratio"] <= r["aim"] else "  (over the aim)"
        print(f"{name:28} {r['files']:5d} {r['baseline_s']:11.4f} {r['ours_s']:9.4f} {r['ratio']:7.2f} "
              f"{r['aim']:5.1f}{flag}")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "documents.json").write_text(json.dumps({"catalog": catalog_name, "results": results}, indent=2))
    return 0 if args.only == "reading" else ocr_main(args)


def ocr_main(args) -> int:
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    results: dict[str, dict] = {}
    if args.only in (None, "backends"):
        r = results["backends"] = backends_side_by_side(args.repeat)
        print(f"OCR engines on {r['photos']} sample photos, {args.repeat} interleaved rounds")
        print(f"{'engine':18} {'s/photo (best)':>15} {'× faster than onnxruntime/full (median, min-max)':>50}")
        for name, e in r["engines"].items():
            print(f"{name:18} {e['s_per_photo_best']:15.3f} {e['speedup_vs_onnxruntime_full']:30.2f} "
                  f"({e['speedup_min']:.2f}-{e['speedup_max']:.2f})")
        ratios = r["openvino_vs_onnxruntime_same_pipeline"]
        print(f"openvino vs onnxruntime, same pipeline: {_median(ratios):.2f}× "
              f"({ratios[0]:.2f}-{ratios[-1]:.2f})")
    if args.only in (None, "cold"):
        before = Path(args.before).resolve() if args.before else None
        r = results["cold_check"] = cold_checks(args.repeat, before)
        print(f"cold `matcheck check` per folder, {args.repeat} alternating runs (before: onnxruntime, rapidocr's "
              f"pipeline{', code of ' + str(before) if before else ''}; now: defaults, compiled models cached; "
              "first run: that cache empty too)")
        for name, c in r.items():
            line = f"{name:20} before {min(c['s']['before']):5.1f} s"
            for k in settings(before):
                if k != "before":
                    line += (f" | {k} {min(c['s'][k]):5.1f} s, ÷ before {c[k]['over_before']:.2f} "
                             f"({c[k]['min']:.2f}-{c[k]['max']:.2f})")
            print(line)
    (out / "ocr_backends.json").write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
