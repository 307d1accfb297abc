"""Files matched to the education / qualification record they belong to (matcheck.gaps + matcheck.gaps_match).

The REAL profile parser, checklist and gaps stage run on Document records built directly (what the folder reader
would have read), so each case isolates the matching: two diplomas for two records, a diploma of another level,
an unreadable diploma next to a readable one, OCR noise in a school's name, alternatives (成绩单 ↔ 毕业生登记表).
"""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from matcheck.dates import Month
from matcheck.gaps import material_statuses
from matcheck.gaps_match import Pick, alike, assign
from matcheck.pipeline import assess, build_checklist
from matcheck.policy import params_at
from matcheck.profile import parse_profile
from matcheck.results import Document, MaterialStatus

ROOT = Path(__file__).resolve().parents[2]
BASE = yaml.safe_load((ROOT / "tests" / "rules" / "base_profile.yaml").read_text(encoding="utf-8"))
PARAMS = params_at(date(2026, 11, 20))  # for the matching functions tested on their own

HIGH_SCHOOL = {"level": "高中", "school": "合肥市示例中学", "province": "安徽", "mode": "全日制", "start": "2009-09",
               "end": "2012-06"}
DAZHUAN = {"level": "大专", "school": "合肥示例职业技术学院", "province": "安徽", "mode": "全日制", "start": "2012-09",
           "end": "2015-06", "major": "机电一体化技术"}
ZIKAO_BENKE = {"level": "本科", "degree": "none", "school": "河南示例大学", "province": "河南", "mode": "自考",
               "start": "2015-10", "end": "2017-12", "major": "机械设计制造及其自动化"}
TWO_RECORDS = [HIGH_SCHOOL, DAZHUAN, ZIKAO_BENKE]  # education[1] 大专, education[2] 自考本科


def doc(path: str, material: str, ocr: bool = True, person: str | None = "applicant", **fields: Any) -> Document:
    return Document(path=path, sha256="0" * 64, size=1000, file_type="jpeg" if ocr else "pdf", material=material,
                    confidence=0.9, person=person, person_name="李明" if person else None, fields=fields, ocr=ocr)


def statuses(documents: list[Document], education: list[dict] | None = None,
             qualifications: list[dict] | None = None) -> dict[tuple[str, str | None], MaterialStatus]:
    data = copy.deepcopy(BASE)
    if education is not None:
        data["education"] = education
    if qualifications is not None:
        data["qualifications"] = qualifications
    profile = parse_profile(data, source="test")
    assessment = assess(profile)
    checklist = build_checklist(assessment)
    out = {}
    for s in material_statuses(checklist, tuple(documents), assessment):
        key = (s.material, s.item.subject if s.item is not None else None)
        assert key not in out or s.kind == "prerequisite", f"two lines for {key}"
        out[key] = s
    return out


DAZHUAN_DIPLOMA = doc("学历/大专毕业证.jpg", "diploma", school="合肥示例职业技术学院", level="大专",
                      grad_date=Month(2015, 6), major="机电一体化技术")
BENKE_DIPLOMA = doc("学历/IMG_0420.jpg", "diploma", school="河南示例大学")  # no level read, as in samples/zhang-wei


# --------------------------------------------------------------------------- two records, two lines of a material


def test_two_diplomas_each_matched_to_its_own_record() -> None:
    got = statuses([DAZHUAN_DIPLOMA, BENKE_DIPLOMA], TWO_RECORDS)
    assert got[("diploma", "education[1]")].files == ("学历/大专毕业证.jpg",)
    assert got[("diploma", "education[2]")].files == ("学历/IMG_0420.jpg",)
    assert got[("diploma", "education[1]")].status == got[("diploma", "education[2]")].status == "present"


