"""The page shown when no workbook is open: what FlexPrep is, and how to begin."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from flexprep.ui.widgets.common import heading_label, muted_label, name

#: The widest the welcome text grows: lines stay easy to read on a wide screen.
MAX_TEXT_WIDTH = 720


class WelcomePage(QWidget):
    """Two ways to begin; the text takes the width it has, up to a readable measure."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        column = QWidget()
        column.setObjectName("welcome_column")
        column.setMaximumWidth(MAX_TEXT_WIDTH)
        layout = QVBoxLayout(column)
        layout.setSpacing(12)
        layout.addStretch(1)
        layout.addWidget(heading_label("Prepare to ask for flexible work"))
        self.intro = muted_label(
            "FlexPrep keeps everything on this computer. Start a workbook for the "
            "conversation you are preparing, or look around a filled-in sample first."
        )
        self.intro.setObjectName("welcome_intro")
        layout.addWidget(self.intro)
        steps = QLabel(
            "<ol style='margin-left: 0'>"
            "<li>Say what you want and why, and what your manager cares about.</li>"
            "<li>Sort your asks into must-haves and nice-to-haves, each with a fallback.</li>"
            "<li>Rehearse the objections you expect, out loud.</li>"
            "<li>Gather endorsements and evidence, and plan a trial.</li>"
            "<li>Export a private brief for you and a proposal for your manager.</li>"
            "</ol>"
        )
        steps.setObjectName("welcome_steps")
        steps.setWordWrap(True)
        layout.addWidget(steps)
        self.new_button = name(
            QPushButton("&Start a new workbook…"), "welcome_new", "Start a new workbook"
        )
        self.sample_button = name(
            QPushButton("Open the s&ample workbook"), "welcome_sample", "Open the sample workbook"
        )
        buttons = QHBoxLayout()
        for button in (self.new_button, self.sample_button):
            button.setMinimumHeight(36)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(muted_label("Press F1 at any time for the guide."))
        layout.addStretch(2)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(column, 8)
        outer.addStretch(1)
