"""Schema versions, each frozen as the SQL it runs (docs/design.md, "Database").

Step *n* brings a database from schema version n-1 to n. A new database is built by
the same steps an old one goes through, so a step never meets a table made from
today's models. Released steps never change; a schema change is a new step, and a
test checks that the result of all steps matches the ORM models.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection

#: Schema 1 (FlexPrep 0.1), as SQLAlchemy created it from the models of that release.
V1 = """
CREATE TABLE workbook (
    id INTEGER NOT NULL,
    name TEXT NOT NULL,
    scenario VARCHAR(32) NOT NULL,
    manager TEXT NOT NULL,
    notes TEXT NOT NULL,
    walk_away TEXT NOT NULL,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (name)
);
CREATE TABLE answer (
    id INTEGER NOT NULL,
    workbook_id INTEGER NOT NULL,
    "key" VARCHAR(32) NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (workbook_id, "key"),
    FOREIGN KEY(workbook_id) REFERENCES workbook (id) ON DELETE CASCADE
);
CREATE TABLE ask (
    id INTEGER NOT NULL,
    workbook_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    details TEXT NOT NULL,
    priority VARCHAR(8) NOT NULL,
    fallback TEXT NOT NULL,
    importance INTEGER NOT NULL,
    resistance INTEGER NOT NULL,
    draft BOOLEAN NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_importance_1_5 CHECK (importance BETWEEN 1 AND 5),
    CONSTRAINT ck_resistance_1_5 CHECK (resistance BETWEEN 1 AND 5),
    FOREIGN KEY(workbook_id) REFERENCES workbook (id) ON DELETE CASCADE
);
CREATE INDEX ix_ask_workbook_id ON ask (workbook_id);
CREATE TABLE offer (
    id INTEGER NOT NULL,
    workbook_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    details TEXT NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(workbook_id) REFERENCES workbook (id) ON DELETE CASCADE
);
CREATE INDEX ix_offer_workbook_id ON offer (workbook_id);
CREATE TABLE objection (
    id INTEGER NOT NULL,
    workbook_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    theme VARCHAR(16) NOT NULL,
    likelihood INTEGER NOT NULL,
    response TEXT NOT NULL,
    origin VARCHAR(8) NOT NULL,
    library_key VARCHAR(64),
    draft BOOLEAN NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_likelihood_1_5 CHECK (likelihood BETWEEN 1 AND 5),
    FOREIGN KEY(workbook_id) REFERENCES workbook (id) ON DELETE CASCADE
);
CREATE INDEX ix_objection_workbook_id ON objection (workbook_id);
CREATE TABLE endorsement (
    id INTEGER NOT NULL,
    workbook_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    author TEXT NOT NULL,
    relationship VARCHAR(16) NOT NULL,
    date DATE,
    quote TEXT NOT NULL,
    speaks_to JSON NOT NULL,
    shareable BOOLEAN NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(workbook_id) REFERENCES workbook (id) ON DELETE CASCADE
);
CREATE INDEX ix_endorsement_workbook_id ON endorsement (workbook_id);
CREATE TABLE evidence (
    id INTEGER NOT NULL,
    workbook_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    kind VARCHAR(16) NOT NULL,
    title TEXT NOT NULL,
    details TEXT NOT NULL,
    source TEXT NOT NULL,
    unit TEXT NOT NULL,
    "before" FLOAT,
    before_label TEXT NOT NULL,
    "after" FLOAT,
    after_label TEXT NOT NULL,
    higher_is_better BOOLEAN NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(workbook_id) REFERENCES workbook (id) ON DELETE CASCADE
);
CREATE INDEX ix_evidence_workbook_id ON evidence (workbook_id);
CREATE TABLE "plan" (
    workbook_id INTEGER NOT NULL,
    schedule JSON NOT NULL,
    trial_weeks INTEGER,
    trial_start DATE,
    checkin VARCHAR(16),
    success_measures JSON NOT NULL,
    coverage TEXT NOT NULL,
    communication TEXT NOT NULL,
    core_hours TEXT NOT NULL,
    response_time TEXT NOT NULL,
    escalation TEXT NOT NULL,
    alternatives JSON NOT NULL,
    review_date DATE,
    PRIMARY KEY (workbook_id),
    FOREIGN KEY(workbook_id) REFERENCES workbook (id) ON DELETE CASCADE
);
CREATE TABLE meeting (
    workbook_id INTEGER NOT NULL,
    at DATETIME,
    timing_notes TEXT NOT NULL,
    timing_checks JSON NOT NULL,
    talking_points JSON NOT NULL,
    notes TEXT NOT NULL,
    outcome VARCHAR(16) NOT NULL,
    next_steps JSON NOT NULL,
    PRIMARY KEY (workbook_id),
    FOREIGN KEY(workbook_id) REFERENCES workbook (id) ON DELETE CASCADE
);
CREATE TABLE trial_log (
    id INTEGER NOT NULL,
    workbook_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    date DATE,
    text TEXT NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(workbook_id) REFERENCES workbook (id) ON DELETE CASCADE
);
CREATE INDEX ix_trial_log_workbook_id ON trial_log (workbook_id);
CREATE TABLE formal_request (
    workbook_id INTEGER NOT NULL,
    proposed_start DATE,
    previous_request DATE,
    PRIMARY KEY (workbook_id),
    FOREIGN KEY(workbook_id) REFERENCES workbook (id) ON DELETE CASCADE
);
CREATE TABLE objection_evidence (
    objection_id INTEGER NOT NULL,
    evidence_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (objection_id, evidence_id),
    FOREIGN KEY(objection_id) REFERENCES objection (id) ON DELETE CASCADE,
    FOREIGN KEY(evidence_id) REFERENCES evidence (id) ON DELETE CASCADE
);
CREATE TABLE rehearsal (
    id INTEGER NOT NULL,
    objection_id INTEGER NOT NULL,
    at DATETIME NOT NULL,
    confidence INTEGER NOT NULL,
    seconds INTEGER NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_confidence_1_5 CHECK (confidence BETWEEN 1 AND 5),
    CONSTRAINT ck_seconds CHECK (seconds >= 0),
    FOREIGN KEY(objection_id) REFERENCES objection (id) ON DELETE CASCADE
);
CREATE INDEX ix_rehearsal_objection_id ON rehearsal (objection_id);
"""


def _run(script: str) -> Callable[[Connection], None]:
    def step(connection: Connection) -> None:
        for statement in script.split(";\n"):
            if statement.strip():
                connection.exec_driver_sql(statement)

    return step


#: Schema 2 (FlexPrep 0.2): who the user is, the proposal title, per-ask outcomes, the
#: current pattern, next steps with owners and dates, the refusal, and the formal
#: request per jurisdiction. A 0.1 file is backed up first and marked with FlexPrep's
#: ``application_id`` (every step sets it). Its letter was a GB statutory request, so
#: its request says so; its one earlier-request date becomes a one-date list.
V2 = """
ALTER TABLE workbook ADD COLUMN manager_role TEXT NOT NULL DEFAULT '';
ALTER TABLE workbook ADD COLUMN proposal_title TEXT NOT NULL DEFAULT '';
ALTER TABLE ask ADD COLUMN in_request BOOLEAN NOT NULL DEFAULT 0;
ALTER TABLE ask ADD COLUMN outcome VARCHAR(16) NOT NULL DEFAULT 'open';
ALTER TABLE ask ADD COLUMN outcome_note TEXT NOT NULL DEFAULT '';
ALTER TABLE "plan" ADD COLUMN current_schedule JSON NOT NULL DEFAULT '{}';
ALTER TABLE meeting ADD COLUMN refusal JSON;
UPDATE meeting SET next_steps = (
    SELECT json_group_array(json_object('text', value, 'owner', '', 'due', NULL))
    FROM json_each(meeting.next_steps)
);
ALTER TABLE formal_request ADD COLUMN jurisdiction VARCHAR(8);
ALTER TABLE formal_request ADD COLUMN sent_on DATE;
ALTER TABLE formal_request ADD COLUMN previous_requests JSON;
ALTER TABLE formal_request ADD COLUMN permanent BOOLEAN;
ALTER TABLE formal_request ADD COLUMN end_date DATE;
ALTER TABLE formal_request ADD COLUMN reason TEXT NOT NULL DEFAULT '';
ALTER TABLE formal_request ADD COLUMN adjustment BOOLEAN NOT NULL DEFAULT 0;
ALTER TABLE formal_request ADD COLUMN circumstance VARCHAR(32);
ALTER TABLE formal_request ADD COLUMN location TEXT NOT NULL DEFAULT '';
UPDATE formal_request SET jurisdiction = 'gb', previous_requests = CASE
    WHEN previous_request IS NULL THEN NULL ELSE json_array(previous_request) END;
