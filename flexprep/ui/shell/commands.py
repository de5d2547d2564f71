"""The workbook commands behind the File and Help menus, and the export status."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStatusBar,
    QWidget,
)

from flexprep.core import content, fileformat, vocab
from flexprep.ui.shell.context import AppContext
from flexprep.ui.shell.document_export import DocumentExports
from flexprep.ui.shell.folders import LastFolders
from flexprep.ui.shell.host import CommandHost
from flexprep.ui.shell.mnemonics import with_mnemonics
from flexprep.ui.shell.workbook_files import WorkbookFiles
from flexprep.ui.widgets.common import name

if TYPE_CHECKING:
    from flexprep.ui.shell.exporter import ExportJob

Shortcut = QKeySequence | QKeySequence.StandardKey | None


def add_action(
    menu: QMenu,
    parent: QObject,
    text: str,
    slot: Callable[..., object],
    shortcut: Shortcut,
    object_name: str,
) -> QAction:
    """A named action in ``menu`` that calls ``slot``."""
    action = QAction(text, parent)
    action.setObjectName(object_name)
    if shortcut is not None:
        action.setShortcut(shortcut)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


class WorkbookCommands(DocumentExports, WorkbookFiles, QObject):
    """New, open, rename, duplicate, delete, import and export a workbook.

    Dialogs open over ``window``; messages and the export progress go to ``status``;
    the commands ask ``host`` which workbook is open and to show another one.
    """

    def __init__(
        self,
        window: QWidget,
        status: QStatusBar,
        host: CommandHost,
        ctx: AppContext,
        database_path: Path,
    ) -> None:
        super().__init__(window)
        self.setObjectName("workbook_commands")
        self.dialog_parent, self.status, self.host = window, status, host
        self.service, self.saver = ctx.service, ctx.saver
        self.database_path = database_path
        self.read_only = False
        self.folders = LastFolders()  # the window gives it its own settings
        self._export_jobs: list[ExportJob] = []
        self.last_export: Path | None = None
        self.progress = QProgressBar()
        self.progress.setObjectName("export_progress")
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.open_file_button = name(
            QPushButton("Open file"), "open_exported_file", "Open the exported file"
        )
        self.open_folder_button = name(
            QPushButton("Open folder"), "open_export_folder", "Open the folder of the exported file"
        )
        for button in (self.open_file_button, self.open_folder_button):
            button.setFlat(True)
            button.hide()
        self.open_file_button.clicked.connect(self.open_exported_file)
        self.open_folder_button.clicked.connect(self.open_export_folder)
        for widget in (self.progress, self.open_file_button, self.open_folder_button):
            status.addPermanentWidget(widget)

    def build_file_menu(self, file_menu: QMenu) -> None:
        """Put the workbook and export actions in ``file_menu``."""

        def add(
            text: str,
            slot: Callable[..., object],
            shortcut: Shortcut,
            object_name: str,
            menu: QMenu = file_menu,
        ) -> QAction:
            return add_action(menu, self, text, slot, shortcut, object_name)

        self.act_new = add(
            "&New workbook…", self.new_workbook, QKeySequence.StandardKey.New, "action_new"
        )
        self.act_open = add(
            "&Open workbook…", self.open_workbook, QKeySequence.StandardKey.Open, "action_open"
        )
        self.act_sample = add("Open the &sample workbook", self.open_sample, None, "action_sample")
        file_menu.addSeparator()
        # No F2: lists and tables use it to edit the selected entry.
        self.act_rename = add("&Rename workbook…", self.rename_workbook, None, "action_rename")
        self.act_duplicate = add(
            "D&uplicate workbook", self.duplicate_workbook, None, "action_duplicate"
        )
        self.act_delete = add("&Delete workbook…", self.delete_workbook, None, "action_delete")
        file_menu.addSeparator()
        self.act_import = add(
            "&Import workbook file…", self.import_workbook, QKeySequence("Ctrl+I"), "action_import"
        )
        self.act_export_file = add(
            "Export workbook &file…",
            lambda _=False: self.export_workbook_file(),
            None,
            "action_export_file",
        )
        self.act_export_recordings = add(
            "Export workbook file &with recordings…",
            lambda _=False: self.export_workbook_file(with_recordings=True),
            None,
            "action_export_with_recordings",
        )
        self.act_export_recordings.setStatusTip(
            "The workbook file, and your recorded answers as WAV files in a folder beside it"
        )
        export_menu = file_menu.addMenu("&Export")
        export_menu.setObjectName("export_menu")
        self.export_actions: dict[str, QAction] = {}
        labels = with_mnemonics(f"{label}…" for label in vocab.DOCUMENTS.values())
        for kind, label in zip(vocab.DOCUMENTS, labels, strict=True):
            shortcut = QKeySequence("Ctrl+E") if kind == "brief" else None
            self.export_actions[kind] = add(
                label,
                lambda _=False, k=kind: self.export_document(k),
                shortcut,
                f"action_export_{kind}",
                export_menu,
            )
        export_menu.addSeparator()
        taken = [label[label.index("&") + 1] for label in labels if "&" in label]
        self.act_export_calendar = add(
            with_mnemonics(["Calendar (.ics)…"], taken)[0],
            self.export_calendar,
            None,
            "action_export_calendar",
            export_menu,
        )

    def update_actions(self) -> None:
        """Enable what needs an open workbook only while one is open."""
        has_book = self.host.workbook_id is not None
        for action in (
            self.act_rename,
            self.act_duplicate,
            self.act_delete,
            self.act_export_file,
            self.act_export_recordings,
            *self.export_actions.values(),
            self.act_export_calendar,
        ):
            action.setEnabled(has_book)
        if self.read_only:
            for action in (
                self.act_new,
                self.act_sample,
                self.act_rename,
                self.act_duplicate,
                self.act_delete,
                self.act_import,
            ):
                action.setEnabled(False)

    def set_read_only(self, read_only: bool) -> None:
        """Disable every command that would write to the database."""
        self.read_only = read_only
        self.update_actions()

    @Slot()
    def export_calendar(self) -> None:
        """File › Export › Calendar: the workbook's dates as an .ics file (in the
        background; see :mod:`flexprep.ui.shell.calendar_export`)."""
        from flexprep.ui.shell.calendar_export import CalendarExport

        workbook_id = self.host.workbook_id
        if workbook_id is not None:
            self.saver.flush()
            CalendarExport(self, workbook_id, self).start()

    # -- workbook commands ------------------------------------------------------------

    @Slot()
    def new_workbook(self) -> None:
        from flexprep.ui.shell.dialogs import NewWorkbookDialog  # loaded when first used

        values = NewWorkbookDialog.get(self.dialog_parent)
        if values is None:
            return
        name, scenario, manager = values
        service = self.service

        def work() -> int:
            return service.create_workbook(service.free_name(name), scenario, manager).id

        def done(book_id: object) -> None:
            self._show_book(book_id)
            self.host.show_first_tab()

        self._aside("Starting the workbook…", work, done, "Workbook not created")

    @Slot()
    def open_workbook(self) -> None:
        self.host.show_switcher()

    @Slot()
    def open_sample(self) -> None:
        service = self.service

        def work() -> int:
            return service.import_data(fileformat.read_file(content.sample_workbook_path())).id

        self._aside("Opening the sample workbook…", work, self._show_book, "Sample not opened")

    @Slot()
    def rename_workbook(self) -> None:
        workbook_id = self.host.workbook_id
        if workbook_id is None:
            return
        current = self.service.workbook(workbook_id).name
        name, ok = QInputDialog.getText(
            self.dialog_parent, "Rename workbook", "New name:", QLineEdit.EchoMode.Normal, current
        )
        if not ok or name.strip() == current:
            return
        service = self.service

        def work() -> int:
            service.rename_workbook(workbook_id, name)
            return workbook_id

        self._aside("Renaming the workbook…", work, self._show_book, "Workbook not renamed")

    @Slot()
    def duplicate_workbook(self) -> None:
        workbook_id = self.host.workbook_id
        if workbook_id is None:
            return
        self.saver.flush()
        service = self.service

        def work() -> tuple[int, str]:
            book = service.duplicate_workbook(workbook_id)
            return book.id, book.name

        def done(result: object) -> None:
            book_id, book_name = result if isinstance(result, tuple) else (None, "")
            self._show_book(book_id)
            self.status.showMessage(f"Duplicated as “{book_name}”", 5000)

        self._aside("Duplicating the workbook…", work, done, "Workbook not duplicated")

    @Slot()
    def delete_workbook(self) -> None:
        workbook_id = self.host.workbook_id
        if workbook_id is None:
            return
        name = self.service.workbook(workbook_id).name
        answer = QMessageBox.question(
            self.dialog_parent,
            "Delete workbook",
            f"Delete “{name}” and everything in it? This cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.saver.discard()
        service = self.service

        def work() -> int | None:
            service.delete_workbook(workbook_id)
            remaining = service.list_workbooks()
            return remaining[0].id if remaining else None

        def done(next_id: object) -> None:
            self.host.switch_to(next_id if isinstance(next_id, int) else None)
            self.status.showMessage(f"Deleted “{name}”", 5000)

        self._aside(f"Deleting “{name}”…", work, done, "Workbook not deleted")

    # -- documents: export_document and the rest come from DocumentExports ----------
