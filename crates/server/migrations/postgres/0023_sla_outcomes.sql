-- Each ticket's first-reply and resolution outcome for SLA attainment: see the SQLite file.
ALTER TABLE tickets ADD COLUMN sla_first_reply TEXT CHECK (sla_first_reply IN ('met', 'breached'));
ALTER TABLE tickets ADD COLUMN sla_resolution TEXT CHECK (sla_resolution IN ('met', 'breached'));
