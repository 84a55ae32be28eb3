"""The call as QA sees it, whatever the transcript format: turns with speaker, role, times, text, channel."""

from __future__ import annotations

from dataclasses import dataclass, field

AGENT, CUSTOMER = "agent", "customer"


class TranscriptError(Exception):
    """A transcript that cannot be read: one Chinese line `path:line:col: message`."""

    def __init__(self, path: str, message: str, line: int = 1, column: int = 1):
        super().__init__(f"{path}:{line}:{column}: {message}")
        self.path = path


try:
    import msgspec
except ImportError:  # an environment not installed again since msgspec became a dependency
    msgspec = None  # type: ignore[assignment]

TYPE_CHECKING = False
if TYPE_CHECKING or msgspec is not None:

    class Turn(msgspec.Struct, gc=False):
        """One turn of a call. A msgspec struct: made in C, where the slotted dataclass's `__init__` (the one
        below, without msgspec) cost ≈ 2,900 instructions a turn against ≈ 1,200, some 60 turns a call; not
        tracked by the garbage collector (strings and numbers only: never part of a cycle)."""

        speaker: str  # as the transcript names it: "SPEAKER_00", "0", "客服", "channel 1"
        text: str
        start: float | None = None  # seconds from the start of the recording
        end: float | None = None
        channel: int | None = None
        line: int = 0  # line in the transcript file when it has lines, else the turn's number
        role: str = ""  # agent | customer, set by roles.assign
        folded: str = ""  # Simplified, half-width, lower case (texts.prepare), same length as text
        norm: str = ""  # folded without spaces and punctuation: what questions and phrases are compared on

    def plain_writes(cls: type) -> type:
        """`cls` (a non-frozen msgspec struct with gc=False) written to as a slotted class is: its fields
        set by `object.__setattr__`. msgspec's own `tp_setattro` does what that does for such a struct (no
        freezing to refuse, no collector to tell), but it is not CPython's generic one, which keeps
        `STORE_ATTR` from specialising: ≈ 280 instructions a write against ≈ 80, and a call's turns get
        four writes each (`line`, `role`, `folded`, `norm`). msgspec sets the slot when it makes the class,
        so each subclass is given it again (`readers/typed.py`)."""
        cls.__setattr__ = object.__setattr__  # type: ignore[method-assign,assignment]
        cls.__delattr__ = object.__delattr__  # type: ignore[method-assign,assignment]
        return cls

    plain_writes(Turn)

else:

    @dataclass(slots=True)
    class Turn:
        speaker: str
        text: str
        start: float | None = None
        end: float | None = None
        channel: int | None = None
        line: int = 0
        role: str = ""
        folded: str = ""
        norm: str = ""

    def plain_writes(cls: type) -> type:
        return cls


@dataclass
class Call:
    path: str
    format: str
    turns: list[Turn]
    labelled: bool = False  # speakers carry role labels (客服：/客户：)
    roles_note: str = ""  # how the roles were decided, for the report
    meta: dict = field(default_factory=dict)  # agent, date, script from a manifest
    _timed: bool | None = None

    @property
    def timed(self) -> bool:
        """Every turn has its start and end (set once the reader is done; turns do not change after)."""
        if self._timed is None:
            self._timed = bool(self.turns) and all(t.start is not None and t.end is not None for t in self.turns)
        return self._timed

    def agent_turns(self) -> list[Turn]:
        return [t for t in self.turns if t.role == AGENT]
