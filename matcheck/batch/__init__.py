"""Batch runs (批量检查): every applicant folder under a root, in parallel, with per-applicant reports, a summary
(CSV, JSON, HTML overview), resumable after an interruption. See ``docs/batch.md``.
"""

from matcheck.batch.discover import ApplicantFolder, discover
from matcheck.batch.runner import run_batch
from matcheck.batch.work import ApplicantOutcome, ApplicantTask, check_one

__all__ = ["ApplicantFolder", "ApplicantOutcome", "ApplicantTask", "check_one", "discover", "run_batch"]
