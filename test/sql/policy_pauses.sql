-- The sla.pauses aggregate: a ticket's status history (ORDER BY changed_at,
-- id) to the tstzmultirange of time spent in paused statuses, and its use in
-- sla.due and sla.state per ticket.  Calendars of this file are named pa_*.
--
-- Calendar pa_office: mon-fri 08:00-16:00 Europe/Amsterdam; Friday
-- 2026-12-04, Monday 2026-12-07; UTC+1.
SET TimeZone = 'Europe/Amsterdam';
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = postgres;

INSERT INTO sla.calendar (name, time_zone, hours)
	VALUES ('pa_office', 'Europe/Amsterdam', 'mon-fri 08:00-16:00');

CREATE TEMP TABLE pa_history (id int PRIMARY KEY, ticket int, changed_at timestamptz, status text);
INSERT INTO pa_history VALUES
	-- 1: one pause, Friday 15:30-15:45
	(101, 1, '2026-12-04 15:00+01', 'new'),
	(102, 1, '2026-12-04 15:30+01', 'waiting_on_customer'),
	(103, 1, '2026-12-04 15:45+01', 'open'),
	-- 2: two paused statuses in a row make one pause, 15:30-15:50
	(201, 2, '2026-12-04 15:00+01', 'new'),
	(202, 2, '2026-12-04 15:30+01', 'waiting_on_customer'),
	(203, 2, '2026-12-04 15:40+01', 'on_hold'),
	(204, 2, '2026-12-04 15:50+01', 'open'),
	-- 3: still paused at the end: open-ended from Monday 08:40
	(301, 3, '2026-12-04 15:00+01', 'new'),
	(302, 3, '2026-12-07 08:40+01', 'on_hold'),
	-- 4: rows with a NULL are skipped (the pause goes on through them)
	(401, 4, '2026-12-04 15:00+01', 'new'),
	(402, 4, '2026-12-04 15:30+01', 'waiting_on_customer'),
	(403, 4, '2026-12-04 15:35+01', NULL),
	(404, 4, NULL, 'open'),
	(405, 4, '2026-12-04 15:45+01', 'open'),
	-- 5: equal changed_at, ordered by id: paused and unpaused at the same
	-- instant is a zero-length pause, dropped
	(501, 5, '2026-12-04 15:00+01', 'new'),
	(502, 5, '2026-12-04 15:30+01', 'waiting_on_customer'),
	(503, 5, '2026-12-04 15:30+01', 'open'),
	-- 6: equal changed_at the other way round: unpaused, then paused at 15:30
	(601, 6, '2026-12-04 15:00+01', 'new'),
	(602, 6, '2026-12-04 15:30+01', 'open'),
	(603, 6, '2026-12-04 15:30+01', 'waiting_on_customer'),
	(604, 6, '2026-12-04 15:45+01', 'open'),
	-- 7: never paused (statuses compare exactly: 'On_Hold' is not paused)
	(701, 7, '2026-12-04 15:00+01', 'new'),
	(702, 7, '2026-12-04 15:30+01', 'On_Hold'),
	(703, 7, '2026-12-04 15:45+01', 'open'),
	-- 8: paused from the first row, two pauses, the second open-ended
	(801, 8, '2026-12-04 15:00+01', 'on_hold'),
	(802, 8, '2026-12-04 15:10+01', 'open'),
	(803, 8, '2026-12-05 10:00+01', 'on_hold'),
	(804, 8, '2026-12-05 12:00+01', 'on_hold'),
	(805, 8, '2026-12-07 08:50+01', 'open'),
	(806, 8, '2026-12-07 08:55+01', 'waiting_on_customer');

-- the pauses per ticket
SELECT ticket, sla.pauses(changed_at, status, ARRAY['waiting_on_customer', 'on_hold'] ORDER BY changed_at, id) AS pauses
FROM pa_history GROUP BY ticket ORDER BY ticket;

-- no rows: the empty multirange (and no ticket rows at all: no group)
SELECT sla.pauses(changed_at, status, ARRAY['on_hold'] ORDER BY changed_at, id) AS no_rows
FROM pa_history WHERE false;
-- only NULL rows: also empty
SELECT sla.pauses(NULL::timestamptz, 'on_hold', ARRAY['on_hold']) AS null_rows
FROM generate_series(1, 3);
-- no paused statuses, or a NULL list: nothing is a pause; a NULL element
-- of the list matches nothing
SELECT sla.pauses(changed_at, status, ARRAY[]::text[] ORDER BY changed_at, id) AS empty_list,
	sla.pauses(changed_at, status, NULL::text[] ORDER BY changed_at, id) AS null_list,
	sla.pauses(changed_at, status, ARRAY[NULL, 'on_hold'] ORDER BY changed_at, id) AS null_element
