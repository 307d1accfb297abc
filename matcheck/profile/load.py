"""Loading a profile from YAML or JSON, with one clear line per problem.

``profile.yaml: education[1].start: '2010-13' is not a month (YYYY-MM)``
``profile.yaml: applicant.nmae: unknown key; did you mean 'name'?``

A profile is untrusted input (it may come with an applicant's folder), so reading one has hard limits, each a
one-line error and exit 2 (the numbers are below, and in docs/checking.md):

* the file: at most :data:`MAX_PROFILE_BYTES`, opened as every applicant file is (``matcheck.safeio``: read-only,
  no atime change, never blocking on a FIFO);
* YAML: a safe loader (:class:`_ProfileLoader`) that counts the nodes a document *expands* to, aliases included,
  and stops past :data:`MAX_NODES` (a "billion laughs" stops after a few thousand steps, in milliseconds), refuses
  an alias inside its own anchor (``a: &a [*a]``), nesting deeper than :data:`MAX_DEPTH`, a number longer than
  :data:`MAX_NUMBER_CHARS` characters, ``.inf``/``.nan``, a value its tag cannot take (``!!float x``,
  ``!!int abc``, ``!!bool maybe``) and a key given twice;
* JSON: the same (duplicate keys, depth, number size, ``Infinity``/``NaN``);
* only the keys of the profile format (``source:`` and ``to_verify:`` are matcheck's own, never read from a file);
* every message is one line of at most :data:`matcheck.errors.MAX_LINE_CHARS` characters with control
  characters escaped, and at most :data:`matcheck.errors.MAX_LINES` of them.
"""

from __future__ import annotations

import difflib
import json
import math
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from matcheck.errors import ProfileError
from matcheck.profile.model import PROFILE_TOP_KEYS, Profile

TO_VERIFY_WORDS = frozenset({"待核实", "unknown"})
MAX_PROFILE_BYTES = 1_000_000
MAX_NODES = 20_000  # a full profile is a few hundred nodes
MAX_DEPTH = 20  # a profile nests 4 levels deep
MAX_NUMBER_CHARS = 30  # an 18-digit ID written without quotes still fits
INTERNAL_KEYS = ("source", "to_verify")


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
    internal = [k for k in INTERNAL_KEYS if k in data]
    if internal:
        raise ProfileError([f"{source}: {k}: unknown key; expected one of: {', '.join(PROFILE_TOP_KEYS)}"
                            for k in internal])
    problem = _too_big(data)
    if problem:
        raise ProfileError([f"{source}: {problem}"])
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
    """Read YAML or JSON from ``path``; ProfileError on anything unreadable (see the module docstring)."""
    return decode_profile(read_profile_bytes(path), path)


def read_profile_bytes(path: Path) -> bytes:
    """The profile file's bytes, read within the limits; ProfileError if it is missing, not a file, too large or
    unreadable. (A batch that sends the folder to a worker reads the profile with this, and the worker decodes the
    bytes with :func:`decode_profile`: the same lines either way.)"""
    from matcheck.safeio import NotRegularFile, read_bytes

    path = Path(path)
    name = str(path)
    if not path.exists():
        raise ProfileError([f"{name}: no such file (expected a profile.yaml; `matcheck init` writes a template)"])
    if not path.is_file():
        raise ProfileError([f"{name}: is not a file (expected a profile in YAML or JSON)"])
    try:
        raw = read_bytes(path, MAX_PROFILE_BYTES)
    except NotRegularFile:
        raise ProfileError([f"{name}: is not a file (expected a profile in YAML or JSON)"]) from None
    except OSError as exc:
        if exc.errno is None:  # over the size limit
            raise ProfileError([f"{name}: is over {MAX_PROFILE_BYTES} bytes; a profile is expected to be under "
                                "1 MB"]) from None
        raise ProfileError([f"{name}: cannot be read ({exc.strerror})"]) from None
    return raw


