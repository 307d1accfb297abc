"""The materials checklist (积分申请材料清单).

* :mod:`matcheck.checklist.facts` and :mod:`matcheck.checklist.conditions`: the named conditions the catalog's
  ``when`` refers to (they read only the profile and the parameters);
* the named validity rules of materials, their wording and their verdicts: :mod:`matcheck.checks.validity`;
* :mod:`matcheck.checklist.build`: ``build_checklist`` — profile → the documents to bring.

This package file imports nothing, so the catalog (:mod:`matcheck.materials`), which validates names against the
conditions and validity rules, sits between them and the builder without an import circle.
"""
