"""matcheck: offline pre-check of 《上海市居住证》积分 applications.

Pipeline: profile + folder → facts → score, checklist, findings → renderers.
"""

__version__ = "0.1.0"
