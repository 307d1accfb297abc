"""What the reader and the checker make of the fieldkit folders: false errors on clean folders, planted problems
found, and material-and-person accuracy per document. Used by ``tests/fieldkit`` and
``benchmarks/fieldkit_bench.py`` (which prints the figures recorded in ``benchmarks/README.md``)."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from fieldkit.folders import PROBLEMS, VARIANTS, Expect, write_catalog_sweep, write_folder


@dataclass
class FolderResult:
    name: str
    expect: Expect
    errors: list[str]  # "rule: message" of every error-level finding
    rules: set[str]  # every rule reported (any severity)
    documents: list[tuple[str, str | None, str | None]]  # (path, material, person) as read
    exit_code: int = 0


@dataclass
class Figures:
    clean: list[FolderResult] = field(default_factory=list)
    planted: list[FolderResult] = field(default_factory=list)
    sweep: FolderResult | None = None

    @property
    def false_errors(self) -> list[str]:
        return [f"{r.name}: {e}" for r in self.clean for e in r.errors]

    @property
    def planted_found(self) -> list[str]:
        return [r.name for r in self.planted if r.expect.must <= r.rules]

    def accuracy(self) -> tuple[int, int, list[str]]:
        """(right, total, wrong): documents whose material and person were read as written."""
        right, total, wrong = 0, 0, []
        for r in [*self.clean, *([self.sweep] if self.sweep else [])]:
            read = list(r.documents)
            for path, material, person in r.expect.documents:
                total += 1
                hit = next((d for d in read if d[0] == path and d[1] == material), None)
                if hit is not None and (hit[2] == person):
                    right += 1
                    read.remove(hit)
                else:
                    got = [d for d in read if d[0] == path]
                    wrong.append(f"{r.name}/{path}: expected {material}/{person}, read {got}")
        return right, total, wrong


def check_one(folder: Path, name: str, expect: Expect, cache_dir: Path) -> FolderResult:
    from matcheck.check import check_applicant

    report = check_applicant(folder, cache_dir=cache_dir)
    errors = [f"{f.rule}: {f.message}" for f in report.findings if f.severity == "error"]
    rules = {f.rule for f in report.findings}
    docs = [(d.path, d.material, d.person) for d in report.documents]
    return FolderResult(name, expect, errors, rules, docs, 1 if errors else 0)


def measure(root: Path | None = None, variants=VARIANTS, problems=tuple(PROBLEMS), sweep: bool = True) -> Figures:
    """Write the folders under ``root`` (a temporary directory if None) and check every one."""
    with tempfile.TemporaryDirectory(prefix="fieldkit-") as tmp:
        base = Path(root or tmp)
        cache = base / ".cache"
        out = Figures()
        for v in variants:
            expect = write_folder(base / "clean" / v, v)
            out.clean.append(check_one(base / "clean" / v, f"clean/{v}", expect, cache))
        for p in problems:
            expect = write_folder(base / "problem" / p, "", p)
            out.planted.append(check_one(base / "problem" / p, f"problem/{p}", expect, cache))
        if sweep:
            expect = write_catalog_sweep(base / "sweep")
            out.sweep = check_one(base / "sweep", "sweep", expect, cache)
        return out


def summary(f: Figures) -> str:
    right, total, wrong = f.accuracy()
    lines = [f"clean folders: {len(f.clean)}, false errors: {len(f.false_errors)}",
             *[f"  {e}" for e in f.false_errors],
             f"planted problems found: {len(f.planted_found)}/{len(f.planted)}",
             *[f"  missed {r.name}: expected {sorted(r.expect.must)}, reported {sorted(r.rules)}"
               for r in f.planted if r.name not in f.planted_found],
             f"material and person right: {right}/{total} = {100 * right / max(total, 1):.1f}%",
             *[f"  {w}" for w in wrong]]
    return "\n".join(lines)