ALTER TABLE formal_request DROP COLUMN previous_request;
CREATE TABLE about (
    workbook_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    team TEXT NOT NULL,
    employer TEXT NOT NULL,
    email TEXT NOT NULL,
    employed_since DATE,
    PRIMARY KEY (workbook_id),
    FOREIGN KEY(workbook_id) REFERENCES workbook (id) ON DELETE CASCADE
);
INSERT INTO about (workbook_id, name, role, team, employer, email)
    SELECT id, '', '', '', '', '' FROM workbook;
"""

#: Schema 3 (FlexPrep 0.3): the living agreement. The plan gains deliverables, async
#: guidelines, a time zone and a line of detail per alternative; trial-log entries can
#: be shared with the manager (none is, until the user says so); the trial review is a
#: new one-per-workbook table, made when first written.
V3 = """
ALTER TABLE "plan" ADD COLUMN deliverables JSON NOT NULL DEFAULT '[]';
ALTER TABLE "plan" ADD COLUMN async_guidelines TEXT NOT NULL DEFAULT '';
ALTER TABLE "plan" ADD COLUMN time_zone TEXT NOT NULL DEFAULT '';
ALTER TABLE "plan" ADD COLUMN alternative_details JSON NOT NULL DEFAULT '{}';
ALTER TABLE trial_log ADD COLUMN shareable BOOLEAN NOT NULL DEFAULT 0;
CREATE TABLE trial_review (
    workbook_id INTEGER NOT NULL,
    held_on DATE,
    results JSON NOT NULL,
    decision VARCHAR(8),
    conditions TEXT NOT NULL,
    next_review DATE,
    PRIMARY KEY (workbook_id),
    FOREIGN KEY(workbook_id) REFERENCES workbook (id) ON DELETE CASCADE
);
"""

#: Step *n* brings a database from schema version n-1 to n.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _run(V1), 2: _run(V2), 3: _run(V3)}
SCHEMA_VERSION = max(MIGRATIONS)
