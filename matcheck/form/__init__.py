"""The printable documents: the pre-filled 《上海市居住证》积分申请表 and the 材料核对清单, as DOCX or PDF.

Each is a field model built by a pure function (:func:`matcheck.form.model.application_form`,
:func:`matcheck.form.checklist_sheet.checklist_sheet`), then laid out by one writer per format. The output goes
only where the caller names it (``-o``); nothing is ever written into an applicant's folder by default.
"""

from __future__ import annotations

from pathlib import Path

from matcheck.errors import UsageError
from matcheck.form.checklist_sheet import checklist_sheet
from matcheck.form.layout import FormModel
from matcheck.form.model import application_form
from matcheck.outputs import write_output_file
from matcheck.profile import Profile
from matcheck.results import Checklist, Score

FORMATS = (".docx", ".pdf")


def render(model: FormModel, suffix: str) -> bytes:
    """The document bytes for ``model`` in the format named by ``suffix`` (``.docx`` or ``.pdf``)."""
    suffix = suffix.lower()
    if suffix == ".pdf":
        from matcheck.form.pdf_writer import render_pdf

        return render_pdf(model)
    if suffix == ".docx":
        from matcheck.form.docx_writer import render_docx

        return render_docx(model)
    raise UsageError(f"-o: a printable document must end in .docx or .pdf, not {suffix or '(no extension)'!r}")


def _write(model: FormModel, path: Path) -> Path:
    path = Path(path)
    write_output_file(path, render(model, path.suffix))
    return path


def write_application_form(profile: Profile, score: Score, path: Path) -> Path:
    """Write the pre-filled 积分申请表 to ``path`` (.docx or .pdf)."""
    return _write(application_form(profile, score), path)


def write_checklist_sheet(profile: Profile, checklist: Checklist, path: Path) -> Path:
    """Write the materials checklist as a sheet to tick off (.docx or .pdf)."""
    return _write(checklist_sheet(profile, checklist), path)


__all__ = ["FORMATS", "FormModel", "application_form", "checklist_sheet", "render", "write_application_form",
           "write_checklist_sheet"]
