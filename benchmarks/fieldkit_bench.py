"""The reader and the checker over fieldkit, the document family independent of synth/ (issue 10's figures).

    .venv/bin/python benchmarks/fieldkit_bench.py [--keep DIR]

Writes every fieldkit folder (4 clean variants, one folder per planted problem, the catalog sweep) into a
temporary directory (or DIR), runs ``check`` on each, and prints: error-level findings on the clean folders (must
be 0), planted problems reported (must be all), and the share of documents whose material and holder were read as
written (must be ≥ 98%). Also written to ``benchmarks/results/fieldkit.json``. These are counts, not timings.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fieldkit.measure import measure, summary  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keep", type=Path, help="write the folders here (kept) instead of a temporary directory")
    args = parser.parse_args()
    figures = measure(args.keep)
    print(summary(figures))
    right, total, _ = figures.accuracy()
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / "fieldkit.json").write_text(json.dumps({
        "clean_folders": len(figures.clean), "false_errors": len(figures.false_errors),
        "planted": len(figures.planted), "planted_found": len(figures.planted_found),
        "documents": total, "material_and_person_right": right,
        "accuracy": round(right / max(total, 1), 4)}, indent=2), encoding="utf-8")
    ok = not figures.false_errors and len(figures.planted_found) == len(figures.planted) and right >= 0.98 * total
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
