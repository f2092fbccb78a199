#!/usr/bin/env bash
# Drill: SIGKILL the application in the middle of a load of acknowledged writes (drafting items and submitting them,
# which starts their approval chains), restart it on the same data directory (embedded PostgreSQL), then check that
# every acknowledged write is there exactly once, that nothing unacknowledged is half-applied, and that the audit
# chain verifies. Usage: kill9.sh [clients] [seconds of load before the kill]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CLIENTS="${1:-8}"
LOAD_SECONDS="${2:-30}"
HTTP_PORT=8131
PG_PORT=8149
RUN="K9$(date +%H%M%S)"
DIR="$WORK/kill9"
rm -rf "$DIR"; mkdir -p "$DIR"
trap cleanup_apps EXIT
BASE="http://localhost:$HTTP_PORT"
ARGS=(--campusgate.embedded-database.port=$PG_PORT)
export CAMPUSGATE_DATA_DIR="$DIR/data"

log "kill9: starting the application (embedded PostgreSQL in $DIR/data)"
app_start kill9-first "$HTTP_PORT" "${ARGS[@]}"
pid=$APP_PID
first_start=$(app_wait_ready "$HTTP_PORT" 600)
log "ready after ${first_start}s; $CLIENTS clients drafting and submitting for ${LOAD_SECONDS}s"

users=(dept.fire dept.police dept.health dept.justice)
stop="$DIR/stop"
clients=()
for c in $(seq 1 "$CLIENTS"); do
  write_client "$BASE" "${users[$(( (c - 1) % ${#users[@]} ))]}" "演练$RUN-c$c" "$stop" "$DIR/client-$c.log" &
  clients+=($!)
done
sleep "$LOAD_SECONDS"
kill -9 "$pid"
killed_at=$(now_ms)
log "SIGKILL sent to the application (pid $pid)"
sleep 2
touch "$stop"
wait "${clients[@]}"
orphan=$(ps -eo pid,args | grep -c "[p]ostgres -D $DIR/data/postgres" || true)

cat "$DIR"/client-*.log >"$DIR/all.log"
acked_drafts=$(awk '$2 == "draft" && $4 == 201 { print $3 }' "$DIR/all.log")
acked_submits=$(awk '$2 == "submit" && $4 == 200 { print $3 }' "$DIR/all.log")
n_drafts=$(grep -c . <<<"$acked_drafts" || true)
n_submits=$(grep -c . <<<"$acked_submits" || true)
sent=$(wc -l <"$DIR/all.log")
by_status=$(awk '{ print $2 " " $4 }' "$DIR/all.log" | sort | uniq -c | awk '{ printf "%s %s: %s; ", $2, $3, $1 }')
in_flight=$(awk -v k="$killed_at" '$1 >= k' "$DIR/all.log" | wc -l)

log "restarting on the same data directory (PostgreSQL left running by the killed JVM: $orphan process)"
restart_began=$(date +%s)
app_start kill9-restart "$HTTP_PORT" "${ARGS[@]}"
restart_seconds=$(app_wait_ready "$HTTP_PORT" 600) || restart_seconds="failed"

failures=0
fail() { log "FAIL: $*"; failures=$((failures + 1)); }
[[ "$restart_seconds" != failed ]] || fail "the application did not come back on its data directory"
if (( orphan > 0 )); then
  grep -q "left by an earlier run still holds" "$WORK/kill9-restart.log" \
    || fail "the restart did not report stopping the PostgreSQL left running"
fi
(( n_drafts > 0 && n_submits > 0 )) || fail "no acknowledged writes before the kill"

