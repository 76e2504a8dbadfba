-- A call site remembers its target lookups (policy_functions.c): per policy
-- address, priority and kind, with the calendar slot it used.  Ten
-- calendars in one policy are more than the site's eight calendar slots, so
-- slots change names between rows; every answer must stay the answer of a
-- lookup made afresh (a policy column is never remembered).
SET TimeZone = 'UTC';
INSERT INTO sla.calendar (name, time_zone, hours)
SELECT 'pm_' || i, 'UTC', format('mon-fri %s:00-%s:00', lpad(i::text, 2, '0'), lpad((i + 8)::text, 2, '0'))
FROM generate_series(0, 9) AS i;
CREATE TABLE pm_policy AS
SELECT ('{"targets":{' || string_agg(format('"P%s":{"first_response":{"within":"%s hours","calendar":"pm_%s"}}', i, 1 + i % 3, i), ',') || '}}')::sla.sla_policy AS p
FROM generate_series(0, 9) AS i;
INSERT INTO sla.policy SELECT 'pm', '-infinity', p, NULL FROM pm_policy;
CREATE TABLE pm_ticket AS
SELECT n, 'P' || (n * 7 % 11) AS priority, timestamptz '2026-03-02 00:00' + n * interval '37 minutes' AS started_at
FROM generate_series(1, 500) AS n;
SELECT p AS lit FROM pm_policy \gset
-- P10 has no target: NULL from every path
SELECT count(*) AS rows,
       count(*) FILTER (WHERE d_const IS NULL) AS no_target,
       count(*) FILTER (WHERE d_const IS DISTINCT FROM d_column) AS const_differs,
       count(*) FILTER (WHERE d_named IS DISTINCT FROM d_column) AS named_differs,
       count(*) FILTER (WHERE s_const IS DISTINCT FROM s_column) AS const_state_differs,
       count(*) FILTER (WHERE s_named IS DISTINCT FROM s_column) AS named_state_differs
FROM (
  SELECT sla.due(c.p, t.priority, 'first_response', t.started_at) AS d_column,
         sla.due(:'lit'::sla.sla_policy, t.priority, 'first_response', t.started_at) AS d_const,
         sla.due('pm', t.priority, 'first_response', t.started_at) AS d_named,
         sla.state(c.p, t.priority, 'first_response', t.started_at, NULL, '2026-03-05 12:00') AS s_column,
         sla.state(:'lit'::sla.sla_policy, t.priority, 'first_response', t.started_at, NULL, '2026-03-05 12:00') AS s_const,
         sla.state('pm', t.priority, 'first_response', t.started_at, NULL, '2026-03-05 12:00') AS s_named
  FROM pm_ticket t CROSS JOIN pm_policy c) AS x;
DELETE FROM sla.policy WHERE name = 'pm';
DELETE FROM sla.calendar WHERE name LIKE 'pm\_%';
DROP TABLE pm_policy, pm_ticket;
