"""The HTML overview of a batch (批量检查汇总) and the per-applicant report pages.

One self-contained file, readable offline: inline CSS and JavaScript, no external resource of any kind (no fonts,
scripts, images or links off the machine). One row per applicant, sortable by any column (click its header) and
filterable (free text, and status: reaches 120 / below / with errors / could not be checked; the URL may carry
the view: ``summary.html#q=团队1&status=below&sort=2&desc=1``), each row linking to
that applicant's report page and carrying a small inline SVG chart: the counted points stacked by indicator, with
deductions in red and a dashed line at the standard score. Names are masked unless --show-pii.
"""

from __future__ import annotations

import html
from typing import Any, Mapping
from urllib.parse import quote

from matcheck.batch.summary import report_paths
from matcheck.textsafe import escape_control


def escape(text: str, quote: bool = True) -> str:
    """HTML-escaped, with control characters from untrusted text (names, findings) made visible first."""
    return html.escape(escape_control(text, one_line=False), quote)


# One colour per indicator id (contracts.md §3); an unknown id is drawn grey.
COLOURS = {
    "age": "#4e79a7", "education": "#f28e2b", "qualification": "#e15759", "social_insurance_years": "#76b7b2",
    "social_insurance_base": "#59a14f", "shortage_major": "#edc948", "investment": "#b07aa1",
    "public_service": "#ff9da7", "remote_area": "#9c755f", "fresh_graduate": "#bab0ac", "award": "#d37295",
    "spouse_hukou": "#8cd17d", "entrepreneur": "#86bcb6", "intermediary": "#f1ce63",
}
DEDUCTION_COLOUR, OTHER_COLOUR = "#c0392b", "#999999"
CHART_W, CHART_H = 220, 18

LABELS = {
    "zh": {"title": "积分申请批量检查汇总", "search": "筛选（姓名、文件夹、问题…）", "all": "全部", "reach": "达到标准分",
           "below": "未达标准分", "errors": "有错误", "bad": "无法检查", "name": "申请人", "folder": "文件夹",
           "total": "积分", "reaches": "达标", "chart": "各指标分值", "missing": "缺少材料", "n_errors": "错误",
           "n_warnings": "警告", "top": "首要问题", "report": "报告", "shown": "显示", "of": "共",
           "yes": "是", "no": "否", "standard": "标准分", "not_run": "未检查（批量运行被中断）", "legend": "图例",
           "deductions": "减分", "back": "返回汇总", "generated": "生成时间", "policy": "政策版本",
           "as_of": "评估日期", "incomplete": "本次运行未完成：部分申请人尚未检查，可用 --resume 继续。", "items": "项",
           "failed": "内部错误"},
    "en": {"title": "Points application batch summary", "search": "Filter (name, folder, finding…)", "all": "All",
           "reach": "Reaches the standard", "below": "Below the standard", "errors": "With errors",
           "bad": "Could not be checked", "name": "Applicant", "folder": "Folder", "total": "Score",
           "reaches": "≥ std", "chart": "Points by indicator", "missing": "Missing materials", "n_errors": "Errors",
           "n_warnings": "Warnings", "top": "Top finding", "report": "Report", "shown": "Showing", "of": "of",
           "yes": "yes", "no": "no", "standard": "standard", "not_run": "not checked (the batch was interrupted)",
           "legend": "Legend", "deductions": "deductions", "back": "Back to the summary", "generated": "Generated",
           "policy": "Policy", "as_of": "As of",
           "incomplete": "This run did not finish: some applicants were not checked; run again with --resume.",
           "items": "items", "failed": "Internal errors"},
}

