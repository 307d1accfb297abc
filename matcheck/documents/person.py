"""Whose a document is (材料所属人): the applicant, the spouse or a child, from the names and ID numbers on it.

* An ID number counts only when it is checksum-valid (GB 11643) and equals a person's number in the profile.
* A name counts when it equals a person's name, or — for OCR noise — differs in one character for names of three
  or more characters (``李小明`` read as ``李小朋``). Two-character names must match exactly.
* The person who appears *first* on the document is its holder: the 持证人 / 纳税人 / 姓名 block comes before other
  people (a 结婚证 shows the holder first; an 出生医学证明 names the 新生儿 before the parents; a contract's 甲方
  is a company).
"""

from __future__ import annotations

from dataclasses import dataclass

from matcheck.documents.text import compact


@dataclass(frozen=True)
class Person:
    role: str  # applicant | spouse | child
    name: str | None
    id_number: str | None
    index: int | None = None  # children[i]


def people_of(profile) -> tuple[Person, ...]:
    """The people a document may belong to, from a :class:`matcheck.profile.Profile` (or None)."""
    if profile is None:
        return ()
    out = []
    applicant = getattr(profile, "applicant", None)
    if applicant is not None:
        out.append(Person("applicant", applicant.name, applicant.id_number))
    spouse = getattr(profile, "spouse", None)
    if spouse is not None:
        out.append(Person("spouse", spouse.name, spouse.id_number))
    for i, child in enumerate(getattr(profile, "children", None) or ()):
        out.append(Person("child", child.name, child.id_number, i))
    return tuple(p for p in out if p.name or p.id_number)


def near_name(candidate: str, name: str) -> bool:
    """Equal, or one character off for names of three or more characters (same length)."""
    if candidate == name:
        return True
    if len(name) < 3 or len(candidate) != len(name):
        return False
    return sum(a != b for a, b in zip(candidate, name)) <= 1


def whose(text: str, names: list[str], id_numbers: list[str], people: tuple[Person, ...]) -> Person | None:
    """The person the document belongs to, or None (nobody in the profile appears on it)."""
    if not people:
        return None
    body = compact(text)
    hits: list[tuple[int, int, Person]] = []  # (position, strength, person): earliest wins, then ID over name
    for person in people:
        if person.id_number and person.id_number in id_numbers:
            pos = body.find(person.id_number)
            hits.append((pos if pos >= 0 else len(body), 0, person))
        if person.name:
            pos = body.find(person.name)
            if pos >= 0:
                hits.append((pos, 1, person))
            else:
                for candidate in names:
                    if near_name(candidate, person.name):
                        p = body.find(candidate)
                        hits.append((p if p >= 0 else len(body), 2, person))
                        break
    if not hits:
        return None
    return min(hits, key=lambda h: (h[0], h[1]))[2]
