"""Whose a document is (同一人): one decision for the folder check (:mod:`matcheck.gaps`: does this child's
certificate answer this child's line?) and the folder rules (``identity-mismatch``: whose name and number should
it carry?).

A document shows a person when its ID numbers include theirs (a checksum-valid number is never compared loosely),
or else when the name read from it is theirs (:func:`matcheck.matching.same_name`, with OCR tolerance).
"""

from __future__ import annotations

from dataclasses import dataclass

from matcheck.matching import normalise, same_name
from matcheck.policy import Params
from matcheck.profile import Profile
from matcheck.results import PERSON_LABELS, Document, field_list

FAMILY = ("applicant", "spouse", "child")


@dataclass(frozen=True)
class PersonFacts:
    """One person of the application as the profile states them."""

    role: str  # applicant | spouse | child
    index: int | None
    name: str | None
    id_number: str | None
    path: str  # profile path of the person, e.g. "children[0]"

    def label(self, lang: str) -> str:
        base = PERSON_LABELS["en" if lang == "en" else "zh"][self.role]
        if self.role == "child" and self.name:
            return f"{base} {self.name}" if lang == "en" else f"{base}{self.name}"
        return base


def people(profile: Profile) -> list[PersonFacts]:
    out = [PersonFacts("applicant", None, profile.applicant.name, profile.applicant.id_number, "applicant")]
    if profile.spouse is not None:
        out.append(PersonFacts("spouse", None, profile.spouse.name, profile.spouse.id_number, "spouse"))
    for i, child in enumerate(profile.children):
        out.append(PersonFacts("child", i, child.name, child.id_number, f"children[{i}]"))
    return out


def shows_id_of(doc: Document, person: PersonFacts) -> bool:
    return bool(person.id_number) and person.id_number in {str(i) for i in field_list(doc, "id_numbers")}


def shows_name_of(doc: Document, person: PersonFacts, params: Params) -> bool | None:
    """True/False when both names are known; None when either is not."""
    if not person.name or not doc.person_name:
        return None
    return same_name(person.name, doc.person_name, doc.ocr, params)


def _by_name(doc: Document, candidates: list[PersonFacts], params: Params) -> PersonFacts | None:
    """The one candidate the document's name is: an exact name before a name within OCR tolerance (two children
    李小明 and 李小朋: a file naming 李小明 is 李小明's, never both); None when no name or more than one fits."""
    read = normalise(doc.person_name)
    exact = [p for p in candidates if read and normalise(p.name) == read]
    if exact:
        return exact[0] if len(exact) == 1 else None
    near = [p for p in candidates if shows_name_of(doc, p, params)]
    return near[0] if len(near) == 1 else None


def owner_of(doc: Document, profile: Profile, params: Params) -> PersonFacts | None:
    """The profile's person a document belongs to (among those of the role the folder reader decided), or None.

    The one decision of whose a document is: an ID number decides before any name; the only person of the role
    is the owner (a name that differs is then ``identity-mismatch``'s to word); among several, the one whose name
    the document carries (:func:`_by_name`). None when it cannot be told (no name or ID read, or two people fit)."""
    if doc.person not in FAMILY:
        return None
    candidates = [p for p in people(profile) if p.role == doc.person]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    for p in candidates:
        if shows_id_of(doc, p):
            return p
    return _by_name(doc, candidates, params)


def is_persons(doc: Document, person: PersonFacts, profile: Profile, params: Params) -> bool | None:
    """Whether ``doc`` answers ``person``'s checklist line (:mod:`matcheck.gaps`): True when it is theirs,
    False when it is another's (:func:`owner_of`) or carries a name that is not theirs, None when whose it is
    cannot be told. At most one person of a role gets True for a document."""
    if doc.person != person.role:
        return False
    owner = owner_of(doc, profile, params)
    if owner is not None and owner != person:
        return False
    if shows_id_of(doc, person):
        return True
    named = shows_name_of(doc, person, params)
    if named is False:
        return False  # the name on the file is not theirs
    return True if owner == person else None
