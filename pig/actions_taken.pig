-- actions_taken: one row per action; its date becomes a warehouse timestamp and its value array the columns
-- value_1 .. value_$value_columns.
-- Parameters: input and output (lake folders), lower and upper (the window), value_columns.
-- Fields arrive and leave in the lake's TSV form: escaped text, with \N for NULL (Pig's own nulls would be
-- written as empty strings, so every column is a chararray that keeps the marker).
DEFINE ValueColumns io.etl.transform.ArrayColumns('value', '$value_columns');

actions = LOAD '$input' USING PigStorage('\t')
    AS (id:chararray, user_id:chararray, action:chararray, date:chararray, value:chararray);

rows = FOREACH actions GENERATE
    id,
    user_id,
    action,
    (date == '\\N' ? '\\N'
        : ToString(ToDate(date, 'yyyy-MM-dd\'T\'HH:mm:ss.SSSZ', 'UTC'), 'yyyy-MM-dd HH:mm:ss')) AS date,
    FLATTEN(ValueColumns(value));

STORE rows INTO '$output' USING PigStorage('\t');
