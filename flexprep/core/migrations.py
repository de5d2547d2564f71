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


#: Schema 2 (FlexPrep 0.2) changes no table: the step exists so that a 0.1 file is
#: backed up and then marked with FlexPrep's ``application_id``, which every step sets.
V2 = ""

#: Step *n* brings a database from schema version n-1 to n.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _run(V1), 2: _run(V2)}
SCHEMA_VERSION = max(MIGRATIONS)
