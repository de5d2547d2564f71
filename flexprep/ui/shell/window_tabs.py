"""The window's six tabs: built when first shown or asked for, loaded when first shown.

Mixed into :class:`~flexprep.ui.shell.window.MainWindow`, which sets up the attributes
named below; :meth:`WindowTabs._make_tabs` makes the tab widget with a stand-in page
per tab and the "Help on this tab" link in its corner.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt, Slot
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QWidget

from flexprep.ui.shell.autosave import Saver
from flexprep.ui.shell.context import AppContext
from flexprep.ui.shell.icons import decorate
from flexprep.ui.widgets.common import name
from flexprep.ui.widgets.tab import WorkbookTab

#: The six tabs, in order: key, title, and where the class lives. A tab's module is
#: imported and the tab built when it is first shown (or asked for), so the window
#: paints quickly and only pays for the tabs the user opens.
TAB_SPECS: tuple[tuple[str, str, str], ...] = (
    ("assessment", "Self-assessment", "flexprep.ui.assessment.tab:SelfAssessmentTab"),
    ("asks", "Must-haves & nice-to-haves", "flexprep.ui.asks.tab:AsksTab"),
    ("objections", "Objection rehearsal", "flexprep.ui.objections.tab:ObjectionRehearsalTab"),
    ("evidence", "Endorsements & evidence", "flexprep.ui.evidence.tab:EvidenceTab"),
    ("plan", "Plan & trial", "flexprep.ui.plan.tab:PlanTab"),
    ("meeting", "Meeting & follow-up", "flexprep.ui.meeting.tab:MeetingTab"),
)
TAB_KEYS = tuple(key for key, _title, _where in TAB_SPECS)


class _TabPages(dict[str, WorkbookTab]):
    """The tabs by key; a tab not built yet is built when asked for."""

    def __init__(self, build: Callable[[str], WorkbookTab]) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, key: str) -> WorkbookTab:
        return self._build(key)


class WindowTabs(QMainWindow):
    """Building, loading, showing and navigating the tabs."""

    ctx: AppContext
    saver: Saver
    settings: QSettings
    workbook_id: int | None
    _warmed_up: bool
    _loaded: set[int]

    # The window's own method:
    show_guide: Callable[..., None]

    def _make_tabs(self) -> None:
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        self.tab_pages = _TabPages(self._build_tab)
        for key, title, _where in TAB_SPECS:
            stand_in = QWidget()  # replaced by the real tab when it is first shown
            stand_in.setObjectName(f"{key}_unbuilt")
            self.tabs.addTab(stand_in, title.replace("&", "&&"))
        self.tabs.currentChanged.connect(self._on_tab_changed)
        help_link = name(QLabel("<a href='#'>Help on this tab</a>"), "tab_help", "Help on this tab")
        help_link.setContentsMargins(0, 0, 8, 0)
        help_link.setToolTip("The guide, open at this tab's section (F1)")
        help_link.linkActivated.connect(lambda _link: self.show_guide())
        self.tabs.setCornerWidget(help_link, Qt.Corner.TopRightCorner)

    def show_first_tab(self) -> None:
        self.tabs.setCurrentIndex(0)

    def _build_tab(self, key: str) -> WorkbookTab:
        index = TAB_KEYS.index(key)
        _key, title, where = TAB_SPECS[index]
        module, _, name = where.partition(":")
        tab: WorkbookTab = getattr(importlib.import_module(module), name)(self.ctx)
        self.tab_pages[key] = tab
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        stand_in = self.tabs.widget(index)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, tab, title.replace("&", "&&"))
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        if stand_in is not None:
            stand_in.deleteLater()
        if self._warmed_up:
            decorate(tab)  # its list buttons' icons (the first tab's come after first paint)
        # A page built late joins the end of the focus chain: put it back after the tab bar.
        QWidget.setTabOrder(self.tabs.tabBar(), tab)
        self._loaded.discard(index)
        return tab

    def build_all_tabs(self) -> None:
        """Build every tab not built yet (each loads its workbook when first shown)."""
        for key in TAB_KEYS:
            self.tab_pages[key]  # noqa: B018 - asking builds it

    def current_tab_key(self) -> str:
        return TAB_KEYS[self.tabs.currentIndex()]

    def current_tab(self) -> WorkbookTab:
        return self.tab_pages[self.current_tab_key()]

    def _load_tab(self, index: int) -> None:
        # Tabs are built and load their workbook when first shown: start-up stays quick.
        if index < 0 or index in self._loaded:
            return
        tab = self.tab_pages[TAB_KEYS[index]]
        self._loaded.add(index)
        tab.set_workbook(self.workbook_id)

    @Slot(int)
    def _on_tab_changed(self, index: int) -> None:
        self.saver.save_soon()  # not flush(): a locked database must not freeze a tab change
        self._load_tab(index)
        self.settings.setValue("window/tab", index)

    @Slot(str, str)
    def navigate(self, tab_key: str, anchor: str) -> None:
        """Go to ``tab_key`` and let it put the focus on ``anchor``."""
        tab = self.tab_pages[tab_key]
        self.tabs.setCurrentWidget(tab)
        tab.focus_anchor(anchor)
