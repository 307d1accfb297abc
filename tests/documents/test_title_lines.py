"""What a title line is (matcheck.documents.classify): one reading of a line — short, not a label, the titles taken
out — for ranking a material whose title stands alone (``_standalone``) and for splitting a file where a new
document starts below a page's head (``_title_of_line``, which allows only decoration beside the title)."""

from __future__ import annotations

import pytest

from matcheck.documents.classify import _standalone, _title_of_line, catalog_recognisers

RECOGNISERS = catalog_recognisers()
TITLES = sorted({(r.material, t) for r in RECOGNISERS for t in r.titles})


@pytest.mark.parametrize("decorate", ["{}", "  {}  ", "{}（副本）", "《{}》", "{}（续）"])
def test_every_catalog_title_on_its_own_line_is_a_title_line_and_stands_alone(decorate: str) -> None:
    for material, title in TITLES:
        line = decorate.format(title)
        found = _title_of_line(line, "scan.pdf", RECOGNISERS)
        assert found is not None, line  # some material's title (a longer title may contain this one)
        assert _standalone(line, [title]) == 1, line


@pytest.mark.parametrize("line, standalone, splits", [
    ("中华人民共和国居民身份证", 1, False),    # an issuer beside the title: ranks as a title, does not split below the head
    ("学位证书编号：", 0, False),              # a label
    ("学位证书编号:10001", 0, False),          # a label with its value
    ("本人已知悉《上海市居住证》积分管理办法的全部规定并承诺所填信息真实有效", 0, False),  # a sentence
    ("学位证书学位证书", 1, True),             # the title twice (an OCR echo) is still the title alone
])
def test_lines_beside_a_title(line: str, standalone: int, splits: bool) -> None:
    titles = [t for _, t in TITLES if t in line.replace("：", "").replace(":", "")]
    assert _standalone(line, titles) == standalone
    assert (_title_of_line(line, "scan.pdf", RECOGNISERS) is not None) == splits
