"""Start-up of the CLI, measured as ratios against ``python -c "import typer"`` in the same run (never absolute
times), plus a check that ``matcheck score`` loads no heavy module (PDF, OCR, DOCX, images):

1. ``python -m matcheck --help`` cold start ÷ ``python -c "import typer"`` — aim ≤ 2.5×;
2. ``python -m matcheck score PROFILE --format json`` (a profile below the standard, so the road to 120 is
   simulated too) ÷ the same baseline, and ÷ a minimal typer app with one command taking a path and an option
   (typer 0.29 imports pydantic to coerce options, about 60 ms that ``import typer`` alone does not pay) — aim
   ≤ 2× the minimal app;
3. after ``score`` (in-process, through the real typer app) none of pypdf, pypdfium2, rapidocr_onnxruntime,
   onnxruntime, cv2, docx, reportlab, PIL is in ``sys.modules``.

Each command runs ``--runs`` times in a fresh interpreter (interleaved, so drift hits all alike); the median is
used. Results are printed and written to ``benchmarks/results/startup.json``.

    .venv/bin/python benchmarks/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("pypdf", "pypdfium2", "rapidocr_onnxruntime", "onnxruntime", "cv2", "docx", "reportlab", "PIL")

PROFILE = """\
as_of: 2026-11-20
applicant:
  id_number: "320102199203154514"
  residence_permit: {issued: 2024-03-01, expires: 2027-02-28}
employer: {name: 上海示例信息科技有限公司}
contract: {start: 2022-07-01, end: 2027-06-30}
education:
  - {level: 大专, mode: 全日制, start: 2011-09, end: 2014-06}
social_insurance:
  - {from: 2022-07, to: 至今, unit: 上海示例信息科技有限公司, base_multiple: 0.9}
"""

MINIMAL_APP = """
import sys
from pathlib import Path
from typing import Optional
import typer
app = typer.Typer()
@app.command()
def score(profile: Path, as_of: Optional[str] = typer.Option(None, "--as-of"), format: str = "text") -> None:
    sys.stdout.write(profile.read_text(encoding="utf-8")[:10])
app()
"""

HEAVY_CHECK = """
import sys
from typer.testing import CliRunner
from matcheck.cli import app
result = CliRunner().invoke(app, ["score", sys.argv[1], "--format", "json"])
assert result.exit_code in (0, 1), result.output
print(",".join(m for m in %r if m in sys.modules))
""" % (HEAVY,)


def timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile.yaml"
        profile.write_text(PROFILE, encoding="utf-8")
        commands = {
            "baseline_import_typer": [py, "-c", "import typer"],
            "baseline_minimal_typer_app": [py, "-c", MINIMAL_APP, str(profile), "--format", "json"],
            "matcheck_help": [py, "-m", "matcheck", "--help"],
            "matcheck_score": [py, "-m", "matcheck", "score", str(profile), "--format", "json"],
        }
        for cmd in commands.values():  # warm the OS file cache and .pyc files
            timed(cmd)
        samples: dict[str, list[float]] = {k: [] for k in commands}
        for _ in range(args.runs):
            for name, cmd in commands.items():
                samples[name].append(timed(cmd))
        heavy = subprocess.run([py, "-c", HEAVY_CHECK, str(profile)], cwd=ROOT, capture_output=True, text=True,
                               check=True).stdout.strip()
    medians = {k: statistics.median(v) for k, v in samples.items()}
    base = medians["baseline_import_typer"]
    result = {
        "runs": args.runs,
        "help_ratio": round(medians["matcheck_help"] / base, 2),
        "score_ratio": round(medians["matcheck_score"] / base, 2),
        "score_vs_minimal_app_ratio": round(medians["matcheck_score"] / medians["baseline_minimal_typer_app"], 2),
        "minimal_app_ratio": round(medians["baseline_minimal_typer_app"] / base, 2),
        "heavy_modules_after_score": [m for m in heavy.split(",") if m],
    }
    n = args.runs
    print(f"matcheck --help  : {result['help_ratio']}× python -c 'import typer' (median of {n}; aim ≤ 2.5×)")
    print(f"matcheck score   : {result['score_ratio']}× python -c 'import typer' (median of {n})")
    print(f"minimal typer app: {result['minimal_app_ratio']}× python -c 'import typer' (the floor of any typer command)")
    print(f"matcheck score   : {result['score_vs_minimal_app_ratio']}× the minimal typer app (aim ≤ 2×)")
    print(f"heavy modules after score: {result['heavy_modules_after_score'] or 'none'}")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "startup.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 1 if result["heavy_modules_after_score"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
