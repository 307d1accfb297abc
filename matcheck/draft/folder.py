"""Reading a folder for a draft: the same reader as ``matcheck check`` (:func:`matcheck.documents.read_folder`),
once — with ``holder=people_of_folder``: the reader reads every file without a profile, :func:`people_of_folder`
finds who the applicant and spouse are, and the reader decides whose each document is with them, from the same
bytes and extractions (no file is read, hashed or OCR-ed twice; with ``--no-cache`` the extractions are kept in
memory for the second look), exactly as it does for ``check``. Nothing is written into
the folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

from matcheck.draft.build import draft_from_documents, people_of_folder
from matcheck.draft.model import Draft
from matcheck.results import Document

NO_APPLICANT = "未能确定申请人：居住证、社保、个税、劳动合同上都没有读到身份证号码。"


def draft_folder(folder: Path, as_of: date | None = None, *, use_cache: bool = True,
                 cache_dir: Path | None = None, progress: Callable[[int, int, str], None] | None = None
                 ) -> tuple[Draft, tuple[Document, ...]]:
    """The draft profile of ``folder`` (and the Documents it was drafted from). ``progress`` as for
    :func:`matcheck.documents.read_folder`."""
    from matcheck.documents import read_folder

    documents = read_folder(folder, None, use_cache=use_cache, cache_dir=cache_dir, progress=progress,
                            holder=people_of_folder)
    return draft_of(documents, as_of or date.today()), documents


def draft_of(documents: tuple[Document, ...], as_of: date) -> Draft:
    """The draft of documents read as :func:`draft_folder` reads them (a pure function)."""
    draft = draft_from_documents(documents, as_of)
    if people_of_folder(documents) is None:  # the fields it decides by do not depend on whose a document is
        return Draft(draft.as_of, draft.facts, draft.remarks + (NO_APPLICANT,))
    return draft


def profile_of(text: str, source: str):
    """The Profile a rendered draft loads as — the same loader as a profile file (``待核实`` → to verify)."""
    import yaml

    from matcheck.profile.load import parse_profile

    return parse_profile(yaml.safe_load(text), source=source)
