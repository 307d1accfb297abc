"""The pure stage documents → Draft, on Document records as the reader makes them: what makes a fact 待核实."""

from __future__ import annotations

from datetime import date

from matcheck.draft import draft_from_documents, render
from matcheck.draft.folder import profile_of
from matcheck.results import Document

ID = "320102199203154514"  # born 1992-03-15, 男


def _doc(path: str, material: str, ocr: float | None = None, **fields) -> Document:
    if ocr is not None:
        fields["ocr_confidence"] = ocr
    return Document(path=path, sha256="0" * 64, size=1, file_type="jpeg" if ocr is not None else "pdf",
                    material=material, confidence=0.95, person="applicant", fields=fields, ocr=ocr is not None)


def _draft(*docs: Document):
    draft = draft_from_documents(docs, date(2026, 11, 20))
    text = render(draft)
    return draft, text, profile_of(text, "draft")


def test_a_printed_birth_date_that_the_id_number_contradicts_puts_the_number_in_doubt():
    draft, text, profile = _draft(_doc("身份证.jpg", "id_card", 0.99, names=["李明"], id_numbers=[ID],
                                       birth_date=date(1992, 3, 16), sex="男", address="江苏省南京市玄武区示例路1号"))
    assert profile.applicant.id_number is None and "applicant.id_number" in profile.to_verify
    assert "1992-03-15" in text and "1992-03-16" in text
    assert draft.fact("applicant.id_number").status == "conflict"


def test_a_low_ocr_score_leaves_the_fact_to_verify_with_the_reading_shown():
    draft, text, profile = _draft(_doc("居住证.jpg", "residence_permit", 0.62, names=["李明"], id_numbers=[ID],
                                       permit_number="310000000000000001", valid_until=date(2027, 2, 28)))
    assert profile.applicant.residence_permit.expires is None
    assert draft.fact("applicant.residence_permit.expires").status == "unsure"
    assert "2027-02-28" in text and "OCR 0.62" in text and "把握低" in text


def test_a_value_that_is_no_address_is_named_and_not_used():
    draft, text, profile = _draft(
        _doc("户口本.jpg", "hukou_booklet", 0.98, names=["李明"], id_numbers=[ID], address="户口登记机关:示例派出所"),
        _doc("身份证.jpg", "id_card", 0.99, names=["李明"], id_numbers=[ID], address="江苏省南京市玄武区示例路1号"))
    assert profile.applicant.hukou_address == "江苏省南京市玄武区示例路1号"
    assert "户口登记机关:示例派出所" in text and "未采用" in text


def test_two_units_on_one_record_without_spans_leave_the_unit_to_verify():
    m = ["2025-01", "2025-02"]
    draft, text, profile = _draft(_doc("社保.pdf", "social_insurance_record", names=["李明"], id_numbers=[ID],
                                       si_months=m, si_units=["上海甲示例有限公司", "上海乙示例有限公司"]))
    assert profile.social_insurance[0].unit is None and "social_insurance[0].unit" in profile.to_verify
    assert "上海甲示例有限公司" in text and "上海乙示例有限公司" in text


def test_values_the_profile_would_reject_are_shown_not_used_so_the_draft_loads():
    draft, text, profile = _draft(
        _doc("合同.docx", "labour_contract", names=["李明"], id_numbers=[ID], employer="上海示例信息科技有限公司",
             term_start=date(2027, 7, 1), term_end=date(2022, 6, 30)),
        _doc("备案表.pdf", "xuexin_record", names=["李明"], school="南京示例大学", level="专科起点本科"),
        _doc("证书.jpg", "skill_certificate", 0.99, names=["李明"], id_numbers=[ID], qual_level="特级",
             obtained=date(2023, 1, 1)))
    assert profile.contract.start is None and profile.contract.end is None
    assert {"contract.start", "contract.end"} <= profile.to_verify
    assert profile.education[0].level is None and "专科起点本科" in text
    assert profile.qualifications[0].level is None and "特级" in text


