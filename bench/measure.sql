-- bench/measure.sql: the cases of bench/run.sh (business_add, business_elapsed,
-- the peers), timed side by side by rounds.sql.  All cases run in one backend,
-- so the calendar is compiled once (during the warm-up) and stays cached.
-- psql variable: runs (counted rounds).
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET jit = off;

\ir cases.sql

-- cum_at(x): open time before x from the cumulative table.
\set cum_at_o '(SELECT p.cum_before + least(k.opened_at - p.s, p.e - p.s) FROM bench.cum_iv p WHERE p.s <= k.opened_at ORDER BY p.s DESC LIMIT 1)'
\set cum_at_r '(SELECT p.cum_before + least(k.resolved_at - p.s, p.e - p.s) FROM bench.cum_iv p WHERE p.s <= k.resolved_at ORDER BY p.s DESC LIMIT 1)'

INSERT INTO bench.bcase (label, workers, tab, query, ref, target) VALUES
-- serial, 1M rows
('add 4h: floor',            0, 'bench.ticket', $q$SELECT max(opened_at + interval '4 hours') FROM bench.ticket$q$, NULL, NULL),
('add 4h: sla',              0, 'bench.ticket', $q$SELECT max(sla.business_add(opened_at, '4 hours', 'de_office')) FROM bench.ticket$q$, 'add 4h: floor', '<= 1.5'),
('add 20000h: sla',          0, 'bench.ticket', $q$SELECT max(sla.business_add(opened_at, '20000 hours', 'de_office')) FROM bench.ticket$q$, 'add 4h: sla', '<= 3'),
('elapsed max: floor',       0, 'bench.ticket', $q$SELECT max(resolved_at - opened_at) FROM bench.ticket$q$, NULL, NULL),
('elapsed max: sla',         0, 'bench.ticket', $q$SELECT sla.max(sla.business_elapsed(opened_at, resolved_at, 'de_office')) FROM bench.ticket$q$, 'elapsed max: floor', '<= 1.5'),
('elapsed sum: floor',       0, 'bench.ticket', $q$SELECT sum(resolved_at - opened_at) FROM bench.ticket$q$, NULL, NULL),
('elapsed sum: sla',         0, 'bench.ticket', $q$SELECT sla.sum(sla.business_elapsed(opened_at, resolved_at, 'de_office')) FROM bench.ticket$q$, 'elapsed sum: floor', '<= 1.5'),
-- 2 workers, 1M rows
('par add 4h: floor',        2, 'bench.ticket', $q$SELECT max(opened_at + interval '4 hours') FROM bench.ticket$q$, NULL, NULL),
('par add 4h: sla',          2, 'bench.ticket', $q$SELECT max(sla.business_add(opened_at, '4 hours', 'de_office')) FROM bench.ticket$q$, 'par add 4h: floor', '<= 1.5'),
('par add 20000h: sla',      2, 'bench.ticket', $q$SELECT max(sla.business_add(opened_at, '20000 hours', 'de_office')) FROM bench.ticket$q$, 'par add 4h: sla', '<= 3'),
('par elapsed max: floor',   2, 'bench.ticket', $q$SELECT max(resolved_at - opened_at) FROM bench.ticket$q$, NULL, NULL),
('par elapsed max: sla',     2, 'bench.ticket', $q$SELECT sla.max(sla.business_elapsed(opened_at, resolved_at, 'de_office')) FROM bench.ticket$q$, 'par elapsed max: floor', '<= 1.5'),
-- serial, the sample (the first rows, same mix): the peers, compared per row
-- with sla on the same sample rows, round by round (one sample, both sides)
('sample add 4h: floor',     0, 'bench.sample', $q$SELECT max(opened_at + interval '4 hours') FROM bench.sample$q$, NULL, NULL),
('sample add 4h: sla',       0, 'bench.sample', $q$SELECT max(sla.business_add(opened_at, '4 hours', 'de_office')) FROM bench.sample$q$, 'sample add 4h: floor', NULL),
('sample add 4h: plpgsql',   0, 'bench.sample', $q$SELECT max(bench.plpgsql_business_add(opened_at, '4 hours', 'de_office')) FROM bench.sample$q$, 'sample add 4h: sla', '>= 100'),
('sample add 4h: cum table', 0, 'bench.sample', $q$SELECT max(c.s + (t.target - c.cum_before)) FROM bench.sample k
	CROSS JOIN LATERAL (SELECT coalesce($q$ || :'cum_at_o' || $q$, interval '0') + interval '4 hours' AS target) t
	CROSS JOIN LATERAL (SELECT c.s, c.cum_before FROM bench.cum_iv c WHERE c.cum_end >= t.target ORDER BY c.cum_end LIMIT 1) c$q$,
	'sample add 4h: sla', '>= 20'),
('sample elapsed: sla',      0, 'bench.sample', $q$SELECT max(sla.seconds(sla.business_elapsed(opened_at, resolved_at, 'de_office'))) FROM bench.sample$q$, NULL, NULL),
('sample elapsed: plpgsql',  0, 'bench.sample', $q$SELECT max(bench.plpgsql_business_elapsed(opened_at, resolved_at, 'de_office')) FROM bench.sample$q$, 'sample elapsed: sla', '>= 100'),
('sample elapsed: cum table',0, 'bench.sample', $q$SELECT max(coalesce($q$ || :'cum_at_r' || $q$, interval '0') - coalesce($q$ || :'cum_at_o' || $q$, interval '0')) FROM bench.sample k$q$,
	'sample elapsed: sla', '>= 20'),
-- serial, 100 rows: the day loop's cost grows with the span
('tiny add 20000h: sla',     0, 'bench.tiny', $q$SELECT max(sla.business_add(opened_at, '20000 hours', 'de_office')) FROM bench.tiny$q$, NULL, NULL),
('tiny add 20000h: plpgsql', 0, 'bench.tiny', $q$SELECT max(bench.plpgsql_business_add(opened_at, '20000 hours', 'de_office')) FROM bench.tiny$q$, 'tiny add 20000h: sla', '>= 100');

\ir rounds.sql