_CSS = """
body{font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:16px;
color:#222;background:#fafafa}h1{font-size:20px;margin:0 0 8px}.meta{color:#555;font-size:13px;margin-bottom:10px}
.cards{display:flex;gap:10px;flex-wrap:wrap;margin:8px 0}.card{background:#fff;border:1px solid #ddd;border-radius:6px;
padding:6px 12px;font-size:13px}.card b{font-size:18px;display:block}.warn{color:#a94442;font-weight:bold}
.controls{margin:10px 0;display:flex;gap:8px;align-items:center}input,select{font:inherit;padding:4px 6px}
input{width:320px}table{border-collapse:collapse;width:100%;background:#fff;font-size:13px}
th,td{border:1px solid #ddd;padding:4px 6px;vertical-align:middle;text-align:left}
th{background:#eef1f5;cursor:pointer;user-select:none;white-space:nowrap;position:sticky;top:0}
th.sorted-asc::after{content:" ▲"}th.sorted-desc::after{content:" ▼"}td.num{text-align:right}
tr.bad-input td,tr.failed td{background:#fdecea}tr.not-run td{color:#888}.yes{color:#2e7d32;font-weight:bold}
.no{color:#b71c1c}.legend{font-size:12px;margin:6px 0;display:flex;flex-wrap:wrap;gap:8px}
.legend span i{display:inline-block;width:10px;height:10px;margin-right:3px}.small{font-size:12px;color:#555}
td.top{max-width:420px}td.missing{max-width:260px;white-space:nowrap}td.missing ul{margin:2px 0;padding-left:18px;
white-space:normal}summary{cursor:pointer;color:#1f4e79}svg{display:block}
"""

_JS = """
(function(){
var table=document.getElementById('rows'),body=table.tBodies[0],q=document.getElementById('q'),
    st=document.getElementById('status'),shown=document.getElementById('shown');
function apply(){var text=q.value.trim().toLowerCase(),want=st.value,n=0;
  Array.prototype.forEach.call(body.rows,function(r){
    var ok=(!text||r.textContent.toLowerCase().indexOf(text)>=0)&&(want==='all'||r.dataset.tags.split(' ').indexOf(want)>=0);
    r.style.display=ok?'':'none';if(ok){n++;}});
  shown.textContent=n;}
q.addEventListener('input',apply);st.addEventListener('change',apply);
Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,col){
  th.addEventListener('click',function(){
    var asc=!th.classList.contains('sorted-asc'),numeric=th.dataset.type==='num';
    Array.prototype.forEach.call(table.tHead.rows[0].cells,function(h){h.classList.remove('sorted-asc','sorted-desc');});
    th.classList.add(asc?'sorted-asc':'sorted-desc');
    var rows=Array.prototype.slice.call(body.rows);
    rows.sort(function(a,b){var x=a.cells[col].dataset.v,y=b.cells[col].dataset.v;
      if(numeric){x=x===''?-Infinity:parseFloat(x);y=y===''?-Infinity:parseFloat(y);return asc?x-y:y-x;}
      return asc?x.localeCompare(y,'zh'):y.localeCompare(x,'zh');});
    rows.forEach(function(r){body.appendChild(r);});});});
var h={};location.hash.replace(/^#/,'').split('&').forEach(function(p){var kv=p.split('=');
  if(kv[0]){h[kv[0]]=decodeURIComponent(kv[1]||'');}});
if(h.q){q.value=h.q;}if(h.status){st.value=h.status;}
if(h.sort){var th=table.tHead.rows[0].cells[parseInt(h.sort,10)];if(th){th.click();if(h.desc){th.click();}}}
apply();document.documentElement.setAttribute('data-ready','1');})();
"""


