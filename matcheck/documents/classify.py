"""Which material of the catalog (材料目录) a file — or each document inside a multi-document PDF — is.

The words come from the catalog's own ``recognise`` blocks (``checklists/materials.yaml`` through
:func:`matcheck.materials.catalog`), never from a second list here::

    recognise: {titles: [个人所得税纳税记录], keywords: [税款所属期, 扣缴义务人], negative: [], filenames: [纳税, tax],
                priority: 50}

Scoring (documents.md §0.1: strongest anchor first):

* a material whose ``negative`` words appear is out;
* a **title** on the document: 0.60, plus up to 0.35 by the share of its ``keywords`` present;
* no title, but at least :data:`MIN_KEYWORDS` keywords: 0.25 plus up to 0.45 by their share;
* a ``filenames`` word in the file's name adds 0.05 — it never decides alone (a name is a claim, not evidence);
* below :data:`THRESHOLD` the file is *unrecognised*: matcheck does not guess;
* when several materials' titles are on the document, the one checked first wins: the lowest ``priority`` (the
  catalog's order: specific report titles such as 教育部学历证书电子注册备案表 before generic words such as 毕业证书),
  then the higher score; without any title, the higher score wins, then the lower ``priority``.

Matching is on the compact form (full-width → ASCII, no spaces), so ``毕（结）业`` matches ``毕(结)业`` and OCR's
``持 证 人`` matches ``持证人``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from matcheck.documents.text import compact

THRESHOLD = 0.40
MIN_KEYWORDS = 2
TITLE_BASE, TITLE_KEYWORDS = 0.60, 0.35
KEYWORD_BASE, KEYWORD_SHARE = 0.25, 0.45
FILENAME_BONUS = 0.05
HEAD_LINES = 6  # a new document inside a PDF starts on a page with a title among its first lines ...
TITLE_LINE_CHARS = 30  # ... on a short line of its own (not inside a sentence such as ``已知悉《上海市居住证》积分管理``)
TITLE_QUALIFIER_CHARS = 10
TITLE_DECORATION = frozenset("()[]【】《》<>·-—.副正本续首页人复印件样")  # below the head, all a title line may add


@dataclass(frozen=True)
class Recogniser:
    material: str
    titles: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    negative: tuple[str, ...] = ()
    filenames: tuple[str, ...] = ()
    priority: int = 0  # lower = checked first (the catalog's convention)

    def __post_init__(self) -> None:  # the compact forms, computed once (classification runs per page)
        for name in ("titles", "keywords", "negative"):
            object.__setattr__(self, f"_{name}", tuple((w, compact(w)) for w in getattr(self, name)))
        object.__setattr__(self, "_filenames", tuple((w, compact(w).lower()) for w in self.filenames))


@dataclass(frozen=True)
class Match:
    material: str | None
    confidence: float
    evidence: tuple[str, ...] = ()
    title: bool = False  # decided by a title (used to split multi-document PDFs)


UNRECOGNISED = Match(None, 0.0)


def _words(block: Any, key: str) -> tuple[str, ...]:
    value = block.get(key) if isinstance(block, dict) else getattr(block, key, None)
    return tuple(str(v) for v in (value or ()))


def recognisers_from(materials: Iterable[Any]) -> tuple[Recogniser, ...]:
    """Recognisers from catalog materials: objects or dicts with an ``id`` and a ``recognise`` block."""
    out = []
    for item in materials:
        get = item.get if isinstance(item, dict) else lambda k, d=None, _i=item: getattr(_i, k, d)
        block = get("recognise")
        material = get("id")
        if not block or not material:
            continue
        priority = block.get("priority") if isinstance(block, dict) else getattr(block, "priority", 0)
        out.append(Recogniser(str(material), _words(block, "titles"), _words(block, "keywords"),
                              _words(block, "negative"), _words(block, "filenames"), int(priority or 0)))
    return tuple(out)


def catalog_recognisers() -> tuple[Recogniser, ...]:
    """The recognisers of the installed catalog (empty if the catalog has none: everything is unrecognised)."""
    try:
        from matcheck.materials import recognisers
    except ModuleNotFoundError:  # the catalog module is not installed: nothing can be recognised
        return ()
    return recognisers_from(recognisers())


def classify(text: str, filename: str, recognisers: Sequence[Recogniser], titles_only: bool = False) -> Match:
    """The best material for ``text`` (a file or one page), or :data:`UNRECOGNISED`. With ``titles_only`` only the
    titles are looked for (enough to see where a new document starts in a multi-document PDF)."""
    body = compact(text)
    name = compact(filename).lower()
    best: tuple[tuple, Match] | None = None
    for r in recognisers:
        if any(c in body for _, c in r._negative):  # type: ignore[attr-defined]
            continue
        titles = [t for t, c in r._titles if c in body]  # type: ignore[attr-defined]
        if titles_only:
            if titles:
                rank = (-r.priority,)
                if best is None or rank > best[0]:
                    best = (rank, Match(r.material, TITLE_BASE, tuple(titles), True))
            continue
        keywords = [k for k, c in r._keywords if c in body]  # type: ignore[attr-defined]
        share = len(keywords) / len(r.keywords) if r.keywords else 0.0
        if titles:
            score = TITLE_BASE + TITLE_KEYWORDS * (share if r.keywords else 1.0)
        elif len(keywords) >= min(MIN_KEYWORDS, len(r.keywords)) and keywords:
            score = KEYWORD_BASE + KEYWORD_SHARE * share
        else:
            continue
        names = [f for f, c in r._filenames if c in name]  # type: ignore[attr-defined]
        if names:
            score += FILENAME_BONUS
        score = min(score, 0.99)
        if score < THRESHOLD:
            continue
        evidence = tuple(titles + keywords + [f"文件名:{n}" for n in names])
        # order: any title first; a title printed as a title (alone on its line) before one used as a label
        # (``公民身份号码：…`` on a 职称证书 is no ID card); among those the lowest priority; then the score
        rank = (1, _standalone(text, titles), -r.priority, round(score, 4)) if titles else \
            (0, 0, round(score, 4), -r.priority)
        candidate = (rank, Match(r.material, round(score, 3), evidence, bool(titles)))
        if best is None or candidate[0] > best[0]:
            best = candidate
    return best[1] if best else UNRECOGNISED


def _title_line(line: str) -> str | None:
    """The compact form of a line that may be a title line: not empty, at most :data:`TITLE_LINE_CHARS`, and not a
    label (``学位证书编号:``, ``居住地住址:``); None for any other line."""
    body = compact(line)
    if not body or len(body) > TITLE_LINE_CHARS or body.endswith((":", "：")):
        return None
    return body


def _beside(body: str, titles: Iterable[str]) -> str | None:
    """What a title line holds besides ``titles`` (longest first, every occurrence); None when none is on it."""
    rest = body
    for title in sorted(titles, key=len, reverse=True):
        rest = rest.replace(compact(title), "")
    return rest if rest != body else None


def _standalone(text: str, titles: list[str]) -> int:
    """1 when one of ``titles`` stands on a line of its own (the document's title) with at most an issuer or a
    qualifier (中华人民共和国…, …（副本）) and no value, 0 when each is only used as a label or inside a sentence."""
    for line in text.split("\n"):
        body = _title_line(line)
        rest = _beside(body, titles) if body is not None else None
        if rest is not None and len(rest) <= TITLE_QUALIFIER_CHARS and not any(c.isdigit() for c in rest):
            return 1
    return 0


@dataclass(frozen=True)
class Part:
    """One document inside a file: its pages ``[first_page, end_page)`` and its text (a sheet holding two
    documents gives two parts on the same page)."""

    first_page: int
    end_page: int
    text: str


def split_documents(pages: Sequence[str], filename: str, recognisers: Sequence[Recogniser]) -> list[Part]:
    """The documents in a file, each classified later on its own content. A document starts at a *title line* that
    names another material than the current document: a short line among a page's first :data:`HEAD_LINES`, or,
    anywhere on the page, a line that holds a title and (almost) nothing else — a copy shop puts a certificate's
    lower half, or a second certificate, on the same sheet, and a certificate may print its title below its body.
    A page (or the rest of a sheet) without a title of its own continues the current document (a 纳税记录（续）
    page, a 户口簿 page without a title); a title of the current material never splits (an ID card's back and
    front, a 户口簿's 首页 and 本人页)."""
    parts: list[Part] = []
    current: str | None = None
    buffer: list[str] = []
    first = 0

    def cut(i: int, on_page: bool) -> None:
        nonlocal buffer, first
        if current is not None and any(x.strip() for x in buffer):
            parts.append(Part(first, i + 1 if on_page else max(i, first + 1), "\n".join(buffer).strip("\n")))
            buffer, first = [], i

    for i, page in enumerate(pages):
        head = classify(_title_lines(page), filename, recognisers, titles_only=True)
        if head.title and head.material != current:
            cut(i, False)
            current = head.material
        on_page = False  # the current part has text on this page already
        for line in page.split("\n"):
            material = _title_of_line(line, filename, recognisers) if on_page else None
            if material is not None and material != current:
                cut(i, True)
                current, on_page = material, False
            buffer.append(line)
            on_page = on_page or bool(line.strip())
        buffer.append("")  # a page break
    parts.append(Part(first, max(len(pages), first + 1), "\n".join(buffer).strip("\n")))
    return parts


def _title_lines(page: str) -> str:
    """The short lines at the top of a page: where a document's title is printed."""
    lines = [line for line in page.strip().split("\n", HEAD_LINES)[:HEAD_LINES]]
    return "\n".join(line for line in lines if len(compact(line)) <= TITLE_LINE_CHARS)


def _title_of_line(line: str, filename: str, recognisers: Sequence[Recogniser]) -> str | None:
    """The material whose title this line is, if it is a title line (see :func:`split_documents`): the title and
    nothing but :data:`TITLE_DECORATION` beside it (stricter than :func:`_standalone`: below a page's head, a line
    that adds an issuer is more likely a sentence than a new document)."""
    body = _title_line(line)
    if body is None:
        return None
    match = classify(line, filename, recognisers, titles_only=True)
    rest = _beside(body, match.evidence) if match.title else None
    return match.material if rest is not None and all(c in TITLE_DECORATION for c in rest) else None
