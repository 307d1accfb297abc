"""Shared fixtures for the synth tests: the facts of every document kind, taken from the sample profiles."""

from __future__ import annotations

import copy

import pytest
import yaml

from synth.facts import plan_documents
from synth.samples import LI_MING, WANG_FANG, ZHANG_WEI
from matcheck.profile import parse_profile


def full_profile() -> dict:
    """li-ming plus a child and a 职称 with a 聘书: together with the other samples, every document kind."""
    data = yaml.safe_load(LI_MING)
    data = copy.deepcopy(data)
    data["children"] = [{"name": "李小明", "id_number": "310115201906011237", "lives_with_applicant": True,
                         "enjoys_benefits": True}]
    data["qualifications"] = [{"kind": "职称", "level": "中级", "name": "工程师", "obtained": "2021-12-15",
                               "appointed": True, "matches_post": True}]
    return data


def planned_by_kind() -> dict:
    out = {}
    for i, data in enumerate((full_profile(), yaml.safe_load(ZHANG_WEI), yaml.safe_load(WANG_FANG))):
        profile = parse_profile(data)
        for doc in plan_documents(profile, f"t{i}", profile.as_of):
            out.setdefault(doc.kind, doc)
    return out


@pytest.fixture(scope="session")
def planned():
    return planned_by_kind()