FROM pa_history WHERE ticket = 2;
-- the list may change from row to row (each row's list decides for its status)
SELECT sla.pauses(changed_at, status, CASE WHEN id < 203 THEN ARRAY['waiting_on_customer'] ELSE ARRAY['on_hold'] END ORDER BY changed_at, id) AS changing_list
FROM pa_history WHERE ticket = 2;

-- rows out of order: 22023, with the tie-breaker in the hint (the detail,
-- naming both instants, is checked in test/pending/policy_pending.sql)
CREATE FUNCTION pg_temp.fail_hint(query text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	msg text;
	hin text;
BEGIN
	EXECUTE query;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, hin = PG_EXCEPTION_HINT;
	RETURN SQLSTATE || ': ' || msg || ' | HINT: ' || hin;
END
$$;
SELECT pg_temp.fail_hint($$SELECT sla.pauses(changed_at, status, ARRAY['on_hold'] ORDER BY changed_at DESC) FROM pa_history WHERE ticket = 8$$) AS out_of_order;
SELECT sla_test.try($$SELECT sla.pauses(changed_at, status, ARRAY['on_hold'] ORDER BY id DESC) FROM pa_history WHERE ticket = 1$$) AS out_of_order;
-- equal instants may come in any order (that is what the tie-breaker fixes)
SELECT sla.pauses(changed_at, status, ARRAY['waiting_on_customer'] ORDER BY changed_at, id DESC) AS reversed_ties
FROM pa_history WHERE ticket = 5;
-- a two-dimensional list of statuses is refused
SELECT sla_test.try($$SELECT sla.pauses(changed_at, status, ARRAY[['on_hold'], ['open']] ORDER BY changed_at, id) FROM pa_history WHERE ticket = 1$$) AS two_dimensions;

-- ---------------------------------------------------------------------------
-- In sla.due and sla.state, one row per ticket.  P2 first response, 2 hours
-- on pa_office, every ticket opened Friday 15:00 (unpaused due Monday 09:00);
-- read at Monday 08:45.
CREATE TEMP TABLE pa_tickets (ticket int PRIMARY KEY, opened_at timestamptz);
INSERT INTO pa_tickets SELECT g, '2026-12-04 15:00+01' FROM generate_series(1, 9) g;
CREATE TEMP TABLE pa_policy (p sla.sla_policy);
INSERT INTO pa_policy VALUES ('{"calendar":"pa_office","warn_at":0.8,"targets":{"P2":{"first_response":"2 hours"}}}');
-- 1, 4 and 6: 15 min paused, due 09:15; at 08:45 90 min used: running, 30 left
-- 2: 20 min paused, due 09:20; 85 min used: running, 35 left
-- 3: open pause from 08:40: due infinity; as of 08:45 paused, 20 min left
-- 5 and 7: no pause, due 09:00; 105 min used: at_risk, 15 left
-- 8: paused Friday 15:00-15:10 (10 open min), Saturday 10:00 to Monday 08:50
--    (Monday 08:00-08:50: 50 open min), and open-ended from 08:55: due
--    infinity; at 08:45 inside a pause, 50 min used (Fri 15:10-16:00):
--    paused, 70 left
-- 9: no history at all: the empty multirange, due 09:00
SELECT t.ticket, sla.due(p, 'P2', 'first_response', t.opened_at, coalesce(h.pauses, '{}')) AS due,
	sla.state(p, 'P2', 'first_response', t.opened_at, NULL, '2026-12-07 08:45+01', coalesce(h.pauses, '{}')) AS state,
	sla.remaining(p, 'P2', 'first_response', t.opened_at, NULL, '2026-12-07 08:45+01', coalesce(h.pauses, '{}')) AS remaining
FROM pa_tickets t
CROSS JOIN pa_policy
LEFT JOIN (SELECT ticket, sla.pauses(changed_at, status, ARRAY['waiting_on_customer', 'on_hold'] ORDER BY changed_at, id) AS pauses
		   FROM pa_history GROUP BY ticket) h USING (ticket)
ORDER BY t.ticket;
-- the same in one aggregate call per ticket, started at its first change,
-- read at Monday 09:10: 1, 2, 4 and 6 at_risk (due 09:15 or 09:20), 3 and 8
-- paused, 5 and 7 breached (due 09:00)
SELECT h.ticket,
	sla.state((SELECT p FROM pa_policy), 'P2', 'first_response', min(h.changed_at), NULL, '2026-12-07 09:10+01',
			  sla.pauses(h.changed_at, h.status, ARRAY['waiting_on_customer', 'on_hold'] ORDER BY h.changed_at, h.id)) AS state_at_0910
FROM pa_history h
GROUP BY h.ticket ORDER BY h.ticket;
