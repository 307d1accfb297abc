"""unrecognised-file: a file in the folder matches no material of the catalog.

**What it checks.** Files the folder reader could read but not classify (no title or keyword of any material in
``checklists/materials.yaml``), and files of a type it does not read (a legacy ``.doc``, a zip, a spreadsheet).
matcheck does not guess: such a file satisfies nothing on the checklist.

**Why it matters.** Not a problem for the centre by itself (``info``), but a required material hidden in such a
file is not counted, so ``missing-material`` may fire for it. The HR officer should look at it.

**Example.** ``新建文件夹/扫描件3.pdf`` has no recognisable title → ``未识别的文件：扫描件3.pdf``.

**How to fix.** If it is a required material, scan it so its title is legible (or save a ``.doc`` as ``.docx`` or
PDF, unpack a zip); otherwise move it out of the applicant's folder.
"""

from __future__ import annotations

from typing import Iterator

from matcheck import rule_names
from matcheck.results import Finding
from matcheck.rules.base import Facts, from_observations

CODE = "MC203"
NAME = rule_names.UNRECOGNISED_FILE
SEVERITY = "info"
REFERENCE = "documents.md §0.1 (classification) ; checklists/materials.yaml (recognise blocks)"
NEEDS = frozenset({"documents"})
MESSAGE = {
    "zh": "未识别的文件：{file}（{file_type}），不属于清单上的任何材料。",
    "en": "Unrecognised file: {file} ({file_type}); it matches no material on the checklist.",
}
HINT = {
    "zh": "若它是所需材料，请清晰扫描使标题可读（.doc 另存为 .docx 或 PDF，zip 请解压）；否则移出文件夹。",
    "en": "If it is a required material, rescan it so the title is legible (save .doc as .docx/PDF, unpack zips); "
          "otherwise move it out of the folder.",
}


def check(facts: Facts) -> Iterator[Finding]:
    yield from from_observations(__name__, facts, about_files=True, file_type="?")