def test_a_diploma_of_another_school_leaves_its_line_missing_and_says_why() -> None:
    got = statuses([BENKE_DIPLOMA], TWO_RECORDS)
    dazhuan = got[("diploma", "education[1]")]
    assert dazhuan.status == "missing" and dazhuan.files == ()
    assert "学历/IMG_0420.jpg" in (dazhuan.note or "") and "合肥示例职业技术学院" in (dazhuan.note or "")
    assert dazhuan.args["mismatched_files"] == ["学历/IMG_0420.jpg"]
    assert got[("diploma", "education[2]")].files == ("学历/IMG_0420.jpg",)


def test_a_diploma_whose_level_contradicts_the_record_does_not_satisfy_it() -> None:
    # the base applicant's one 本科 record; the only diploma reads 专科 (→ 大专) at the same school
    wrong = doc("毕业证.jpg", "diploma", school="南京示例大学", level="专科")
    line = statuses([wrong])[("diploma", "education[1]")]
    assert line.status == "missing" and line.files == ()
    assert line.args["mismatched_files"] == ["毕业证.jpg"]


def test_level_is_normalised_before_comparing() -> None:
    same = doc("毕业证.jpg", "diploma", school="合肥示例职业技术学院", level="专科")  # 专科 is 大专
    got = statuses([same], TWO_RECORDS)
    assert got[("diploma", "education[1]")].files == ("毕业证.jpg",)
    assert got[("diploma", "education[2]")].status == "missing"


def test_an_unreadable_diploma_gives_way_to_a_matching_one() -> None:
    blank = doc("扫描001.jpg", "diploma")  # recognised as a 毕业证书, no field legible
    good = doc("毕业证.jpg", "diploma", school="南京示例大学", level="本科", grad_date=Month(2014, 6))
    line = statuses([blank, good])[("diploma", "education[1]")]
    assert line.status == "present" and line.files == ("毕业证.jpg",)


def test_an_unreadable_diploma_alone_still_satisfies_the_line() -> None:
    line = statuses([doc("扫描001.jpg", "diploma")])[("diploma", "education[1]")]
    assert line.status == "present" and line.files == ("扫描001.jpg",)


def test_two_unreadable_diplomas_for_two_records_one_each() -> None:
    got = statuses([doc("a.jpg", "diploma"), doc("b.jpg", "diploma")], TWO_RECORDS)
    first, second = got[("diploma", "education[1]")], got[("diploma", "education[2]")]
    assert len(first.files) == len(second.files) == 1 and first.files != second.files
    assert first.status == second.status == "present"


def test_one_unreadable_diploma_for_two_records_cannot_answer_both() -> None:
    got = statuses([doc("a.jpg", "diploma")], TWO_RECORDS)
    lines = [got[("diploma", "education[1]")], got[("diploma", "education[2]")]]
    assert sorted(s.status for s in lines) == ["present", "unverified"]
    unsure = next(s for s in lines if s.status == "unverified")
    assert unsure.args["reason"] == "record_unknown" and unsure.files == ("a.jpg",)


def test_an_unreadable_diploma_goes_to_the_record_no_readable_file_answers() -> None:
    got = statuses([BENKE_DIPLOMA, doc("扫描.jpg", "diploma")], TWO_RECORDS)
    assert got[("diploma", "education[1]")].files == ("扫描.jpg",)
    assert got[("diploma", "education[2]")].files == ("学历/IMG_0420.jpg",)


def test_school_compared_with_ocr_tolerance_but_not_for_a_text_pdf() -> None:
    noisy = doc("毕业证.jpg", "diploma", school="河南示列大学", level="本科")  # one character misread
    assert statuses([noisy], TWO_RECORDS)[("diploma", "education[2]")].files == ("毕业证.jpg",)
    typed = doc("备案表.pdf", "xuexin_record", ocr=False, school="河南示列大学", level="本科")
    assert statuses([typed], TWO_RECORDS)[("xuexin_record", "education[2]")].status == "missing"
    assert alike("河南示例大学", "河 南 示 例 大 学（自考）", False, PARAMS)  # spaces, brackets; containment
    assert not alike("合肥示例职业技术学院", "河南示例大学", True, PARAMS)


