"""Menu accelerators: give every label in a menu its own Alt letter."""

from __future__ import annotations

from collections.abc import Iterable


def with_mnemonics(labels: Iterable[str], taken: Iterable[str] = ()) -> list[str]:
    """Each label with ``&`` before a letter no other label (nor ``taken``) uses.

    A label that already has a mnemonic keeps it. Otherwise the first letter of a
    word is preferred, then any letter; a label with no free letter is left as it is.
    """
    items = list(labels)
    used = {letter.casefold() for letter in taken}
    for label in items:
        at = _mnemonic_at(label)
        if at is not None:
            used.add(label[at + 1].casefold())
    result = []
    for label in items:
        if _mnemonic_at(label) is not None:
            result.append(label)
            continue
        starts = [i for i, c in enumerate(label) if c.isalnum() and (i == 0 or label[i - 1] == " ")]
        others = [i for i, c in enumerate(label) if c.isalnum() and i not in starts]
        chosen = next((i for i in starts + others if label[i].casefold() not in used), None)
        if chosen is None:
            result.append(label)
            continue
        used.add(label[chosen].casefold())
        result.append(label[:chosen] + "&" + label[chosen:])
    return result


def _mnemonic_at(label: str) -> int | None:
    """Where the label's ``&`` marking a mnemonic is (``&&`` is a literal ampersand)."""
    index = 0
    while index < len(label) - 1:
        if label[index] == "&":
            if label[index + 1] != "&":
                return index
            index += 2
            continue
        index += 1
    return None
