"""Synthetic applicants and their documents (样例 — 非真实文件), for tests, benchmarks and ``samples/``.

Not shipped in the wheel. Everything here is deterministic from a seed: the same call writes the same bytes.

- :mod:`synth.people` — synthetic people and identifiers that pass the checksums but are visibly fake.
- :mod:`synth.documents` — one renderer per document type (text PDF, photographed JPEG, scanned PDF, DOCX).
- :mod:`synth.applicant` — a whole applicant folder from a profile-like spec, with named faults.
- :mod:`synth.samples` — ``python -m synth.samples`` regenerates ``samples/``.
"""

SAMPLE_MARK = "样例 / SAMPLE — 非真实文件"
