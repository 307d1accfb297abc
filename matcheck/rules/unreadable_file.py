"""unreadable-file: a file in the folder cannot be read (corrupt, truncated, encrypted, empty, too large, a bomb).

**What it checks.** What the folder reader could not open: a truncated or corrupt PDF, a PDF with a password, an
empty file, a file over the size limit, a decompression-bomb image or zip bomb, a file name that is not valid
UTF-8, a link pointing outside the folder. The reader never stops on such a file; it records why, and this rule
reports it.

**Why it matters.** What matcheck cannot read, the centre cannot print or verify either: an encrypted 学信网 PDF
or a broken scan is sent back, and whatever material it was meant to be is not checked (it may also show as
missing).

**Example.** ``个税.pdf`` asks for a password → ``文件无法读取：个税.pdf（PDF 已加密，需要密码）``.

**How to fix.** Export or download the document again (学信网 and the 个人所得税 App give unencrypted PDFs; do not
set an opening password), or rescan it; replace the file in the folder. Remove files that do not belong there.
"""

from __future__ import annotations

from typing import Iterator

from matcheck import rule_names
from matcheck.results import Finding
from matcheck.rules.base import Facts, from_observations

CODE = "MC201"
NAME = rule_names.UNREADABLE_FILE
SEVERITY = "error"
REFERENCE = "《〈上海市居住证〉积分申请的个人书面材料》：每份材料须可打印、可核验 (O7; S28) [B]"
NEEDS = frozenset({"documents"})
MESSAGE = {
    "zh": "文件无法读取：{file}（{reason}）。",
    "en": "{file} cannot be read: {reason} ({detail}).",
}
HINT = {
    "zh": "重新下载或重新扫描该文件（不要设置打开密码），替换文件夹中的文件；无关文件请移出。",
    "en": "Download or scan it again (no opening password) and replace the file; remove files that do not belong.",
}


def check(facts: Facts) -> Iterator[Finding]:
    yield from from_observations(__name__, facts, about_files=True, reason="", detail="")
