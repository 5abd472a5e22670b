-- The catalog set up by admins (issue 12: `/admin/ticket-types`, `/admin/fields`,
-- `/admin/dictionaries`). Types, sub-types, custom fields and dictionary options are switched off
-- instead of deleted: a submit form stops offering them, and the tickets that refer to them keep
-- their type, sub-type and values. The catalog read for forms takes the active ones only.
ALTER TABLE ticket_types ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE ticket_subtypes ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE custom_fields ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE dictionary_options ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;
