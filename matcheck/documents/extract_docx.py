"""Text from a Word document (DOCX, e.g. a 劳动合同): paragraphs and tables, in document order.

The zip has already been checked by :mod:`matcheck.documents.sniff` (member count, declared sizes, ratio), and
``zipfile`` never inflates a member past its declared size, so python-docx reads a bounded amount. Table cells are
joined with a tab so "label | value" rows read as ``label\tvalue`` for the label parser. Merged cells (which
python-docx repeats) are written once.
"""

from __future__ import annotations

import io
import zipfile

import docx  # python-docx
from docx.opc.exceptions import PackageNotFoundError

from matcheck.documents.budget import OVER_BUDGET, Deadline, OverBudget, check_zip_inflation
from matcheck.documents.extraction import Extraction, PageText
from matcheck.documents.sniff import UnsafeZip, check_zip_infos


def extract_docx(data: bytes) -> Extraction:
    out = Extraction("docx", page_count=None)
    deadline = Deadline()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            check_zip_infos(zf.infolist(), len(data))
        check_zip_inflation(data, deadline)  # what the parts really inflate to, not what they declare
        document = docx.Document(io.BytesIO(data))
        text = "\n".join(_body_lines(document, deadline))
    except UnsafeZip as exc:
        return out.unreadable("压缩内容异常（疑似压缩炸弹），未读取", str(exc))
    except OverBudget as exc:
        return out.unreadable(OVER_BUDGET, str(exc))
    except (zipfile.BadZipFile, PackageNotFoundError) as exc:
        return out.unreadable("Word 文件损坏，无法读取", f"{type(exc).__name__}: {exc}")
    except Exception as exc:  # noqa: BLE001 - python-docx/lxml raise many unrelated types on damaged XML
        return out.unreadable("Word 文件损坏，无法读取", f"{type(exc).__name__}: {exc}")
    out.pages = [PageText(text)]
    return out


def _body_lines(document, deadline: Deadline) -> list[str]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    for block in document.iter_inner_content():
        deadline.check()
        if isinstance(block, Paragraph):
            if block.text.strip():
                lines.append(block.text)
        elif isinstance(block, Table):
            lines.extend(_table_lines(block))
    for section in document.sections:  # headers/footers sometimes carry the title or the company name
        for part in (section.header, section.footer):
            if part.is_linked_to_previous:
                continue
            lines.extend(p.text for p in part.paragraphs if p.text.strip())
    return lines


def _table_lines(table) -> list[str]:
    lines = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            nested = [line for t in cell.tables for line in _table_lines(t)]
            cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
            lines.extend(nested)
        if any(cells):
            lines.append("\t".join(cells))
    return lines
