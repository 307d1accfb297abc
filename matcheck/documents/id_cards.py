"""Pairing the two sides of a 居民身份证 (正面 / 反面) across files.

The back of an ID card carries no name and no number (only 中华人民共和国 居民身份证, 签发机关, 有效期限), so on its
own it is nobody's card. People photograph or scan the two sides as two files (``身份证正面.jpg`` /
``身份证反面.jpg``); a back is paired with a front when that is unambiguous:

* the front is in the same folder (or the same zip folder), is the only front there without a back, and the back
  is the only back there; or
* there is more than one candidate on either side (several fronts lack a back there, or several backs lie there),
  but exactly one front's file name and no other back's shares the back's name once the side words
  (正面/反面/人像面/国徽面/front/back) are removed (``王芳身份证正面.jpg`` / ``王芳身份证反面.jpg``). Otherwise nothing
  is paired: the order the files come in never decides.

A paired back takes its front's holder (``person``, ``person_name``) and records ``paired_with``; the front
records ``id_sides`` of both. A back that cannot be paired stays nobody's: it is never taken for the 人事专员's
card (that card must show a name), and it completes no one's card.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import replace
from typing import Sequence

from matcheck.results import Document

_SIDE_WORDS = re.compile(r"正面|反面|背面|人像面|国徽面|头像面|front|back|[-_ ]?[12](?=\.)", re.I)


def is_back_only(doc: Document) -> bool:
    return doc.material == "id_card" and list(doc.fields.get("id_sides") or ()) == ["back"]


def is_front(doc: Document) -> bool:
    return doc.material == "id_card" and "front" in (doc.fields.get("id_sides") or ())


def _stem(path: str) -> str:
    base = posixpath.splitext(posixpath.basename(path))[0]
    return _SIDE_WORDS.sub("", base).lower()


def pair_sides(documents: Sequence[Document]) -> tuple[Document, ...]:
    """``documents`` with every unambiguous back paired to its front (see the module docstring)."""
    docs = list(documents)
    backs = [i for i, d in enumerate(docs) if is_back_only(d)]
    if not backs:
        return tuple(docs)
    open_fronts = [i for i, d in enumerate(docs) if is_front(d) and "back" not in d.fields.get("id_sides", ())]
    pairs: list[tuple[int, int]] = []
    for b in backs:
        back = docs[b]
        folder = posixpath.dirname(back.path)
        near = [i for i in open_fronts if posixpath.dirname(docs[i].path) == folder and docs[i].path != back.path]
        rivals = [i for i in backs if posixpath.dirname(docs[i].path) == folder]
        if len(near) > 1 or len(rivals) > 1:  # more than one candidate on either side: the file names decide
            stem = _stem(back.path)
            near = [i for i in near if _stem(docs[i].path) == stem]
            if sum(_stem(docs[i].path) == stem for i in rivals) > 1:
                near = []  # two backs name the same front: still ambiguous
        if len(near) == 1:
            pairs.append((b, near[0]))
    for b, f in pairs:
        back, front = docs[b], docs[f]
        docs[f] = replace(front, fields={**front.fields, "id_sides": ["front", "back"], "paired_with": back.path})
        docs[b] = replace(back, person=front.person, person_name=front.person_name,
                          fields={**back.fields, "paired_with": front.path})
    return tuple(docs)
