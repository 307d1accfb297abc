"""Whose a document is (同一人): one decision for the folder check (:mod:`matcheck.gaps`: does this child's
certificate answer this child's line?) and the folder rules (``identity-mismatch``: whose name and number should
it carry?).

A document shows a person when its ID numbers include theirs (a checksum-valid number is never compared loosely),
or else when the name read from it is theirs (:func:`matcheck.matching.same_name`, with OCR tolerance).
"""

from __future__ import annotations

from dataclasses import dataclass

from matcheck.matching import same_name
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


def is_persons(doc: Document, person: PersonFacts, params: Params,
               others: tuple[PersonFacts, ...] = ()) -> bool | None:
    """Whether ``doc`` is ``person``'s: by ID number (its own, or one of ``others``' — then it is not theirs),
    else by name; None when neither can tell."""
    if shows_id_of(doc, person):
        return True
    if any(shows_id_of(doc, other) for other in others if other is not person):
        return False
    return shows_name_of(doc, person, params)


def owner_of(doc: Document, profile: Profile, params: Params) -> PersonFacts | None:
    """The profile's person a document belongs to (among those of the role the folder reader decided), or None."""
    if doc.person not in FAMILY:
        return None
    candidates = [p for p in people(profile) if p.role == doc.person]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    for p in candidates:  # an ID number decides before any name
        if shows_id_of(doc, p):
            return p
    for p in candidates:
        if shows_name_of(doc, p, params):
            return p
    return None