def decode_profile(raw: bytes, path: Path) -> Any:
    """The YAML or JSON in ``raw`` (the bytes of the profile file ``path``: its suffix says which; its name is what
    the error lines say), within the limits; ProfileError otherwise."""
    path = Path(path)
    name = str(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ProfileError([f"{name}: is not UTF-8 text (byte {exc.start}); save the profile as UTF-8"]) from None
    try:
        if path.suffix.lower() == ".json":
            return _load_json(text)
        try:
            return yaml.load(text, Loader=_ProfileLoader)  # noqa: S506 (a SafeLoader subclass with limits)
        except _BadTimestamp:
            # a date-like scalar that is no date (2026-13-01): read dates as text so that validation names the
            # field and the value
            return yaml.load(text, Loader=_DatesAsTextLoader)  # noqa: S506 (a SafeLoader subclass with limits)
    except json.JSONDecodeError as exc:
        raise ProfileError([f"{name}: line {exc.lineno}: not valid JSON ({exc.msg})"]) from None
    except _JsonLimit as exc:
        raise ProfileError([f"{name}: not a usable profile ({exc})"]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ProfileError([f"{name}: {where}not valid YAML ({problem})"]) from None
    except RecursionError:  # a limit above should have stopped it first; still one line, never a traceback
        raise ProfileError([f"{name}: nested too deeply (more than {MAX_DEPTH} levels)"]) from None


# --------------------------------------------------------------------------- YAML with limits

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _BadTimestamp(yaml.constructor.ConstructorError):
    """A date-like scalar that is no date: read again with dates as text."""


class _ProfileLoader(yaml.SafeLoader):
    """PyYAML's SafeLoader with hard limits (module docstring). Composition counts every node a document expands
    to — an alias counts as the whole of what it refers to — so a document that would expand past
    :data:`MAX_NODES` is refused while it is being read, before anything is built."""

    def __init__(self, stream: Any):
        super().__init__(stream)
        self._open_anchors: set[str] = set()
        self._sizes: dict[int, int] = {}  # id(anchored node) → its expanded size
        self._counts: list[int] = [0]  # expanded size of the collections being composed
        self._depth = 0

    def _count(self, size: int, mark: Any) -> None:
        self._counts[-1] += size
        if sum(self._counts) > MAX_NODES:
            raise yaml.composer.ComposerError(None, None, f"expands to more than {MAX_NODES} values "
                                              "(a profile has a few hundred; aliases count each time)", mark)

    def compose_node(self, parent: Any, index: Any) -> Any:  # noqa: D102
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            if event.anchor in self._open_anchors:
                raise yaml.composer.ComposerError(None, None, f"alias *{event.anchor} is inside its own anchor "
                                                  "(a value that contains itself)", event.start_mark)
            node = super().compose_node(parent, index)
            self._count(self._sizes.get(id(node), 1), event.start_mark)
            return node
        anchor = getattr(event, "anchor", None)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise yaml.composer.ComposerError(None, None, f"nested more than {MAX_DEPTH} levels deep",
                                              event.start_mark)
        if anchor:
            self._open_anchors.add(anchor)
        self._counts.append(0)
        try:
            node = super().compose_node(parent, index)
        finally:
            inner = self._counts.pop()
            self._depth -= 1
            self._open_anchors.discard(anchor)
        size = 1 + inner
        if anchor:
            self._sizes[id(node)] = size
        self._count(size, event.start_mark)
        return node

    def construct_object(self, node: Any, deep: bool = False) -> Any:  # noqa: D102
        if isinstance(node, yaml.ScalarNode) and len(node.value) > MAX_NUMBER_CHARS and node.tag in _NUMBER_TAGS:
            raise yaml.constructor.ConstructorError(None, None, f"a number of {len(node.value)} characters "
                                                    f"(at most {MAX_NUMBER_CHARS})", node.start_mark)
        try:
            value = super().construct_object(node, deep)
        except yaml.YAMLError:
            raise
        except (ValueError, KeyError, TypeError, OverflowError, AttributeError) as exc:
            shown = node.value if isinstance(node.value, str) else ""
            error = _BadTimestamp if node.tag == _TIMESTAMP else yaml.constructor.ConstructorError
            raise error(None, None, f"{shown!r} cannot be read as {node.tag.rsplit(':', 1)[-1]} "
                        f"({type(exc).__name__})", node.start_mark) from None
        if isinstance(value, float) and not math.isfinite(value):
            raise yaml.constructor.ConstructorError(None, None, f"{node.value!r} is not a finite number",
                                                    node.start_mark)
        return value

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:  # noqa: D102
        if isinstance(node, yaml.MappingNode):
            seen: set[Any] = set()
            for key_node, _value in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                    key = (key_node.tag, key_node.value)
                    if key in seen:
                        raise yaml.constructor.ConstructorError(None, None, f"key {key_node.value!r} is given "
                                                                "twice", key_node.start_mark)
                    seen.add(key)
        return super().construct_mapping(node, deep)


_NUMBER_TAGS = frozenset({"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"})


class _DatesAsTextLoader(_ProfileLoader):
    """The profile loader, keeping timestamps as strings (the model parses and checks them)."""


_DatesAsTextLoader.add_constructor(_TIMESTAMP, yaml.SafeLoader.construct_yaml_str)


# --------------------------------------------------------------------------- JSON with the same limits

class _JsonLimit(ValueError):
    pass


def _json_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _JsonLimit(f"key {key!r} is given twice")
        out[key] = value
    return out


def _json_number(text: str) -> Any:
    if len(text) > MAX_NUMBER_CHARS:
        raise _JsonLimit(f"a number of {len(text)} characters (at most {MAX_NUMBER_CHARS})")
    return float(text) if any(c in text for c in ".eE") else int(text)


def _json_constant(text: str) -> Any:
    raise _JsonLimit(f"{text} is not a finite number")


def _load_json(text: str) -> Any:
    """The JSON in ``text``; its size and depth are checked once, by :func:`parse_profile` (``claimed_name`` only
    reads one key and needs no check)."""
    try:
        return json.loads(text, object_pairs_hook=_json_pairs, parse_int=_json_number, parse_float=_json_number,
                          parse_constant=_json_constant)
    except RecursionError:
        raise _JsonLimit(f"nested more than {MAX_DEPTH} levels deep") from None


def _too_big(data: Any) -> str | None:
    """Why already-parsed data is beyond the limits (depth, size, a non-finite number), or None."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    seen = 0
    while stack:
        value, depth = stack.pop()
        seen += 1
        if seen > MAX_NODES:
            return f"more than {MAX_NODES} values"
        if depth > MAX_DEPTH:
            return f"nested more than {MAX_DEPTH} levels deep"
        if isinstance(value, float) and not math.isfinite(value):
            return f"{value} is not a finite number"
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
    return None


def load_profile(path: str | Path, raw: bytes | None = None) -> Profile:
    """Load and validate a profile file; raises :class:`ProfileError` with one line per problem. ``raw``: the
    file's bytes, already read (by :func:`read_profile_bytes`, perhaps on another machine); ``path`` names it."""
    p = Path(path)
    data = read_profile_data(p) if raw is None else decode_profile(raw, p)
    if data is None:
        raise ProfileError([f"{p}: is empty (expected applicant:, employer:, ...; `matcheck init` writes a template)"])
    return parse_profile(data, source=str(p))
