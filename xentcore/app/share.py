"""The app state <-> URL query-parameter codec: pure functions, no Streamlit.

A page declares its state as a :class:`Schema`, a table of typed parameters with short URL keys and
defaults. :func:`parse` turns untrusted query parameters into a complete, valid state plus a list of
:class:`Issue` s, and never raises on user input: each bad parameter falls back (or is clamped) alone.
:func:`dump` writes a state back, leaving out values equal to their default, so ``parse(dump(s)) == s``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from xentcore.datasets import clean_name

MAX_VALUE_CHARS = 2000
MAX_KEY_CHARS = 40
MAX_ISSUES = 8
SUM_TOLERANCE = 1e-9


@dataclass(frozen=True)
class Note:
    """What exactly was wrong or changed, as an id and its values, for the UI to put in words in the reader's
    language (``detail.<what>`` in the translation table); for example ``Note("clamped", {"value": "10"})``."""

    what: str
    values: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, what: str, **values: object) -> Note:
        return cls(what, tuple((k, str(v)) for k, v in values.items()))

    def as_dict(self) -> dict[str, str]:
        return dict(self.values)


@dataclass(frozen=True)
class Issue:
    """Something wrong with one parameter: ``code`` is one of ``unknown``, ``invalid``, ``clamped``,
    ``normalised``, ``cleaned``, ``repeated``, ``mismatch``, ``more``; ``note`` says what."""

    key: str
    code: str
    note: Note | None = None


class Reject(ValueError):
    """A raw value that cannot be used; ``note`` says why."""

    def __init__(self, what: str, **values: object):
        super().__init__(what)
        self.note = Note.of(what, **values)


def _float(raw: str) -> float:
    try:
        x = float(raw.strip())
    except ValueError:
        raise Reject("not_number", raw=_preview(raw)) from None
    if not math.isfinite(x):
        raise Reject("not_finite", raw=_preview(raw))
    return x


def _preview(raw: str, n: int = 24) -> str:
    text = "".join(ch if ch.isprintable() else "?" for ch in raw)
    return repr(text if len(text) <= n else text[:n] + "…")


def format_float(x: float) -> str:
    """Shortest text that reads back as exactly ``x`` (``0.5``, not ``0.50000``)."""
    text = repr(float(x))
    return text[:-2] if text.endswith(".0") else text


@dataclass(frozen=True)
class Param:
    """One URL parameter: its key, its default, and how to read and write it."""

    key: str
    default: Any
    adjusted: ClassVar[str] = "clamped"  # the issue code when decode had to change a value

    def decode(self, raw: str) -> tuple[Any, Note | None]:
        """Return ``(value, note)``; a ``note`` (e.g. ``clamped`` to 10) means the value was adjusted."""
        raise NotImplementedError

    def encode(self, value: Any) -> str:
        raise NotImplementedError

    def same(self, a: Any, b: Any) -> bool:
        return a == b


def _nearest_option(options: Sequence[float], x: float) -> float:
    """The option nearest ``x``: on a log scale among positive options (their grids are geometric), on a linear
    scale below the smallest positive one, where 0 or negative options compete.

    >>> _nearest_option((0, 0.001, 0.01, 0.1), 0.02), _nearest_option((0, 0.001, 0.01), 0.0004)
    (0.01, 0)
    """
    positive = [o for o in options if o > 0]
    rest = [o for o in options if o <= 0]
    if x > 0 and positive:
        smallest = min(positive)
        if rest and x < smallest:
            near = min(rest, key=lambda o: abs(o - x))
            if abs(near - x) < abs(smallest - x):
                return near
        return min(positive, key=lambda o: abs(math.log(o / x)))
    return min(options, key=lambda o: abs(o - x))


@dataclass(frozen=True)
class Float(Param):
    """A float in ``[lo, hi]``; out-of-range values are clamped. With ``options`` (a grid for a
    select-slider) the value snaps to the nearest option."""

    lo: float = -math.inf
    hi: float = math.inf
    step: float | None = None
    options: tuple[float, ...] | None = None

    def decode(self, raw: str) -> tuple[float, Note | None]:
        x = _float(raw)
        if self.options:
            nearest = _nearest_option(self.options, x)
            return nearest, (
                None if math.isclose(nearest, x, rel_tol=1e-9) else Note.of("snapped", value=f"{nearest:g}")
            )
        clamped = min(max(x, self.lo), self.hi)
        return clamped, (None if clamped == x else Note.of("clamped", value=f"{clamped:g}"))

    def encode(self, value: float) -> str:
        return format_float(value)


@dataclass(frozen=True)
class Int(Param):
    """An integer in ``[lo, hi]``; out-of-range values are clamped, fractions rejected."""

    lo: int = 0
    hi: int = 1_000_000

    def decode(self, raw: str) -> tuple[int, Note | None]:
        x = _float(raw)
        if x != round(x):
            raise Reject("not_whole", raw=_preview(raw))
        clamped = int(min(max(x, self.lo), self.hi))
        return clamped, (None if clamped == x else Note.of("clamped", value=clamped))

    def encode(self, value: int) -> str:
        return str(int(value))


@dataclass(frozen=True)
class Choice(Param):
    """One of a fixed set of short strings."""

    options: tuple[str, ...] = ()

    def decode(self, raw: str) -> tuple[str, Note | None]:
        value = raw.strip()
        if value not in self.options:
            raise Reject("not_option", raw=_preview(raw), options=", ".join(self.options))
        return value, None

    def encode(self, value: str) -> str:
        return value


@dataclass(frozen=True)
class Bool(Param):
    """``1``/``0`` (also ``true``/``false``, ``on``/``off``)."""

    def decode(self, raw: str) -> tuple[bool, Note | None]:
        value = raw.strip().lower()
        if value in ("1", "true", "on", "yes"):
            return True, None
        if value in ("0", "false", "off", "no"):
            return False, None
        raise Reject("not_bool", raw=_preview(raw))

    def encode(self, value: bool) -> str:
        return "1" if value else "0"


@dataclass(frozen=True)
class Floats(Param):
    """A comma-separated list of ``min_len`` to ``max_len`` finite floats in ``[lo, hi]``."""

    min_len: int = 1
    max_len: int = 64
    lo: float = -math.inf
    hi: float = math.inf

    def _items(self, raw: str) -> tuple[float, ...]:
        parts = [s for s in raw.split(",")]
        if not (self.min_len <= len(parts) <= self.max_len):
            raise Reject("count", lo=self.min_len, hi=self.max_len, n=len(parts))
        values = tuple(_float(s) for s in parts)
        if any(not (self.lo <= v <= self.hi) for v in values):
            raise Reject("range", lo=f"{self.lo:g}", hi=f"{self.hi:g}")
        return values

    def decode(self, raw: str) -> tuple[tuple[float, ...], Note | None]:
        return self._items(raw), None

    def encode(self, value: Sequence[float]) -> str:
        return ",".join(format_float(v) for v in value)

    def same(self, a: Any, b: Any) -> bool:
        return tuple(a) == tuple(b)


@dataclass(frozen=True)
class Distribution(Floats):
    """A probability vector; weights that do not sum to 1 are normalised, with a note."""

    lo: float = 0.0
    adjusted: ClassVar[str] = "normalised"

    def decode(self, raw: str) -> tuple[tuple[float, ...], Note | None]:
        values = self._items(raw)
        total = math.fsum(values)
        if total <= 0:
            raise Reject("all_zero")
        if abs(total - 1.0) <= SUM_TOLERANCE:
            return values, None
        return tuple(v / total for v in values), Note.of("normalised", total=f"{total:.6g}")




@dataclass(frozen=True)
class Names(Param):
    """A comma-separated list of short, non-empty labels (cleaned with :func:`clean_name`)."""

    min_len: int = 1
    max_len: int = 64
    adjusted: ClassVar[str] = "cleaned"

    def decode(self, raw: str) -> tuple[tuple[str, ...], Note | None]:
        parts = raw.split(",")
        if not (self.min_len <= len(parts) <= self.max_len):
            raise Reject("name_count", lo=self.min_len, hi=self.max_len, n=len(parts))
        names = tuple(clean_name(s) for s in parts)
        if any(not n for n in names):
            raise Reject("name_empty")
        changed = any(n != s.strip() for n, s in zip(names, parts, strict=True))
        return names, (Note("cleaned") if changed else None)

    def encode(self, value: Sequence[str]) -> str:
        return ",".join(value)

    def same(self, a: Any, b: Any) -> bool:
        return tuple(a) == tuple(b)


@dataclass(frozen=True)
class Keys(Param):
    """A comma-separated subset of ``options`` (a page's state keys), or ``all``: which controls a lesson link
    hides. Kept in the options' order; entries that are not options are dropped with a note, and a value with no
    option at all is rejected."""

    options: tuple[str, ...] = ()
    adjusted: ClassVar[str] = "cleaned"

    def decode(self, raw: str) -> tuple[tuple[str, ...], Note | None]:
        parts = [s.strip() for s in raw.split(",") if s.strip()]
        if parts == ["all"]:
            return self.options, None
        chosen = tuple(k for k in self.options if k in parts)
        dropped = [_preview(s, 12) for s in parts if s not in self.options]
        if not chosen:
            raise Reject("no_keys", raw=_preview(raw), options=", ".join(("all", *self.options)))
        return chosen, (Note.of("dropped_keys", keys=", ".join(dropped)) if dropped else None)

    def encode(self, value: Sequence[str]) -> str:
        value = tuple(k for k in self.options if k in value)
        return "all" if value and value == self.options else ",".join(value)

    def same(self, a: Any, b: Any) -> bool:
        return tuple(a) == tuple(b)


State = dict[str, Any]
Reconcile = Callable[[State, set[str], list[Issue]], State]


@dataclass(frozen=True)
class Schema:
    """A page's state: its parameters, and an optional ``reconcile(state, from_url, issues)`` that repairs
    combinations of individually valid values (for example a Q whose length differs from P's)."""

    name: str
    params: tuple[Param, ...]
    reconcile: Reconcile | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        keys = [p.key for p in self.params]
        if len(set(keys)) != len(keys):
            raise ValueError(f"schema {self.name} repeats a key")

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(p.key for p in self.params)

    def defaults(self) -> State:
        return {p.key: p.default for p in self.params}

    def param(self, key: str) -> Param:
        for p in self.params:
            if p.key == key:
                return p
        raise KeyError(key)


RawParams = Mapping[str, str | Sequence[str]]


def parse(params: RawParams, schema: Schema, *, known: Sequence[str] = ()) -> tuple[State, list[Issue]]:
    """Read query parameters into a full state for ``schema``; never raises on user input.

    Keys that belong to neither the schema nor ``known`` (other schemas sharing the URL) are reported as
    ``unknown``. A repeated key uses its last value. At most ``MAX_ISSUES`` issues are listed; a final
    ``more`` issue counts the rest.
    """
    state = schema.defaults()
    issues: list[Issue] = []
    from_url: set[str] = set()
    by_key = {p.key: p for p in schema.params}
    for raw_key, raw_value in params.items():
        key = str(raw_key)
        values = [raw_value] if isinstance(raw_value, str) else [str(v) for v in raw_value]
        if key not in by_key:
            if key not in known:
                issues.append(Issue(_preview(key, MAX_KEY_CHARS).strip("'"), "unknown"))
            continue
        if not values:
            continue
        if len(values) > 1:
            issues.append(Issue(key, "repeated", Note.of("repeated", n=len(values))))
        raw = values[-1]
        if len(raw) > MAX_VALUE_CHARS:
            issues.append(Issue(key, "invalid", Note.of("too_long", n=MAX_VALUE_CHARS)))
            continue
        try:
            value, note = by_key[key].decode(raw)
        except Reject as err:
            issues.append(Issue(key, "invalid", err.note))
            continue
        if note:
            issues.append(Issue(key, by_key[key].adjusted, note))
        state[key] = value
        from_url.add(key)
    if schema.reconcile is not None:
        state = schema.reconcile(state, from_url, issues)
    if len(issues) > MAX_ISSUES:
        issues = [*issues[: MAX_ISSUES - 1], Issue("…", "more", Note.of("more", n=len(issues) - MAX_ISSUES + 1))]
    return state, issues


def coerce(param: Param, value: Any) -> Any:
    """``value`` made acceptable to ``param`` as a link would carry it: clamped into range, snapped to the
    nearest option, normalised; the default if it cannot be. A preset link built from it opens without a
    warning.

    >>> coerce(Float("lr", 0.1, lo=0.0, hi=1.0), 3.0), coerce(Floats("z", (0.0,), lo=-1, hi=1), (5, -5))
    (1.0, (1.0, -1.0))
    """
    if isinstance(param, Floats) and not isinstance(param, Distribution):
        value = tuple(min(max(float(v), param.lo), param.hi) for v in value)
    elif isinstance(param, Float) and not param.options:
        value = min(max(float(value), param.lo), param.hi)
    try:
        return param.decode(param.encode(value))[0]
    except Reject:
        return param.default


def dump(state: State, schema: Schema) -> dict[str, str]:
    """Encode ``state`` as query parameters, leaving out every value equal to its default."""
    out: dict[str, str] = {}
    for p in schema.params:
        if p.key in state and not p.same(state[p.key], p.default):
            out[p.key] = p.encode(state[p.key])
    return out
