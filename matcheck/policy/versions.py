"""Which policy version applies: by the assessment date, or as the user names it (rules.md §7)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache


from matcheck.data import checklists_dir, load_yaml
from matcheck.errors import PolicyVersionError


@dataclass(frozen=True)
class PolicyVersion:
    id: str  # "2013" | "2018" | "2023"
    name: str
    document: str
    start: date
    end: date
    source: str
    confidence: str

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class PolicyChoice:
    """The version used for one assessment, and why."""

    version: PolicyVersion
    as_of: date
    requested: str  # "auto" or a version id
    lapsed: bool  # as_of is after the version's validity (e.g. after 2027-12-31)
    before_first: bool  # as_of is before the first version took effect

    @property
    def parameter_day(self) -> date:
        """The day whose parameter values apply: as_of for auto, else the named version's start (or as_of if inside it)."""
        if self.requested == "auto" or self.version.covers(self.as_of):
            return self.as_of if not self.before_first else self.version.start
        return self.version.start if self.as_of < self.version.start else min(self.as_of, self.version.end)


@lru_cache(maxsize=1)
def versions() -> tuple[PolicyVersion, ...]:
    data = load_yaml(checklists_dir() / "policy" / "versions.yaml")
    out = [PolicyVersion(str(v["id"]), v["name"], v["document"], v["from"], v["to"], v["source"], v["confidence"])
           for v in data["versions"]]
    return tuple(sorted(out, key=lambda v: v.start))


def choose_policy(as_of: date, requested: str = "auto") -> PolicyChoice:
    all_versions = versions()
    if requested != "auto":
        match = next((v for v in all_versions if v.id == str(requested)), None)
        if match is None:
            ids = ", ".join(v.id for v in all_versions)
            raise PolicyVersionError(f"policy {requested!r} is not known; expected auto or one of: {ids}")
        return PolicyChoice(match, as_of, str(requested), lapsed=as_of > match.end, before_first=False)
    if as_of < all_versions[0].start:
        return PolicyChoice(all_versions[0], as_of, "auto", lapsed=False, before_first=True)
    current = [v for v in all_versions if v.start <= as_of]
    chosen = current[-1]
    return PolicyChoice(chosen, as_of, "auto", lapsed=as_of > chosen.end, before_first=False)