def test_xuexin_records_matched_by_level_and_school() -> None:
    dazhuan = doc("大专备案表.pdf", "xuexin_record", ocr=False, school="合肥示例职业技术学院", level="大专",
                  grad_date=date(2015, 6, 30))
    benke = doc("自考本科备案表.pdf", "xuexin_record", ocr=False, school="河南示例大学", level="本科",
                grad_date=date(2017, 12, 31))
    got = statuses([benke, dazhuan], TWO_RECORDS)
    assert got[("xuexin_record", "education[1]")].files == ("大专备案表.pdf",)
    assert got[("xuexin_record", "education[2]")].files == ("自考本科备案表.pdf",)


def test_degree_certificates_matched_by_degree() -> None:
    education = copy.deepcopy(BASE["education"]) + [
        {"level": "硕士", "degree": "硕士", "school": "南京示例大学", "province": "江苏", "mode": "全日制",
         "start": "2014-09", "end": "2017-06", "major": "软件工程"}]
    bachelor = doc("学士学位证.jpg", "degree_certificate", school="南京示例大学", degree="学士")
    master = doc("硕士学位证.jpg", "degree_certificate", school="南京示例大学", degree="硕士")
    got = statuses([master, bachelor], education)
    assert got[("degree_certificate", "education[1]")].files == ("学士学位证.jpg",)
    assert got[("degree_certificate", "education[2]")].files == ("硕士学位证.jpg",)


def test_same_school_two_records_told_apart_by_graduation_month() -> None:
    education = copy.deepcopy(BASE["education"]) + [
        {"level": "硕士", "degree": "硕士", "school": "南京示例大学", "province": "江苏", "mode": "全日制",
         "start": "2014-09", "end": "2017-06"}]
    early = doc("毕业证1.jpg", "diploma", school="南京示例大学", grad_date=Month(2014, 6))
    late = doc("毕业证2.jpg", "diploma", school="南京示例大学", grad_date=Month(2017, 6))
    got = statuses([late, early], education)
    assert got[("diploma", "education[1]")].files == ("毕业证1.jpg",)
    assert got[("diploma", "education[2]")].files == ("毕业证2.jpg",)


# --------------------------------------------------------------------------- qualifications


SKILLS = [{"kind": "技能", "level": "三级", "name": "电工", "obtained": "2019-05-10"},
          {"kind": "技能", "level": "二级", "name": "电工", "obtained": "2023-11-20"}]


def test_skill_certificates_matched_by_level() -> None:
    senior = doc("高级工.jpg", "skill_certificate", qual_name="电工", qual_level="三级")
    technician = doc("技师.jpg", "skill_certificate", qual_name="电工", qual_level="技师")  # 技师 is 二级
    got = statuses([technician, senior], qualifications=SKILLS)
    assert got[("skill_certificate", "qualifications[0]")].files == ("高级工.jpg",)
    assert got[("skill_certificate", "qualifications[1]")].files == ("技师.jpg",)


def test_a_skill_certificate_of_another_trade_does_not_count() -> None:
    other = doc("技能证书.jpg", "skill_certificate", qual_name="焊工", qual_level="三级")
    got = statuses([other], qualifications=SKILLS[:1])
    assert got[("skill_certificate", "qualifications[0]")].status == "missing"


# --------------------------------------------------------------------------- alternatives


def test_transcript_and_registration_form_each_list_their_own_file() -> None:
    transcript = doc("成绩单.pdf", "transcript", ocr=False)
    form = doc("毕业生登记表.pdf", "graduate_registration_form")
    got = statuses([transcript, form], TWO_RECORDS)
    assert got[("transcript", "education[2]")].files == ("成绩单.pdf",)
    assert got[("graduate_registration_form", "education[2]")].files == ("毕业生登记表.pdf",)


