"""The field vocabulary of :attr:`matcheck.results.Document.fields`: the contract between the folder reader
(which fills them) and the rules (which read them). Add keys freely; do not rename these.

Values: dates are ``datetime.date``; months are :class:`matcheck.dates.Month`; lists are tuples/lists; absent
means "not read". ID numbers are normalised (upper-case X, no spaces) and checksum-valid.

Every document
    ``names``            names of people printed on it (持证人, 姓名, 纳税人姓名 ...), in reading order
    ``id_numbers``       checksum-valid 18-digit 公民身份号码 found on it
    ``credit_codes``     checksum-valid 统一社会信用代码 found on it
    ``dates``            every date found (for freshness checks)
    ``issue_date``       开具时间 / 打印日期 / 发证日期 / 更新日期, when labelled
    ``image``            for images and scanned pages: ``{"width", "height", "sharpness", "contrast", "blank"}``
    ``ocr_confidence``   the lowest mean rapidocr score of the document's OCR'd pages (0-1), when OCR was used
    ``unsure``           the keys of the values read *without confidence* (see :meth:`matcheck.results.Document.confident`)
    ``id_sides``         for a 居民身份证: the sides it shows, ``["front"]``, ``["back"]`` or both
    ``paired_with``      for an ID card side in a file of its own: the file holding the other side

A value is read **with confidence** when it was found after its label (or in its labelled table cell) and has the
shape its field must have — a person's name is 2–5 Chinese characters and no label word (签订日期, 名称, 盖章,
签字 …), an organisation ends in a legal suffix (有限公司, 大学, 中心 …), a date parses — and, when it was read by
OCR, the document's OCR confidence is at least ``quality.MIN_OCR_CONFIDENCE``. A value found another way (the first
organisation anywhere on a contract without a labelled party; the holder of a certificate cut from the sheet above
it) is listed in ``unsure``. Rules assert a mismatch only on a confident value; otherwise they say what could not
be verified, and where.

Which family a document type belongs to is declared with its catalog entry (``family:`` in
checklists/materials.yaml); the lists below name the types declared so today. ``FAMILY_FIELDS`` is the checked
vocabulary (tests/documents/test_synth_folder.py: every field read is in its family's).

Education (xuexin_record, degree_verification_report, diploma, degree_certificate, high_school_diploma,
foreign_degree_certification)
    ``school``           学校名称 / 学位授予单位 / 毕业院校
    ``level``            one of 高中, 中专, 大专, 本科, 硕士, 博士 (层次 / 学历层次; 专科 → 大专)
    ``degree``           学士 | 硕士 | 博士 (from 所授学位 "工学学士学位")
    ``edu_category``     学历类别 (普通高等教育, 高等教育自学考试, 成人高等教育, 网络教育, 开放教育)
    ``study_mode``       profile vocabulary: 全日制 | 自考 | 成人 | 网络 | 函授 | 业余 (from 学习形式 + 学历类别)
    ``enrol_date``       入学日期;  ``grad_date`` 毕（结）业日期 / 获学位日期 — a ``Month`` instead of a date when the
                         document prints only year and month (a diploma's ``于2010年9月至2014年7月在本校…``)
    ``major``            专业 / 学科专业;  ``cert_no`` 证书编号 / 学位证书编号;  ``verify_code`` 在线验证码
    ``study_center``     网络教育 学习中心 (when printed)

Tax (tax_record)
    ``tax_months``       every 税款所属期 month listed
    ``withholding_units``扣缴义务人 names, distinct, in order of appearance
    ``period_start`` / ``period_end``  the 记录期间 printed in the header, when present

Social insurance (social_insurance_record)
    ``si_months``        months listed as paid;  ``si_backpaid_months`` months marked 补缴
    ``si_units``         缴费单位名称 names;  ``si_bases`` mapping Month → base (yuan)
    ``si_unit_periods``  (unit, from Month, to Month) from the 缴费单位 / 缴费起止时间 summary, when printed
    ``si_total_months``  累计缴费月数, when printed (may count months before the listed ones)

Identity and residence (id_card, residence_permit, hukou_booklet, hukou_certificate)
    ``valid_from`` / ``valid_until``   有效期限 (``valid_until`` None with ``valid_long_term`` True for 长期)
    ``address``          住址 / 居住地住址;  ``birth_date``;  ``sex``
    ``hukou_pages``      for a 户口簿: which pages are present: {"首页", "本人页"}
    ``permit_number``    居住证 number

Marriage (marriage_certificate, divorce_certificate)
    ``registration_date`` 登记日期;  ``cert_no`` 结婚证字号

Employment (labour_contract, business_license, appointment_letter, employer_letter, dispatch_agreement)
    ``employer``         甲方 / 用人单位 / 名称;  ``employee`` 乙方
    ``term_start`` / ``term_end``  合同期限 (``term_end`` None with ``open_ended`` True for 无固定期限)
    ``post``             工作岗位 / 工作内容
    ``company_name``     营业执照 名称;  ``established`` 成立日期

Qualifications (title_certificate, skill_certificate, vocational_qualification_certificate)
    ``qual_name``        资格名称 / 职业名称;  ``qual_level`` 初级|中级|高级|五级|四级|三级|二级|一级
    ``obtained``         取得/批准/发证日期;  ``cert_no``;  ``issuer`` 评审委员会 / 评价机构
"""

COMMON = ("names", "id_numbers", "credit_codes", "dates", "issue_date", "image", "ocr_confidence")
EDUCATION = ("school", "level", "degree", "edu_category", "study_mode", "enrol_date", "grad_date", "major", "cert_no",
             "verify_code", "study_center")
TAX = ("tax_months", "withholding_units", "period_start", "period_end")
SOCIAL_INSURANCE = ("si_months", "si_backpaid_months", "si_units", "si_bases", "si_unit_periods", "si_total_months")
IDENTITY = ("valid_from", "valid_until", "valid_long_term", "address", "birth_date", "sex", "hukou_pages",
            "permit_number")
MARRIAGE = ("registration_date", "cert_no")
EMPLOYMENT = ("employer", "employee", "term_start", "term_end", "open_ended", "post", "company_name", "established")
QUALIFICATION = ("qual_name", "qual_level", "obtained", "cert_no", "issuer")
PER_DOCUMENT = ("unsure", "id_sides", "paired_with")  # what the reader adds about a document, whatever its family

FAMILY_FIELDS: dict[str, tuple[str, ...]] = {
    "education": EDUCATION, "tax": TAX, "social_insurance": SOCIAL_INSURANCE, "identity": IDENTITY,
    "marriage": MARRIAGE, "employment": EMPLOYMENT, "qualification": QUALIFICATION,
}
"""The field vocabulary of each family a document type declares in ``checklists/materials.yaml`` (``family:``)."""


def vocabulary(family: str | None) -> frozenset[str]:
    """Every key a document of ``family`` (None: a document type without one) may carry in ``Document.fields``."""
    return frozenset(COMMON + PER_DOCUMENT + (FAMILY_FIELDS[family] if family else ()))

