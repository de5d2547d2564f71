"""Check before it leaves: what a manager-facing document will share, and what to fix.

Before a proposal, follow-up, letter or appeal is written, the window shows what it
will carry and flags what the user would want to know first (docs/design.md,
"Documents"): draft asks, which are left out unless the user includes them; which
alternatives go in (a phased start's or asynchronous work's written line) and which
stay in the brief; metrics that got worse; a missing sender, addressee or title.
:func:`findings` is plain Python (tested without a window); :class:`ShareCheckDialog`
shows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from flexprep.core import vocab
from flexprep.ui.widgets.common import name

WARNING, NOTE = "warning", "note"


@dataclass(frozen=True)
class Finding:
    """One thing to know before sending: ``level`` is :data:`WARNING` or :data:`NOTE`."""

    key: str
    level: str
    text: str


@dataclass(frozen=True)
class ShareCheck:
    """What a document will share (one line each) and what to know before sending."""

    shared: list[str]
    findings: list[Finding]
    draft_asks: int


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _shared(kind: str, view: dict[str, Any]) -> list[str]:
    from flexprep.reports.text import clean

    asks = [ask for ask in view["asks"] if clean(ask["title"])]
    lines = [_plural(len(asks), "ask", "asks")] if asks else []
    if kind == "proposal":
        if view["offers"]:
            lines.append(_plural(len(view["offers"]), "offer", "offers") + " in return")
        if clean(view["self_assessment"].get("business_case", "")):
            lines.append("your business case")
        if view["evidence"]:
            lines.append(_plural(len(view["evidence"]), "evidence item", "evidence items"))
        if view["endorsements"]:
            lines.append(
                _plural(
                    len(view["endorsements"]), "shareable endorsement", "shareable endorsements"
                )
            )
        if view["plan"]["schedule"]:
            lines.append(
                "your weekly pattern"
                + (", now and proposed" if view["plan"]["current_schedule"] else "")
            )
        if view["plan"]["success_measures"] or view["plan"]["trial_weeks"]:
            lines.append("the trial and how it is judged")
    elif kind == "followup":
        lines.append(f"the outcome ({vocab.OUTCOMES[view['meeting']['outcome']].lower()})")
        from flexprep.reports.sections import later_steps

        steps = later_steps(view)
        if steps:
            lines.append(_plural(len(steps), "next step", "next steps"))
    elif kind == "review":  # the trial review: results, decision, ticked log entries only
        shared = [entry for entry in view["trial_log"] if entry["shareable"]]
        lines = ["the results per success measure, the decision and the next review"]
        lines.append(
            _plural(len(shared), "trial-log entry you ticked", "trial-log entries you ticked")
        )
    else:
        lines.append("your formal request")
    return lines


def _unconfirmed_alternatives(full: dict[str, Any]) -> Finding | None:
    """The appeal offers the plan's alternatives: flag them when they are still exactly
    what the scenario ticked for a new workbook (never looked at since)."""
    from flexprep.core import content

    chosen = full["plan"]["alternatives"]
    suggested = content.scenario(full["scenario"] or "other").get("alternatives", [])
    if not chosen or set(chosen) != set(suggested):
        return None
    listed = ", ".join(vocab.ALTERNATIVES.get(key, key).lower() for key in chosen)
    return Finding(
        "suggested",
        WARNING,
        f"The alternatives it offers ({listed}) are the ones suggested for a new "
        "workbook and were never changed: check in the Plan tab that you would take them.",
    )


def _alternatives_note(plan: dict[str, Any]) -> Finding:
    """Which ticked alternatives the proposal carries: a phased start's steps and the
    rules for asynchronous work, when a line was written for them (they describe how
    the asked-for pattern runs); the others stay in the brief."""
    from flexprep.reports.plan_extras import IN_PROPOSAL, detail

    ticked = plan["alternatives"]
    shown = [key for key in ticked if key in IN_PROPOSAL and detail(plan, key)]
    kept = [key for key in ticked if key not in shown]
    lines = " and ".join(f"{vocab.ALTERNATIVES[key].lower()} line" for key in shown)
    names = ", ".join(vocab.ALTERNATIVES.get(key, key).lower() for key in kept)
    if not shown:
        text = "Your alternatives stay in your brief: the proposal asks for one thing."
        unwritten = [key for key in kept if key in IN_PROPOSAL]
        if unwritten:
            text += (
                " Write a line of detail for "
                + " or ".join(vocab.ALTERNATIVES[key].lower() for key in unwritten)
                + " in the Plan tab and it goes in, under how you would work day to day."
            )
    elif not kept:
        text = (
            f"Your {lines} {'goes' if len(shown) == 1 else 'go'} in the proposal, "
            "under how you would work day to day."
        )
    else:
        text = (
            f"Your {lines} {'goes' if len(shown) == 1 else 'go'} in the proposal, under how "
            f"you would work day to day; the other alternatives ({names}) stay in your brief."
        )
    return Finding("alternatives", NOTE, text)


def findings(wb: dict[str, Any], kind: str) -> ShareCheck:
    """What the ``kind`` document for ``wb`` (the ``workbook`` object) will share, and
    the findings to show before it is written."""
    from flexprep.reports import drafts, model, people, sections
    from flexprep.reports.privacy import manager_view
    from flexprep.reports.text import one_line

    full = model.normalise(wb)
    view = manager_view(drafts.without_drafts(wb), kind)
    found: list[Finding] = []
    count = drafts.draft_asks(wb)
    if count:
        found.append(
            Finding(
                "drafts",
                WARNING,
                _plural(count, "ask is", "asks are")
                + " still a draft (a suggestion not yet in your words): left "
                "out unless you include them below.",
            )
        )
    if not people.sender_name(full):
        found.append(
            Finding(
                "sender", WARNING, "No name in Who I am: the document will not say who it is from."
            )
        )
    if not one_line(full["manager"]):
        found.append(
            Finding(
                "addressee",
                WARNING,
                "No manager's name: the document is addressed to no one in particular.",
            )
        )
    if not one_line(full["proposal_title"]):
        found.append(
            Finding(
                "title",
                NOTE,
                f"No proposal title: the document is titled \u201c{people.NEUTRAL_TITLE}\u201d.",
            )
        )
    if kind == "proposal":
        for item in full["evidence"]:
            if sections.got_worse(item):
                title = one_line(item["title"]) or "A metric"
                found.append(
                    Finding(
                        "worse",
                        WARNING,
                        f"\u201c{title}\u201d got worse: "
                        "the proposal shows it as it is. Explain it, or take "
                        "it out of the evidence.",
                    )
                )
        if full["plan"]["alternatives"]:
            found.append(_alternatives_note(full["plan"]))
        private = sum(1 for item in full["endorsements"] if not item["shareable"])
        if private:
            found.append(
                Finding(
                    "private",
                    NOTE,
                    _plural(private, "endorsement is", "endorsements are")
                    + " not marked shareable: "
                    + ("it stays" if private == 1 else "they stay")
                    + " out.",
                )
            )
    if kind == "appeal":
        unconfirmed = _unconfirmed_alternatives(full)
        if unconfirmed is not None:
            found.append(unconfirmed)
    return ShareCheck(_shared(kind, view), found, count)


class ShareCheckDialog(QDialog):
    """Shows :func:`findings` for one export; ``include_drafts`` is the user's choice.

    ``check`` is the :class:`ShareCheck` already worked out off the GUI thread
    (computed from ``wb`` when not given).
    """

    def __init__(
        self,
        wb: dict[str, Any],
        kind: str,
        parent: QWidget | None = None,
        *,
        check: ShareCheck | None = None,
    ) -> None:
        super().__init__(parent)
        label = vocab.DOCUMENTS.get(kind, kind)
        self.setWindowTitle(f"Before you export: {label}")
        self.setObjectName("share_check_dialog")
        self.check = check if check is not None else findings(wb, kind)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>What the {label.lower()} will share</b>")
        layout.addWidget(heading)
        shared = "\n".join(f"\u2022 {line}" for line in self.check.shared) or "\u2022 nothing yet"
        self.shared_label = name(
            QLabel(shared), "share_check_shared", "What the document will share"
        )
        self.shared_label.setTextFormat(Qt.TextFormat.PlainText)
        self.shared_label.setWordWrap(True)
        layout.addWidget(self.shared_label)
        self.finding_labels: list[QLabel] = []
        if self.check.findings:
            layout.addWidget(QLabel("<b>Before you send it</b>"))
        for finding in self.check.findings:
            mark = "\u26a0" if finding.level == WARNING else "\u2139"
            item = name(
                QLabel(f"{mark}  {finding.text}"), f"share_check_{finding.key}", finding.text
            )
            item.setWordWrap(True)
            layout.addWidget(item)
            self.finding_labels.append(item)
        self.drafts_box = name(
            QCheckBox(f"Include the {_plural(self.check.draft_asks, 'draft ask', 'draft asks')}"),
            "share_check_include_drafts",
            "Include draft asks",
        )
        self.drafts_box.setVisible(bool(self.check.draft_asks))
        layout.addWidget(self.drafts_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Export\u2026")
        name(self.ok_button, "share_check_export", "Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())

    @property
    def include_drafts(self) -> bool:
        """Whether the user chose to keep the draft asks."""
        return self.drafts_box.isChecked()

    @classmethod
    def ask(
        cls,
        wb: dict[str, Any],
        kind: str,
        parent: QWidget | None = None,
        *,
        check: ShareCheck | None = None,
    ) -> bool | None:
        """Run the dialog: None when cancelled, else whether to include draft asks."""
        dialog = cls(wb, kind, parent, check=check)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.include_drafts
