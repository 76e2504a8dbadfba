-- bench/agreement.sql: do the peers give sla's answers on the sample?
\set ON_ERROR_STOP on
SET jit = off;
SET max_parallel_workers_per_gather = 0;

\echo
\echo 'Agreement of the peers with sla (rows where the answers differ)'
SELECT 'business_add 4 hours' AS question, count(*) AS "rows",
	count(*) FILTER (WHERE bench.plpgsql_business_add(opened_at, '4 hours', 'de_office')
		IS DISTINCT FROM sla.business_add(opened_at, '4 hours', 'de_office')) AS plpgsql_differs,
	count(*) FILTER (WHERE (SELECT c.s + (t.target - c.cum_before)
		FROM (SELECT coalesce((SELECT p.cum_before + least(k.opened_at - p.s, p.e - p.s) FROM bench.cum_iv p
		                       WHERE p.s <= k.opened_at ORDER BY p.s DESC LIMIT 1), interval '0')
		             + interval '4 hours' AS target) t
		CROSS JOIN LATERAL (SELECT c.s, c.cum_before FROM bench.cum_iv c WHERE c.cum_end >= t.target
		                    ORDER BY c.cum_end LIMIT 1) c)
		IS DISTINCT FROM sla.business_add(opened_at, '4 hours', 'de_office')) AS cum_table_differs
FROM bench.sample k
UNION ALL
SELECT 'business_elapsed', count(*),
	count(*) FILTER (WHERE bench.plpgsql_business_elapsed(opened_at, resolved_at, 'de_office')
		IS DISTINCT FROM sla.business_elapsed(opened_at, resolved_at, 'de_office')::interval),
	count(*) FILTER (WHERE
		coalesce((SELECT p.cum_before + least(k.resolved_at - p.s, p.e - p.s) FROM bench.cum_iv p
		          WHERE p.s <= k.resolved_at ORDER BY p.s DESC LIMIT 1), interval '0')
		- coalesce((SELECT p.cum_before + least(k.opened_at - p.s, p.e - p.s) FROM bench.cum_iv p
		            WHERE p.s <= k.opened_at ORDER BY p.s DESC LIMIT 1), interval '0')
		IS DISTINCT FROM sla.business_elapsed(opened_at, resolved_at, 'de_office')::interval)
FROM bench.sample k
UNION ALL
SELECT 'business_add 20000 hours', count(*),
	count(*) FILTER (WHERE bench.plpgsql_business_add(opened_at, '20000 hours', 'de_office')
		IS DISTINCT FROM sla.business_add(opened_at, '20000 hours', 'de_office')),
	NULL
FROM bench.tiny k;
