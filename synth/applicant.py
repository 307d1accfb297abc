"""A whole synthetic applicant folder (申请人材料文件夹): ``profile.yaml`` plus the files that profile needs.

    from synth.applicant import ApplicantSpec, write_applicant
    write_applicant(Path("out/zhang"), ApplicantSpec(profile=profile_dict, seed=7), faults=("missing:tax_record",))

The documents follow the profile (names, ID numbers, units, dates); ``faults`` then break named things, so that a
test or a benchmark can say exactly what the checker should find. Faults (``KIND`` is a document kind from
:data:`synth.documents.BUILDERS`; ``@PERSON`` = ``@applicant`` | ``@spouse`` | ``@child`` | ``@hr_officer`` narrows it):

=============================  ==========================================================================
``missing:KIND[@PERSON]``       the file is not in the folder (missing-material)
``pages-missing:hukou_booklet`` the 户口簿 has only the 本人页, no 首页 (material-incomplete)
``expired:residence_permit``    the 居住证 ended 15 days before ``as_of`` (permit-expired / material-expired)
``expired:id_card[@PERSON]``    the 身份证 有效期限 ended 30 days before ``as_of`` (material-expired)
``wrong-unit:KIND``             another unit on the 收入纳税明细 / 社保 (last 12 months) / 合同 / 营业执照 (unit-mismatch)
``wrong-name:KIND[@PERSON]``    one character of the name differs (identity-mismatch)
``wrong-id:KIND[@PERSON]``      another checksum-valid ID number (identity-mismatch)
``tax-months-short``            the 个税 record and detail lack the last 2 months before ``as_of`` (tax-months-incomplete)
``backpaid-months``             3 of the last 12 社保 months are marked 补缴
``corrupted:KIND``              the file is cut to a third of its bytes (unreadable-file)
``encrypted:KIND``              a PDF with a user password ``1234`` (unreadable-file; NOT byte-deterministic)
``blurry:KIND``                 a rough photo: heavy blur, noise, small, low JPEG quality (low-quality-image)
``mislabelled:KIND``            the extension lies (.pdf for a JPEG, .jpg for a PDF or DOCX)
``photo:KIND`` / ``scan:KIND`` / ``pdf:KIND``  the medium of that document (see synth.documents)
``unrelated-file``              a photo of a shop receipt (unrecognised-file)
``empty-file``                  a 0-byte ``扫描件.pdf`` (unreadable-file)
=============================  ==========================================================================

``images=False`` writes every photo and scan as a text PDF (no OCR needed: fast benchmarks); the DOCX stays.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Iterable, Mapping

import yaml

from matcheck.profile import Profile, parse_profile
from synth import people
from synth.documents import render_bytes
from synth.documents.layout import Doc, Para
from synth.facts import Planned, plan_documents

OTHER_UNIT = "上海示例人力资源外包服务有限公司"
FAULT_KINDS = ("missing", "pages-missing", "expired", "wrong-unit", "wrong-name", "wrong-id", "corrupted",
               "encrypted", "blurry", "mislabelled", "photo", "scan", "pdf")
FAULT_WORDS = ("tax-months-short", "backpaid-months", "unrelated-file", "empty-file")

# Messy real-world file names per document ("KIND@PERSON"), one drawn per folder from the seed.
NAMES: dict[str, tuple[str, ...]] = {
    "id_card@applicant": ("身份证正反面.jpg", "IMG_{n}.jpg", "微信图片_2026{n}.jpg"),
    "id_card@spouse": ("配偶身份证.jpg", "IMG_{n}.jpg"),
    "residence_permit@applicant": ("居住证.jpg", "IMG_{n}.jpg"),
    "hukou_booklet@applicant": ("户口本.pdf", "新建文件夹/扫描件{k}.pdf", "户口簿首页+本人页.pdf"),
    "hukou_booklet@spouse": ("配偶户口本.pdf", "家属材料/扫描件{k}.pdf"),
    "xuexin_record@applicant": ("学信网备案表.pdf", "教育部学历证书电子注册备案表.pdf", "学历备案{k}.pdf"),
    "degree_verification_report@applicant": ("学位验证报告.pdf", "学位在线验证报告{k}.pdf"),
    "diploma@applicant": ("毕业证.jpg", "IMG_{n}.jpg"),
    "degree_certificate@applicant": ("学位证.jpg", "IMG_{n}.jpg"),
    "high_school_diploma@applicant": ("高中毕业证.jpg", "IMG_{n}.jpg"),
    "tax_record@applicant": ("个税.pdf", "纳税记录{y}.pdf"),
    "social_insurance_record@applicant": ("社保.pdf", "参保情况.pdf", "社保缴费记录.pdf"),
    "business_license@applicant": ("营业执照副本.jpg", "公司执照.jpg"),
    "employer_letter@applicant": ("介绍信.pdf", "单位介绍信（扫描）.pdf"),
    "labour_contract@applicant": ("劳动合同.docx", "劳动合同书-最终版.docx"),
    "marriage_certificate@applicant": ("结婚证.jpg", "IMG_{n}.jpg"),
    "skill_certificate@applicant": ("技能证书.jpg", "IMG_{n}.jpg"),
    "title_certificate@applicant": ("职称证书.pdf", "中级职称.pdf"),
    "appointment_letter@applicant": ("聘书.pdf", "扫描件{k}.pdf"),
    "birth_certificate@child": ("出生证明.jpg", "IMG_{n}.jpg"),
    "id_card@hr_officer": ("人事专员身份证.jpg", "经办人身份证.jpg"),
    "application_form@applicant": ("积分申请表（盖章）.pdf", "申请表扫描件.pdf"),
    "pledge@applicant": ("承诺书.pdf", "承诺书扫描.pdf"),
    "tax_income_detail@applicant": ("个税收入纳税明细.pdf", "收入纳税明细{k}.pdf"),
    "graduate_registration_form@applicant": ("毕业生登记表.pdf", "自考登记表{k}.pdf"),
    "transcript@applicant": ("成绩单.pdf", "自考成绩单{k}.pdf"),
}
_EXT = {"pdf": ".pdf", "scan": ".pdf", "photo": ".jpg", "rough": ".jpg", "docx": ".docx"}


@dataclass(frozen=True)
class ApplicantSpec:
    """One synthetic applicant: the profile (a dict per contracts.md §1, or YAML text written as is), a seed, and
    optional per-document file names / media keyed ``KIND#education[1]``, ``KIND@PERSON`` or ``KIND`` (the
    applicant's document of that kind)."""

    profile: Mapping | str
    seed: int | str = 0
    names: Mapping[str, str] = field(default_factory=dict)
    media: Mapping[str, str] = field(default_factory=dict)

    def profile_data(self) -> dict:
        return yaml.safe_load(self.profile) if isinstance(self.profile, str) else dict(self.profile)

    def parsed(self) -> Profile:
        return parse_profile(self.profile_data(), source=f"ApplicantSpec(seed={self.seed})")


