// Print the public holidays date-holidays knows for one region and a range of
// years, one JSON object a line: {"day": "YYYY-MM-DD", "name": "..."}.  A
// holiday that lasts several days prints each of them.
// Usage: node date_holidays.js COUNTRY[-STATE] FIRST_YEAR LAST_YEAR
'use strict';
const Holidays = require('date-holidays');

const [code, first, last] = process.argv.slice(2);
const [country, state] = code.split('-');
const hd = state ? new Holidays(country, state, { languages: ['en'] })
	: new Holidays(country, { languages: ['en'] });
for (let y = Number(first); y <= Number(last); y++) {
	for (const h of hd.getHolidays(y) || []) {
		if (h.type !== 'public')
			continue;
		const days = Math.max(1, Math.round((h.end - h.start) / 86400000));
		const t = new Date(h.date.slice(0, 10) + 'T00:00:00Z');
		for (let i = 0; i < days; i++) {
			console.log(JSON.stringify({ day: t.toISOString().slice(0, 10), name: h.name }));
			t.setUTCDate(t.getUTCDate() + 1);
		}
	}
}
