#!/usr/bin/python3
"""The breach sweep scheduled with pg_cron, run by test/cron/run inside a
cluster started with pg_cron preloaded (PG* variables set).

A ticket table is tracked; ticket 1 existed before tracking and is long past
its due, ticket 2 is inserted with its first response due 6 seconds later.
Then a client LISTENs on sla_events, the sweep is scheduled every minute, and
nothing else writes: the checks poll (bounded at 140 seconds from the start,
150 with the cluster's start and stop) until the scheduled sweep has flagged
both rows breached at their due instants, written their events, sent their
notifications and recorded its runs as succeeded.  Prints one "ok - " / "not ok - " line per check; exits 1
when any failed."""
import datetime
import json
import select
import sys
import time

import psycopg2

DEADLINE = time.monotonic() + 140
DB = 'sla_cron'
failures = 0


def check(ok, what, detail=None):
    """Print one contract line; remember a failure."""
    global failures
    print(('ok - ' if ok else 'not ok - ') + 'pg_cron: ' + what, flush=True)
    if not ok:
        failures += 1
        if detail is not None:
            print('#   ' + str(detail).replace('\n', '\n#   '), flush=True)


def iso(ts):
    """A timestamptz as the payloads write it: UTC, ISO 8601."""
    return ts.astimezone(datetime.timezone.utc).isoformat()


def rows(conn, sql, args=None):
    """All rows of one query."""
    with conn.cursor() as cur:
        cur.execute(sql, args)
        return cur.fetchall() if cur.description else []


def connect(dbname):
    """An autocommit connection in UTC."""
    conn = psycopg2.connect(dbname=dbname)
    conn.autocommit = True
    rows(conn, "SET TimeZone = 'UTC'")
    return conn


admin = connect('postgres')
rows(admin, 'CREATE DATABASE ' + DB)
db = connect(DB)
check(rows(db, "SELECT current_setting('shared_preload_libraries'), current_setting('cron.database_name'),"
               " current_setting('cron.use_background_workers')") == [('pg_cron', DB, 'on')],
      'the cluster preloads pg_cron, with cron.database_name and background workers')
rows(db, """
CREATE EXTENSION pg_cron;
CREATE EXTENSION sla;
INSERT INTO sla.calendar (name, time_zone, hours) VALUES ('cron_24x7', 'UTC', '24/7');
INSERT INTO sla.policy (name, valid_from, policy) VALUES ('cron', '-infinity',
  '{"calendar": "cron_24x7", "warn_at": 0.5,
    "targets": {"P1": {"first_response": "6 seconds", "resolution": "1 day"}}}');
CREATE TABLE ticket (id int PRIMARY KEY, priority text NOT NULL, opened_at timestamptz NOT NULL,
  first_reply_at timestamptz, solved_at timestamptz);
INSERT INTO ticket (id, priority, opened_at) VALUES (1, 'P1', date_trunc('second', now()) - interval '1 hour');
SELECT sla.track('ticket', 'cron', '{"priority": "priority", "opened_at": "opened_at",
  "first_response_at": "first_reply_at", "resolved_at": "solved_at"}');
""")
listener = connect(DB)
rows(listener, 'LISTEN sla_events')
rows(db, "INSERT INTO ticket (id, priority, opened_at) VALUES (2, 'P1', date_trunc('second', now()))")
before = rows(db, """SELECT id, sla_state::text, sla_first_response_due - opened_at,
                            CASE WHEN isfinite(sla_next_check) THEN sla_next_check - opened_at END,
                            sla_next_check = '-infinity' FROM ticket ORDER BY id""")
check(before == [(1, None, None, None, True),
                 (2, 'running', datetime.timedelta(seconds=6), datetime.timedelta(seconds=3), False)]
      and rows(db, 'SELECT count(*) FROM sla.event') == [(0,)],
      'before the schedule: ticket 1 not yet judged, ticket 2 running (due in 6 s), no event', before)
opened = dict(rows(db, 'SELECT id, opened_at FROM ticket'))

jobid = rows(db, "SELECT cron.schedule('sla-sweep', '* * * * *', 'select sla.sweep()')")[0][0]
job = rows(db, 'SELECT jobname, schedule, command, database, active FROM cron.job WHERE jobid = %s', (jobid,))
check(job == [('sla-sweep', '* * * * *', 'select sla.sweep()', DB, True)], 'cron.schedule made the job', job)