def chart_svg(indicators: list[Mapping[str, Any]], standard: int | None, scale: float, lang: str = "zh") -> str:
    """A small stacked bar: counted points by indicator, deductions in red over its end, the standard dashed."""
    label = LABELS.get(lang, LABELS["zh"])
    parts, x = [], 0.0
    deduction = 0
    for ind in indicators:
        points = int(ind.get("points") or 0)
        if ind.get("id") == "deductions" or points < 0:
            deduction += abs(points)
            continue
        if not ind.get("counted") or points <= 0:
            continue
        w = points * scale
        colour = COLOURS.get(str(ind.get("id")), OTHER_COLOUR)
        parts.append(f'<rect x="{x:.1f}" y="2" width="{w:.1f}" height="{CHART_H - 4}" fill="{colour}">'
                     f'<title>{escape(str(ind.get("name") or ind.get("id")))}: {points}</title></rect>')
        x += w
    if deduction:
        w = min(deduction * scale, x)
        parts.append(f'<rect x="{x - w:.1f}" y="5" width="{w:.1f}" height="{CHART_H - 10}" fill="{DEDUCTION_COLOUR}" '
                     f'opacity="0.85"><title>{label["deductions"]}: -{deduction}</title></rect>')
    if standard:
        sx = standard * scale
        parts.append(f'<line x1="{sx:.1f}" y1="0" x2="{sx:.1f}" y2="{CHART_H}" stroke="#222" stroke-width="1.2" '
                     f'stroke-dasharray="3,2"><title>{label["standard"]} {standard}</title></line>')
    return (f'<svg width="{CHART_W}" height="{CHART_H}" viewBox="0 0 {CHART_W} {CHART_H}" role="img">'
            + "".join(parts) + "</svg>")


def _scale(rows: list[Mapping[str, Any]]) -> float:
    top = 1
    for r in rows:
        positive = sum(max(0, int(i.get("points") or 0)) for i in r.get("indicators") or ()
                       if i.get("counted") and i.get("id") != "deductions")
        top = max(top, positive, int((r.get("standard") or 0) * 1.25))
    return (CHART_W - 2) / top


def _missing_cell(missing: list[str], L: Mapping[str, str]) -> str:
    """The count, with the list folded away (a row stays one line high)."""
    if not missing:
        return "0"
    items = "".join(f"<li>{escape(m)}</li>" for m in missing)
    return f"<details><summary>{len(missing)} {escape(L['items'])}</summary><ul>{items}</ul></details>"


def _td(content: str, sort_value: Any = "", cls: str = "") -> str:
    c = f' class="{cls}"' if cls else ""
    return f'<td{c} data-v="{escape(str("" if sort_value is None else sort_value), quote=True)}">{content}</td>'


def _tags(row: Mapping[str, Any]) -> str:
    tags = ["all"]
    if row["status"] in ("bad-input", "failed"):
        tags.append("bad")
    elif row["status"] == "checked":
        tags.append("reach" if row.get("reaches_standard") else "below")
    if row.get("errors"):
        tags.append("errors")
    return " ".join(tags)


