"""fieldkit: a second, independent family of applicant documents, for testing the folder reader.

``synth/`` generates the bundled samples; the reader must not be fitted to its layouts. fieldkit prints the same
kinds of documents the way other issuers, HR departments, copy shops and e-mail clients do (its own layouts, label
wordings, field orders, table structures, page splits, signature blocks, text-layer orders, stacks and zips), so a
test over it says whether the reader reads *documents*, not one generator. It shares only synthetic people, the
font and the photo/scan degradation with ``synth/`` (none of those is a layout).

    python -m fieldkit OUT      # every clean folder, every folder with a planted problem, and the catalog sweep
"""

from fieldkit.folders import PROBLEMS, VARIANTS, Expect, write_catalog_sweep, write_folder

__all__ = ["PROBLEMS", "VARIANTS", "Expect", "write_folder", "write_catalog_sweep"]
