"""Finding a CJK font (中文字体) to embed in the printable PDF, so that it prints the same everywhere.

Order: the file named by ``MATCHECK_FONT``; then the known font files (WenQuanYi Micro Hei first, the Debian
package ``fonts-wqy-microhei``) looked up in the font folders (``MATCHECK_FONT_DIRS``, a path list, replaces the
system folders: tests use it to simulate a machine without fonts). reportlab embeds TrueType outlines only, so a
candidate must load as a TrueType font and hold the CJK glyphs the form uses; CFF-outline fonts (Noto CJK .ttc)
are skipped.

None found → :class:`matcheck.errors.UsageError` with one line saying which package to install (exit 2),
never a PDF of blank boxes.
"""

from __future__ import annotations

import os
import sys
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from matcheck.errors import UsageError

NO_FONT_MESSAGE = ("no CJK font found; install the Debian package fonts-wqy-microhei "
                   "(apt-get install fonts-wqy-microhei) or set MATCHECK_FONT")

# Characters every face must have: the form's own words and its check boxes.
PROBE_CHARS = "积分申请表居住证□■第页共"

# File names, best first (all TrueType outlines). Index: the face inside a .ttc.
KNOWN_FONT_FILES: tuple[tuple[str, int], ...] = (
    ("wqy-microhei.ttc", 0),      # Debian fonts-wqy-microhei
    ("wqy-zenhei.ttc", 0),        # Debian fonts-wqy-zenhei
    ("DroidSansFallbackFull.ttf", 0),
    ("uming.ttc", 0),             # Debian fonts-arphic-uming
    ("ukai.ttc", 0),
    ("simsun.ttc", 0),            # Windows 宋体
    ("simhei.ttf", 0),            # Windows 黑体
    ("msyh.ttc", 0),              # Windows 微软雅黑
    ("Songti.ttc", 0),            # macOS
    ("STHeiti Light.ttc", 0),
    ("Arial Unicode.ttf", 0),
)


def system_font_dirs() -> tuple[Path, ...]:
    """Where fonts live: ``MATCHECK_FONT_DIRS`` if set (os.pathsep-separated), else the usual system folders."""
    env = os.environ.get("MATCHECK_FONT_DIRS")
    if env is not None:
        return tuple(Path(p) for p in env.split(os.pathsep) if p)
    home = Path.home()
    dirs = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".local/share/fonts", home / ".fonts",
            Path("/Library/Fonts"), Path("/System/Library/Fonts"), home / "Library/Fonts"]
    if sys.platform.startswith("win"):
        dirs.insert(0, Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts")
    return tuple(dirs)


@dataclass(frozen=True)
class CjkFont:
    """A usable CJK TrueType face: its file and the face index inside a collection (.ttc)."""

    path: Path
    subfont_index: int = 0

    @property
    def reportlab_name(self) -> str:
        return "MatcheckCJK"


def _usable(path: Path, index: int) -> str | None:
    """None when reportlab can embed the face and it has the probe glyphs; else why not."""
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    try:
        face = TTFont("probe", str(path), subfontIndex=index)
    except (TTFError, OSError, ValueError, IndexError, KeyError, AssertionError) as exc:
        return f"cannot be embedded ({exc})"
    missing = [c for c in PROBE_CHARS if ord(c) not in face.face.charToGlyph]
    if missing:
        return f"has no glyph for {''.join(missing)!r} (not a CJK font)"
    return None


def _search(dirs: tuple[Path, ...]) -> CjkFont | None:
    for filename, index in KNOWN_FONT_FILES:
        for folder in dirs:
            if not folder.is_dir():
                continue
            direct = folder / filename
            hits = [direct] if direct.is_file() else sorted(folder.rglob(filename))
            for hit in hits:
                if _usable(hit, index) is None:
                    return CjkFont(hit, index)
    return None


@lru_cache(maxsize=8)
def _find(env_font: str | None, env_index: str | None, dirs: tuple[Path, ...]) -> CjkFont:
    if env_font:
        path = Path(env_font).expanduser()
        index = int(env_index) if env_index and env_index.isdigit() else 0
        if not path.is_file():
            raise UsageError(f"MATCHECK_FONT={env_font}: no such file; {NO_FONT_MESSAGE} to a TrueType CJK font")
        problem = _usable(path, index)
        if problem:
            raise UsageError(f"MATCHECK_FONT={env_font}: {problem}; {NO_FONT_MESSAGE} to a TrueType CJK font")
        return CjkFont(path, index)
    found = _search(dirs)
    if found is None:
        raise UsageError(NO_FONT_MESSAGE)
    return found


def find_cjk_font() -> CjkFont:
    """The CJK font to embed: ``MATCHECK_FONT`` (face ``MATCHECK_FONT_INDEX``), else the first known file found."""
    return _find(os.environ.get("MATCHECK_FONT") or None, os.environ.get("MATCHECK_FONT_INDEX"), system_font_dirs())


def register_reportlab_font() -> str:
    """Register the CJK face with reportlab (embedded, subset) and return its font name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    font = find_cjk_font()
    name = f"{font.reportlab_name}-{zlib.crc32(f'{font.path}#{font.subfont_index}'.encode()):08x}"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(font.path), subfontIndex=font.subfont_index))
    return name
