"""The Objection rehearsal tab: choosing, writing, editing and linking objections."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from flexprep.core import content
from flexprep.core.models import Evidence, Objection
from flexprep.ui.objections.library_models import SEARCH_ROLE
from flexprep.ui.objections.tab import ObjectionRehearsalTab
from tests.uitools import open_window, reopen


def objections_tab(qtbot, window) -> ObjectionRehearsalTab:  # type: ignore[no-untyped-def]
    tab = window.tab_pages["objections"]
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.workbook_id == window.workbook_id)
    return tab


def saved(window) -> list[Objection]:  # type: ignore[no-untyped-def]
    window.saver.flush()
    return window.service.items(Objection, window.workbook_id)


def click_page(qtbot, tab: ObjectionRehearsalTab, page) -> None:  # type: ignore[no-untyped-def]
    bar = tab.pages.tabBar()
    qtbot.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(tab.pages.indexOf(page)).center()
    )
    assert tab.pages.currentWidget() is page


def test_filter_the_library_by_theme_then_add_with_enter(qtbot, tmp_path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = objections_tab(qtbot, window)
    before = len(saved(window))
    library = tab.library
    click_page(qtbot, tab, library)

    library.theme.setFocus()
    qtbot.keyClicks(library.theme, "Coverage")
    assert library.theme.currentData() == "coverage"
    shown = [library.proxy.index(r, 0).data() for r in range(library.proxy.rowCount())]
    coverage = [e for e in content.objection_library() if e["theme"] == "coverage"]
    assert len(shown) == len(coverage) >= 2
    assert "Showing" in library.count_label.text()

    entry = coverage[1]
    library.view.setFocus()
    for row in range(library.proxy.rowCount()):
        if library.proxy.index(row, 0).data() == entry["text"]:
            library.view.setCurrentIndex(library.proxy.index(row, 0))
    assert entry["coaching"] in library.preview_coaching.text()
    qtbot.keyClick(library.view, Qt.Key.Key_Return)

    rows = saved(window)
    assert len(rows) == before + 1
    added = rows[-1]
    assert (
        added.text,
        added.theme,
        added.likelihood,
        added.origin,
        added.library_key,
        added.response,
        added.draft,
    ) == (entry["text"], "coverage", 3, "library", entry["key"], entry["response"], True)
    assert tab.current_item().id == added.id, "the new objection is chosen in my list"
    row = tab.model.row_of(added.id)
    assert tab.model.index(row, 0).data().startswith("Draft · "), "marked as a draft"
    assert library.view.currentIndex().data().startswith("✓ ")

    # Adding it again only shows it; a double-click adds another one.
    qtbot.mouseClick(library.add_button, Qt.MouseButton.LeftButton)
    assert len(saved(window)) == before + 1
    assert tab.pages.currentWidget() is tab.editor
    assert tab.editor.coaching.text() == entry["coaching"], "its coaching note beside it"
    click_page(qtbot, tab, library)
    other = library.proxy.index(0, 0)
    library.view.setCurrentIndex(other)
    rect = library.view.visualRect(other)
    # A real double-click: press and release, then the double-click event.
    qtbot.mouseClick(library.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(library.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(saved(window)) == before + 2


def test_search_the_library(qtbot, tmp_path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = objections_tab(qtbot, window)
    tab.focus_anchor("library")
    assert tab.pages.currentWidget() is tab.library
    assert QApplication.focusWidget() is tab.library.search
    qtbot.keyClicks(tab.library.search, "recruit")
    proxy = tab.library.proxy
    texts = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    # Exactly the entries whose searchable text (question, answer, coaching…) has the word.
    source = proxy.sourceModel()
    matching = [
        source.index(r, 0).data()
        for r in range(source.rowCount())
        if "recruit" in source.index(r, 0).data(SEARCH_ROLE)
    ]
    assert texts == matching
    assert len(texts) < source.rowCount()
    assert "recruit additional staff" in tab.library.preview_meta.text()
    qtbot.keyClicks(tab.library.search, " zzzznothing")
    assert tab.library.proxy.rowCount() == 0
    assert not tab.library.add_button.isEnabled()


def test_write_my_own_objection_by_typing(qtbot, tmp_path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = objections_tab(qtbot, window)
    count = len(saved(window))
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    editor = tab.editor
    assert tab.pages.currentWidget() is editor
    assert QApplication.focusWidget() is editor.text_edit
    qtbot.keyClicks(editor.text_edit, "We are restructuring in spring")
    editor.text_edit.insertPlainText(" ✨")  # as pasted: QTest types ASCII only
    assert tab.model.item(count).text == "We are restructuring in spring ✨", "the list follows"
    editor.likelihood.setFocus()
    qtbot.keyClick(editor.likelihood, Qt.Key.Key_Down)
    qtbot.keyClick(editor.likelihood, Qt.Key.Key_Down)
    editor.theme.setFocus()
    qtbot.keyClicks(editor.theme, "Policy")
    qtbot.keyClicks(editor.response_edit, "The trial ends before the restructure starts.")
    qtbot.waitUntil(lambda: not window.saver.has_pending())

    window = reopen(qtbot, window)
    mine = saved(window)[count]
    assert (mine.text, mine.origin, mine.likelihood, mine.theme, mine.response) == (
        "We are restructuring in spring ✨",
        "user",
        5,
        "policy",
        "The trial ends before the restructure starts.",
    )


def test_link_evidence_and_see_it_from_the_objection(qtbot, tmp_path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = objections_tab(qtbot, window)
    evidence = window.service.items(Evidence, window.workbook_id)
    tab.select_row(6)  # "Customer data…": nothing linked yet
    objection_id = tab.current_item().id
    view, model = tab.editor.evidence_view, tab.editor.evidence_model
    assert model.checked_ids() == []
    for row in (3, 0):
        view.setCurrentIndex(model.index(row))
        qtbot.keyClick(view, Qt.Key.Key_Space)
    linked = [evidence[0].id, evidence[3].id]
    stored = next(o for o in saved(window) if o.id == objection_id)
    assert [link.evidence_id for link in stored.evidence_links] == linked
    assert "2 linked" in tab.editor.linked.text()

    tab.select_row(0)
    tab.select_row(6)
    assert model.checked_ids() == linked, "the links are shown again from the objection"
    qtbot.keyClick(view, Qt.Key.Key_Space)  # row 0 is current: unlink it
    stored = next(o for o in saved(window) if o.id == objection_id)
    assert [link.evidence_id for link in stored.evidence_links] == [evidence[3].id]
    assert window.service.objections_for_evidence(evidence[3].id)[-1].id == objection_id


def test_drafts_are_marked_until_edited_or_kept(qtbot, tmp_path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3", sample=False)
    book = window.service.create_workbook("Hybrid", "remote_hybrid")
    window.switch_to(book.id)
    tab = objections_tab(qtbot, window)
    assert tab.model.items and all(item.draft for item in tab.model.items)
    assert tab.model.index(0, 0).data().startswith("Draft · ")
    assert tab.editor.banner.isVisibleTo(tab.editor)

    qtbot.keyClicks(tab.editor.response_edit, " And I will share my calendar.")
    assert not tab.editor.banner.isVisibleTo(tab.editor)
    assert not tab.model.index(0, 0).data().startswith("Draft")
    tab.select_row(1)
    assert tab.editor.banner.isVisibleTo(tab.editor)
    qtbot.mouseClick(tab.editor.accept_button, Qt.MouseButton.LeftButton)
    assert not tab.model.index(1, 0).data().startswith("Draft")
    drafts = [o.draft for o in saved(window)]
    assert drafts[:2] == [False, False] and all(drafts[2:])


def test_reorder_and_delete_with_the_keyboard(qtbot, tmp_path, monkeypatch) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = objections_tab(qtbot, window)
    texts = [o.text for o in saved(window)]
    tab.select_row(0)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert [o.text for o in saved(window)][:2] == [texts[1], texts[0]]
    assert tab.current_item().text == texts[0], "the moved objection stays chosen"
    qtbot.mouseClick(tab.up_button, Qt.MouseButton.LeftButton)
    assert [o.text for o in saved(window)] == texts

    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No
    )
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert asked and len(saved(window)) == len(texts), "No keeps it"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert [o.text for o in saved(window)] == texts[1:]
    assert tab.current_item().text == texts[1]


def test_readiness_anchors(qtbot, tmp_path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = objections_tab(qtbot, window)
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    window.tabs.setCurrentIndex(0)
    window.navigate("objections", "response")
    assert tab.pages.currentWidget() is tab.editor
    assert QApplication.focusWidget() is tab.editor.response_edit
    assert tab.current_item().response == ""
    window.navigate("objections", "rehearse")
    assert QApplication.focusWidget() is tab.start_button
    assert "never rehearsed" in tab.status.text()


def test_confidence_chart_is_drawn_when_shown(qtbot, tmp_path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = objections_tab(qtbot, window)
    chart = tab.progress.chart
    assert chart.figure is None, "nothing drawn before the page is shown"
    click_page(qtbot, tab, tab.progress)
    qtbot.waitUntil(lambda: chart.figure is not None)
    first = chart.figure
    tab.select_row(6)  # never rehearsed: highlighting falls back to all
    tab.progress.highlight.setFocus()
    qtbot.keyClick(tab.progress.highlight, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: chart.figure is not first)
    assert "not been rehearsed" in tab.progress.note.text()
    second = chart.figure
    tab.select_row(0)
    qtbot.waitUntil(lambda: chart.figure is not second)
    assert tab.progress.note.text() and "not been rehearsed" not in tab.progress.note.text()


def test_the_progress_page_draws_from_the_list_without_reading_the_workbook(
    qtbot, tmp_path, monkeypatch
) -> None:
    """The charts take what the list already loaded (off the GUI thread): the same
    objections and ratings the saved workbook holds, with no read of it on showing."""
    from flexprep.reports.model import normalise

    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = objections_tab(qtbot, window)
    saved_data = window.service.export_data(window.workbook_id)
    mine = [item.as_file() for item in tab.model.items]
    pairs = zip(mine, saved_data["objections"], strict=True)
    assert [{key: o[key] for key in m} for m, o in pairs] == mine
    assert any(m["rehearsals"] for m in mine)
    drawn = ("text", "likelihood", "rehearsals")  # what the confidence chart reads
    shown = normalise({"name": "", "objections": tab._chart_data()})["objections"]
    expected = normalise(saved_data)["objections"]
    assert [[o[k] for k in drawn] for o in shown] == [[o[k] for k in drawn] for o in expected]

    def no_read(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the Progress page read the workbook on the GUI thread")

    monkeypatch.setattr(window.service, "export_data", no_read)
    click_page(qtbot, tab, tab.progress)
    qtbot.waitUntil(lambda: tab.progress.chart.figure is not None)
