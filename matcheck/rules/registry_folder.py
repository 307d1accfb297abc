"""The folder rules (materials, files, identity, units, tax months), registered explicitly.

Owned by the folder-rules/check engineer; :mod:`matcheck.rules` imports ``FOLDER_RULES`` into the full registry.
"""

from __future__ import annotations

FOLDER_RULES: tuple = ()
