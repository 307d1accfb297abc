"""Imported once by the forkserver before it forks batch workers, so each worker starts with matcheck loaded.

Best effort: a module that cannot be imported here is imported (and its error reported per applicant) in the
worker instead.
"""

try:  # noqa: SIM105
    import matcheck.batch.work  # noqa: F401
    import matcheck.pipeline  # noqa: F401
    import matcheck.report.json_format  # noqa: F401
    import matcheck.report.text  # noqa: F401
    import matcheck.check  # noqa: F401
except Exception:  # noqa: BLE001
    pass
