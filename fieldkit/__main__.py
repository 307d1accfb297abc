"""``python -m fieldkit OUT``: write every fieldkit folder under OUT (clean/<variant>, problem/<name>, sweep)."""

import sys
from pathlib import Path

from fieldkit import PROBLEMS, VARIANTS, write_catalog_sweep, write_folder


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m fieldkit OUT", file=sys.stderr)
        return 2
    out = Path(argv[0])
    for variant in VARIANTS:
        write_folder(out / "clean" / variant, variant)
    for problem in PROBLEMS:
        write_folder(out / "problem" / problem, "", problem)
    write_catalog_sweep(out / "sweep")
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
