-- reads: actions_taken
-- How many actions each user took each day (UTC), rebuilt after every load of actions_taken that brings rows.
SELECT user_id,
       CAST("date" AS DATE) AS day,
       COUNT(*) AS actions
FROM actions_taken
GROUP BY user_id, CAST("date" AS DATE)
