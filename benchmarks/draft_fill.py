"""How much of a profile ``matcheck init FOLDER --from-documents`` fills, per folder (not a timing benchmark).

For each bundled sample (``samples/*``: photos and scans through the offline OCR, cached after the first run) and
each synthetic applicant folder (``synth.applicant.write_applicant`` with ``synth.population`` people, text PDFs and
DOCX; ``--photos`` makes their ID card, 居住证, 户口簿 and certificates JPEG photos read by OCR), and the folders of
the independent ``fieldkit`` family when it is present (text PDFs, DOCX, zips), draft the profile from the documents
alone and compare it with the folder's own profile (:mod:`matcheck.draft.measure`): the share of
facts filled correctly, filled wrongly, left 待核实, and not drafted at all. Prints a table and writes
``benchmarks/results/draft_fill.json``; exits 1 if any fact is filled wrongly (every filled fact is a sure reading).

    .venv/bin/python benchmarks/draft_fill.py [--population 12] [--photos]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from matcheck.draft import draft_folder, render  # noqa: E402
from matcheck.draft.folder import profile_of  # noqa: E402
from matcheck.draft.measure import OUTCOMES, measure  # noqa: E402
from matcheck.profile import load_profile  # noqa: E402


def fill_of(folder: Path, truth_path: Path, cache_dir: Path | None) -> dict:
    truth = load_profile(truth_path)
    draft, _ = draft_folder(folder, truth.as_of, cache_dir=cache_dir)
    fill = measure(truth, profile_of(render(draft, str(folder)), f"draft of {folder}"))
    row = {k: fill.count(k) for k in OUTCOMES}
    row["total"] = fill.total
    row["not_comparable"] = fill.count("not_comparable")
    row["wrong_paths"] = fill.paths["wrong"]
    row["to_verify_paths"] = fill.paths["to_verify"]
    row["not_drafted_paths"] = fill.paths["not_drafted"]
    return row


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--population", type=int, default=12, help="synthetic applicants (seeds 1..N)")
    ap.add_argument("--photos", action="store_true", help="synthetic folders with JPEG photos (OCR; slow)")
    args = ap.parse_args(argv)
    from synth.applicant import write_applicant

    rows: dict[str, dict] = {}
    for sample in sorted((ROOT / "samples").iterdir()):
        if (sample / "profile.yaml").is_file():
            rows[f"samples/{sample.name}"] = fill_of(sample, sample / "profile.yaml", None)
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "cache"
        for seed in range(1, args.population + 1):
            folder = Path(tmp) / f"population-{seed}"
            write_applicant(folder, images=args.photos, seed=seed)
            rows[f"synth population seed {seed}"] = fill_of(folder, folder / "profile.yaml", cache)
        try:  # the second, independent family of documents (issue 10), when present
            from fieldkit.folders import VARIANTS, write_folder
        except ImportError:
            VARIANTS = ()
        for variant in VARIANTS:
            folder = Path(tmp) / f"fieldkit-{variant}"
            write_folder(folder, variant)
            rows[f"fieldkit {variant}"] = fill_of(folder, folder / "profile.yaml", cache)
    width = max(len(k) for k in rows)
    print(f"{'folder':<{width}}  facts  correct    wrong  待核实   not drafted")
    totals = dict.fromkeys(OUTCOMES + ("total",), 0)
    for name, r in rows.items():
        n = r["total"] or 1
        print(f"{name:<{width}}  {r['total']:5d}  {r['correct'] / n:6.0%}  {r['wrong'] / n:6.0%}  "
              f"{r['to_verify'] / n:6.0%}  {r['not_drafted'] / n:6.0%}")
        for k in totals:
            totals[k] += r[k]
    n = totals["total"] or 1
    print(f"{'all':<{width}}  {totals['total']:5d}  {totals['correct'] / n:6.0%}  {totals['wrong'] / n:6.0%}  "
          f"{totals['to_verify'] / n:6.0%}  {totals['not_drafted'] / n:6.0%}")
    for name, r in rows.items():
        if r["wrong_paths"]:
            print(f"WRONG in {name}: {', '.join(r['wrong_paths'])}")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "draft_fill.json").write_text(json.dumps({"folders": rows, "totals": totals}, ensure_ascii=False,
                                                    indent=1), encoding="utf-8")
    return 1 if totals["wrong"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
