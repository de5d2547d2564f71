"""The main window: workbook switcher, the six tabs, menus and the status bar."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QSettings, QThreadPool, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from flexprep.core.database import Database
from flexprep.core.errors import FlexPrepError
from flexprep.core.service import WorkbookService, warm_up
from flexprep.ui.objections.rehearsal_menu import build_rehearsal_menu
from flexprep.ui.shell import geometry, menus
from flexprep.ui.shell.autosave import Saver
from flexprep.ui.shell.closing import FinishingExports, save_or_keep
from flexprep.ui.shell.commands import WorkbookCommands
from flexprep.ui.shell.context import AppContext, AppSignals
from flexprep.ui.shell.folders import LastFolders
from flexprep.ui.shell.icons import app_icon, decorate
from flexprep.ui.shell.lock import DatabaseLock
from flexprep.ui.shell.safety import SafetyNet
from flexprep.ui.shell.window_help import WindowHelp
from flexprep.ui.shell.window_tabs import WindowTabs
from flexprep.ui.widgets.common import name
from flexprep.ui.widgets.undo import UndoHistory, UndoOffer

if TYPE_CHECKING:
    from flexprep.ui.shell.welcome import WelcomePage

WARM_UP_FALLBACK_MS = 500


class MainWindow(WindowTabs, WindowHelp, QMainWindow):
    """FlexPrep's window over one database; its menus call :class:`WorkbookCommands`."""

    act_restore: QAction
    undo_action: QAction
    redo_action: QAction

    def __init__(
        self, database: Database, settings: QSettings, lock: DatabaseLock | None = None
    ) -> None:
        super().__init__()
        self.database = database
        self.settings = settings
        #: The lock that keeps a second window off this database, released on closing.
        self.lock = lock
        self.service = WorkbookService(database.factory)
        self.signals = AppSignals(self)
        self.saver = Saver(self)
        self.undo_stack = UndoHistory(self)
        self.ctx = AppContext(self.service, self.signals, self.saver, self.undo_stack)
        self.workbook_id: int | None = None
        self._workbook_name = ""
        self.saver.workbook_of = lambda: (self.workbook_id, self._workbook_name)
        self._warmed_up = False
        self._loaded: set[int] = set()
        self.setObjectName("main_window")
        self.setWindowTitle("FlexPrep")
        self.setWindowIcon(app_icon())
        self.commands = WorkbookCommands(self, self.statusBar(), self, self.ctx, database.path)
        self.commands.folders = LastFolders(settings)
        self.finishing = FinishingExports(self, self.commands)

        self._make_tabs()

        self.stack = QStackedWidget()
        self._welcome: WelcomePage | None = None  # built when first shown
        self.stack.addWidget(self.tabs)
        central = QWidget()
        central.setObjectName("central")
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_toolbar()
        self._build_status_bar()
        self.safety = SafetyNet(
            self, self, self.statusBar(), self.save_label, database, self.service, self.saver
        )
        column.insertWidget(0, self.safety.read_only_banner)
        column.insertWidget(1, self.safety.notice)
        self._build_menus()
        if database.read_only:
            self.commands.set_read_only(True)
        self.saver.saved.connect(self._on_saved)
        self.saver.failed.connect(self._on_save_failed)
        self.signals.navigate.connect(self.navigate)
        self.signals.export_requested.connect(self.commands.export_document)
        self.signals.data_changed.connect(self._on_data_changed)
        # Another workbook (or the same one reloaded): earlier edits cannot be undone.
        self.signals.workbook_switched.connect(lambda _id: self.undo_stack.clear())
        self._restore()

    # -- building ---------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        bar = QToolBar("Workbook")
        bar.setObjectName("workbook_toolbar")
        bar.setMovable(False)
        label = QLabel("&Workbook: ")
        self.switcher = name(QComboBox(), "workbook_switcher", "Current workbook")
        self.switcher.setMinimumContentsLength(32)
        self.switcher.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        label.setBuddy(self.switcher)
        self.switcher.activated.connect(self._on_switcher)
        bar.addWidget(label)
        bar.addWidget(self.switcher)
        self.addToolBar(bar)

    def _build_status_bar(self) -> None:
        # After the export progress the commands put there: the save status comes last.
        self.undo_offer = UndoOffer(self.undo_stack)
        self.statusBar().addWidget(self.undo_offer)
        self.save_label = QLabel("Changes are saved as you type")
        self.save_label.setObjectName("save_status")
        self.statusBar().addPermanentWidget(self.save_label)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        menus.build_file_menu(self, bar.addMenu("&File"))
        menus.build_edit_menu(self, bar.addMenu("&Edit"))
        menus.build_view_menu(self, bar.addMenu("&View"))
        build_rehearsal_menu(self, bar.addMenu("&Rehearsal"))
        menus.build_help_menu(self, bar.addMenu("&Help"))

    @property
    def welcome(self) -> WelcomePage:
        """The page shown when no workbook is open (built the first time it is needed)."""
        if self._welcome is None:
            from flexprep.ui.shell.welcome import WelcomePage

            page = self._welcome = WelcomePage()
            page.new_button.clicked.connect(self.commands.new_workbook)
            page.sample_button.clicked.connect(self.commands.open_sample)
            for button in (page.new_button, page.sample_button):
                button.setEnabled(not self.database.read_only)
            self.stack.insertWidget(0, page)
            if self._warmed_up:
                decorate(page)
        return self._welcome

    @property
    def welcome_new(self) -> QPushButton:
        return self.welcome.new_button

    @property
    def welcome_sample(self) -> QPushButton:
        return self.welcome.sample_button

    def step_tab(self, step: int) -> None:
        if self.stack.currentWidget() is self.tabs:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    # -- workbooks --------------------------------------------------------------------

    def refresh_switcher(self) -> None:
        """Fill the workbook switcher from the database, keeping the current one."""
        books = self.service.list_workbooks()
        self.switcher.blockSignals(True)
        self.switcher.clear()
        for book in sorted(books, key=lambda b: b.name.casefold()):
            self.switcher.addItem(book.name, book.id)
        index = self.switcher.findData(self.workbook_id)
        self.switcher.setCurrentIndex(index)
        self.switcher.blockSignals(False)
        self.switcher.setEnabled(bool(books))

    @property
    def workbook_name(self) -> str:
        """The open workbook's name ("" on the welcome page)."""
        return self._workbook_name

    def switch_to(self, workbook_id: int | None) -> None:
        """Show the workbook ``workbook_id`` (None: the welcome page)."""
        self.saver.flush()
        self.workbook_id = workbook_id
        self._loaded.clear()
        self.refresh_switcher()
        if workbook_id is None:
            self._workbook_name = ""
            self.stack.setCurrentWidget(self.welcome)
            self.setWindowTitle("FlexPrep")
        else:
            book = self.service.workbook(workbook_id)
            self._workbook_name = book.name
            self.safety.noticed(book)
            self.stack.setCurrentWidget(self.tabs)
            self.setWindowTitle(f"{book.name} — FlexPrep")
            self.settings.setValue(self._last_key(), workbook_id)
            self._load_tab(self.tabs.currentIndex())
        self.commands.update_actions()
        self.signals.workbook_switched.emit(workbook_id if workbook_id is not None else -1)

    def reload_workbook(self) -> None:
        """Read the current workbook again (it changed outside the window) and show it."""
        if self.workbook_id is None:
            return
        try:
            book = self.service.workbook(self.workbook_id)
        except FlexPrepError:
            remaining = self.service.list_workbooks()
            self.switch_to(remaining[0].id if remaining else None)
            return
        self._workbook_name = book.name
        # Steps recorded against the old copy would act on data they never saw.
        self.undo_stack.clear()
        self.safety.noticed(book)
        self.refresh_switcher()
        self.setWindowTitle(f"{book.name} — FlexPrep")
        self._loaded.clear()
        self._load_tab(self.tabs.currentIndex())
        self.signals.workbook_switched.emit(self.workbook_id)

    @Slot(int)
    def _on_switcher(self, index: int) -> None:
        workbook_id = self.switcher.itemData(index)
        if workbook_id is not None and workbook_id != self.workbook_id:
            self.switch_to(int(workbook_id))

    @Slot(str)
    def _on_data_changed(self, part: str) -> None:
        if part == "workbook":
            self.refresh_switcher()
            if self.workbook_id is not None:
                self._workbook_name = self.service.workbook(self.workbook_id).name
                self.setWindowTitle(f"{self._workbook_name} — FlexPrep")
        # Other tabs reload what changed elsewhere when they are next shown.
        current = self.tabs.currentIndex()
        self._loaded.intersection_update({current})

    # -- saving status ----------------------------------------------------------------

    @Slot(datetime)
    def _on_saved(self, when: datetime) -> None:
        self.save_label.setText(f"All changes saved at {when:%H:%M:%S}")
        self.save_label.setToolTip("FlexPrep saves as you type; there is nothing to save.")

    @Slot(str)
    def _on_save_failed(self, message: str) -> None:
        self.save_label.setText(f"⚠ Not saved: {message} — your text is kept; retrying")
        self.save_label.setToolTip(message)

    # -- settings ---------------------------------------------------------------------

    def _last_key(self) -> str:
        return "last_workbook/" + str(self.database.path).replace("/", "|")

    def _restore(self) -> None:
        saved = self.settings.value("window/geometry")
        geometry.place(self, saved if isinstance(saved, QByteArray) else None)
        # The stubs type every setting as object; type=int makes it an int.
        tab = cast(int, self.settings.value("window/tab", 0, type=int))
        if 0 <= tab < self.tabs.count():
            self.tabs.blockSignals(True)
            self.tabs.setCurrentIndex(tab)
            self.tabs.blockSignals(False)
        books = self.service.list_workbooks()
        last = self.settings.value(self._last_key())
        ids = [b.id for b in books]
        chosen = int(last) if last is not None and int(last) in ids else (ids[0] if ids else None)
        self.switch_to(chosen)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt naming)
        super().paintEvent(event)
        self._warm_up_once()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt naming)
        super().showEvent(event)
        QTimer.singleShot(WARM_UP_FALLBACK_MS, self._warm_up_once)  # if no paint reaches us

    @Slot()
    def _warm_up_once(self) -> None:
        # The window paints first; the ORM models load aside before any edit needs them.
        if not self._warmed_up:
            self._warmed_up = True
            QThreadPool.globalInstance().start(warm_up)
            self.safety.start()  # the change poll and today's backup
            QTimer.singleShot(0, lambda: decorate(self))  # icons, after the first paint

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt naming)
        # A document being written is finished first, with a word on screen.
        if self.finishing.running():
            self.finishing.close_when_done()
            event.ignore()
            return
        # Closing never throws typed text away: what cannot be saved goes to a file.
        if not save_or_keep(self, self.saver, self.safety):
            event.ignore()
            return
        self.saver.shutdown()
        self.safety.close()
        if self.lock is not None:
            self.lock.release()
        self.commands.finish_exports()
        QThreadPool.globalInstance().waitForDone(5000)
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.sync()
        event.accept()
