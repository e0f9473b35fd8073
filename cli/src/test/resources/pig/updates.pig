-- updates (a test ETL): one row per update, its date in the warehouse's form to the millisecond.
rows = FOREACH documents GENERATE
    id,
    user_id,
    action,
    CONCAT(SUBSTRING(date, 0, 10), ' ', SUBSTRING(date, 11, 23)) AS date;
