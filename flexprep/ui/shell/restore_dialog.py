"""File › Restore from backup…: the backups of the database, newest first, and a button
to put one back (docs/design.md, "Database")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from flexprep.core.backups import BackupInfo
from flexprep.ui.widgets.common import muted_label, name

Index = QModelIndex | QPersistentModelIndex


def reason_text(reason: str) -> str:
    """Why a backup was taken, in words."""
    if reason.startswith("before-update"):
        return "Before updating to a new version"
    return {
        "daily": "Daily, when FlexPrep opened",
        "manual": "On request",
        "before-restore": "Before a restore",
    }.get(reason, reason.replace("-", " ") or "—")


def when_text(info: BackupInfo) -> str:
    return f"{info.taken_at:%a %d %b %Y, %H:%M}"


class BackupsTableModel(QAbstractTableModel):
    """One row per backup: when, why, which workbooks it holds."""

    COL_TAKEN, COL_REASON, COL_WORKBOOKS = range(3)
    HEADERS = ("Taken", "Why", "Workbooks")

    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backups = backups

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.backups)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        info = self.backups[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == self.COL_TAKEN:
                return when_text(info)
            if column == self.COL_REASON:
                return reason_text(info.reason)
            names = ", ".join(info.workbooks) or "(no workbooks)"
            return names if role == Qt.ItemDataRole.DisplayRole else "\n".join(info.workbooks)
        if role == Qt.ItemDataRole.UserRole:
            return str(info.path)
        return None


class RestoreDialog(QDialog):
    """Lists the backups; Restore asks for confirmation, then accepts with the choice."""

    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restore_dialog")
        self.setWindowTitle("Restore from backup")
        self.chosen: BackupInfo | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(
            muted_label(
                "FlexPrep keeps a copy of your database once a day, before each update and "
                "before each restore. Restoring puts every workbook back as it was then; what "
                "is in FlexPrep now is backed up first, so a restore can itself be undone."
            )
        )
        self.model = BackupsTableModel(backups, self)
        self.table = name(QTableView(), "backups_table", "Backups")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)  # one line a backup; the tooltip lists every workbook
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(
            BackupsTableModel.COL_TAKEN, QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(
            BackupsTableModel.COL_REASON, QHeaderView.ResizeMode.ResizeToContents
        )
        header.setStretchLastSection(True)
        layout.addWidget(self.table)
        self.empty = muted_label("There are no backups of this database yet.")
        self.empty.setObjectName("no_backups")
        self.empty.setVisible(not backups)
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = name(
            QPushButton("&Restore…"), "restore_backup", "Restore the selected backup"
        )
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("restore_close")
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.confirm)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update)
        self.table.doubleClicked.connect(self.confirm)
        if backups:
            self.table.selectRow(0)
        self._update()
        self.resize(760, 380)

    @Slot()
    def _update(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.backups[rows[0].row()] if rows else None

    @Slot()
    def confirm(self) -> None:
        """Ask before restoring the selected backup; accept the dialog if the user agrees."""
        info = self.selected()
        if info is None:
            return
        names = ", ".join(f"“{n}”" for n in info.workbooks) or "no workbooks"
        answer = QMessageBox.question(
            self,
            "Restore this backup?",
            f"Put every workbook back as it was on {when_text(info)}?\n\n"
            f"The backup holds {names}. Changes made since then will no longer show; "
            "they are kept in a new backup taken first, so you can restore them again.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.chosen = info
            self.accept()

    @classmethod
    def choose(cls, parent: QWidget | None, backups: list[BackupInfo]) -> Path | None:
        """Run the dialog; the backup to restore, or None."""
        dialog = cls(backups, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return None
        return dialog.chosen.path
