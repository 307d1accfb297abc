"""``matcheck check``: one applicant folder → a :class:`~matcheck.results.CheckReport` (材料预审).

profile.yaml (or ``--profile``) → :class:`~matcheck.profile.Profile` → score and checklist (policy in force on the
assessment date) → the folder read (:func:`matcheck.documents.read_folder`: what each file is, whose, what it says)
→ the status of every checklist line (:func:`matcheck.gaps.material_statuses`) → every rule → the frozen report.

A pure function of its inputs: it reads the folder and never writes into it (the extraction cache lives outside,
see :mod:`matcheck.documents`). A folder or profile that cannot be used raises :class:`ProfileError` (one line
per problem: file, field, value, what was expected), which the CLI prints and turns into exit code 2.
"""

from __future__ import annotations

import hashlib

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from matcheck.assessment import assess
from matcheck.checklist.build import build_checklist
from matcheck.documents import read_folder
from matcheck.documents.person import Person, people_of
from matcheck.documents.snapshot import FolderFiles, read_files
from matcheck.documents.walk import PROFILE_NAMES
from matcheck.gaps import material_statuses
from matcheck.profile import Profile, ProfileError, load_profile
from matcheck.profile.load import read_profile_bytes
from matcheck.results import CheckReport, Document
from matcheck.rules import Facts, RuleConfig, run_rules
from matcheck.scoring import score as score_assessment

PROFILE_NAME, PROFILE_ALTERNATIVES = PROFILE_NAMES[0], PROFILE_NAMES[1:]


def find_profile(folder: Path, profile_path: Path | None = None) -> Path:
    """The profile to use: ``--profile``, else ``FOLDER/profile.yaml`` (or .yml/.json). ProfileError otherwise."""
    folder = Path(folder)
    if not folder.exists():
        raise ProfileError([f"{folder}: folder not found (expected an applicant folder with {PROFILE_NAME})"])
    if not folder.is_dir():
        raise ProfileError([f"{folder}: not a folder (expected an applicant folder with {PROFILE_NAME})"])
    if profile_path is not None:
        path = Path(profile_path)
        if not path.is_file():
            raise ProfileError([f"{path}: profile not found (--profile expects a YAML or JSON file)"])
        return path
    for name in (PROFILE_NAME, *PROFILE_ALTERNATIVES):
        if (folder / name).is_file():
            return folder / name
    raise ProfileError([f"{folder / PROFILE_NAME}: no profile in the folder (write one with `matcheck init "
                        f"{folder}`, or pass --profile FILE)"])


@dataclass(frozen=True)
class ApplicantContent:
    """An applicant folder as ``check`` reads it — the profile file's bytes (or the lines saying why there is
    none) and the folder's files (:mod:`matcheck.documents.snapshot`) — taken on the machine that sees the folder,
    to be checked on one that does not (a batch's worker): :func:`check_applicant` with ``content`` finds what it
    would have found reading ``folder`` itself, and names the folder and its files as they are there."""

    profile_path: str | None
    profile_bytes: bytes | None
    profile_error: tuple[str, ...]
    files: FolderFiles | None

    @property
    def nbytes(self) -> int:
        return len(self.profile_bytes or b"") + (self.files.nbytes if self.files is not None else 0)

    def hashes(self) -> dict[str, str]:
        """SHA-256 of each file read, by its path relative to the folder, the profile's by its name (what
        :func:`matcheck.batch.resume.fingerprint` would hash: it need not read the files again)."""
        out: dict[str, str] = {}
        if self.files is not None:
            for entry, (data, sha256, problem) in zip(self.files.entries, self.files.loaded):
                if data is not None and sha256 and problem is None:
                    out[entry.rel or entry.path] = sha256
        if self.profile_path is not None and self.profile_bytes is not None:
            out[Path(self.profile_path).name] = hashlib.sha256(self.profile_bytes).hexdigest()
        return out

    def load_profile(self) -> tuple[Path, Profile]:
        """(the profile's path, the Profile); ProfileError as reading the folder itself would raise it."""
        if self.profile_error or self.profile_path is None or self.profile_bytes is None:
            raise ProfileError(list(self.profile_error) or ["(no profile)"])
        return Path(self.profile_path), load_profile(self.profile_path, raw=self.profile_bytes)


def take_applicant(folder: Path, max_total: int | None = None) -> ApplicantContent:
    """Read an applicant folder once, as :func:`check_applicant` would: the profile as found by
    :func:`find_profile`, and every file of the folder within the reader's limits. ``max_total``: the most bytes
    of files to hold (:class:`~matcheck.documents.snapshot.FolderTooLarge` past it, before reading)."""
    folder = Path(folder)
    try:
        path = find_profile(folder)
        raw = read_profile_bytes(path)
    except ProfileError as exc:  # the folder is not checked then; no file is read
        return ApplicantContent(None, None, tuple(exc.lines), None)
    return ApplicantContent(str(path), raw, (), read_files(folder, max_total=max_total))


def check_applicant(folder: Path, profile_path: Path | None = None, as_of: date | None = None,
                    policy: str | None = None, config: RuleConfig = RuleConfig(), use_cache: bool = True,
                    cache_dir: Path | None = None, profile: Profile | None = None,
                    content: ApplicantContent | None = None,
                    documents: tuple[tuple[Document, ...], tuple[Person, ...]] | None = None) -> CheckReport:
    """Everything ``matcheck check`` knows about one applicant folder. ``profile``: use this Profile (e.g. one
    drafted from the folder's documents) instead of a profile file. ``content``: the folder as read by
    :func:`take_applicant` (perhaps on another machine): nothing is read from disk, ``folder`` only names it.
    ``documents``: the folder's Documents as read already (``check --from-documents``: by the draft) and the
    people they were read with; used when those are the profile's people (then a fresh read would say the same
    of whose each document is), else the folder is read again."""
    folder = Path(folder)
    if content is not None:
        source, profile = content.load_profile()
    elif profile is None:
        source = find_profile(folder, profile_path)
        profile = load_profile(source)
    else:
        source = profile.source
    assessment = assess(profile, as_of, policy)  # one date, one policy version, one parameter view for every stage
    score = score_assessment(assessment)
    checklist = build_checklist(assessment)
    if documents is not None and documents[1] == people_of(profile):
        read = documents[0]
    else:
        read = read_folder(folder, profile, use_cache=use_cache, cache_dir=cache_dir,
                           files=content.files if content is not None else None)
    required = material_statuses(checklist, read, assessment)
    facts = Facts(assessment=assessment, score=score, checklist=checklist, documents=read, required=required,
                  config=config)
    findings = run_rules(facts)
    return CheckReport(profile_source=str(source), folder=str(folder), score=score, checklist=checklist,
                       documents=read, required=required, findings=findings,
                       assessment=assessment)
