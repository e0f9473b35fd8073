-- actions_taken: one row per action; its date becomes a warehouse timestamp and its value array the columns
-- value_1 .. value_$value_columns.
-- In: documents (id, user_id, action, date, value: the declared fields of one window's documents, as text in the
-- lake's form, \N for NULL). Out: rows, the table's columns in order. Around this script, etl rejects the documents
-- whose fields are not of their declared type and the rows a column cannot hold, with the reason.
-- A date in the extract's UTC form (2026-10-01T00:00:00.556Z) becomes the warehouse's form, to the millisecond, as
-- text: parsing it (ToDate) cost a tenth of the transform. Parameters: lower and upper (the window), value_columns.
DEFINE ValueColumns io.etl.transform.ArrayColumns('value', '$value_columns');

rows = FOREACH documents GENERATE
    id,
    user_id,
    action,
    CONCAT(SUBSTRING(date, 0, 10), ' ', SUBSTRING(date, 11, 23)) AS date,
    FLATTEN(ValueColumns(value));
