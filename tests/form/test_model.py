"""The field model: pure, the résumé from the school before the first job, 【待核实】, points from the Score."""

from __future__ import annotations

from matcheck.form.checklist_sheet import checklist_sheet
from matcheck.form.layout import TO_VERIFY
from matcheck.form.model import application_form, resume_entries
from matcheck.profile import parse_profile
from matcheck.pipeline import assess
from tests.form.conftest import assessed, base_data, long_data, sample_checklist


def test_every_profile_value_has_its_labelled_cell(profile):
    form = application_form(*assessed(profile))
    assert form.value_of("applicant.name") == "李明"
    assert form.value_of("applicant.id_number") == "320102199203154514"  # the application itself: not masked
    assert form.value_of("applicant.birth_date") == "1992年03月15日"
    assert form.value_of("applicant.sex") == "男"
    assert form.value_of("applicant.residence_permit") == "2024年03月01日至2027年02月28日"
    assert form.value_of("employer.credit_code") == "91310115MA1FL0A00C"
    assert form.value_of("contract.end") == "2027年06月30日"
    assert form.value_of("spouse.id_number") == "310115199304052824"
    assert form.value_of("children[0].enjoys_benefits") == "■是　□否"
    assert form.value_of("applicant.retains_out_of_town_employment") == "□是　■否"
    assert form.cover is not None and ("申请日期", "2026年11月20日") in form.cover.lines


def test_the_model_is_a_pure_function(profile):
    assessment, score = assessed(profile)
    assert application_form(assessment, score) == application_form(assessment, score)


def test_resume_starts_with_the_school_before_the_first_job(profile):
    rows = resume_entries(profile)
    assert [r.key for r in rows] == ["education[1]", "work_history[0]", "work_history[1]"]  # not the 高中
    assert rows[0].start == "2010年09月" and rows[0].end == "2014年06月"
    assert "南京示例大学" in rows[0].text and "计算机科学与技术专业" in rows[0].text
    assert rows[-1].end == "至今"
    assert rows[-1].text == "在上海示例信息科技有限公司研发部任软件工程师"  # no "上海上海…"


def test_part_time_study_during_work_is_its_own_row():
    data = base_data()
    data["education"].append({"level": "硕士", "degree": "硕士", "school": "上海示例大学", "province": "上海",
                              "mode": "业余", "start": "2019-09", "end": "2022-06"})
    rows = resume_entries(parse_profile(data))
    assert [r.key for r in rows] == ["education[1]", "work_history[0]", "education[2]", "work_history[1]"]
    assert "业余" in rows[2].text


def test_without_a_job_the_resume_is_the_last_school():
    data = base_data()
    data["work_history"] = []
    assert [r.key for r in resume_entries(parse_profile(data))] == ["education[1]"]


def test_ten_resume_rows(long_profile):
    rows = resume_entries(long_profile)
    assert len(rows) == 10 and rows[0].key == "education[1]"


def test_facts_to_verify_print_as_such():
    data = base_data()
    data["applicant"]["hukou_address"] = "待核实"
    data["work_history"][0]["unit"] = "待核实"
    data["children"][0]["enjoys_benefits"] = "待核实"
    p = parse_profile(data)
    form = application_form(*assessed(p))
    assert form.value_of("applicant.hukou_address") == TO_VERIFY
    assert form.value_of("children[0].enjoys_benefits") == TO_VERIFY
    assert TO_VERIFY in next(r.text for r in resume_entries(p) if r.key == "work_history[0]")
    assert "applicant.hukou_address" in form.to_verify


def test_claims_carry_the_points_of_the_score(profile):
    assessment, score = assessed(profile)
    form = application_form(assessment, score)
    counted = [i for i in score.indicators if i.points]
    assert counted, "the sample applicant scores points"
    for ind in counted:
        printed = form.value_of(f"points.{ind.id}")
        assert printed is not None and printed.split("\n")[0] == str(ind.points)
        assert ("不计入" in printed) == (not ind.counted)
    assert form.value_of("points.total") == str(score.total)


def test_pledges_read_as_pledges(profile):
    form = application_form(*assessed(profile))
    pledges = {s.title: s.rows[0].cells[0].text for s in form.sections if s.prose}
    assert set(pledges) == {"用人单位承诺及授权", "申请人承诺及授权"}
    for text in pledges.values():
        assert "真实" in text and "如有虚假" in text and "授权有关部门" in text and "核查" in text
    assert pledges["用人单位承诺及授权"].startswith("本单位") and pledges["申请人承诺及授权"].startswith("本人")


def test_checklist_sheet_one_box_per_item(profile):
    checklist = sample_checklist()
    sheet = checklist_sheet(assess(profile), checklist)
    boxes = [c for c in sheet.cells() if c.key and c.key.startswith("box.")]
    assert len(boxes) == len(checklist.items) and all(c.text == "□" for c in boxes)
    assert sheet.value_of("whose.5") == "子女\n（李小军）"
    assert sheet.value_of("copy.1") == "原件+复印件"
    assert sheet.value_of("where.4") == "个人所得税 App 或办税服务厅"
    assert [s.title for s in sheet.sections][1:4] == ["一、基础材料", "二、指标材料", "三、同住人材料"]
