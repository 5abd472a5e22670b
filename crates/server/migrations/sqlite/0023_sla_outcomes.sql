-- SLA attainment in reports (issue 14, DOMAIN.md "Reports": targets met ÷ targets that applied
-- and came due): each ticket's first-reply and resolution outcome, kept with its SLA timers
-- (`sla::apply`): 'met' (stopped within its target), 'breached' (stopped late, or running past
-- due), NULL while no target applies or it runs and is not yet due.
ALTER TABLE tickets ADD COLUMN sla_first_reply TEXT CHECK (sla_first_reply IN ('met', 'breached'));
ALTER TABLE tickets ADD COLUMN sla_resolution TEXT CHECK (sla_resolution IN ('met', 'breached'));
