"""Study abroad as people write it: ``province: 国外`` (境外, 海外, a country name, 香港/澳门/台湾) on a
``mode: 国外`` record, or a ``country:`` field, is accepted, and the checklist lists the 留学服务中心 认证书."""

from __future__ import annotations

from datetime import date

import pytest

from matcheck.assessment import assess
from matcheck.checklist.build import build_checklist
from matcheck.profile import parse_profile

BASE = {"as_of": "2026-11-20", "applicant": {"id_number": "320102199203154514"}}
RECORD = {"level": "硕士", "degree": "硕士", "school": "University College London", "start": "2015-09",
          "end": "2016-09"}


@pytest.mark.parametrize("written,country", [
    ({"province": "国外", "mode": "国外"}, None),
    ({"province": "境外", "mode": "国外"}, None),
    ({"province": "海外"}, None),
    ({"province": "英国", "mode": "国外"}, "英国"),
    ({"province": "英国", "country": "英国", "mode": "国外"}, "英国"),
    ({"country": "美国"}, "美国"),
    ({"country": "美国", "mode": "全日制"}, "美国"),
    ({"mode": "overseas", "province": "日本"}, "日本"),
])
def test_abroad_record_is_accepted_and_lists_the_certification(written, country) -> None:
    profile = parse_profile(dict(BASE, education=[dict(RECORD, **written)]), source="profile.yaml")
    rec = profile.education[0]
    assert rec.mode == "国外" and rec.foreign and rec.province is None and rec.country == country
    items = build_checklist(assess(profile, date(2026, 11, 20))).items
    assert any(i.material == "foreign_degree_certification" and i.subject == "education[0]" for i in items)


@pytest.mark.parametrize("place", ["香港", "澳门", "台湾"])
def test_hong_kong_macau_taiwan_study_is_outside_the_mainland(place) -> None:
    for mode in ("国外", "全日制", None):
        record = dict(RECORD, province=place, **({"mode": mode} if mode else {}))
        rec = parse_profile(dict(BASE, education=[record]), source="profile.yaml").education[0]
        assert rec.mode == "国外" and rec.province == place, mode
        items = build_checklist(assess(parse_profile(dict(BASE, education=[record]), source="p"),
                                       date(2026, 11, 20))).items
        assert any(i.material == "foreign_degree_certification" for i in items)


def test_domestic_record_is_unchanged() -> None:
    rec = parse_profile(dict(BASE, education=[dict(RECORD, province="江苏省", mode="全日制")]),
                        source="p").education[0]
    assert rec.mode == "全日制" and rec.province == "江苏" and not rec.foreign and rec.country is None