# wait, with no write, until the scheduled sweep has done everything (or the bound is reached)
notes = []
done = False
while not done and time.monotonic() < DEADLINE:
    if select.select([listener], [], [], min(1.0, max(0.0, DEADLINE - time.monotonic())))[0]:
        listener.poll()
        notes.extend(listener.notifies)
        listener.notifies.clear()
    breached, n_events, succeeded, unfinished = rows(db, """
        SELECT (SELECT count(*) FROM ticket WHERE sla_state = 'breached'), (SELECT count(*) FROM sla.event),
               (SELECT count(*) FROM cron.job_run_details WHERE jobid = %(j)s AND status = 'succeeded'),
               (SELECT count(*) FROM cron.job_run_details WHERE jobid = %(j)s AND status IN ('starting', 'running'))
        """, {'j': jobid})[0]
    done = breached == 2 and n_events == 4 and len(notes) >= 4 and succeeded > 0 and unfinished == 0
waited = 140 - (DEADLINE - time.monotonic())
# a round trip delivers anything still queued for the listener
rows(listener, 'SELECT 1')
listener.poll()
notes.extend(listener.notifies)
print('# waited %.0f s in all' % waited, flush=True)

got = rows(db, """SELECT id, sla_state::text, sla_breached_at - opened_at, sla_breached_at = sla_first_response_due
                  FROM ticket ORDER BY id""")
check(got == [(1, 'breached', datetime.timedelta(seconds=6), True),
              (2, 'breached', datetime.timedelta(seconds=6), True)],
      'both rows flagged breached with no application write, sla_breached_at = the due instant', got)

runs = rows(db, """SELECT runid, job_pid, database, username = current_user, command, status, return_message,
                          start_time FROM cron.job_run_details WHERE jobid = %s ORDER BY runid""", (jobid,))
check(len(runs) >= 1 and all(r[2:7] == (DB, True, 'select sla.sweep()', 'succeeded', 'SELECT 1') for r in runs),
      'cron.job_run_details: every run of the job succeeded (%d run(s))' % len(runs), runs)

events = rows(db, """SELECT id, row_key, kind, event, at, detail FROM sla.event ORDER BY id""")
want_events = []
for n in (1, 2):
    for event, after in (('at_risk', 3), ('breached', 6)):
        want_events.append(({'id': n}, 'first_response', event, opened[n] + datetime.timedelta(seconds=after),
                            'sweep'))
check([(e[1], e[2], e[3], e[4], e[5].get('source')) for e in events] == want_events
      and [e[0] for e in events] == [1, 2, 3, 4],
      'sla.event: at_risk then breached per ticket, at the crossing instants, written by the sweep', events)

# the payloads, exactly: ids in order, from the cron worker that marked the row
want_payloads = []
for i, (key, kind, event, at, source) in enumerate(want_events):
    n = key['id']
    want_payloads.append(json.dumps({
        'id': i + 1, 'tbl': 'public.ticket', 'kind': kind, 'event': event, 'at': iso(at), 'row_key': key,
        'detail': {'due': iso(opened[n] + datetime.timedelta(seconds=6)),
                   'warn': iso(opened[n] + datetime.timedelta(seconds=3)),
                   'policy': 'cron', 'priority': 'P1', 'source': source}}))
check([(x.channel, x.payload) for x in notes] == [('sla_events', p) for p in want_payloads],
      'the listening client received the 4 notifications, in order, with their payloads',
      '\n'.join(x.payload for x in notes))
pids = {r[1] for r in runs}
check(len(notes) == 4 and all(x.pid in pids for x in notes),
      'the notifications came from the cron job\'s background workers (job_pid)',
      [(x.pid, pids) for x in notes])
marked = [r for r in runs if r[1] == (notes[-1].pid if notes else None)]
breached_at = rows(db, 'SELECT sla_breached_at FROM ticket WHERE id = 2')[0][0]
check(len(marked) == 1 and marked[0][7] > breached_at,
      'the run that flagged ticket 2 started after its due: sla_breached_at is not the sweep time',
      (marked, breached_at))

check(rows(db, "SELECT cron.unschedule('sla-sweep')") == [(True,)]
      and rows(db, 'SELECT count(*) FROM cron.job') == [(0,)],
      'cron.unschedule removed the job')
listener.close()
db.close()
rows(admin, 'DROP DATABASE ' + DB + ' WITH (FORCE)')
admin.close()
sys.exit(1 if failures else 0)