def parse_faults(faults: Iterable[str]) -> list[tuple[str, str, str | None]]:
    """``"missing:id_card@spouse"`` → ``("missing", "id_card", "spouse")``; ValueError for an unknown fault."""
    out = []
    for f in faults:
        if f in FAULT_WORDS:
            out.append((f, "", None))
            continue
        name, _, target = f.partition(":")
        kind, _, person = target.partition("@")
        if name not in FAULT_KINDS or not kind:
            raise ValueError(f"unknown fault {f!r}; expected one of {', '.join(FAULT_WORDS)} or "
                             f"{'|'.join(FAULT_KINDS)}:KIND[@PERSON] (see synth.applicant)")
        out.append((name, kind, person or None))
    return out


def _hits(doc: Planned, fault: str, kind: str, person: str | None) -> bool:
    """Whether ``fault:kind@person`` concerns ``doc``. The 纳税记录 prints no 扣缴义务人: a wrong unit or a wrong
    name "on the tax record" also shows on the 收入纳税明细 that goes with it."""
    kinds = {kind}
    if kind == "tax_record" and fault in ("wrong-unit", "wrong-name", "wrong-id"):
        kinds.add("tax_income_detail")
    return doc.kind in kinds and (person is None or doc.person == person)


def _other_name(name: str) -> str:
    given = "明" if name[-1] != "明" else "鸣"
    return name[:-1] + given


