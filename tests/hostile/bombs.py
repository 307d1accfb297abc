"""Generated decompression bombs (real files, made here; nothing is downloaded)."""

from __future__ import annotations

import io
import os
import zipfile
import zlib


def flate_bomb_pdf(inflated_mb: int = 300) -> bytes:
    """A one-page PDF whose content stream is ``inflated_mb`` MB of spaces deflated to a few hundred KB (made
    chunk by chunk: the test never holds the inflated bytes)."""
    comp = zlib.compressobj(9)
    block = b" " * (1 << 20)
    stream = b"".join(comp.compress(block) for _ in range(inflated_mb)) + comp.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def padded_docx(xml_mb: int = 30, seed: int = 14) -> bytes:
    """A valid DOCX whose document.xml is ``xml_mb`` MB of paragraphs, with enough incompressible media that the
    whole zip stays under the compression-ratio check (the "padded under the ratio limit" bomb)."""
    import docx

    document = docx.Document()
    document.add_paragraph("劳动合同")
    buf = io.BytesIO()
    document.save(buf)
    para = "<w:p><w:r><w:t>甲方乙方约定条款内容填充文字</w:t></w:r></w:p>".encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                head, _, tail = data.partition(b"<w:body>")
                with dst.open("word/document.xml", "w") as fh:
                    fh.write(head + b"<w:body>")
                    chunk = para * (1 << 20 // len(para) + 1)
                    written = 0
                    while written < xml_mb << 20:
                        fh.write(chunk)
                        written += len(chunk)
                    fh.write(tail)
            else:
                dst.writestr(info, data)
        compressed = out.tell()
        # incompressible padding so that inflated/compressed stays far below the ratio limit
        dst.writestr("word/media/image1.bin", os.urandom(max(1 << 20, (xml_mb << 20) // 40 - compressed)),
                     compress_type=zipfile.ZIP_STORED)
    return out.getvalue()
