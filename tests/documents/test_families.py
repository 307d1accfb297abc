"""A document type's field family is declared once, with its catalog entry (``family:`` in checklists/materials.yaml):
the catalog's families, the extractors and the field vocabulary name the same families, and a family is refused on
a type that is not a document or outside the list."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from matcheck.documents.fields import FAMILY_FIELDS, vocabulary
from matcheck.documents.fields_extract import FAMILIES as EXTRACTORS
from matcheck.documents.fields_extract import extract_fields
from matcheck.materials import FAMILIES, CatalogError, catalog, catalog_path
from tests.documents.conftest import TAX_LINES


def test_one_list_of_families():
    assert set(FAMILIES) == set(FAMILY_FIELDS) == set(EXTRACTORS)
    assert {m.family for m in catalog().values() if m.family} == set(FAMILIES)  # each family has a document type


def test_the_declared_family_decides_the_fields():
    text = "\n".join(TAX_LINES)
    assert "tax_months" in extract_fields(text, "tax_record")  # family: tax
    assert "tax_months" not in extract_fields(text, "application_form")  # no family: common fields only
    assert set(extract_fields(text, "tax_record")) <= vocabulary("tax")


@pytest.mark.parametrize("change, message", [
    ({"family": "astrology"}, "family: 'astrology'"),
])
def test_a_bad_family_is_a_catalog_error(tmp_path: Path, change, message):
    data = yaml.safe_load(catalog_path().read_text(encoding="utf-8"))
    entry = next(m for m in data["materials"] if m["id"] == "tax_record")
    entry.update(change)
    path = tmp_path / "materials.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CatalogError, match=message):
        catalog(path)
