"""Markdown output: the materials checklist as a page to print or paste (a task list per group).

It lays out the same structure as the text checklist (:func:`matcheck.report.text.checklist_text.layout`), so the
two never disagree about what is on the list.
"""

from __future__ import annotations

from matcheck.report.base import Renderer
from matcheck.report.text.checklist_text import (applicant_name, closing_notes, details, group_title, item_name,
                                                 layout, marks, summary, whose, words)
from matcheck.results import Checklist
from matcheck.textsafe import escape_control


def _md(text: str) -> str:
    """Escape what Markdown would read as markup inside a line (table pipes, emphasis, HTML)."""
    text = escape_control(" ".join(text.split()))  # one line, no control characters
    for ch in ("\\", "|", "*", "_", "<", ">", "[", "]", "`"):
        text = text.replace(ch, "\\" + ch)
    return text


class MarkdownRenderer(Renderer):
    kinds = frozenset({"checklist"})

    def checklist(self, checklist: Checklist, lang: str = "zh") -> str:
        w = words(lang)
        colon = "：" if lang != "en" else ": "
        name = applicant_name(checklist)
        out = [f"# {_md(w['title'])}", ""]
        meta = [f"**{_md(name)}**"] if name else []
        meta.append(f"{_md(w['as_of'])} {checklist.as_of}")
        meta.append(_md(summary(checklist, lang)))
        out += [" · ".join(meta), "", f"> {_md(w['general'])}", ""]
        for group in layout(checklist):
            out += [f"## {_md(group_title(group, lang))}", ""]
            for n, item in group.items:
                mark = marks(item, lang)
                head = f"- [ ] **{n}. {_md(item_name(item, lang))}** ({_md(whose(item, lang))})"
                out.append(head + (f" {_md(mark)}" if mark else ""))
                for label, text in details(item, lang):
                    out.append(f"  - {_md(label)}{colon}{_md(text)}")
            out.append("")
        questions, weak = closing_notes(checklist, lang)
        out += [f"## {_md(w['open'])}", ""]
        out += [f"- {_md(q)}" for q in questions]
        if weak:
            out += ["", f"**{_md(w['weak'])}**", ""]
            out += [f"- {_md(x)}" for x in weak]
        return "\n".join(out) + "\n"
