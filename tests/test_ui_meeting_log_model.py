"""The trial log table model, without any view."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt

from flexprep.ui.meeting.log import LogEntry, TrialLogTableModel


def _model() -> TrialLogTableModel:
    model = TrialLogTableModel()
    model.set_entries([LogEntry(7, date(2027, 1, 18), "Week 1 fine"), LogEntry(9, None, "")])
    return model


def test_model_shape_and_display(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = _model()
    qtmodeltester.check(model)
    assert (model.rowCount(), model.columnCount()) == (2, 3)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "What happened"
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Share"
    assert model.index(0, model.COL_DATE).data() == "Mon 18 Jan 2027"
    assert model.index(0, model.COL_DATE).data(Qt.ItemDataRole.EditRole) == QDate(2027, 1, 18)
    assert model.index(1, model.COL_DATE).data() == "No date"
    assert model.index(0, model.COL_TEXT).data() == "Week 1 fine"
    assert model.index(1, 0).data(TrialLogTableModel.IdRole) == 9
    assert model.index(0, 1).data(TrialLogTableModel.DateRole) == date(2027, 1, 18)
    assert model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable


def test_edits_are_reported_for_saving(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = _model()
    edited: list[tuple[int, str, object]] = []
    model.entry_edited.connect(lambda *args: edited.append(args))
    with qtbot.waitSignal(model.dataChanged):
        assert model.setData(model.index(1, model.COL_TEXT), "Check-in moved")
    assert model.setData(model.index(1, model.COL_DATE), QDate(2027, 1, 25))
    assert not model.setData(model.index(1, model.COL_TEXT), "Check-in moved")  # unchanged
    assert not model.setData(model.index(1, model.COL_DATE), "not a date")
    assert edited == [(9, "text", "Check-in moved"), (9, "date", date(2027, 1, 25))]


def test_rows_are_inserted_and_removed(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = _model()
    with qtbot.waitSignal(model.rowsInserted):
        model.insert_entry(1, LogEntry(12, date(2027, 2, 1), "Mid-trial"))
    assert [e.id for e in model.entries] == [7, 12, 9]
    assert model.row_of(12) == 1 and model.row_of(99) == -1
    with qtbot.waitSignal(model.rowsRemoved):
        assert model.remove_entry(0).id == 7
    assert [e.id for e in model.entries] == [12, 9]
