"""Reading a folder for a draft: the same reader as ``matcheck check`` (:func:`matcheck.documents.read_folder`),
twice — first without a profile, to find who the applicant and spouse are (:func:`people_of_folder`), then with
them, so that the reader decides whose each document is exactly as it does for ``check``. The second reading takes
the extracted text (and OCR) from the cache. Nothing is written into the folder."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Callable

from matcheck.draft.build import draft_from_documents, people_of_folder
from matcheck.draft.model import Draft
from matcheck.results import Document


def draft_folder(folder: Path, as_of: date | None = None, *, use_cache: bool = True,
                 cache_dir: Path | None = None, progress: Callable[[int, int, str], None] | None = None
                 ) -> tuple[Draft, tuple[Document, ...]]:
    """The draft profile of ``folder`` (and the Documents it was drafted from). ``progress`` as for
    :func:`matcheck.documents.read_folder` (the first reading only: the second takes its text from the cache)."""
    if not use_cache:  # read every file afresh, but once: the second reading takes the text from a cache of this run
        with tempfile.TemporaryDirectory(prefix="matcheck-draft-") as tmp:
            return draft_folder(folder, as_of, use_cache=True, cache_dir=Path(tmp), progress=progress)
    from matcheck.documents import read_folder

    first = read_folder(folder, None, use_cache=use_cache, cache_dir=cache_dir, progress=progress)
    people = people_of_folder(first)
    documents = read_folder(folder, people, use_cache=use_cache, cache_dir=cache_dir) if people else first
    draft = draft_from_documents(documents, as_of or date.today())
    if people is None:
        draft = Draft(draft.as_of, draft.facts, draft.remarks + (
            "未能确定申请人：居住证、社保、个税、劳动合同上都没有读到身份证号码。",))
    return draft, documents


def profile_of(text: str, source: str):
    """The Profile a rendered draft loads as — the same loader as a profile file (``待核实`` → to verify)."""
    import yaml

    from matcheck.profile.load import parse_profile

    return parse_profile(yaml.safe_load(text), source=source)
