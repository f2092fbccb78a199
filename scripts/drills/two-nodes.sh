#!/usr/bin/env bash
# Drill: two application nodes on one PostgreSQL. A user signed in on node A keeps the session on node B (and signing
# out on B ends it on A); every scheduled job runs every 5 seconds on both nodes, and each deadline or reminder it acts
# on is flagged, audited and notified exactly once. Usage: two-nodes.sh [seconds the jobs run]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

JOB_SECONDS="${1:-16}"
PORT_A=8133
PORT_B=8134
PG_PORT=8147
DIR="$WORK/two-nodes"
rm -rf "$DIR"; mkdir -p "$DIR"
PGDATA_DIR="$DIR/pgdata"
stop_pg() { pg_ctl_do "$PGDATA_DIR" stop -m fast 2>/dev/null || true; }
trap 'cleanup_apps; stop_pg' EXIT
A="http://localhost:$PORT_A"
B="http://localhost:$PORT_B"
CRON='*/5 * * * * *'
JOBS=(--campusgate.approval.overdue-cron="$CRON" --campusgate.committee.reminder-cron="$CRON"
      --campusgate.supervision.overdue-cron="$CRON" --campusgate.evaluation.daily-cron="$CRON"
      --campusgate.whitelist.archive-cron="$CRON")

pg_init_start "$PGDATA_DIR" "$PG_PORT"
sql "$PG_PORT" postgres "CREATE DATABASE campusgate" >/dev/null
export CAMPUSGATE_DB_URL="jdbc:postgresql://localhost:$PG_PORT/campusgate" CAMPUSGATE_DB_USER=postgres CAMPUSGATE_DB_PASSWORD=
log "two-nodes: node A on $PORT_A (creates the schema and the demo), then node B on $PORT_B"
app_start node-a "$PORT_A" "${JOBS[@]}"
ready_a=$(app_wait_ready "$PORT_A" 600)
app_start node-b "$PORT_B" "${JOBS[@]}"
ready_b=$(app_wait_ready "$PORT_B" 600)
log "A ready after ${ready_a}s, B after ${ready_b}s"

failures=0
fail() { log "FAIL: $*"; failures=$((failures + 1)); }

# --- the session moves between nodes -------------------------------------------------------------------------------
jar="$DIR/cookies"
web_login "$A" commission "$jar"
on_a=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$A/approvals")
page_b=$(curl -s -w '\n%{http_code}' -b "$jar" "$B/approvals")
on_b=$(tail -n 1 <<<"$page_b")
[[ "$on_a" == 200 && "$on_b" == 200 ]] || fail "signed in on A: A answers $on_a, B answers $on_b"
token=$(grep -o '<meta name="_csrf" content="[^"]*"' <<<"$page_b" | sed 's/.*content="//; s/"$//')
logout_b=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$jar" -c "$jar" --data-urlencode "_csrf=$token" "$B/logout")
after_a=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$jar" "$A/approvals")
[[ "$logout_b" == 302*logout* ]] || fail "sign-out on B with the CSRF token of B's page: $logout_b"
[[ "$after_a" == 302*login* ]] || fail "A after signing out on B: $after_a"

# --- scheduled jobs fire once across the two nodes -----------------------------------------------------------------
q() { sql "$PG_PORT" campusgate "$1"; }
audited() { q "SELECT count(*) FROM audit_entry WHERE action = '$1'"; }
before_overdue=$(audited approval.step-overdue); before_panel=$(audited committee.panel-reminded)
before_school=$(audited evaluation.school-reminded); before_case=$(audited supervision.case-overdue)
before_notices=$(q "SELECT count(*) FROM notification WHERE message_key = 'notice.committee.reminder'")
# Deadlines pass: open steps two days late, panels due today, schools asked a month ago, cases late.
tasks=$(q "WITH t AS (UPDATE approval_task SET due_on = current_date - 3 WHERE status = 'OPEN' AND NOT overdue_reported
           RETURNING id) SELECT count(*) FROM t")
