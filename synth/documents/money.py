"""个税 and 社保 evidence: the 个人所得税纳税记录 and the 城镇职工基本养老保险参保情况 print.

``tax_record`` facts: ``name, id_number, issue_date`` (date), ``verify_code``, ``district`` (入库税务机关),
``rows``: ``[{"month": Month, "unit": str, "income": float, "tax": float}]`` one per 税款所属期, oldest first.
The 《纳税记录》 (documents.md §3.1) has 7 columns and no 扣缴义务人 column; ``tax_income_detail`` (same facts)
is the 收入纳税明细 list (§3.3) that names the 扣缴义务人 per month: the only 个税 view that proves the unit.

``social_insurance_record`` facts: ``name, id_number, print_date`` (date), ``months``: ``[{"month": Month,
"status": "已记账" | "未缴费" | "欠缴", "backpaid": Month | None, "unit": str, "base": float}]`` oldest first
(the last 60 are printed); ``total_months`` (累计缴费月数). Page 1 is the 参保情况 print (§4.1: three blocks of 20
rows, then 近60个月缴费单位信息); page 2 is the 缴费明细 query (年月 · 缴费单位 · 缴费基数 …), whose exact print
layout documents.md could not find [?]: its columns follow §4.1's design note.
"""

from __future__ import annotations

from synth.documents.photo import hash_seed
from synth.documents.layout import Doc, Fields, Gap, PageBreak, Para, Table
from synth.formats import Variant, dotted, ym_cn, ym_compact, ym_dash, ym_dot, ymd_padded

_UPPER = "零壹贰叁肆伍陆柒捌玖"


def upper_amount(value: float) -> str:
    """金额合计 in upper case: 1234.56 → 壹仟贰佰叁拾肆元伍角陆分."""
    fen = round(value * 100)
    yuan, rest = divmod(fen, 100)
    jiao, fen = divmod(rest, 10)
    units = ["", "拾", "佰", "仟", "万", "拾", "佰", "仟", "亿"]
    digits = str(yuan)
    out = ""
    zero = False
    for i, d in enumerate(digits):
        pos = len(digits) - 1 - i
        if d == "0":
            zero = True
            if pos == 4:
                out += "万"
            continue
        if zero and out:
            out += "零"
        zero = False
        out += _UPPER[int(d)] + units[pos]
    out = (out or "零") + "元"
    if jiao:
        out += _UPPER[jiao] + "角"
    if fen:
        out += _UPPER[fen] + "分"
    return out if jiao or fen else out + "整"


def tax_record(f: dict, v: Variant) -> Doc:
    rows = f["rows"]
    authority = f"国家税务总局上海市{f.get('district', '浦东新区')}税务局"
    ym = v.pick(ym_dot, ym_dash)
    table_rows = []
    for r in rows:
        m = r["month"]
        declared = (m + 1).first_day().replace(day=v.pick(10, 12, 15))
        paid = declared.replace(day=declared.day + 1)
        table_rows.append([dotted(declared), f"{r['tax']:.2f}", dotted(paid), "工资薪金所得", ym(m), authority, ""])
    total = sum(r["tax"] for r in rows)
    period = f"{ym_cn(rows[0]['month'])}-{ym_cn(rows[-1]['month'])}" if rows else ""
    code = f["verify_code"]
    issued = f["issue_date"]
    record = Doc(
        kind="tax_record", title=["中华人民共和国", "个人所得税纳税记录", v.brackets("（原《税收完税证明》）")],
        title_size=16, header_note=v.brackets(f"（{issued:%Y%m%d} 记录 {hash_seed(code) % 10**8:08d}）"),
        blocks=[
            Para(f"查询验证码：{' '.join(code[i:i + 4] for i in range(0, 16, 4))}", 9, align="right"),
            Fields([("记录期间：", period), ("纳税人名称：", f["name"]), ("纳税人识别号：", f["id_number"]),
                    ("身份证件类型：", "居民身份证"), ("身份证件号码：", f["id_number"])], columns=2, size=9,
                   label_width=0.34, line_gap=1.8),
            Para("金额单位:元", 8, align="right"),
            Table([v.brackets("申报日期"), v.brackets("实缴（退）金额"), v.brackets("入（退）库日期"), "所得项目",
                   "税款所属期", "入库税务机关", "备注"], table_rows,
                  widths=[0.12, 0.13, 0.13, 0.13, 0.11, 0.3, 0.08], size=7.5),
            Para(f"金额合计：{upper_amount(total)}（¥{total:.2f}）", 9),
            Para("说明：1. 本记录涉及纳税人敏感信息，请妥善保管。2. 您可以通过个人所得税APP扫描二维码或登录自然人电子税务局，"
                 "输入查询验证码进行验证。3. 打印设备的颜色不影响本记录的使用。", 7.5),
            Para("本凭证不作为纳税人记账、抵扣凭证", 8),
            Para(v.brackets("开具机关（盖章）：国家税务总局上海市税务局（样例，无印章）"), 8, align="right"),
            Para(f"开具时间：{ymd_padded(issued)}", 8, align="right"),
            Para("当前第1页，共1页", 7.5, align="center"),
        ])
    return record


