-- actions_taken: one row per action; its date becomes a warehouse timestamp and its value array the columns
-- value_1 .. value_$value_columns. A row that cannot be loaded (no id, no date, or a date not in the extract's
-- ISO-8601 form) goes to $rejects instead, as it came plus the reason.
-- Parameters: input, output and rejects (lake folders), lower and upper (the window), value_columns.
-- Fields arrive in the lake's TSV form: escaped text, with \N for NULL (Pig's own nulls would be written as empty
-- strings, so every column is a chararray that keeps the marker). WarehouseStorage writes the rows in the form both
-- warehouses' COPY read; the rejects stay in the lake's form. A date checked to be in the extract's UTC form is
-- cut to the warehouse's seconds as text: parsing it (ToDate) cost a tenth of the transform.
DEFINE ValueColumns io.etl.transform.ArrayColumns('value', '$value_columns');

actions = LOAD '$input' USING PigStorage('\t')
    AS (id:chararray, user_id:chararray, action:chararray, date:chararray, value:chararray);

checked = FOREACH actions GENERATE *,
    (id IS NULL OR id == '\\N' ? 'missing id'
        : (date IS NULL OR date == '\\N' ? 'missing date'
        : (date MATCHES '\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z' ? '' : 'unparseable date'))) AS reason;

SPLIT checked INTO rejected IF reason != '', valid OTHERWISE;

rows = FOREACH valid GENERATE
    id,
    user_id,
    action,
    CONCAT(SUBSTRING(date, 0, 10), ' ', SUBSTRING(date, 11, 19)) AS date,
    FLATTEN(ValueColumns(value));

STORE rows INTO '$output' USING io.etl.transform.WarehouseStorage();
STORE rejected INTO '$rejects' USING PigStorage('\t');