def test_a_value_the_reader_lists_as_unsure_is_not_filled_in():
    draft, text, profile = _draft(
        _doc("合同.docx", "labour_contract", names=["李明"], id_numbers=[ID], employer="上海示例信息科技有限公司",
             employee="李明", term_start=date(2022, 7, 1), term_end=date(2027, 6, 30), unsure=["employer"]))
    assert profile.contract.start == date(2022, 7, 1)
    assert profile.employer.name is None and "employer.name" in profile.to_verify
    assert draft.fact("employer.name").status == "unsure" and "上海示例信息科技有限公司" in text


def test_a_change_of_unit_on_the_social_insurance_record_makes_two_periods_and_earlier_months_are_to_verify():
    from matcheck.dates import Month

    months = [Month(2024, m) for m in range(1, 13)] + [Month(2025, m) for m in range(1, 7)]
    draft, text, profile = _draft(_doc(
        "社保.pdf", "social_insurance_record", names=["李明"], id_numbers=[ID], si_months=months,
        si_units=["上海甲示例有限公司", "上海乙示例有限公司"], si_total_months=30,
        si_unit_periods=[("上海甲示例有限公司", Month(2024, 1), Month(2024, 8)),
                         ("上海乙示例有限公司", Month(2024, 9), Month(2025, 6))]))
    placed = [(str(p.from_), str(p.to), p.unit) for p in profile.social_insurance if p.from_]
    assert placed == [("2024-01", "2024-08", "上海甲示例有限公司"), ("2024-09", "2025-06", "上海乙示例有限公司")]
    first = profile.social_insurance[0]
    assert first.from_ is None and str(first.to) == "2023-12" and "social_insurance[0].from" in profile.to_verify
    assert "累计缴费月数 30" in text and "12 个月" in text


def test_si_summary_lines_are_read_from_the_record_text():
    from matcheck.dates import Month
    from matcheck.documents.fields_extract import si_summary_fields

    text = ("近60个月缴费单位信息\n缴费单位名称 缴费起止时间\n上海甲示例有限公司 2019年07月-2021年10月\n"
            "上海乙示例有限公司 2021年11月-2026年10月\n截至2026年10月，累计缴费月数 88\n")
    fields = si_summary_fields(text)
    assert fields["si_unit_periods"] == [("上海甲示例有限公司", Month(2019, 7), Month(2021, 10)),
                                         ("上海乙示例有限公司", Month(2021, 11), Month(2026, 10))]
    assert fields["si_total_months"] == 88


def test_a_reading_is_sure_by_the_fields_it_read_and_the_doc_keeps_no_state():
    """Doc.reading answers from the keys its getter read (``school`` read unsure → an unsure reading), and leaves the
    Doc as it was: the same getter twice gives the same answer, in any order."""
    from matcheck.draft.adapter import Doc

    d = Doc.of(_doc("学信网备案表.pdf", "xuexin_record", school="南京示例大学", level="本科", unsure=["school"]))
    before = repr(d), d.seen
    assert d.reading(lambda x: x.text("level")) == ("本科", True)
    assert d.reading(lambda x: x.text("school")) == ("南京示例大学", False)
    assert d.reading(lambda x: x.text("level") or x.text("school")) == ("本科", True)  # school never read
    assert d.reading(lambda x: x.text("level")) == ("本科", True)
    assert (repr(d), d.seen) == before and d.seen is None


def test_readings_that_differ_only_in_spaces_or_bracket_width_agree():
    from matcheck.draft.build import decide
    from matcheck.draft.model import Reading, Source

    contract = Source("劳动合同.pdf", None, "labour_contract", False, None)
    licence = Source("营业执照.jpg", None, "business_license", True, 0.97)
    fact = decide("employer.name", [Reading("上海示例（集团）有限公司", contract, True),
                                    Reading("上海示例 (集团) 有限公司", licence, True)])
    assert fact.status == "read" and fact.value == "上海示例（集团）有限公司"
    other = decide("employer.name", [Reading("上海示例（集团）有限公司", contract, True),
                                      Reading("上海示例(控股)有限公司", licence, True)])
    assert other.status == "conflict"
