"""The window's menus and the workbook commands behind them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Slot
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QLineEdit, QMessageBox

from flexprep.core import content, fileformat, vocab
from flexprep.core.errors import FlexPrepError
from flexprep.ui.dialogs import NewWorkbookDialog
from flexprep.ui.exporter import ExportJob

if TYPE_CHECKING:
    from flexprep.ui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


def safe_filename(text: str) -> str:
    """A file name made from workbook text (no slashes or control characters)."""
    cleaned = re.sub(r'[\x00-\x1f\x7f/\\:*?"<>|]+', " ", text).strip(" .")
    return cleaned[:80] or "workbook"


class WorkbookCommands(_Base):
    """File, Edit and View menus of :class:`MainWindow`."""

    def build_menus(self) -> None:
        self._export_jobs: list[ExportJob] = []
        self.last_export: Path | None = None
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        self.act_new = self._action(file_menu, "&New workbook…", self.new_workbook,
                                    QKeySequence.StandardKey.New, "action_new")
        self.act_open = self._action(file_menu, "&Open workbook…", self.open_workbook,
                                     QKeySequence.StandardKey.Open, "action_open")
        self.act_sample = self._action(file_menu, "Open the &sample workbook", self.open_sample,
                                       None, "action_sample")
        file_menu.addSeparator()
        # No F2: lists and tables use it to edit the selected entry.
        self.act_rename = self._action(file_menu, "&Rename workbook…", self.rename_workbook,
                                       None, "action_rename")
        self.act_duplicate = self._action(file_menu, "D&uplicate workbook",
                                          self.duplicate_workbook, None, "action_duplicate")
        self.act_delete = self._action(file_menu, "&Delete workbook…", self.delete_workbook,
                                       None, "action_delete")
        file_menu.addSeparator()
        self.act_import = self._action(file_menu, "&Import workbook file…", self.import_workbook,
                                       QKeySequence("Ctrl+I"), "action_import")
        self.act_export_file = self._action(file_menu, "Export workbook &file…",
                                            self.export_workbook_file, None,
                                            "action_export_file")
        export_menu = file_menu.addMenu("&Export document")
        export_menu.setObjectName("export_menu")
        self.export_actions: dict[str, QAction] = {}
        for kind, label in vocab.DOCUMENTS.items():
            shortcut = QKeySequence("Ctrl+E") if kind == "brief" else None
            self.export_actions[kind] = self._action(
                export_menu, f"{label}…", lambda _=False, k=kind: self.export_document(k),
                shortcut, f"action_export_{kind}")
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit, "action_quit")

        edit_menu = menu.addMenu("&Edit")
        self._action(edit_menu, "&Undo", lambda: self._edit("undo"),
                     QKeySequence.StandardKey.Undo, "action_undo")
        self._action(edit_menu, "&Redo", lambda: self._edit("redo"),
                     QKeySequence.StandardKey.Redo, "action_redo")
        edit_menu.addSeparator()
        for label, method, key in (("Cu&t", "cut", QKeySequence.StandardKey.Cut),
                                   ("&Copy", "copy", QKeySequence.StandardKey.Copy),
                                   ("&Paste", "paste", QKeySequence.StandardKey.Paste)):
            self._action(edit_menu, label, lambda _=False, m=method: self._edit(m), key,
                         f"action_{method}")

        view_menu = menu.addMenu("&View")
        self._action(view_menu, "&Previous tab", lambda: self._step_tab(-1),
                     QKeySequence("Ctrl+PgUp"), "action_prev_tab")
        self._action(view_menu, "&Next tab", lambda: self._step_tab(1),
                     QKeySequence("Ctrl+PgDown"), "action_next_tab")
        view_menu.addSeparator()
        for index in range(self.tabs.count()):
            self._action(view_menu, f"&{index + 1} {self.tabs.tabText(index).replace('&', '&&')}",
                         lambda _=False, i=index: self.tabs.setCurrentIndex(i),
                         QKeySequence(f"Alt+{index + 1}"), f"action_tab_{index + 1}")
        help_menu = menu.addMenu("&Help")
        self._action(help_menu, "&About FlexPrep", self.about, None, "action_about")

    def _action(self, menu, text, slot, shortcut, object_name) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        action.setObjectName(object_name)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def update_actions(self) -> None:
        has_book = self.workbook_id is not None
        for action in (self.act_rename, self.act_duplicate, self.act_delete,
                       self.act_export_file, *self.export_actions.values()):
            action.setEnabled(has_book)

    def _edit(self, method: str) -> None:
        widget = QApplication.focusWidget()
        if widget is not None and hasattr(widget, method):
            getattr(widget, method)()

    def _step_tab(self, step: int) -> None:
        if self.stack.currentWidget() is self.tabs:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def _warn(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    # -- workbook commands ------------------------------------------------------------

    @Slot()
    def new_workbook(self) -> None:
        values = NewWorkbookDialog.get(self)
        if values is None:
            return
        name, scenario, manager = values
        try:
            book = self.service.create_workbook(self.service.free_name(name), scenario, manager)
        except FlexPrepError as exc:
            self._warn("Workbook not created", str(exc))
            return
        self.switch_to(book.id)
        self.tabs.setCurrentIndex(0)

    @Slot()
    def open_workbook(self) -> None:
        if self.switcher.count():
            self.switcher.setFocus()
            self.switcher.showPopup()

    @Slot()
    def open_sample(self) -> None:
        try:
            data = fileformat.read_file(content.sample_workbook_path())
            book = self.service.import_data(data)
        except FlexPrepError as exc:
            self._warn("Sample not opened", str(exc))
            return
        self.switch_to(book.id)

    @Slot()
    def rename_workbook(self) -> None:
        if self.workbook_id is None:
            return
        current = self.service.workbook(self.workbook_id).name
        name, ok = QInputDialog.getText(self, "Rename workbook", "New name:",
                                        QLineEdit.EchoMode.Normal, current)
        if not ok or name.strip() == current:
            return
        try:
            self.service.rename_workbook(self.workbook_id, name)
        except FlexPrepError as exc:
            self._warn("Workbook not renamed", str(exc))
            return
        self.switch_to(self.workbook_id)

    @Slot()
    def duplicate_workbook(self) -> None:
        if self.workbook_id is None:
            return
        self.saver.flush()
        try:
            book = self.service.duplicate_workbook(self.workbook_id)
        except FlexPrepError as exc:
            self._warn("Workbook not duplicated", str(exc))
            return
        self.switch_to(book.id)
        self.statusBar().showMessage(f"Duplicated as “{book.name}”", 5000)

    @Slot()
    def delete_workbook(self) -> None:
        if self.workbook_id is None:
            return
        name = self.service.workbook(self.workbook_id).name
        answer = QMessageBox.question(
            self, "Delete workbook",
            f"Delete “{name}” and everything in it? This cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.saver.discard()
        self.service.delete_workbook(self.workbook_id)
        remaining = self.service.list_workbooks()
        self.workbook_id = None
        self.switch_to(remaining[0].id if remaining else None)
        self.statusBar().showMessage(f"Deleted “{name}”", 5000)

    @Slot()
    def import_workbook(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import workbook file", str(Path.home()),
                                              "FlexPrep workbook (*.json);;All files (*)")
        if not path:
            return
        try:
            book = self.service.import_data(fileformat.read_file(path))
        except FlexPrepError as exc:
            self._warn("Workbook not imported", f"{Path(path).name}: {exc}")
            return
        self.switch_to(book.id)
        self.statusBar().showMessage(f"Imported “{book.name}”", 5000)

    @Slot()
    def export_workbook_file(self) -> None:
        if self.workbook_id is None:
            return
        self.saver.flush()
        data = self.service.export_data(self.workbook_id)
        suggested = str(Path.home() / f"{safe_filename(data['name'])}.json")
        path, _ = QFileDialog.getSaveFileName(self, "Export workbook file", suggested,
                                              "FlexPrep workbook (*.json)")
        if not path:
            return
        try:
            fileformat.write_file(data, path)
        except OSError as exc:
            self._warn("Workbook file not written", f"{path}: {exc.strerror or exc}")
            return
        self.statusBar().showMessage(f"Workbook file written to {path}", 8000)

    # -- documents --------------------------------------------------------------------

    @Slot(str)
    def export_document(self, kind: str) -> None:
        """Ask where to save the ``kind`` document and write it in the background."""
        if self.workbook_id is None:
            return
        self.saver.flush()
        data = self.service.export_data(self.workbook_id)
        label = vocab.DOCUMENTS[kind]
        suggested = str(Path.home() / f"{safe_filename(data['name'])} - {label}.docx")
        path, _ = QFileDialog.getSaveFileName(self, f"Export {label}", suggested,
                                              "Word document (*.docx)")
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".docx":
            target = target.with_name(target.name + ".docx")
        job = ExportJob(data, kind, target, self)
        job.progress.connect(self._on_export_progress)
        job.finished_ok.connect(lambda p, j=job: self._on_exported(j, p))
        job.failed.connect(lambda m, j=job: self._on_export_failed(j, m))
        self._export_jobs.append(job)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.open_file_button.hide()
        self.open_folder_button.hide()
        self.statusBar().showMessage(f"Exporting {label}…")
        job.start()

    @Slot(int, int)
    def _on_export_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _on_exported(self, job: ExportJob, path: str) -> None:
        self._export_jobs.remove(job)
        self.progress.hide()
        self.last_export = Path(path)
        self.statusBar().showMessage(f"{vocab.DOCUMENTS[job.kind]} saved to {path}")
        self.open_file_button.show()
        self.open_folder_button.show()

    def _on_export_failed(self, job: ExportJob, message: str) -> None:
        self._export_jobs.remove(job)
        self.progress.hide()
        self.statusBar().clearMessage()
        self._warn("Export failed", message)

    @Slot()
    def open_exported_file(self) -> None:
        if self.last_export is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_export)))

    @Slot()
    def open_export_folder(self) -> None:
        if self.last_export is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_export.parent)))

    def finish_exports(self) -> None:
        """Wait for exports still running (on close)."""
        for job in list(self._export_jobs):
            job.wait()

    @Slot()
    def about(self) -> None:
        from flexprep import __version__

        QMessageBox.about(
            self, "About FlexPrep",
            f"FlexPrep {__version__}\n\nPrepare, privately and offline, to ask your manager "
            f"for a flexible work arrangement.\n\nYour data stays on this computer:\n"
            f"{self.database.path}")
