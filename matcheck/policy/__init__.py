"""The 积分 policy as data: versions and dated parameters from ``checklists/policy/``."""

from matcheck.policy.parameters import Params, ValueRef, lint, load_parameters, params_at
from matcheck.policy.versions import PolicyChoice, PolicyVersion, PolicyVersionError, choose_policy, versions

__all__ = ["Params", "ValueRef", "lint", "load_parameters", "params_at", "PolicyChoice", "PolicyVersion",
           "PolicyVersionError", "choose_policy", "versions"]
