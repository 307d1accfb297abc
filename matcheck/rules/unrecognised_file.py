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

from dataclasses import replace
from typing import Iterator

from matcheck import rule_names
from matcheck.results import Finding
from matcheck.rules.base import Facts, from_observations, render

CODE = "MC203"
NAME = rule_names.UNRECOGNISED_FILE
SEVERITY = "info"
REFERENCE = "matcheck 的识别规则（checklists/materials.yaml 的 recognise 段；docs/folder-reading.md）"
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


HINT_TYPE = {  # a file of a type the reader does not read (a legacy .doc, a spreadsheet, an archive): what to do
    "zh": "{reason}；若不是所需材料，请移出文件夹。",
    "en": "matcheck does not read this type of file ({file_type}): save it as PDF or DOCX, or unpack the archive; "
          "otherwise move it out of the folder.",
}


def check(facts: Facts) -> Iterator[Finding]:
    for finding, obs in zip(from_observations(__name__, facts, about_files=True, file_type="?"),
                            facts.observations(NAME)):
        if obs.args.get("reason"):
            finding = replace(finding, hint=render(HINT_TYPE, facts.config.lang, {"file_type": "?", **obs.args}))
        yield finding
