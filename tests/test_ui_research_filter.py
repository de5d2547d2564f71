"""The research library filters its findings as the user types."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from flexprep.core import content
from flexprep.ui.evidence.research_browser import FINDING_ROLE, ResearchLibraryDialog


def _shown(dialog: ResearchLibraryDialog) -> list[dict]:  # type: ignore[type-arg]
    return [dialog.model.index(r).data(FINDING_ROLE) for r in dialog.shown_rows()]


def test_typing_filters_the_findings_and_down_goes_to_the_list(qtbot) -> None:
    findings = content.research_library()
    dialog = ResearchLibraryDialog(findings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.count_label.text() == f"{len(findings)} findings"
    word = findings[0]["authors"].split()[0].rstrip(",").upper()  # any case matches
    dialog.filter.setFocus()
    qtbot.keyClicks(dialog.filter, word)
    shown = _shown(dialog)
    assert findings[0] in shown and 0 < len(shown) < len(findings)
    assert all(word.casefold() in str(f).casefold() for f in shown)
    assert dialog.count_label.text() == f"Showing {len(shown)} of {len(findings)}"
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is dialog.view
    assert dialog.current_finding() in shown
    assert dialog.details.toPlainText().startswith(dialog.current_finding()["title"])

    dialog.filter.setFocus()
    dialog.filter.selectAll()
    qtbot.keyClicks(dialog.filter, "qqqq nothing")
    assert _shown(dialog) == [] and dialog.count_label.text() == "No finding matches"
    assert not dialog.add_button.isEnabled() and dialog.details.toPlainText() == ""
    dialog.filter.clear()
    assert len(_shown(dialog)) == len(findings)
    # Choosing a finding that is filtered out shows them all again.
    qtbot.keyClicks(dialog.filter, "qqqq")
    dialog.select(findings[-1]["key"])
    assert dialog.filter.text() == "" and dialog.current_finding() == findings[-1]
