"""The folder rules (materials, files, identity, units, tax months), registered explicitly.

Owned by the folder-rules/check engineer; :mod:`matcheck.rules` imports ``FOLDER_RULES`` into the full registry.
Most need the folder read (``NEEDS = {"documents"}``); ``unit-mismatch`` also checks the profile's own units.
"""

from __future__ import annotations

from types import ModuleType

from matcheck.rules import (identity_mismatch, low_quality_image, material_expired, material_incomplete,
                            missing_material, tax_months_incomplete, unit_mismatch, unreadable_file,
                            unrecognised_file)

FOLDER_RULES: tuple[ModuleType, ...] = (
    missing_material,        # MC101
    material_expired,        # MC102
    material_incomplete,     # MC103
    unreadable_file,         # MC201
    low_quality_image,       # MC202
    unrecognised_file,       # MC203
    identity_mismatch,       # MC301
    unit_mismatch,           # MC302
    tax_months_incomplete,   # MC303
)
