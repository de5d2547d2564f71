"""The formal request letter per jurisdiction: what it must contain, and nothing private."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest
from law_workbooks import JURISDICTIONS, TODAY, complete
from reports_fixtures import PRIVATE_MARKERS, docx_text, docx_xml, marked_workbook

from flexprep.core import law
from flexprep.reports.documents import write_document


def letter(wb: dict[str, Any], folder: Path, name: str = "letter") -> str:
    return docx_text(write_document(wb, "letter", folder / f"{name}.docx", today=TODAY))


@pytest.fixture(scope="module")
def letters(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("letters")
    return {key: letter(complete(key), folder, key) for key in JURISDICTIONS}


#: What every complete letter carries: who to and from, the date, the change asked for
#: (only the asks marked for the request), the pattern now and proposed, the start.
COMMON = [
    "Dear Dana,",
    "Priya Shah, Pricing analyst, Commercial Finance, Northwind Foods Ltd",
    "Dana Okafor, Head of Commercial Finance",
    "4 December 2026",
    "Work from home Tue and Thu \u2014 Core hours 10-15 online.",
    "Office, 09:00\u201317:30",
    "Remote, 08:00\u201316:30",
    "Signature: ____",
]
#: What each jurisdiction's law asks for, in the letter's words.
REQUIRED = {
    "gb": [
        "Statutory flexible working request",
        "This is a statutory request for flexible working.",
        "section 80F of the Employment Rights Act 1996",
        "start on 11 January 2027",
        "I have not made a statutory flexible working request to Northwind Foods Ltd before.",
        "by 3 February 2027",
        "Law as of 30 November 2026 \u00b7 Employment Rights Act 1996, section 80F",
        "I am asking to change my hours, my times of work or where I work",
    ],
    "ni": [
        "Statutory flexible working application",
        "Article 112F of the Employment Rights (Northern Ireland) Order 1996",
        "start on 11 January 2027",
        "The effect on the business and how it could be dealt with",
        "Ravi covers urgent tickets on Friday afternoons.",
        "within 28 days",
        "by 15 January 2027 at the latest",
        "Law as of 30 November 2026",
    ],
    "ie": [
        "Request for a remote working arrangement",
        "section 20 of the Work Life Balance and Miscellaneous Provisions Act 2023",
        "WRC Code of Practice",
        "start on 1 February 2027",
        "ending on 9 July 2027",
        "My home office in Galway",
        "I do my analysis work best without the commute.",
        "by 1 January 2027",
        "Law as of 30 November 2026",
    ],
    "au": [
        "Request for flexible working arrangements",
        "section 65 of the Fair Work Act 2009",
        "I am the parent of, or have responsibility for the care of, a child of school age",
        "I collect my daughter from school",
        "within 21 days",
        "by 25 December 2026",
        "Law as of 30 November 2026",
    ],
    "nz": [
        "Part 6AA of the Employment Relations Act 2000",
        "Priya Shah",
        "I am asking for a permanent change",
        "start on 11 January 2027",
        "Changes you may need to make",
        "by 4 January 2027",
        "Law as of 30 November 2026",
    ],
    "other": [
        "Flexible working request",
        "formal request for a change to my working arrangements",
        "start on 11 January 2027",
        "ending on 9 July 2027",
    ],
}


@pytest.mark.parametrize("key", JURISDICTIONS)
def test_a_complete_letter_carries_what_its_law_requires(letters: dict[str, str], key: str) -> None:
    text = letters[key]
    for expected in COMMON + REQUIRED[key]:
        assert expected in text, (key, expected)
    assert "Draft, not ready to send" not in text
    # Only the asks in the request: not moving Fridays (not marked), not the draft.
    assert "Leave at 13:00 on Fridays" not in text
    assert "Study budget" not in text
    rules = law.rules(key)
    if rules.statutory:
        assert (
            rules.for_circumstance(complete(key)["request"]["circumstance"]).statute.title.split(
                " ("
            )[0]
            in text
        )


def test_other_claims_no_statute(letters: dict[str, str]) -> None:
    text = letters["other"]
    for word in ("statutory", "Act ", "section", "Law as of", "law"):
        assert word not in text, word


def test_only_great_britain_and_northern_ireland_restrict_the_change(
    letters: dict[str, str],
) -> None:
    for key in ("ie", "au", "nz", "other"):
        assert "I am asking for the following change to my working arrangements" in letters[key]


def test_the_trial_beyond_the_deadline_proposes_a_written_extension(
    letters: dict[str, str],
) -> None:
    assert (
        "The trial would end on 7 March 2027, after the date by which the law asks for your "
        "decision (3 February 2027). I therefore propose that we agree in writing to extend "
        "the decision period to 8 March 2027"
    ) in letters["gb"]
    # Australia's Act has no extension: the written response agrees to the trial instead.
    assert "I propose that your written response agree to the trial" in letters["au"]
    assert "extend the decision period" not in letters["other"]


def test_no_extension_when_the_trial_ends_in_time(tmp_path: Path) -> None:
    wb = complete("gb")
    wb["plan"].update(trial_start="2026-12-07", trial_weeks=4, review_date="2027-01-04")
    text = letter(wb, tmp_path)
    assert "4 weeks, from 7 December 2026 to 3 January 2027" in text
    assert "extend the decision period" not in text


def test_earlier_requests_dates_and_reasonable_adjustment(tmp_path: Path) -> None:
    wb = complete("gb")
    wb["request"].update(previous_requests=["2026-03-03"], adjustment=True, permanent=True)
    text = letter(wb, tmp_path)
    assert (
        "I made an earlier statutory flexible working request to Northwind Foods Ltd on "
        "3 March 2026."
    ) in text
    assert "consider it as a reasonable adjustment" in text
    assert "I am asking for a permanent change" in text


def test_ireland_caring_request_cites_the_parental_leave_act(tmp_path: Path) -> None:
    wb = complete("ie")
    wb["request"].update(circumstance="carer", location="")
    text = letter(wb, tmp_path)
    assert "Request for a flexible working arrangement for caring purposes" in text
    assert "section 13B of the Parental Leave Act 1998" in text
    assert "personal care or support" in text
    assert "section 20" not in text


def test_an_incomplete_letter_says_so_at_the_top(tmp_path: Path) -> None:
    wb = complete("gb")
    wb["request"].update(proposed_start=None, previous_requests=None)
    path = write_document(wb, "letter", tmp_path / "l.docx", today=TODAY)
    document = docx.Document(str(path))
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert texts[0] == "Statutory flexible working request"
    assert (
        "Draft, not ready to send: before sending, add proposed start date; earlier "
        'requests (say "none" if there were none).'
    ) in texts[:4]
    assert "DRAFT" in document.sections[0].header.paragraphs[0].text
    text = docx_text(path)
    assert "start on" not in text  # never a start date the user did not give
    assert "I have not made" not in text  # never "none" for an unanswered question


def test_without_a_jurisdiction_the_draft_claims_no_statute(tmp_path: Path) -> None:
    wb = complete("gb")
    wb["request"]["jurisdiction"] = None
    text = letter(wb, tmp_path)
    assert text.startswith("Flexible working request")
    assert "where you work (which law the request is made under)" in text
    assert "statutory" not in text.lower().replace("not ready", "")


def test_the_law_line_is_small_and_last(tmp_path: Path) -> None:
    path = write_document(complete("gb"), "letter", tmp_path / "l.docx", today=TODAY)
    last = docx.Document(str(path)).paragraphs[-1]
    runs = [run for run in last.runs if "Law as of" in run.text]
    assert runs and runs[0].font.size.pt < 10 and runs[0].italic
    assert last.paragraph_format.keep_together  # never split from the signature


def test_the_letter_is_dated_the_day_it_is_sent(tmp_path: Path) -> None:
    wb = complete("gb")
    wb["request"]["sent_on"] = None
    text = letter(wb, tmp_path)
    assert "30 November 2026" in text  # today, as no sending date is set
    assert "by 29 January 2027" in text  # the clock from that day


@pytest.mark.parametrize("key", JURISDICTIONS)
def test_no_private_material_in_any_letter(tmp_path: Path, key: str) -> None:
    wb = marked_workbook()
    wb["request"] = complete(key)["request"]
    path = write_document(wb, "letter", tmp_path / "l.docx", today=TODAY)
    text, xml = docx_text(path).lower(), docx_xml(path).lower()
    for marker in PRIVATE_MARKERS.values():
        assert marker not in text and marker not in xml, (key, marker)
