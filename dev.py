#!/usr/bin/env python3
"""Set up and run matcheck with nothing but Python 3.11 (stdlib only).

    python3 dev.py sample   # set up, then check the bundled sample applicant folder
    python3 dev.py test     # set up, then run the whole test suite
    python3 dev.py setup    # only set up

Setting up means: a virtual environment in .venv with matcheck and its test tools, and a CJK font (Debian
package fonts-wqy-microhei, via apt-get when run as root) for the printable PDF form and the generated fixtures.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
FONT_PACKAGES = ["fonts-wqy-microhei"]
FONT_FILES = ["/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"]
SAMPLE = "samples/li-ming"


def run(*cmd: str, **kw) -> None:
    print("+", " ".join(cmd), file=sys.stderr, flush=True)
    subprocess.run(cmd, check=True, **kw)


def ensure_venv() -> None:
    stamp = VENV / ".matcheck-installed"
    pyproject = ROOT / "pyproject.toml"
    if stamp.exists() and stamp.stat().st_mtime >= pyproject.stat().st_mtime:
        return
    if not (BIN / "python").exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    pip = [str(BIN / "python"), "-m", "pip", "--disable-pip-version-check"]
    run(*pip, "install", "-q", "--upgrade", "pip")
    run(*pip, "install", "-q", "-e", f"{ROOT}[test,cluster]")  # cluster: the Dask batch tests run in CI too
    stamp.write_text("ok\n")


def ensure_font() -> None:
    if any(Path(f).exists() for f in FONT_FILES) or os.environ.get("MATCHECK_FONT"):
        return
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        run("apt-get", "update", "-qq", env=env)
        run("apt-get", "install", "-y", "-qq", "--no-install-recommends", *FONT_PACKAGES, env=env)
        return
    print("matcheck: no CJK font found; install one, e.g. `sudo apt-get install fonts-wqy-microhei`, "
          "or set MATCHECK_FONT=/path/to/font.ttf", file=sys.stderr)


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11) or sys.version_info >= (3, 13):
        print(f"matcheck needs Python 3.11 or 3.12, this is {sys.version.split()[0]}", file=sys.stderr)
        return 2
    what = argv[0] if argv else "sample"
    ensure_venv()
    ensure_font()
    if what == "setup":
        return 0
    if what == "sample":
        return subprocess.run([str(BIN / "matcheck"), "check", str(ROOT / SAMPLE), *argv[1:]]).returncode
    if what == "test":
        return subprocess.run([str(BIN / "python"), "-m", "pytest", "-n", "2", *argv[1:]], cwd=ROOT).returncode
    print(f"usage: python3 dev.py [sample|test|setup]; got {what!r}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