panels=$(q "WITH p AS (UPDATE panel SET deadline = current_date WHERE status = 'CONVENED' AND reminded_round < round
            RETURNING id, round) SELECT count(*) FROM p")
pending=$(q "SELECT count(*) FROM panel_review r JOIN panel p ON p.id = r.panel_id WHERE p.status = 'CONVENED'
             AND p.deadline = current_date AND p.reminded_round < p.round AND r.round = p.round
             AND r.status IN ('AWAITING_DECLARATION', 'IN_REVIEW')")
q "UPDATE evaluated_activity SET closes_on = current_date + 10" >/dev/null
# The demo's sampled schools may all have answered: every request becomes one asked a month ago, unanswered.
schools=$(q "WITH f AS (UPDATE school_feedback SET asked_on = current_date - 30, reminded_on = NULL, answered_on = NULL,
             held = NULL, usefulness = NULL, burden = NULL, duplication = NULL RETURNING id) SELECT count(*) FROM f")
cases=$(q "WITH c AS (UPDATE supervision_case SET due_on = current_date - 2 WHERE status <> 'CLOSED' AND NOT overdue
           RETURNING id) SELECT count(*) FROM c")
log "arranged: $tasks overdue steps, $panels panels due ($pending members pending), $schools schools to remind, $cases cases late; waiting ${JOB_SECONDS}s"
sleep "$JOB_SECONDS"
got_overdue=$(( $(audited approval.step-overdue) - before_overdue ))
got_panel=$(( $(audited committee.panel-reminded) - before_panel ))
got_school=$(( $(audited evaluation.school-reminded) - before_school ))
got_case=$(( $(audited supervision.case-overdue) - before_case ))
got_notices=$(( $(q "SELECT count(*) FROM notification WHERE message_key = 'notice.committee.reminder'") - before_notices ))
twice=$(q "SELECT count(*) FROM (SELECT approval_id, step_no FROM approval_trace WHERE kind = 'OVERDUE'
           GROUP BY 1, 2 HAVING count(*) > 1) x")
(( tasks > 0 && panels > 0 && schools > 0 && cases > 0 )) || fail "nothing arranged for some job"
(( got_overdue == tasks )) || fail "overdue steps audited $got_overdue times for $tasks steps"
(( got_panel == panels )) || fail "panel reminders audited $got_panel times for $panels panels"
(( got_notices == pending )) || fail "$got_notices reminder notices for $pending pending members"
(( got_school == schools )) || fail "school reminders audited $got_school times for $schools schools"
(( got_case == cases )) || fail "case escalations audited $got_case times for $cases cases"
(( twice == 0 )) || fail "$twice steps with more than one OVERDUE trace row"
job_errors=$(cat "$WORK/node-a.log" "$WORK/node-b.log" | grep -c "Unexpected error occurred in scheduled task" || true)
(( job_errors == 0 )) || fail "$job_errors scheduled-job errors in the nodes' logs"
verify=$(audit_verify "$PORT_B")
[[ $(jq -r .valid <<<"$verify") == true ]] || fail "audit chain: $verify"

summary two-nodes "$failures" \
  "nodes: A ready after ${ready_a}s, B after ${ready_b}s, one PostgreSQL 17 on port $PG_PORT" \
  "session: signed in on A (form, CSRF) -> A $on_a, B $on_b; signed out on B -> $logout_b; A then -> $after_a" \
  "jobs every 5 s on both nodes for ${JOB_SECONDS}s:" \
  "  approval overdue steps: $tasks due, $got_overdue flagged+audited, steps with two OVERDUE rows: $twice" \
  "  committee panel reminders: $panels panels, $got_panel audited, $got_notices notices for $pending pending members" \
  "  evaluation school reminders: $schools due, $got_school audited" \
  "  supervision overdue cases: $cases late, $got_case escalations audited" \
  "scheduled-job errors in the logs: $job_errors; audit verify: $verify"
