"""Hearing a spoken answer, offline: reading audio, finding speech, recognising words.

No Qt here, and nothing heavy at import: numpy loads with :mod:`.audio`, the recogniser
only when it first transcribes. See "Rehearsing out loud" in docs/design.md.
"""
