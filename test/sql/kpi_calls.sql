-- Contact-centre KPIs against a hand-computed dataset: service_level (four
-- variants, short abandons), abandon_rate, asa/awt, aht, csat.

-- ten calls, threshold 20 s, short abandon 5 s:
--   answered: 10 s, 20 s (within: wait <= T), 21 s, 60 s        -> 4 answered, 2 within
--   abandoned: 3 s, 5 s (short: wait <= 5 s), 15 s (within T),
--              20 s (within T), 45 s, 90 s (after T)
CREATE TEMP TABLE calls (id int, wait interval, answered boolean);
INSERT INTO calls VALUES
	(1, '10 s', true), (2, '20 s', true), (3, '21 s', true), (4, '60 s', true),
	(5, '3 s', false), (6, '5 s', false), (7, '15 s', false), (8, '20 s', false),
	(9, '45 s', false), (10, '90 s', false),
	(11, NULL, true), (12, '1 s', NULL);

-- without short_abandon every abandon counts (6 of them: 2 short, 2 within, 2 after)
--   exclude                2 / 4                = 50
--   count_as_missed        2 / (4 + 6)          = 20
--   count_if_late          2 / (4 + 2)          = 33.3...
--   count_as_met_if_early  (2 + 4) / (4 + 6)    = 60
SELECT v AS variant, sla.service_level(wait, answered, '20 s', v)
FROM calls, unnest(ARRAY['exclude', 'count_as_missed', 'count_if_late', 'count_as_met_if_early']) v
GROUP BY v ORDER BY v;
SELECT sla.service_level(wait, answered, '20 s') AS default_is_exclude FROM calls;
-- with short_abandon 5 s, calls 5 and 6 leave every count (4 abandons: 2 within, 2 after)
--   exclude                2 / 4                = 50
--   count_as_missed        2 / (4 + 4)          = 25
--   count_if_late          2 / (4 + 2)          = 33.3...
--   count_as_met_if_early  (2 + 2) / (4 + 4)    = 50
SELECT v AS variant, sla.service_level(wait, answered, '20 s', v, '5 s')
FROM calls, unnest(ARRAY['exclude', 'count_as_missed', 'count_if_late', 'count_as_met_if_early']) v
GROUP BY v ORDER BY v;
-- "within" is wait <= threshold: at 21 s call 3 is within too: 3 / 4
SELECT sla.service_level(wait, answered, '21 s') FROM calls;
-- a zero short_abandon removes only zero waits
SELECT sla.service_level(wait, answered, '20 s', 'count_as_missed', '0 s') FROM calls;
-- unknown variant: 22023 with the allowed names
\set VERBOSITY default
SELECT sla.service_level(wait, answered, '20 s', 'Exclude') FROM calls;
SELECT sla_test.try($$SELECT sla.service_level(wait, answered, '20 s', 'count_as_met') FROM calls$$);
-- negative durations: 22023
SELECT sla_test.try($$SELECT sla.service_level(wait, answered, '-1 s') FROM calls$$);
SELECT sla_test.try($$SELECT sla.service_level(w, true, '20 s') FROM (VALUES (interval '-1 s')) v(w)$$);
SELECT sla_test.try($$SELECT sla.service_level(wait, answered, '20 s', 'exclude', '-5 s') FROM calls$$);
-- a day counts as 24 hours, a month as 30 days (interval's order)
SELECT sla.service_level(w, true, '24:00:00') FROM (VALUES (interval '1 day'), ('1 day 1 s'), ('1 mon')) v(w);
-- nothing countable: NULL
SELECT sla.service_level(wait, answered, '20 s') IS NULL AS is_null FROM calls WHERE NOT answered;
SELECT sla.service_level(wait, answered, '20 s', 'count_if_late') IS NULL AS is_null FROM calls WHERE id IN (5, 7);
SELECT sla.service_level(wait, answered, NULL) IS NULL AS null_threshold FROM calls;

-- abandon_rate: abandoned / offered = 6 / 10; short abandons removed: 4 / 8
SELECT sla.abandon_rate(wait, answered) AS all_abandons, sla.abandon_rate(wait, answered, '5 s') AS without_short FROM calls;
SELECT sla.abandon_rate(wait, answered) IS NULL AS is_null FROM calls WHERE false;
SELECT sla.abandon_rate(wait, answered) FROM calls WHERE answered;

-- asa / awt: mean wait of answered calls only: (10 + 20 + 21 + 60) / 4 = 27.75 s
SELECT sla.asa(wait, answered), sla.awt(wait, answered),
	sla.asa(wait, answered) = avg(wait) FILTER (WHERE answered) AS same_as_avg FROM calls;
SELECT sla.asa(wait, answered) IS NULL AS is_null FROM calls WHERE NOT answered;
-- days and months average as avg(interval) does
SELECT sla.asa(w, true), avg(w) FROM (VALUES (interval '1 mon 1 day'), ('2 days 1 h'), ('1 s')) v(w);
SELECT sla_test.try($$SELECT sla.asa(w, true) FROM (VALUES (interval '-1 s')) v(w)$$);

-- aht: mean of talk + hold + wrap per contact: (8 min + 4 min + 3 min) / 3 = 5 min
CREATE TEMP TABLE handled (talk interval, hold interval, wrap interval);
INSERT INTO handled VALUES ('5 min', '1 min', '2 min'), ('3 min', '0', '1 min'), ('2 min', '30 s', '30 s'),
	('10 min', NULL, '1 min');
SELECT sla.aht(talk, hold, wrap) FROM handled;
-- a NULL hold leaves the row out; count it as no hold explicitly
SELECT sla.aht(talk, coalesce(hold, '0'), wrap) FROM handled;
SELECT sla.aht(talk, hold, wrap) = avg(talk + hold + wrap) AS same_as_avg FROM handled;
SELECT sla.aht(talk, hold, wrap) IS NULL AS is_null FROM handled WHERE false;
SELECT sla_test.try($$SELECT sla.aht('1 min', '-1 s', '0') FROM handled$$);

-- csat: share of 4 and 5 on 1-5; 5, 4, 4, 3, 1, NULL -> 3 / 5 = 60
CREATE TEMP TABLE survey (score int);
INSERT INTO survey VALUES (5), (4), (4), (3), (1), (NULL);
SELECT sla.csat(score) FROM survey;
-- top box 1 on 1-5: only 5 -> 1 / 5 = 20; top box 2 on 1-10: 9 and 10 -> 0 / 5
SELECT sla.csat(score, 1, 5) AS top1, sla.csat(score, 2, 5) AS top2, sla.csat(score, 2, 10) AS top2_of_10,
	sla.csat(score, 5, 5) AS all_of_5 FROM survey;
SELECT sla.csat(score) IS NULL AS is_null FROM survey WHERE score IS NULL;
-- a score outside the scale is an error, not a skipped row: 22003
SELECT sla.csat(s) FROM (VALUES (5), (6)) v(s);
SELECT sla_test.try($$SELECT sla.csat(s) FROM (VALUES (0)) v(s)$$);
SELECT sla_test.try($$SELECT sla.csat(s, 2, 10) FROM (VALUES (11)) v(s)$$);
-- top_box outside 1..scale: 22023
SELECT sla_test.try($$SELECT sla.csat(5, 0, 5)$$);
SELECT sla_test.try($$SELECT sla.csat(5, 6, 5)$$);
SELECT sla_test.try($$SELECT sla.csat(1, 1, 0)$$);
-- NULL top_box or scale: the row is not counted
SELECT sla.csat(score, NULL, 5) IS NULL AS is_null FROM survey;
