"""Dialogs for workbooks: new, and the small questions the window asks."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from flexprep.core import content, vocab
from flexprep.ui.widgets.common import muted_label, name


class NewWorkbookDialog(QDialog):
    """Asks for a workbook's name, scenario and (optionally) the manager's name."""

    def __init__(self, parent: QWidget | None = None, suggested: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("New workbook")
        self.setObjectName("new_workbook_dialog")
        layout = QVBoxLayout(self)
        layout.addWidget(
            muted_label(
                "One workbook for one conversation. It starts with drafts for the scenario you "
                "choose: likely objections, starter asks and alternatives, marked as drafts for "
                "you to rewrite or delete."
            )
        )
        form = QFormLayout()
        self.name_edit = name(QLineEdit(suggested), "new_name", "Workbook name")
        self.name_edit.setPlaceholderText("e.g. Tue/Thu at home for the MBA")
        self.scenario_combo = name(QComboBox(), "new_scenario", "Scenario")
        for key, label in vocab.SCENARIOS.items():
            self.scenario_combo.addItem(label, key)
        self.manager_edit = name(QLineEdit(), "new_manager", "Manager's name")
        self.manager_edit.setPlaceholderText("optional")
        self.description = muted_label("")
        form.addRow("&Name:", self.name_edit)
        form.addRow("&Scenario:", self.scenario_combo)
        form.addRow("", self.description)
        form.addRow("&Manager:", self.manager_edit)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("new_error")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Create")
        layout.addWidget(buttons)
        self.scenario_combo.currentIndexChanged.connect(self._describe)
        self.name_edit.textChanged.connect(self._validate)
        self._describe()
        self._validate()
        self.resize(460, self.sizeHint().height())

    def _describe(self) -> None:
        key = self.scenario_combo.currentData()
        self.description.setText(content.scenario(key).get("description", ""))

    def _validate(self) -> None:
        self.ok_button.setEnabled(bool(self.name_edit.text().strip()))

    def values(self) -> tuple[str, str, str]:
        """(name, scenario key, manager)."""
        return (
            self.name_edit.text().strip(),
            self.scenario_combo.currentData(),
            self.manager_edit.text().strip(),
        )

    @classmethod
    def get(cls, parent: QWidget | None, suggested: str = "") -> tuple[str, str, str] | None:
        """Run the dialog; the values, or None when cancelled."""
        dialog = cls(parent, suggested)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.values()
