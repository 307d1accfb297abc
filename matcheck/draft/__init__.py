"""A draft profile from an applicant's folder (``matcheck init FOLDER --from-documents``).

documents (+ as_of) ──► :func:`draft_from_documents` ──► :class:`Draft` (frozen facts: value, source file/page,
confidence, or conflict) ──► :func:`render` ──► commented profile.yaml. :func:`draft_folder` reads the folder with
the same reader as ``matcheck check``; :mod:`matcheck.draft.measure` scores a draft against a known profile.
See ``docs/draft.md``.
"""

from matcheck.draft.build import draft_from_documents, people_of_folder
from matcheck.draft.folder import draft_folder
from matcheck.draft.model import Draft, Fact, Reading, Source
from matcheck.draft.render import render

__all__ = ["Draft", "Fact", "Reading", "Source", "draft_folder", "draft_from_documents", "people_of_folder",
           "render"]
