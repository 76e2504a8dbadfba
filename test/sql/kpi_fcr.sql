-- sla.fcr: contacts resolved with no further contact of the same customer in
-- (contact_at, contact_at + repeat_window], against a hand-computed dataset
SET timezone = 'UTC';

CREATE TEMP TABLE contacts (id int, customer text, contact_at timestamptz, resolved boolean, expect text);
INSERT INTO contacts VALUES
	(1, 'acme', '2024-01-01 10:00', true, 'not met: contact 2 within 7 days'),
	(2, 'acme', '2024-01-05 10:00', true, 'met: the next contact (3) is 15 days later'),
	(3, 'acme', '2024-01-20 10:00', false, 'not met: unresolved'),
	(4, 'bolt', '2024-01-01 10:00', true, 'not met: contact 5 exactly 7 days later (window closed at its end)'),
	(5, 'bolt', '2024-01-08 10:00', true, 'met'),
	(6, 'core', '2024-01-01 10:00', true, 'met: contact 7 at the same instant is not "further"'),
	(7, 'core', '2024-01-01 10:00', true, 'met'),
	(8, 'dyn', '2024-01-01 10:00', true, 'met: contact 9 7 days and 1 microsecond later'),
	(9, 'dyn', '2024-01-08 10:00:00.000001', NULL, 'not counted (resolved NULL), still a contact'),
	(10, 'Acme', '2024-01-02 10:00', true, 'met: customers compare byte by byte'),
	(11, NULL, '2024-01-02 10:00', true, 'not a contact'),
	(12, 'eon', '2024-01-03 10:00', true, 'not met: contact 13 (unresolved) within'),
	(13, 'eon', '2024-01-04 10:00', false, 'not met: unresolved');
-- counted: all but 9 and 11 = 11; met: 2, 5, 6, 7, 8, 10 = 6 -> 54.5...
SELECT sla.fcr(customer, contact_at, resolved, '7 days') FROM contacts;
SELECT count(*) FILTER (WHERE expect LIKE 'met%') AS met, count(*) FILTER (WHERE expect LIKE 'not met%' OR expect LIKE 'met%') AS counted FROM contacts;
-- per customer
SELECT customer, sla.fcr(customer, contact_at, resolved, '7 days') FROM contacts GROUP BY customer ORDER BY customer COLLATE "C";
-- row order does not matter
SELECT sla.fcr(customer, contact_at, resolved, '7 days' ORDER BY id DESC) AS reversed FROM contacts;
-- a wider window: 20 days makes contact 2 a repeat (3 falls within), 8 too
SELECT sla.fcr(customer, contact_at, resolved, '20 days') FROM contacts;
-- a zero window: nothing is a repeat; only unresolved contacts miss
SELECT sla.fcr(customer, contact_at, resolved, '0') FROM contacts;
-- a day is 24 hours whatever the time zone: across Berlin's DST change
-- 2024-03-31, 7 days after 03-28 10:00 local is 04-04 11:00 local
SET timezone = 'Europe/Berlin';
SELECT sla.fcr(c, t, true, '7 days') AS across_dst FROM (VALUES
	('x', '2024-03-28 10:00'::timestamptz), ('x', '2024-04-04 10:30')) v(c, t);
RESET timezone;
SET timezone = 'UTC';
-- months are refused; negative windows too
SELECT sla.fcr(customer, contact_at, resolved, '1 mon') FROM contacts;
SELECT sla_test.try($$SELECT sla.fcr(customer, contact_at, resolved, '-1 day') FROM contacts$$);
-- NULL repeat_window: not counted; nothing counted: NULL
SELECT sla.fcr(customer, contact_at, resolved, NULL) IS NULL AS is_null FROM contacts;
SELECT sla.fcr(customer, contact_at, resolved, '7 days') IS NULL AS is_null FROM contacts WHERE false;

-- The period problem: January 1-5 holds contacts 1, 2, 4, 6, 7, 8, 10, 12,
-- 13.  A WHERE on the period hides the contacts after it: contact 2 then
-- looks met though the customer came back on the 20th (window 20 days),
-- and so on.
SELECT sla.fcr(customer, contact_at, resolved, '20 days') AS where_only
FROM contacts WHERE contact_at >= '2024-01-01' AND contact_at < '2024-01-06';
-- The pattern: read up to the period's end + the window, count the period only
SELECT sla.fcr(customer, contact_at, resolved, '20 days', tstzrange('2024-01-01', '2024-01-06')) AS with_period
FROM contacts WHERE contact_at >= '2024-01-01' AND contact_at < timestamptz '2024-01-06' + interval '20 days';
-- the same as counting the period within the whole table
SELECT sla.fcr(customer, contact_at, resolved, '20 days', tstzrange('2024-01-01', '2024-01-06')) AS whole_table FROM contacts;
-- the same as the window-function formula over the whole table
SELECT 100.0 * count(*) FILTER (WHERE resolved AND NOT coalesce(next_at <= contact_at + interval '20 days', false))
	/ count(*) AS sql_formula
FROM (SELECT c.*, (SELECT min(d.contact_at) FROM contacts d
				   WHERE d.customer = c.customer AND d.contact_at > c.contact_at) AS next_at
	  FROM contacts c) s
WHERE contact_at >= '2024-01-01' AND contact_at < '2024-01-06' AND customer IS NOT NULL AND resolved IS NOT NULL;
-- by period, each period reading the following window too
SELECT m.month, sla.fcr(c.customer, c.contact_at, c.resolved, '7 days', m.period)
FROM (VALUES ('Jan 1-4', tstzrange('2024-01-01', '2024-01-05')), ('Jan 5-31', tstzrange('2024-01-05', '2024-02-01'))) m(month, period)
JOIN contacts c ON c.contact_at >= lower(m.period) AND c.contact_at < upper(m.period) + interval '7 days'
GROUP BY m.month ORDER BY m.month;
