"""Applicant folders as they reach an HR officer: clean ones, and ones with one planted problem each.

``write_folder(root, variant, problem=None)`` writes ``profile.yaml`` and the documents of one applicant and returns
an :class:`Expect`: which rules must (and which must not) be reported, and for every document written, its
material and whose it is (the truth the accuracy benchmark compares the reader with).

Variants (every one must check clean, exit 0):

``desk``   text PDFs printed by issuers' web pages: a 示范文本 labour contract (qualified labels, signature block),
           a 学信网 备案表 whose values were drawn in a second pass, ID cards photocopied front and back on one sheet,
           a 户口簿's 首页 and 本人页 on one sheet;
``mail``   e-mail attachments: a Word contract with the parties in a two-column table, ``材料.zip`` (GBK names, a
           sub-folder, ``__MACOSX``) holding the 学位证 and the 高中毕业证, an ID card's front and back as two files, a
           file whose name is GBK bytes (not UTF-8), a stray ``.xlsx`` and ``.doc``;
``shop``   a copy shop's stack: one PDF of certificates and cards in no particular order, two documents on one
           sheet, a contract PDF with the parties side by side drawn column by column;
``single`` no spouse; every document its own file (the ID card, the 户口簿's 首页 and 本人页, each certificate), the
           HR officer's ID card in a sub-folder ``HR/``.

Problems (:data:`PROBLEMS`): one planted fault each, with the rule that must report it.
"""

from __future__ import annotations

import io
import os
import random
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from fieldkit import papers as P
from fieldkit.case import Case, make_case
from fieldkit.sheet import stacked, text_pdf

VARIANTS = ("desk", "mail", "shop", "single")


@dataclass
class Expect:
    """What a correct reader and checker make of the folder."""

    variant: str
    problem: str | None
    must: set[str] = field(default_factory=set)  # rules that must be reported (at error or warning)
    documents: list[tuple[str, str, str | None]] = field(default_factory=list)  # (path, material, person)


# problem → (variant it is planted in, rules that must report it)
PROBLEMS = {
    "hr-id-missing": ("mail", {"missing-material"}),
    "contract-other-employer": ("desk", {"unit-mismatch"}),
    "xuexin-other-school": ("desk", {"identity-mismatch", "missing-material"}),  # another school: no 备案表 for this one
    "zip-without-degree": ("mail", {"missing-material"}),
    "tax-months-short": ("shop", {"tax-months-incomplete"}),
    "permit-expired": ("single", {"material-expired"}),
    "si-other-unit": ("single", {"unit-mismatch"}),
    "tax-only-spreadsheet": ("desk", {"missing-material", "unrecognised-file"}),
    "id-back-missing": ("single", {"material-incomplete"}),
}


class _GbkName(zipfile.ZipInfo):
    """A zip member named in GBK without the UTF-8 flag (what Windows' "send to compressed folder" writes)."""

    def _encodeFilenameFlags(self):  # noqa: N802 - zipfile's own hook
        return self.filename.encode("gbk"), self.flag_bits & ~0x800