def tax_income_detail(f: dict, v: Variant) -> Doc:
    rows = f["rows"]
    total = sum(r["tax"] for r in rows)
    period = f"{ym_cn(rows[0]['month'])}-{ym_cn(rows[-1]['month'])}" if rows else ""
    detail_rows = [[ym_dash(r["month"]), "工资薪金", r["unit"], f"{r['income']:.2f}", f"{r['tax']:.2f}"] for r in rows]
    detail = Doc(
        kind="tax_record", title=["收入纳税明细"], title_size=15,
        blocks=[
            Fields([("纳税人：", f["name"]), ("查询期间：", period)], columns=2, size=9, label_width=0.25),
            Para(f"收入合计：{sum(r['income'] for r in rows):.2f}元    已申报税额合计：{total:.2f}元", 9),
            Table(["所得期间", "所得项目", "扣缴义务人", "收入（元）", "已申报税额（元）"], detail_rows,
                  widths=[0.13, 0.12, 0.45, 0.15, 0.15], size=7.5),
            Para("数据来源：个人所得税APP 收入纳税明细查询（打印件）", 7.5),
        ])
    return detail


def social_insurance_record(f: dict, v: Variant) -> list[Doc]:
    months = f["months"][-60:]
    ym = v.pick(ym_compact, ym_dot)
    cells = [[str(i + 1), ym(r["month"]), r["status"], ym(r["backpaid"]) if r.get("backpaid") else ""]
             for i, r in enumerate(months)]
    cells += [["", "", "", ""]] * (60 - len(cells))
    rows = [cells[i] + cells[i + 20] + cells[i + 40] for i in range(20)]
    header = ["序号", "年月", "参保情况", "补缴退账年月"] * 3
    w = [0.05, 0.08, 0.08, 0.1133] * 3
    # 近60个月缴费单位信息: one line per run of the same unit
    runs: list[list] = []
    for r in months:
        if r["status"] == "未缴费" or not r.get("unit"):
            continue
        if runs and runs[-1][0] == r["unit"] and runs[-1][2] + 1 == r["month"]:
            runs[-1][2] = r["month"]
        else:
            runs.append([r["unit"], r["month"], r["month"]])
    unit_rows = [[u, f"{ym_cn(a)}-{ym_cn(b)}"] for u, a, b in runs]
    last = months[-1]["month"] if months else None
    page1 = Doc(
        kind="social_insurance_record", title=["参保人员城镇职工基本养老保险参保情况"], title_size=15,
        blocks=[
            Fields([("姓名", f["name"]), ("社会保障号码", f["id_number"]), ("证件号码", f["id_number"])], columns=3,
                   size=8.5, label_width=0.42, grid=True),
            Table(header, rows, widths=w, size=6.5, row_gap=1.75),
            Para("近60个月缴费单位信息", 9.5, align="center"),
            Table(["缴费单位名称", "缴费起止时间"], unit_rows, widths=[0.62, 0.38], size=7.5),
            Para(f"截至{ym_cn(last)}，累计缴费月数 {f['total_months']}" if last else "", 8.5),
            Para("备注：本数据来源于“一网通办”/“随申办”，仅供参考；可通过上述渠道核验真伪。“已记账”指已记入个人账户。", 7),
            Para("本参保情况加盖电子印章，与实物印章具有同等效力（样例，无印章）。经办机构：上海市社会保险事业管理中心", 7),
            Para(f"打印日期：{ymd_padded(f['print_date'])}    电子印章验证码：SAMPLE-{f['id_number'][-4:]}", 7),
        ])
    detail_rows = []
    for r in f["months"][-48:]:
        if r["status"] != "已记账":
            continue
        base = r["base"]
        detail_rows.append([ym_dash(r["month"]), r["unit"], "养老", f"{base:.2f}", f"{base * 0.08:.2f}",
                            f"{base * 0.16:.2f}"])
    page2 = Doc(
        kind="social_insurance_record", title=["社保缴费记录（缴费明细）"], title_size=14,
        blocks=[Fields([("姓名", f["name"]), ("证件号码", f["id_number"])], columns=2, size=8.5, label_width=0.3),
                Table(["年月", "缴费单位", "险种", "缴费基数", "个人缴纳", "单位缴纳"], detail_rows,
                      widths=[0.1, 0.46, 0.08, 0.12, 0.12, 0.12], size=7),
                Para(f"查询日期：{ymd_padded(f['print_date'])}  数据来源：随申办 社保缴费记录查询（样例）", 7)])
    return [page1, page2]
