"""Loading a profile from YAML or JSON, with one clear line per problem.

``profile.yaml: education[1].start: '2010-13' is not a month (YYYY-MM)``
``profile.yaml: applicant.nmae: unknown key; did you mean 'name'?``
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from matcheck.errors import ProfileError
from matcheck.profile.model import Profile

TO_VERIFY_WORDS = frozenset({"待核实", "unknown"})
MAX_PROFILE_BYTES = 1_000_000


def format_path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(top level)"


def _strip_to_verify(value: Any, path: tuple[Any, ...], found: set[str]) -> Any:
    """Replace every 待核实/unknown value with None and remember its path."""
    if isinstance(value, dict):
        return {k: _strip_to_verify(v, path + (k,), found) for k, v in value.items()}
    if isinstance(value, list):
        return [_strip_to_verify(v, path + (i,), found) for i, v in enumerate(value)]
    if isinstance(value, str) and value.strip().lower() in TO_VERIFY_WORDS:
        found.add(format_path(path))
        return None
    return value


def _model_at(loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The pydantic model class that owns the key at ``loc`` (for "did you mean")."""
    model: Any = Profile
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = next((f for n, f in model.model_fields.items() if (f.alias or n) == part), None)
        if field is None:
            return None
        model = _inner_model(field.annotation)
        if model is None:
            return None
    return model


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _keys_of(model: type[BaseModel]) -> list[str]:
    return [f.alias or n for n, f in model.model_fields.items() if not f.exclude]


def _describe(error: dict[str, Any]) -> str:
    kind = error["type"]
    value = error.get("input")
    loc = error["loc"]
    if kind == "extra_forbidden":
        model = _model_at(loc)
        key = str(loc[-1])
        if model is not None:
            close = difflib.get_close_matches(key, _keys_of(model), n=1, cutoff=0.5)
            if close:
                return f"unknown key; did you mean {close[0]!r}?"
            return f"unknown key; expected one of: {', '.join(_keys_of(model))}"
        return "unknown key"
    if kind == "value_error":
        msg = error["msg"].removeprefix("Value error, ")
        return msg if repr(value) in msg or str(value) in msg or isinstance(value, dict) else f"{value!r}: {msg}"
    if kind == "model_type" or kind == "dict_type":
        return f"{value!r} should be a mapping of keys"
    if kind == "list_type":
        return f"{value!r} should be a list"
    if kind == "missing":
        return "is required"
    if kind.startswith("bool"):
        return f"{value!r} is not true/false"
    if kind.startswith(("float", "int")):
        return f"{value!r} is not a number"
    return f"{value!r}: {error['msg']}"


def parse_profile(data: Any, source: str = "profile") -> Profile:
    """Validate already-parsed data (a dict) into a :class:`Profile`, or raise :class:`ProfileError`."""
    if not isinstance(data, dict):
        raise ProfileError([f"{source}: the profile must be a mapping of keys (applicant:, employer:, ...), "
                            f"got {type(data).__name__}"])
    found: set[str] = set()
    cleaned = _strip_to_verify(data, (), found)
    try:
        profile = Profile.model_validate(cleaned)
    except ValidationError as exc:
        lines = []
        for error in exc.errors(include_url=False):
            loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-")))
            lines.append(f"{source}: {format_path(loc)}: {_describe({**error, 'loc': loc})}")
        raise ProfileError(lines) from None
    return profile.model_copy(update={"source": source, "to_verify": frozenset(found)})


def read_profile_data(path: Path) -> Any:
    """Read YAML or JSON from ``path``; ProfileError on anything unreadable."""
    name = str(path)
    if not path.exists():
        raise ProfileError([f"{name}: no such file (expected a profile.yaml; `matcheck init` writes a template)"])
    if not path.is_file():
        raise ProfileError([f"{name}: is not a file (expected a profile in YAML or JSON)"])
    if path.stat().st_size > MAX_PROFILE_BYTES:
        raise ProfileError([f"{name}: is {path.stat().st_size} bytes; a profile is expected to be under 1 MB"])
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ProfileError([f"{name}: is not UTF-8 text (byte {exc.start}); save the profile as UTF-8"]) from None
    except OSError as exc:
        raise ProfileError([f"{name}: cannot be read ({exc.strerror})"]) from None
    try:
        if path.suffix.lower() == ".json":
            return json.loads(text)
        try:
            return yaml.safe_load(text)
        except ValueError:
            # a date-like scalar that is no date (2026-13-01) makes PyYAML raise ValueError: read dates as text
            # so that validation names the field and the value
            return yaml.load(text, Loader=_DatesAsTextLoader)  # noqa: S506 (a SafeLoader subclass)
    except json.JSONDecodeError as exc:
        raise ProfileError([f"{name}: line {exc.lineno}: not valid JSON ({exc.msg})"]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ProfileError([f"{name}: {where}not valid YAML ({problem})"]) from None


class _DatesAsTextLoader(yaml.SafeLoader):
    """SafeLoader that keeps timestamps as strings (the model parses and checks them)."""


_DatesAsTextLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


def load_profile(path: str | Path) -> Profile:
    """Load and validate a profile file; raises :class:`ProfileError` with one line per problem."""
    p = Path(path)
    data = read_profile_data(p)
    if data is None:
        raise ProfileError([f"{p}: is empty (expected applicant:, employer:, ...; `matcheck init` writes a template)"])
    return parse_profile(data, source=str(p))