def _zip(members: list[tuple[str, bytes]], gbk: bool = True) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            info = _GbkName(name, date_time=(2026, 11, 2, 9, 30, 0)) if gbk else zipfile.ZipInfo(
                name, date_time=(2026, 11, 2, 9, 30, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return out.getvalue()


def xlsx_bytes(rows: list[list[str]]) -> bytes:
    """A minimal, valid Office Open XML workbook (what an HR officer's 社保 export to Excel gives)."""
    from xml.sax.saxutils import escape

    cells = "".join(
        f'<row r="{r + 1}">' + "".join(f'<c r="{chr(65 + i)}{r + 1}" t="inlineStr"><is><t>{escape(v)}</t></is></c>'
                                       for i, v in enumerate(row)) + "</row>" for r, row in enumerate(rows))
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
        'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
        'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.'
        'org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
        f'openxmlformats.org/spreadsheetml/2006/main"><sheetData>{cells}</sheetData></worksheet>',
    }
    return _zip([(k, v.encode("utf-8")) for k, v in files.items()], gbk=False)


def legacy_doc_bytes() -> bytes:
    """The first sectors of a Word 97-2003 file (OLE2 header, then the Word FIB magic): what the reader sniffs."""
    header = bytearray(512)
    header[0:8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"
    header[24:26], header[26:28], header[28:30], header[30:32] = b"\x3e\x00", b"\x03\x00", b"\xfe\xff", b"\x09\x00"
    body = bytearray(1536)
    body[0:4] = b"\xEC\xA5\xC1\x00"
    return bytes(header + body)


class _Writer:
    def __init__(self, root: Path, expect: Expect):
        self.root, self.expect = root, expect

    def file(self, rel: str, data: bytes, *docs: tuple[str, str | None]) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        for material, person in docs:
            self.expect.documents.append((rel, material, person))

    def raw_name(self, name: bytes, data: bytes, *docs: tuple[str, str | None]) -> None:
        path = os.path.join(os.fsencode(self.root), name)
        with open(path, "wb") as fh:
            fh.write(data)
        shown = name.decode("utf-8", "replace")
        for material, person in docs:
            self.expect.documents.append((shown, material, person))


def write_folder(root: Path, variant: str, problem: str | None = None, seed: int | None = None) -> Expect:
    """Write one applicant folder into ``root`` (created) and return what must be found in it."""
    if problem is not None:
        variant = PROBLEMS[problem][0]
    seed = seed if seed is not None else VARIANTS.index(variant) + 1
    case = make_case(seed, spouse=variant != "single")
    rng = random.Random(f"fieldkit:{variant}:{problem}:{seed}")
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    expect = Expect(variant, problem, set(PROBLEMS[problem][1]) if problem else set())
    profile = case.profile()
    (root / "profile.yaml").write_text("# 样例 / SAMPLE — fieldkit 合成人员\n" + yaml.safe_dump(
        profile, allow_unicode=True, sort_keys=False), encoding="utf-8")
    w = _Writer(root, expect)
    _common(w, case, rng, variant, problem)
    {"desk": _desk, "mail": _mail, "shop": _shop, "single": _single}[variant](w, case, rng, problem)
    return expect


def _common(w: _Writer, c: Case, rng: random.Random, variant: str, problem: str | None) -> None:
    """What every variant holds, each in the variant's own manner of file."""
    w.file("积分申请表.pdf", text_pdf(P.application_form(c, rng)), ("application_form", "applicant"))
    # the letter introduces the 人事专员 for the applicant's application: the family member it names is the applicant
    w.file("单位介绍信.pdf", text_pdf(P.employer_letter(c, rng), "labels_first"), ("employer_letter", "applicant"))
    w.file("承诺书.pdf", text_pdf(P.pledge(c, rng)), ("no_violation_pledge", "applicant"))
    employer = c.agency if problem == "contract-other-employer" else None
    w.file("公司执照.pdf", text_pdf(P.business_license(c, rng), "labels_first"), ("business_license", None))
    if problem == "tax-only-spreadsheet":
        w.file("纳税记录.xlsx", xlsx_bytes([["税款所属期", "扣缴义务人"], ["2026-10", c.employer]]))
    else:
        months = P.months_back(12)
        if problem == "tax-months-short":
            months = months[:-3]
        w.file("个税纳税记录.pdf", text_pdf(P.tax_record(c, rng, months), "columns"), ("tax_record", "applicant"))
    w.file("收入纳税明细.pdf", text_pdf(P.tax_income_detail(c, rng)), ("tax_income_detail", "applicant"))
    unit = c.agency if problem == "si-other-unit" else None
    w.file("养老保险缴费情况.pdf", text_pdf(P.social_insurance(c, rng, unit), "labels_first"),
           ("social_insurance_record", "applicant"))
    school = "滨江工业大学" if problem == "xuexin-other-school" else None
    w.file("学历备案表.pdf", text_pdf(P.xuexin_record(c, rng, school), "labels_first"), ("xuexin_record", "applicant"))
    w.file("学位验证报告.pdf", text_pdf(P.degree_report(c, rng)), ("degree_verification_report", "applicant"))
    expires = date(2026, 10, 1) if problem == "permit-expired" else None
    w.file("居住证.pdf", text_pdf([stacked([P.residence_permit(c, rng, expires)])]), ("residence_permit", "applicant"))
    if variant in ("desk", "single"):
        w.file("劳动合同.pdf", text_pdf(P.labour_contract_pdf(c, rng, employer=employer)),
               ("labour_contract", "applicant"))


def _spouse_files(w: _Writer, c: Case, folder: str = "配偶") -> None:
    if c.spouse is None:
        return
    sp = c.spouse
    w.file(f"{folder}/{sp.name}身份证.pdf", text_pdf([stacked([P.id_front(sp), P.id_back(sp)])]), ("id_card", "spouse"))
    w.file(f"{folder}/户口本.pdf", text_pdf([stacked([P.hukou_front(sp), P.hukou_own(sp)])]), ("hukou_booklet", "spouse"))


def _desk(w: _Writer, c: Case, rng: random.Random, problem: str | None) -> None:
    a = c.applicant
    w.file("身份证复印件.pdf", text_pdf([stacked([P.id_front(a), P.id_back(a)])]), ("id_card", "applicant"))
    w.file("户口簿首页及本人页.pdf", text_pdf([stacked([P.hukou_front(a), P.hukou_own(a)])]),
           ("hukou_booklet", "applicant"))
    w.file("毕业证.pdf", text_pdf([P.diploma(c, rng)]), ("diploma", "applicant"))
    w.file("学位证.pdf", text_pdf([P.degree_certificate(c, rng)]), ("degree_certificate", "applicant"))
    w.file("高中毕业证.pdf", text_pdf([P.high_school_diploma(c, rng)]), ("high_school_diploma", "applicant"))
    w.file("结婚证.pdf", text_pdf([P.marriage_certificate(c, rng)]), ("marriage_certificate", "applicant"))
    w.file("经办人/身份证.pdf", text_pdf([stacked([P.id_front(c.hr), P.id_back(c.hr)])]), ("id_card", None))
    _spouse_files(w, c)


def _mail(w: _Writer, c: Case, rng: random.Random, problem: str | None) -> None:
    a = c.applicant
    w.file("劳动合同.docx", P.labour_contract_docx(c, rng, two_column=True), ("labour_contract", "applicant"))
    w.file("身份证正面.pdf", text_pdf([stacked([P.id_front(a)])]), ("id_card", "applicant"))
    w.file("身份证反面.pdf", text_pdf([stacked([P.id_back(a)])]), ("id_card", "applicant"))
    w.raw_name("户口簿".encode("gbk") + b".pdf", text_pdf([stacked([P.hukou_front(a), P.hukou_own(a)])]),
               ("hukou_booklet", "applicant"))
    w.file("毕业证书.pdf", text_pdf([P.diploma(c, rng)]), ("diploma", "applicant"))
    members = [("扫描件/高中毕业证.pdf", text_pdf([P.high_school_diploma(c, rng)])),
               ("__MACOSX/扫描件/._高中毕业证.pdf", b"\x00\x05\x16\x07" + bytes(60))]
    docs = [("high_school_diploma", "applicant")]
    if problem != "zip-without-degree":
        members.insert(0, ("扫描件/学位证.pdf", text_pdf([P.degree_certificate(c, rng)])))
    w.file("材料.zip", _zip(members))
    w.expect.documents.append(("材料.zip/扫描件/高中毕业证.pdf", "high_school_diploma", "applicant"))
    if problem != "zip-without-degree":
        w.expect.documents.append(("材料.zip/扫描件/学位证.pdf", "degree_certificate", "applicant"))
    w.file("结婚证.pdf", text_pdf([P.marriage_certificate(c, rng)]), ("marriage_certificate", "applicant"))
    if problem != "hr-id-missing":
        w.file("人事专员身份证.pdf", text_pdf([stacked([P.id_front(c.hr), P.id_back(c.hr)])]), ("id_card", None))
    w.file("社保明细.xlsx", xlsx_bytes([["缴费年月", "缴费单位"], ["202610", c.employer]]))
    w.file("旧版说明.doc", legacy_doc_bytes())
    _spouse_files(w, c, "配偶材料")


def _shop(w: _Writer, c: Case, rng: random.Random, problem: str | None) -> None:
    a = c.applicant
    w.file("劳动合同（扫描）.pdf", text_pdf(P.labour_contract_pdf(c, rng, two_column=True), "columns"),
           ("labour_contract", "applicant"))
    pages = [stacked([P.degree_certificate(c, rng), P.diploma(c, rng)]),  # two certificates on one sheet
             stacked([P.id_back(a), P.id_front(a)]),  # the back photocopied above the front
             stacked([P.hukou_own(a)]), stacked([P.hukou_front(a)]),
             stacked([P.high_school_diploma(c, rng)]), stacked([P.marriage_certificate(c, rng)])]
    w.file("复印店扫描.pdf", text_pdf(pages))
    for page, (material, person) in enumerate(
            [("degree_certificate", "applicant"), ("diploma", "applicant"), ("id_card", "applicant"),
             ("hukou_booklet", "applicant"), ("high_school_diploma", "applicant"),
             ("marriage_certificate", "applicant")]):
        w.expect.documents.append(("复印店扫描.pdf", material, person))
    w.file("人事专员证件.pdf", text_pdf([stacked([P.id_front(c.hr)]), stacked([P.id_back(c.hr)])]), ("id_card", None))
    _spouse_files(w, c)


def _single(w: _Writer, c: Case, rng: random.Random, problem: str | None) -> None:
    a = c.applicant
    sides = [P.id_front(a)] if problem == "id-back-missing" else [P.id_front(a), P.id_back(a)]
    w.file("身份证.pdf", text_pdf([stacked(sides)]), ("id_card", "applicant"))
    w.file("户口本首页.pdf", text_pdf([stacked([P.hukou_front(a)])]), ("hukou_booklet", "applicant"))
    w.file("户口本本人页.pdf", text_pdf([stacked([P.hukou_own(a)])]), ("hukou_booklet", "applicant"))
    w.file("本科毕业证.pdf", text_pdf([P.diploma(c, rng)]), ("diploma", "applicant"))
    w.file("学士学位证.pdf", text_pdf([P.degree_certificate(c, rng)]), ("degree_certificate", "applicant"))
    w.file("高中证书.pdf", text_pdf([P.high_school_diploma(c, rng)]), ("high_school_diploma", "applicant"))
    w.file("HR/经办人身份证.pdf", text_pdf([stacked([P.id_front(c.hr), P.id_back(c.hr)])]), ("id_card", None))


def write_catalog_sweep(root: Path, seed: int = 9) -> Expect:
    """One document of every catalog material not in the applicant folders, each held by the applicant (a few by
    the spouse): the material-and-person accuracy set."""
    case = make_case(seed)
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    (root / "profile.yaml").write_text(yaml.safe_dump(case.profile(), allow_unicode=True, sort_keys=False),
                                       encoding="utf-8")
    expect = Expect("sweep", None)
    w = _Writer(root, expect)
    for i, material in enumerate(sorted(P.OTHER_TITLES)):
        holder, role = (case.spouse, "spouse") if i % 5 == 4 else (case.applicant, "applicant")
        w.file(f"{i:02d}-{material}.pdf", text_pdf([P.other_document(material, holder, case)]), (material, role))
    return expect
