"""Real files for the folder-reading tests, generated here: text PDFs with Chinese text (reportlab + the WQY font),
scanned PDFs and JPEG photos (Pillow), DOCX contracts with tables (python-docx), and the broken kinds (encrypted,
truncated, bombs). Synthetic people only (样例 / SAMPLE)."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from matcheck.documents.classify import Recogniser

FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
SAMPLE = "样例 / SAMPLE — 非真实文件"

# A small local catalog in the shape of checklists/materials.yaml `recognise` blocks, used where a test needs a
# fixed catalog (the real one is tested through catalog_recognisers()).
TEST_RECOGNISERS = (
    Recogniser("tax_record", ("个人所得税纳税记录",), ("税款所属期", "入库税务机关", "查询验证码", "扣缴义务人"), (),
               ("纳税", "tax"), 20),
    Recogniser("xuexin_record", ("教育部学历证书电子注册备案表",), ("在线验证码", "学历类别", "学习形式", "毕(结)业日期"),
               ("学位授予单位", "学籍状态"), ("学信", "学历"), 10),
    Recogniser("degree_certificate", ("学士学位证书", "硕士学位证书"), ("学位条例", "授予", "学位评定委员会"), (), ("学位",), 40),
    Recogniser("diploma", ("毕业证书",), ("准予毕业", "修完", "校(院)长"), ("学位条例", "学位法", "电子注册备案表"), ("毕业",), 50),
    Recogniser("social_insurance_record", ("参保人员城镇职工基本养老保险参保情况",),
               ("累计缴费月数", "缴费单位名称", "已记账", "上海市社会保险事业管理中心"), (), ("社保",), 20),
    Recogniser("labour_contract", ("劳动合同",), ("甲方", "乙方", "合同期限", "试用期", "劳动报酬"), ("劳务派遣协议",),
               ("合同",), 60),
    Recogniser("marriage_certificate", ("结婚证",), ("结婚证字号", "持证人", "登记日期"), ("离婚证字号",), ("结婚",), 30),
    Recogniser("id_card", (), ("公民身份号码", "住址", "出生", "民族"), ("居住证", "签发机关"), ("身份证",), 70),
    Recogniser("business_license", ("营业执照",), ("统一社会信用代码", "法定代表人", "成立日期"), (), ("执照",), 30),
)

APPLICANT_ID = "320102199203154514"
SPOUSE_ID = "310115199304052824"
CHILD_ID = "310115201906011237"

TAX_LINES = [
    "中华人民共和国", "个人所得税纳税记录", "（原《税收完税证明》）",
    "记录期间：2025年11月-2026年10月",
    f"纳税人名称：李明   纳税人识别号：{APPLICANT_ID}",
    f"身份证件类型：居民身份证   身份证件号码：{APPLICANT_ID}",
    "申报日期 实缴(退)金额 入(退)库日期 所得项目 税款所属期 入库税务机关 扣缴义务人",
] + [f"2026.{m + 1:02d}.10 320.00 2026.{m + 1:02d}.15 工资薪金所得 2026.{m:02d} 国家税务总局上海市浦东新区税务局 "
     f"上海示例信息科技有限公司" for m in range(1, 10)] + [
    "开具时间：2026年11月18日", "查询验证码：ABCD 1234 EFGH 5678", SAMPLE,
]

XUEXIN_LINES = [
    "教育部学历证书电子注册备案表", "更新日期：2026年11月02日",
    "姓　　名：李明    性别：男", "出生日期：1992年03月15日",
    "入学日期：2010年09月01日   毕（结）业日期：2014年07月01日",
    "学校名称：南京示例大学", "专业：计算机科学与技术", "学制：4年", "层次：本科",
    "学历类别：普通高等教育", "学习形式：普通全日制", "毕（结）业：毕业",
    "证书编号：999991201405000123", "校（院）长姓名：王校长",
    "在线验证码：A1B2C3D4E5F6G7H8", SAMPLE,
]

CONTRACT_PARAS = [
    "上海市劳动合同（全日制）",
    "甲方（用人单位）：上海示例信息科技有限公司",
    "乙方（劳动者）：李明",
    "一、合同的类型和期限",
    "有固定期限：期限5年，自2022年07月01日至2027年06月30日。",
    "二、试用期 三个月",
    "三、工作内容和工作地点：乙方的工作内容/岗位为软件工程师，工作地点为上海。",
    "五、劳动报酬：月工资12000元。",
]


def text_pdf(pages: list[list[str]], font_size: int = 11) -> bytes:
    """A text PDF (embedded WQY subset), one list of lines per page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", FONT, subfontIndex=0))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for lines in pages:
        c.setFont("WQY", font_size)
        y = A4[1] - 60
        for line in lines:
            c.drawString(50, y, line)
            y -= font_size * 1.6
        c.showPage()
    c.save()
    return buf.getvalue()


def text_image(lines: list[str], size: tuple[int, int] = (1400, 1000), font_size: int = 34) -> Image.Image:
    """A clean white page with black Chinese text: what a scanner or a flat phone photo gives."""
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, font_size)
    y = 40
    for line in lines:
        draw.text((50, y), line, fill="black", font=font)
        y += int(font_size * 1.5)
    return image


def scanned_pdf(image: Image.Image) -> bytes:
    """A PDF with one page that is only an image (no text layer)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.drawImage(ImageReader(image), 20, 200, width=A4[0] - 40, height=(A4[0] - 40) * image.height / image.width)
    c.showPage()
    c.save()
    return buf.getvalue()


def jpeg(image: Image.Image, orientation: int | None = None, quality: int = 85) -> bytes:
    """JPEG bytes; with ``orientation`` the pixels are stored turned and the EXIF tag says how to turn them back."""
    exif = Image.Exif()
    if orientation == 6:  # stored rotated 90° counter-clockwise; viewers rotate it 270° (i.e. 90° clockwise) back
        image = image.transpose(Image.Transpose.ROTATE_90)
        exif[0x0112] = 6
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=quality, exif=exif)
    return buf.getvalue()


def docx_bytes(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    import docx

    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def encrypted_pdf(data: bytes, password: str = "secret") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=password, owner_password="owner", algorithm="AES-256")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def bomb_png(width: int = 30000, height: int = 30000) -> bytes:
    """A tiny PNG that declares ``width``×``height`` pixels (900 Mpx by default)."""
    def chunk(kind: bytes, payload: bytes) -> bytes:
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1000)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def zip_bomb_docx(inflated_mb: int = 40) -> bytes:
    """A zip that looks like a DOCX and inflates ``inflated_mb`` MB of zeros from a few tens of KB."""
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w") as fh:
            block = b"\x00" * (1024 * 1024)
            for _ in range(inflated_mb):
                fh.write(block)
    return buf.getvalue()


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "applicant"
    d.mkdir()
    return d


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