q() { sql "$PG_PORT" postgres "$1"; }
values() { # newline-separated words -> SQL VALUES list of text
  sed "s/'/''/g; s/.*/('&')/" | paste -sd, -
}
if [[ "$restart_seconds" != failed ]]; then
  # 1. every acknowledged draft is there exactly once
  if (( n_drafts > 0 )); then
    bad_drafts=$(q "SELECT count(*) FROM (VALUES $(values <<<"$acked_drafts")) a(title)
                    WHERE (SELECT count(*) FROM item i WHERE i.title = a.title) <> 1")
    (( bad_drafts == 0 )) || fail "$bad_drafts acknowledged drafts missing or duplicated"
  fi
  # 2. every acknowledged submission: item submitted, one chain with an open step, one audit entry
  if (( n_submits > 0 )); then
    bad_submits=$(q "SELECT count(*) FROM (VALUES $(values <<<"$acked_submits")) a(id)
        WHERE (SELECT status FROM item WHERE id = a.id::bigint) = 'DRAFT'
           OR (SELECT count(*) FROM approval p WHERE p.item_id = a.id::bigint) <> 1
           OR (SELECT count(*) FROM approval_task t JOIN approval p ON p.id = t.approval_id
               WHERE p.item_id = a.id::bigint AND t.status = 'OPEN') < 1
           OR (SELECT count(*) FROM audit_entry e WHERE e.subject = 'item:' || a.id AND e.action = 'item.submitted') <> 1")
    (( bad_submits == 0 )) || fail "$bad_submits acknowledged submissions missing, duplicated or incomplete"
  fi
  # 3. nothing half-applied among all the drill's items, acknowledged or not
  half=$(q "SELECT count(*) FROM item i WHERE i.title LIKE '演练$RUN-%' AND (
        (SELECT count(*) FROM audit_entry e WHERE e.subject = 'item:' || i.id AND e.action = 'item.drafted') <> 1
     OR (i.status = 'DRAFT') <> ((SELECT count(*) FROM approval p WHERE p.item_id = i.id) = 0)
     OR (i.status = 'DRAFT') <> ((SELECT count(*) FROM audit_entry e WHERE e.subject = 'item:' || i.id
                                   AND e.action = 'item.submitted') = 0)
     OR (i.status <> 'DRAFT' AND (SELECT count(*) FROM approval_task t JOIN approval p ON p.id = t.approval_id
                                   WHERE p.item_id = i.id AND t.status = 'OPEN') <> 1)
     OR (i.status <> 'DRAFT' AND (SELECT count(*) FROM approval_trace r JOIN approval p ON p.id = r.approval_id
                                   WHERE p.item_id = i.id) < 1))")
  [[ "$half" == 0 ]] || fail "$half drill items half-applied (draft/chain/audit/trace disagree)"
  orphans=$(q "SELECT (SELECT count(*) FROM approval p WHERE NOT EXISTS (SELECT 1 FROM approval_task t WHERE t.approval_id = p.id))
             + (SELECT count(*) FROM approval_trace r WHERE NOT EXISTS (SELECT 1 FROM approval p WHERE p.id = r.approval_id))")
  [[ "$orphans" == 0 ]] || fail "$orphans chains without tasks or trace rows without a chain"
  found_items=$(q "SELECT count(*) FROM item WHERE title LIKE '演练$RUN-%'")
  found_submitted=$(q "SELECT count(*) FROM item WHERE title LIKE '演练$RUN-%' AND status <> 'DRAFT'")
  verify=$(audit_verify "$HTTP_PORT")
  [[ $(jq -r .valid <<<"$verify") == true ]] || fail "audit chain: $verify"
fi

summary kill9 "$failures" \
  "load: $CLIENTS clients for ${LOAD_SECONDS}s, $sent requests ($by_status)" \
  "acknowledged before SIGKILL: $n_drafts drafts, $n_submits submissions; requests answered or failed after the kill: $in_flight" \
  "PostgreSQL processes left running by the killed JVM: $orphan (stopped by the restart)" \
  "restart on the same data directory: ready after ${restart_seconds}s (first start ${first_start}s)" \
  "found after restart: ${found_items:-?} drill items, ${found_submitted:-?} submitted; acknowledged drafts missing/duplicated: ${bad_drafts:-?}; acknowledged submissions missing/incomplete: ${bad_submits:-?}" \
  "half-applied items: ${half:-?}; chains without tasks or stray trace rows: ${orphans:-?}" \
  "audit verify: ${verify:-not reached}"