def overview_html(data: Mapping[str, Any], lang: str = "zh") -> str:
    """The whole overview page from the summary data (``summary.json``)."""
    L = LABELS.get(lang, LABELS["zh"])
    rows = list(data.get("applicants") or ())
    scale = _scale(rows)
    body = []
    for r in rows:
        key = r["key"]
        link = quote((r.get("reports") or {}).get("html") or report_paths(key)["html"],
                     errors="surrogateescape")  # the bytes of the name on disk
        yes_no = "" if r.get("reaches_standard") is None else (
            f'<span class="yes">{L["yes"]}</span>' if r["reaches_standard"] else f'<span class="no">{L["no"]}</span>')
        if r["status"] == "not-run":
            problem = escape(L["not_run"])
            report = ""
        else:
            problem = escape(r.get("error") or r.get("top_finding") or "")
            report = f'<a href="{link}">{L["report"]}</a>'
        chart = chart_svg(r.get("indicators") or [], r.get("standard"), scale, lang) if r.get("indicators") else ""
        missing = r.get("missing") or []
        body.append(
            f'<tr class="{escape(r["status"])}" data-tags="{_tags(r)}">'
            + _td(escape(r.get("name") or ""), r.get("name") or "")
            + _td(f'<a href="{link}">{escape(key)}</a>' if report else escape(key), key)
            + _td(escape("" if r.get("total") is None else str(r["total"])), r.get("total"), "num")
            + _td(yes_no, "" if r.get("reaches_standard") is None else int(r["reaches_standard"]))
            + _td(chart, r.get("total"))
            + _td(_missing_cell(missing, L), len(missing), "missing")
            + _td(str(r.get("errors") or 0), r.get("errors") or 0, "num")
            + _td(str(r.get("warnings") or 0), r.get("warnings") or 0, "num")
            + _td(problem, problem, "top")
            + _td(report, r["status"])
            + "</tr>")
    head = [("name", ""), ("folder", ""), ("total", "num"), ("reaches", "num"), ("chart", "num"),
            ("missing", "num"), ("n_errors", "num"), ("n_warnings", "num"), ("top", ""), ("report", "")]
    counts = data.get("counts") or {}
    cards = "".join(f'<div class="card"><b>{counts.get(k, 0)}</b>{escape(t)}</div>' for k, t in (
        ("applicants", L["all"]), ("reaches_standard", L["reach"]), ("with_errors", L["errors"]),
        ("bad_input", L["bad"]), ("failed", L["failed"]), ("not_run", L["not_run"])) if k in counts)
    names = {str(i.get("id")): str(i.get("name") or i.get("id")) for r in rows for i in r.get("indicators") or ()}
    legend = "".join(f'<span><i style="background:{c}"></i>{escape(names.get(i, i))}</span>'
                     for i, c in COLOURS.items())
    legend += f'<span><i style="background:{DEDUCTION_COLOUR}"></i>{L["deductions"]}</span>'
    incomplete = "" if data.get("complete", True) else f'<p class="warn">{escape(L["incomplete"])}</p>'
    meta = " · ".join(f"{escape(L[k])}: {escape(str(data.get(k) or '—'))}" for k in ("generated", "policy", "as_of"))
    options = "".join(f'<option value="{v}">{escape(L[t])}</option>' for v, t in (
        ("all", "all"), ("reach", "reach"), ("below", "below"), ("errors", "errors"), ("bad", "bad")))
    return f"""<!DOCTYPE html>
<html lang="{'zh-CN' if lang == 'zh' else 'en'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(L['title'])}</title><style>{_CSS}</style></head>
<body><h1>{escape(L['title'])}</h1><div class="meta">{meta} · matcheck {escape(str(data.get('matcheck') or ''))}</div>
{incomplete}<div class="cards">{cards}</div>
<div class="controls"><input id="q" type="search" placeholder="{escape(L['search'], quote=True)}">
<select id="status">{options}</select><span class="small">{L['shown']} <b id="shown">{len(rows)}</b> / {len(rows)}</span>
</div><div class="legend"><b>{L['legend']}:</b>{legend}</div>
<table id="rows"><thead><tr>{''.join(f'<th data-type="{t}">{escape(L[k])}</th>' for k, t in head)}</tr></thead>
<tbody>
{chr(10).join(body)}
</tbody></table><script>{_JS}</script></body></html>
"""


def applicant_page(key: str, name: str | None, text: str, lang: str = "zh") -> str:
    """One applicant's readable report as a page (the text report, with links to the JSON and the summary)."""
    L = LABELS.get(lang, LABELS["zh"])
    up = "../" * (key.count("/") + 2)
    title = f"{key} {name or ''}".strip()
    return f"""<!DOCTYPE html>
<html lang="{'zh-CN' if lang == 'zh' else 'en'}"><head><meta charset="utf-8"><title>{escape(title)}</title>
<style>body{{font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC",sans-serif;margin:16px}}
pre{{font-family:"WenQuanYi Micro Hei Mono","Noto Sans Mono CJK SC",monospace;white-space:pre-wrap;font-size:13px;
background:#fff;border:1px solid #ddd;padding:10px}}</style></head>
<body><p><a href="{up}summary.html">← {escape(L['back'])}</a> · <a href="report.json">report.json</a> ·
<a href="report.txt">report.txt</a></p><h1>{escape(title)}</h1><pre>{escape(text)}</pre></body></html>
"""