def _apply(doc: Planned, fault: str, as_of: date, seed) -> Planned | None:
    f = dict(doc.facts)
    if fault == "missing":
        return None
    if fault == "pages-missing":
        f["pages"] = ("本人页",)
    elif fault == "expired" and doc.kind == "residence_permit":
        f["valid_until"] = as_of - timedelta(days=15)
        f["issue_date"] = min(f["issue_date"], f["valid_until"] - timedelta(days=365))
    elif fault == "expired":
        f["valid_to"] = as_of - timedelta(days=30)
        f["valid_from"] = f["valid_to"].replace(year=f["valid_to"].year - 10)
    elif fault == "wrong-unit":
        if doc.kind in ("tax_record", "tax_income_detail"):
            f["rows"] = [dict(r, unit=OTHER_UNIT) for r in f["rows"]]
        elif doc.kind == "social_insurance_record":
            f["months"] = f["months"][:-12] + [dict(r, unit=OTHER_UNIT) if r["status"] == "已记账" else r
                                               for r in f["months"][-12:]]
        elif doc.kind in ("labour_contract", "business_license", "appointment_letter", "employer_letter"):
            f["employer" if "employer" in f else "name"] = OTHER_UNIT
    elif fault == "wrong-name":
        for key in ("name", "holder", "employee", "head_name"):
            if key in f and f[key]:
                f[key] = _other_name(f[key])
    elif fault == "wrong-id":
        for key in ("id_number", "employee_id"):
            if key in f and f[key]:
                old = f[key]
                f[key] = people.id_number(old[:6], date(int(old[6:10]), int(old[10:12]), int(old[12:14])),
                                          "男" if int(old[16]) % 2 else "女", (int(old[14:17]) // 2 + 7) % 500)
    elif fault in ("corrupted", "encrypted", "mislabelled"):
        return replace(doc, extra={**doc.extra, fault: True})
    elif fault in ("photo", "scan", "pdf"):
        return replace(doc, medium=fault, extra={**doc.extra, "forced": True})
    elif fault == "blurry":
        return replace(doc, medium="rough", extra={**doc.extra, "forced": True})
    return replace(doc, facts=f)


def _global(docs: list[Planned], fault: str) -> list[Planned]:
    out = []
    for d in docs:
        if fault == "tax-months-short" and d.kind in ("tax_record", "tax_income_detail"):
            d = replace(d, facts=dict(d.facts, rows=d.facts["rows"][:-2]))
        elif fault == "backpaid-months" and d.kind == "social_insurance_record":
            months = list(d.facts["months"])
            last = months[-1]["month"]
            for i in (-11, -10, -9):
                if len(months) >= -i and months[i]["status"] == "已记账":
                    months[i] = dict(months[i], backpaid=last)
            d = replace(d, facts=dict(d.facts, months=months))
        out.append(d)
    return out


def _name(doc: Planned, spec: ApplicantSpec, used: set[str], medium: str) -> str:
    keys = [f"{doc.kind}#{doc.key}", f"{doc.kind}@{doc.person}"] + ([doc.kind] if doc.person == "applicant" else [])
    for key in keys:
        if key in spec.names:
            name = spec.names[key]
            break
    else:
        # one generator per document: a name does not change when a fault removes or adds another file
        rng = random.Random(f"names:{spec.seed}:{doc.kind}:{doc.person}:{doc.key}")
        pool = NAMES.get(f"{doc.kind}@{doc.person}", (f"{doc.kind}{{k}}.pdf",))
        name = rng.choice(pool).format(n=rng.randint(1000, 9999), k=rng.randint(1, 9), y=2026)
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    want = _EXT[medium]
    if doc.extra.get("mislabelled"):
        want = ".pdf" if want in (".jpg",) else ".jpg"
    name = stem + want
    k = 2
    while name in used:
        name = f"{stem}({k}){want}"
        k += 1
    used.add(name)
    return name


def _encrypt(data: bytes) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password="1234", owner_password="sample-owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _receipt() -> Doc:
    return Doc(kind="unrelated", title=["示例便利店 购物小票"], page="card", title_size=10, margin=0.08,
               blocks=[Para("矿泉水 x2      4.00", 7), Para("面包 x1        6.50", 7), Para("合计：10.50 元", 7),
                       Para("谢谢惠顾", 7, align="center")])


def write_applicant(folder: Path, spec: ApplicantSpec | None = None, *, images: bool = True,
                    faults: Iterable[str] = (), seed: int | str | None = None) -> None:
    """Write ``profile.yaml`` and every document the profile needs into ``folder`` (created; existing files with the
    same names are overwritten). Without ``spec``, a random plausible applicant is drawn from ``seed``
    (:func:`synth.population.random_profile`: many different people for batch runs). Raises
    ``matcheck.profile.ProfileError`` for an invalid profile and ValueError for an unknown fault."""
    if spec is None:
        from synth.population import random_profile

        spec = ApplicantSpec(random_profile(0 if seed is None else seed), seed=0 if seed is None else seed)
    profile = spec.parsed()
    as_of = profile.as_of or date.today()
    parsed = parse_faults(faults)
    docs = plan_documents(profile, spec.seed, as_of)
    for name, kind, person in parsed:
        if name in FAULT_WORDS:
            docs = _global(docs, name)
            continue
        docs = [d2 for d in docs
                if (d2 := (_apply(d, name, as_of, spec.seed) if _hits(d, name, kind, person) else d))]
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    text = spec.profile if isinstance(spec.profile, str) else yaml.safe_dump(
        spec.profile_data(), allow_unicode=True, sort_keys=False)
    (folder / "profile.yaml").write_text(text, encoding="utf-8")
    used: set[str] = set()
    for i, doc in enumerate(docs):
        if doc.extra.get("forced"):  # a medium fault wins over the spec and over images=False
            medium = doc.medium
        else:
            medium = (spec.media.get(f"{doc.kind}@{doc.person}")
                      or (spec.media.get(doc.kind) if doc.person == "applicant" else None) or doc.medium)
            if not images and medium in ("photo", "scan"):
                medium = "pdf"
        data = render_bytes(doc.kind, doc.facts, medium, seed=f"{spec.seed}:{doc.person}:{doc.key}")
        if doc.extra.get("encrypted") and medium in ("pdf", "scan"):
            data = _encrypt(data)
        if doc.extra.get("corrupted"):
            data = data[: len(data) // 3]
        path = folder / _name(doc, spec, used, medium)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    for name, _, _ in parsed:
        if name == "unrelated-file":
            from synth.documents import page_image
            from synth.documents.photo import photograph

            (folder / "微信图片_20260101.jpg").write_bytes(photograph(page_image(_receipt(), 900), f"{spec.seed}:r"))
        elif name == "empty-file":
            (folder / "扫描件.pdf").write_bytes(b"")
