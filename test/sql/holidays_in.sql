-- holidays_in: India's 14 compulsory holidays of central government offices (DoPT's yearly
-- O.M.): the three national days and Christmas and Good Friday by rule, the other nine as the
-- dated lists of 2018 to 2026 (docs/holidays.md, "Shipped regions").
SET DateStyle = 'ISO, YMD';
SELECT * FROM sla.holidays('IN', '2024-01-01', '2026-12-31');

-- Two of the earlier years, as in the O.M.s' Annexure I: 2018 (O.M. No. 12/3/2017-JCA-2) and
-- 2021 (O.M. No. 12/9/2020-JCA-2).
SELECT * FROM sla.holidays('IN', '2018-01-01', '2018-12-31');
SELECT * FROM sla.holidays('IN', '2021-01-01', '2021-12-31');

-- 14 days a year from 2018, 13 dates in 2025 (Dussehra on Gandhi Jayanti, 2 October).
SELECT extract(year FROM day) AS year, count(*) AS days, count(DISTINCT day) AS dates
FROM sla.holidays('IN', '2018-01-01', '2026-12-31') GROUP BY 1 ORDER BY 1;

-- Before 2018 (the earliest list found) none of the dated nine and no NOTICE: 2017 has the five
-- rule days only.  Christmas and Good Friday from 2013 (the earliest O.M. read).
SELECT * FROM sla.holidays('IN', '2017-01-01', '2017-12-31');
SELECT * FROM sla.holidays('IN', '2012-01-01', '2013-12-31');

-- After the last published year: the rules' days, and a NOTICE for each dated holiday.
SELECT * FROM sla.holidays('IN', '2027-01-01', '2027-12-31');

-- Every shipped rule of IN cites its source.
SELECT name, first_year, last_year, rule, source <> '' AS has_source
FROM sla.holiday_rule WHERE region = 'IN' ORDER BY first_year, name;
