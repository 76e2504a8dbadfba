-- bench/policy_measure.sql: the cases of bench/policy.sh, timed side by side by
-- rounds.sql.  Each policy function is compared with sla.business_add of the
-- same target amount on the same rows and calendar (its baseline).  Policy
-- values are literals in the query, as an application would write them; the
-- named policy is 'contract' (two versions).  All cases run in one backend.
-- psql variables: runs (counted rounds), at (the instant states are read at).
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET jit = off;

\ir cases.sql

SELECT format('%L::sla.sla_policy', policy) AS std FROM bench.contract WHERE name = 'standard' \gset
SELECT format('%L::sla.sla_policy', policy) AS std24 FROM bench.contract WHERE name = 'standard_24x7' \gset
SELECT format('%L::timestamptz', :'at') AS at \gset

-- (label, workers, table, query, ref, target); the queries use :std, :at.
CREATE TEMP TABLE c (label text, workers int, tab text, query text, ref text, target text);
INSERT INTO c VALUES
-- serial, 1M targets
('floor',                 0, 'bench.pticket', 'SELECT max(started_at + interval ''4 hours'') FROM bench.pticket', NULL, NULL),
('add: baseline',         0, 'bench.pticket', 'SELECT max(sla.business_add(started_at, target, ''de_office'')) FROM bench.pticket', NULL, NULL),
('state by value',        0, 'bench.pticket', 'SELECT max(sla.state(%1$s, priority, kind, started_at, done_at, %2$s, pauses)) FROM bench.pticket', 'add: baseline', '<= 2'),
('state by value, no pauses arg', 0, 'bench.pticket', 'SELECT max(sla.state(%1$s, priority, kind, started_at, done_at, %2$s)) FROM bench.pticket', 'add: baseline', NULL),
('add named: baseline',   0, 'bench.pticket', 'SELECT max(sla.business_add(started_at, target_named, ''de_office'')) FROM bench.pticket', NULL, NULL),
('state by name',         0, 'bench.pticket', 'SELECT max(sla.state(''contract'', priority, kind, started_at, done_at, %2$s, pauses)) FROM bench.pticket', 'add named: baseline', '<= 2'),
('due, no pauses',        0, 'bench.pticket', 'SELECT max(sla.due(%1$s, priority, kind, started_at)) FROM bench.pticket', 'add: baseline', NULL),
('due, pauses column',    0, 'bench.pticket', 'SELECT max(sla.due(%1$s, priority, kind, started_at, pauses)) FROM bench.pticket', 'add: baseline', NULL),
('remaining',             0, 'bench.pticket', 'SELECT max(sla.remaining(%1$s, priority, kind, started_at, done_at, %2$s, pauses)) FROM bench.pticket', 'add: baseline', NULL),
('add col: baseline',     0, 'bench.pticket_pol', 'SELECT max(sla.business_add(started_at, target_pol, ''de_office'')) FROM bench.pticket_pol', NULL, NULL),
('state by policy column',0, 'bench.pticket_pol', 'SELECT max(sla.state(policy, priority, kind, started_at, done_at, %2$s, pauses)) FROM bench.pticket_pol', 'add col: baseline', '<= 2'),
('add 2 cals: baseline',  0, 'bench.pticket', 'SELECT max(sla.business_add(started_at, target, cal)) FROM bench.pticket', NULL, NULL),
('state, 2 calendars',    0, 'bench.pticket', 'SELECT max(sla.state(%3$s, priority, kind, started_at, done_at, %2$s, pauses)) FROM bench.pticket', 'add 2 cals: baseline', NULL),
-- serial, the quarter with pauses
('paused add: baseline',  0, 'bench.pticket_paused', 'SELECT max(sla.business_add(started_at, target, ''de_office'')) FROM bench.pticket_paused', NULL, NULL),
('paused due',            0, 'bench.pticket_paused', 'SELECT max(sla.due(%1$s, priority, kind, started_at, pauses)) FROM bench.pticket_paused', 'paused add: baseline', NULL),
('paused state',          0, 'bench.pticket_paused', 'SELECT max(sla.state(%1$s, priority, kind, started_at, done_at, %2$s, pauses)) FROM bench.pticket_paused', 'paused add: baseline', NULL),
('paused remaining',      0, 'bench.pticket_paused', 'SELECT max(sla.remaining(%1$s, priority, kind, started_at, done_at, %2$s, pauses)) FROM bench.pticket_paused', 'paused add: baseline', NULL),
-- 2 workers, 1M targets
('par floor',             2, 'bench.pticket', 'SELECT max(started_at + interval ''4 hours'') FROM bench.pticket', NULL, NULL),
('par add: baseline',     2, 'bench.pticket', 'SELECT max(sla.business_add(started_at, target, ''de_office'')) FROM bench.pticket', NULL, NULL),
('par state by value',    2, 'bench.pticket', 'SELECT max(sla.state(%1$s, priority, kind, started_at, done_at, %2$s, pauses)) FROM bench.pticket', 'par add: baseline', '<= 2'),
('par add named: baseline', 2, 'bench.pticket', 'SELECT max(sla.business_add(started_at, target_named, ''de_office'')) FROM bench.pticket', NULL, NULL),
('par state by name',     2, 'bench.pticket', 'SELECT max(sla.state(''contract'', priority, kind, started_at, done_at, %2$s, pauses)) FROM bench.pticket', 'par add named: baseline', '<= 2'),
('par add col: baseline', 2, 'bench.pticket_pol', 'SELECT max(sla.business_add(started_at, target_pol, ''de_office'')) FROM bench.pticket_pol', NULL, NULL),
('par state by policy column', 2, 'bench.pticket_pol', 'SELECT max(sla.state(policy, priority, kind, started_at, done_at, %2$s, pauses)) FROM bench.pticket_pol', 'par add col: baseline', '<= 2');

INSERT INTO bench.bcase (label, workers, tab, query, ref, target)
SELECT label, workers, tab, format(query, :'std', :'at', :'std24'), ref, target FROM c;
DROP TABLE c;

\ir rounds.sql