def test_an_alternative_stands_in_when_the_own_material_is_absent() -> None:
    form = doc("毕业生登记表.pdf", "graduate_registration_form")
    got = statuses([form], TWO_RECORDS)
    assert got[("transcript", "education[2]")].status == "present"
    assert got[("transcript", "education[2]")].files == ("毕业生登记表.pdf",)


def test_an_alternative_of_the_right_record_beats_an_own_file_of_another() -> None:
    transcript = doc("成绩单.pdf", "transcript", ocr=False, school="合肥示例职业技术学院")  # not the 自考 school
    form = doc("毕业生登记表.pdf", "graduate_registration_form", school="河南示例大学")
    got = statuses([transcript, form], TWO_RECORDS)
    assert got[("transcript", "education[2]")].files == ("毕业生登记表.pdf",)


def test_hukou_certificate_still_stands_in_for_an_incomplete_booklet() -> None:
    booklet = doc("户口本.pdf", "hukou_booklet", ocr=False, hukou_pages=["本人页"])
    certificate = doc("户籍证明.pdf", "hukou_certificate", ocr=False)
    line = statuses([booklet, certificate])[("hukou_booklet", None)]
    assert line.status == "present" and line.files == ("户口本.pdf", "户籍证明.pdf")
    alone = statuses([booklet])[("hukou_booklet", None)]
    assert alone.status == "incomplete"


# --------------------------------------------------------------------------- the assignment on its own


@pytest.mark.parametrize("order", [("x", "y"), ("y", "x")])
def test_assign_gives_the_constrained_file_first(order: tuple[str, str]) -> None:
    """x fits only line 0; y (unreadable) could be either's: y must go to line 1, whatever the path order."""
    x, y = doc(order[0] + ".jpg", "diploma"), doc(order[1] + ".jpg", "diploma")
    fits = {0: {x.path: (x, 0), y.path: (y, 0)}, 1: {y.path: (y, 0)}}
    picks: dict[int, Pick] = assign([0, 1], fits)
    assert [d.path for d in picks[0].files] == [x.path]
    assert [d.path for d in picks[1].files] == [y.path]


def test_an_owner_unknown_file_of_another_record_is_not_offered() -> None:
    nameless = doc("扫描.jpg", "diploma", person=None, school="河南示例大学")
    got = statuses([DAZHUAN_DIPLOMA, nameless], TWO_RECORDS)
    assert got[("diploma", "education[1]")].files == ("学历/大专毕业证.jpg",)
    benke = got[("diploma", "education[2]")]
    assert benke.status == "unverified" and benke.args["reason"] == "owner_unknown" and benke.files == ("扫描.jpg",)
    assert statuses([nameless], TWO_RECORDS)[("diploma", "education[1]")].status == "missing"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_new_statuses_render_as_findings(lang: str) -> None:
    """A record left missing (another record's diploma there) and one left unverified (record unknown) become
    missing-material / material-incomplete findings with every placeholder filled."""
    import re

    from matcheck.pipeline import score
    from matcheck.rules import Facts, RuleConfig, run_rules

    data = copy.deepcopy(BASE)
    data["education"] = TWO_RECORDS
    profile = parse_profile(data, source="test")
    assessment = assess(profile)
    checklist = build_checklist(assessment)
    for documents, rule, reason in (((BENKE_DIPLOMA,), "missing-material", "no_file"),
                                    ((doc("a.jpg", "diploma"),), "material-incomplete", "record_unknown")):
        required = material_statuses(checklist, documents, assessment)
        facts = Facts(assessment=assessment, score=score(assessment), checklist=checklist,
                      documents=documents, required=required, config=RuleConfig(lang=lang))
        about = [s for s in required if s.material == "diploma" and s.status != "present"]
        assert len(about) == 1 and about[0].args["reason"] == reason
        found = [f for f in run_rules(facts) if f.rule == rule and f.subject == "diploma"]
        assert len(found) == 1, found
        assert not re.search(r"\{[a-z_]+\}", found[0].message + found[0].hint)
