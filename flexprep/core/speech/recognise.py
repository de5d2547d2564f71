"""Speech to words behind a small interface, so a stronger offline engine can be added.

The bundled engine is pocketsphinx, whose wheel ships a US English model: nothing is
downloaded. It is imported when it first transcribes, never before.
"""

from __future__ import annotations

import importlib.util
import os
from typing import Any, Protocol

#: Words a recogniser reports that are not words (silence and noise markers).
_FILLERS = frozenset({"<s>", "</s>", "<sil>", "[noise]", "[laugh]", "[breath]"})

#: Search settings: pocketsphinx's defaults decode at about a sixth of real time on this
#: project's two-core reference machine (10 s for a 60-second answer). A capped search
#: without the second (flat) pass takes a quarter of that, and on the committed
#: fixtures counts the words as well (within 15 %), which is what the pace needs; the
#: transcript is rough either way and is shown as approximate.
POCKETSPHINX_SETTINGS: dict[str, Any] = {
    "maxhmmpf": 2000,
    "fwdflat": False,
    "loglevel": "FATAL",
}


class Recogniser(Protocol):
    """Turns one stretch of speech into words."""

    #: Shown beside the transcript ("heard by ...").
    name: str

    def transcribe(self, pcm: bytes) -> list[str]:
        """The words in ``pcm``: 16 kHz mono 16-bit little-endian samples."""
        ...


class PocketsphinxRecogniser:
    """pocketsphinx with its bundled US English model, loaded on first use."""

    name = "pocketsphinx (US English)"

    def __init__(self, settings: dict[str, Any] | None = None) -> None:
        self.settings = dict(POCKETSPHINX_SETTINGS if settings is None else settings)
        self._decoder: Any = None

    def load(self) -> None:
        """Load the model now (about a fifth of a second), not at the first answer."""
        if self._decoder is None:
            engine: Any = importlib.import_module("pocketsphinx")
            self._decoder = engine.Decoder(logfn=os.devnull, **self.settings)

    def transcribe(self, pcm: bytes) -> list[str]:
        self.load()
        decoder = self._decoder
        decoder.start_utt()
        decoder.process_raw(pcm, no_search=False, full_utt=True)
        decoder.end_utt()
        hypothesis = decoder.hyp()
        return clean_words(hypothesis.hypstr if hypothesis is not None else "")


def clean_words(text: str) -> list[str]:
    """Words of a recogniser's output without fillers or alternates' ``(2)`` marks."""
    words = []
    for word in text.split():
        word = word.split("(", 1)[0].lower()
        if word and word not in _FILLERS:
            words.append(word)
    return words


def default_recogniser() -> Recogniser | None:
    """The bundled recogniser, or None when pocketsphinx is not installed."""
    if importlib.util.find_spec("pocketsphinx") is None:
        return None
    return PocketsphinxRecogniser()


_WORKER: Recogniser | None = None


def transcribe_in_worker(pcm: bytes) -> list[str]:
    """Transcribe with this process's own recogniser (for a process pool's workers)."""
    global _WORKER
    if _WORKER is None:
        _WORKER = default_recogniser()
    return [] if _WORKER is None else _WORKER.transcribe(pcm)


def warm_up_worker() -> bool:
    """Load the recogniser in a pool worker ahead of the first answer."""
    global _WORKER
    if _WORKER is None:
        _WORKER = default_recogniser()
    if isinstance(_WORKER, PocketsphinxRecogniser):
        _WORKER.load()
    return _WORKER is not None
