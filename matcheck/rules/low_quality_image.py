"""low-quality-image: a photo or scan is too small, blurred or nearly blank to be read reliably.

**What it checks.** The image measurements the folder reader makes on every photo and scanned page (pixel size,
sharpness, contrast, blank share); the reader decides against its thresholds and records why.

**Why it matters.** The 受理点 copies and files what it receives; a blurred phone photo of a certificate or an
almost blank scan may be refused, and what matcheck read from it (names, dates, ID numbers) is uncertain. A risk,
not a rule text: a warning.

**Example.** ``IMG_2031.jpg`` is 480×320 pixels → ``图片质量差：IMG_2031.jpg（分辨率过低）``.

**How to fix.** Photograph the document again flat, in even light, filling the frame (or scan it at 300 dpi), and
replace the file.
"""

from __future__ import annotations

from typing import Iterator

from matcheck import rule_names
from matcheck.results import Finding
from matcheck.rules.base import Facts, from_observations

CODE = "MC202"
NAME = rule_names.LOW_QUALITY_IMAGE
SEVERITY = "warning"
REFERENCE = "《〈上海市居住证〉积分申请的个人书面材料》：复印件须清晰可辨（受理实践） (O7; S28) [C]"
NEEDS = frozenset({"documents"})
MESSAGE = {
    "zh": "图片质量差：{file}（{reason}）。",
    "en": "Poor image quality: {file} ({reason}).",
}
HINT = {
    "zh": "在光线均匀处平放拍摄（或以 300 dpi 扫描），让文件充满画面，替换该文件。",
    "en": "Photograph it flat in even light, filling the frame (or scan at 300 dpi), and replace the file.",
}


def check(facts: Facts) -> Iterator[Finding]:
    yield from from_observations(__name__, facts, about_files=True, reason="")
