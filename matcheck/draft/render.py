"""Draft → a commented ``profile.yaml`` (comments in Chinese), which loads as a valid profile.

Each filled fact carries a comment naming the file(s) it was read from and how (文字层 / OCR score); each ``待核实``
says why (not found: which document gives it; documents disagree: every value with its file; an unsure reading:
what was read). The header's filling instructions and the claims no document can show (bonus, records) are the
same text as ``matcheck init``'s template (:mod:`matcheck.profile.template`), the latter commented out.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

import yaml

from matcheck.dates import Month
from matcheck.draft.model import Draft, Fact, Reading
from matcheck.materials import material_label

TO_VERIFY = "待核实"
MAX_SOURCES = 3
ORDER = ("applicant", "employer", "contract", "education", "qualifications", "social_insurance", "tax", "spouse")
NOT_READ = ("以下资料无法从材料中读出，草稿未写入（未写 = 不申报）；需要时按 `matcheck init` 模板补充：\n"
            "work_history（申领人简历）、children（子女）、employer.district（所在区）、applicant.phone、ethnicity 等。")
_PATH = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")


def scalar(value: Any) -> str:
    """A YAML scalar that reads back as ``value`` (ID numbers quoted, months and dates as text)."""
    if value is None:
        return TO_VERIFY
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, (date, Month)):
        return str(value)
    text = str(value)
    try:
        plain = yaml.safe_load(text) == text and not re.search(r"[#:\[\]{},&*!|>'\"%@`]", text)
    except yaml.YAMLError:
        plain = False
    return text if plain and text.strip() == text and text else json.dumps(text, ensure_ascii=False)


def _shown(v: Any) -> str:
    return scalar(v).strip('"') if v is not None else "（空）"


def _src(r: Reading) -> str:
    return f"{material_label(r.source.material)} {r.source.where}（{r.source.how}）"


def comment(f: Fact) -> str:
    used = [r for r in f.readings if not r.remark.startswith("未采用")]
    dropped = [r for r in f.readings if r.remark.startswith("未采用")]
    if f.status == "read":
        if not used:
            text = f.note
        else:
            more = f" 等 {len(used)} 份" if len(used) > MAX_SOURCES else ""
            text = "读自 " + "；".join(_src(r) for r in used[:MAX_SOURCES]) + more
            remarks = sorted({r.remark for r in used if r.remark})
            if remarks:
                text += "（" + "；".join(remarks) + "）"
            if f.note:
                text += "；" + f.note
    elif f.status == "conflict" and len({scalar(r.value) for r in used}) <= 1:  # agreeing readings, doubt in the note
        text = f"{TO_VERIFY}：{f.note}"
    elif f.status == "conflict":
        text = (f"{TO_VERIFY}：材料不一致 — " + "；".join(f"{_src(r)} 写 {_shown(r.value)}" for r in used)
                + "；请核对原件后填写")
    elif f.status == "unsure":
        if used:
            text = (f"{TO_VERIFY}：读取把握低 — " + "；".join(f"{_src(r)} 读到 {_shown(r.value)}" for r in used)
                    + "；请核对原件")
        else:
            text = f"{TO_VERIFY}：未读到可用的值（{f.note}）" if f.note else f"{TO_VERIFY}：未读到可用的值"
    else:
        text = f"{TO_VERIFY}：材料中未读到（{f.note}）" if f.note else f"{TO_VERIFY}：材料中未读到"
    if dropped:
        text += "。" + "；".join(f"{_src(r)} 读到“{_shown(r.value)}”，{r.remark}" for r in dropped)
    return " ".join(text.split())


def _tree(facts: tuple[Fact, ...]) -> dict:
    """Paths → nested dicts and lists (lists as dicts keyed by index), leaves the Facts, in the facts' order."""
    root: dict = {}
    for f in facts:
        node = root
        parts = [(m.group(1), m.group(2)) for m in _PATH.finditer(f.path)]
        for n, (key, index) in enumerate(parts):
            last = n == len(parts) - 1
            if index is None:
                if last:
                    node[key] = f
                else:
                    node = node.setdefault(key, {})
            else:
                items = node.setdefault(key, {"__list__": True})
                node = items.setdefault(int(index), {})
                if last:  # a whole list item as one fact (not used today)
                    items[int(index)] = f
    return root


def _emit(node: dict, indent: int, out: list[str], first_prefix: str | None = None) -> None:
    pad = " " * indent
    for n, (key, value) in enumerate((k, v) for k, v in node.items() if k != "__list__"):
        lead = first_prefix if (first_prefix is not None and n == 0) else pad
        if isinstance(value, Fact):
            out.append(f"{lead}{key}: {scalar(value.value)}    # {comment(value)}")
        elif value.get("__list__"):
            out.append(f"{lead}{key}:")
            for index in sorted(k for k in value if k != "__list__"):
                _emit(value[index], indent + 4, out, first_prefix=pad + "  - ")
        else:
            out.append(f"{lead}{key}:")
            _emit(value, indent + 2, out)


def render(draft: Draft, folder: str = "") -> str:
    """The draft as a commented profile.yaml."""
    from matcheck.profile.template import CLAIMS_NOT_IN_DOCUMENTS, HEADER

    counts = draft.counts()
    out = [
        "# 草稿：由 matcheck init --from-documents 根据" + (f"文件夹 {folder} 中" if folder else "") + "的材料起草。",
        f"# 读出并填写 {counts['read']} 项；待核实 {counts['missing'] + counts['unsure'] + counts['conflict']} 项"
        f"（材料中未读到 {counts['missing']}，读取把握低 {counts['unsure']}，材料不一致 {counts['conflict']}）。",
        "# 每项后的注释说明读自哪个文件、如何读取（文字层 / OCR 及其置信度）；使用前请逐项对照原件核对。",
    ]
    out += [f"# {line}" for r in draft.remarks for line in r.splitlines()]
    out.append("#")
    out += HEADER.rstrip("\n").splitlines()
    out.append("")
    out.append(f"as_of: {draft.as_of}            # 评估日期（起草时的日期；可改为申请日期）")
    out.append("policy: auto")
    tree = _tree(draft.facts)
    for key in ORDER:
        if key not in tree:
            out.append("")
            out.append(f"# {key}: 材料中没有可读的内容，未写入" + _absent_hint(key))
            continue
        out.append("")
        value = tree[key]
        if isinstance(value, Fact):
            out.append(f"{key}: {scalar(value.value)}    # {comment(value)}")
        else:
            _emit({key: value}, 0, out)
    out.append("")
    out.append("# ---------------------------------------------------------------------------------------------")
    out.append("# 材料不能证明的申报项（表彰奖励、特定公共服务领域、远郊重点区域、投资纳税、减分记录等）未写入，")
    out.append("# 即“不申报、无记录”。如需申报或如实填写，删去下列行首的 # 并按实际填写：")
    out += [f"# {line}" if line else "#" for line in CLAIMS_NOT_IN_DOCUMENTS.rstrip("\n").splitlines()]
    out.append("#")
    out += [f"# {line}" for line in NOT_READ.splitlines()]
    return "\n".join(out) + "\n"


def _absent_hint(key: str) -> str:
    return {
        "qualifications": "（未见职称/技能证书：不申报；如有，按模板填写 qualifications）",
        "spouse": "（未见结婚证：未婚则不填；已婚请放入结婚证，或按模板填写 spouse）",
        "tax": "",
    }.get(key, "")
