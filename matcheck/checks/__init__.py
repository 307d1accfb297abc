"""One check per domain fact (一事一判): the tax window, ... each a pure function the checklist, the folder check
(:mod:`matcheck.gaps`), the scorer and the rules all call, so they cannot disagree.

Below every stage: a check imports only the bottom modules (dates, policy, profile, results, matching, workdays).
"""
