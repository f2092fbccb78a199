#!/usr/bin/env bash
# Drill: restart PostgreSQL under load. The application runs against a standalone PostgreSQL 17 (the same server it
# embeds, started by this script); clients read and write while the server is stopped (fast shutdown) for a while and
# started again. Every request during the outage must get 503 with a problem detail, nothing else may fail, and the
# application must serve again by itself. Usage: db-restart.sh [outage seconds] [clients]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

OUTAGE="${1:-10}"
CLIENTS="${2:-4}"
HTTP_PORT=8132
PG_PORT=8148
DIR="$WORK/db-restart"
rm -rf "$DIR"; mkdir -p "$DIR"
BASE="http://localhost:$HTTP_PORT"
PGDATA_DIR="$DIR/pgdata"
stop_pg() { pg_ctl_do "$PGDATA_DIR" stop -m fast 2>/dev/null || true; }
trap 'cleanup_apps; stop_pg' EXIT

log "db-restart: standalone PostgreSQL on port $PG_PORT"
pg_init_start "$PGDATA_DIR" "$PG_PORT"
sql "$PG_PORT" postgres "CREATE DATABASE campusgate" >/dev/null
export CAMPUSGATE_DB_URL="jdbc:postgresql://localhost:$PG_PORT/campusgate" CAMPUSGATE_DB_USER=postgres CAMPUSGATE_DB_PASSWORD=
app_start db-restart "$HTTP_PORT"
first_start=$(app_wait_ready "$HTTP_PORT" 600)
log "application ready after ${first_start}s; load: $CLIENTS readers and $CLIENTS writers"
web_login "$BASE" commission "$DIR/cookies"

stop="$DIR/stop"
clients=()
for c in $(seq 1 "$CLIENTS"); do
  read_client "$BASE" "$stop" "$DIR/read-$c.log" &
  clients+=($!)
  write_client "$BASE" dept.health "演练DB$(date +%H%M%S)-c$c" "$stop" "$DIR/write-$c.log" &
  clients+=($!)
done
sleep 8
down_at=$(now_ms)
pg_ctl_do "$PGDATA_DIR" stop -m fast
log "PostgreSQL stopped (fast shutdown); down for ${OUTAGE}s"
sleep 3
page=$(curl -s -m 20 -b "$DIR/cookies" -w '\n%{http_code} %{content_type}' "$BASE/approvals" || true)
api_en=$(curl -s -m 20 -u "commission:$PASSWORD" -H 'Accept-Language: en' "$BASE/api/v1/approvals/inbox" || true)
api_zh=$(curl -s -m 20 -u "commission:$PASSWORD" "$BASE/api/v1/approvals/inbox" || true)
readiness_down=$(curl -s -m 20 -o /dev/null -w '%{http_code}' "$BASE/actuator/health/readiness" || true)
liveness_down=$(curl -s -m 20 -o /dev/null -w '%{http_code}' "$BASE/actuator/health/liveness" || true)
sleep $(( OUTAGE > 3 ? OUTAGE - 3 : 1 ))
pg_ctl_do "$PGDATA_DIR" start
up_at=$(now_ms)
log "PostgreSQL started again; load goes on for 25 s"
sleep 25
touch "$stop"; wait "${clients[@]}"
after=$(curl -s -o /dev/null -w '%{http_code}' -b "$DIR/cookies" "$BASE/approvals")

failures=0
fail() { log "FAIL: $*"; failures=$((failures + 1)); }
cat "$DIR"/read-*.log "$DIR"/write-*.log | sort -n >"$DIR/all.log"
total=$(wc -l <"$DIR/all.log")
by_status=$(awk '{ print $4 }' "$DIR/all.log" | sort | uniq -c | awk '{ printf "%s: %s; ", $2, $1 }')
# Answers that arrived while the server was down (a request sent just before may still have succeeded).
during=$(awk -v a="$((down_at + 1000))" -v b="$up_at" '$1 >= a && $1 <= b' "$DIR/all.log")
during_total=$(grep -c . <<<"$during" || true)
during_503=$(awk '$4 == 503' <<<"$during" | grep -c . || true)
during_problem=$(awk '$2 == "read" && $4 == 503 && $5 ~ /application\/problem\+json/' <<<"$during" | grep -c . || true)
during_read_503=$(awk '$2 == "read" && $4 == 503' <<<"$during" | grep -c . || true)
unexpected=$(awk '$4 !~ /^(200|201|503)$/' "$DIR/all.log" | grep -c . || true)
first_ok=$(awk -v b="$up_at" '$1 > b && $4 ~ /^20/ { print $1; exit }' "$DIR/all.log")
recovery=$([[ -n "$first_ok" ]] && awk -v a="$first_ok" -v b="$up_at" 'BEGIN { printf "%.1f", (a - b) / 1000 }' || echo never)
tail_errors=$(awk -v t="$(( $(now_ms) - 12000 ))" '$1 >= t && $4 !~ /^20/' "$DIR/all.log" | grep -c . || true)
first_503=$(awk -v a="$down_at" '$1 >= a && $4 == 503 { print $1; exit }' "$DIR/all.log")

(( during_total > 0 && during_503 == during_total )) || fail "$during_503 of $during_total answers during the outage were 503"
(( during_problem == during_read_503 && during_read_503 > 0 )) || fail "503s of the API not all problem details"
(( unexpected == 0 )) || fail "$unexpected answers other than 200/201/503: $(awk '$4 !~ /^(200|201|503)$/' "$DIR/all.log" | head -3 | tr '\n' ' ')"
[[ "$recovery" != never ]] && awk -v r="$recovery" 'BEGIN { exit !(r <= 30) }' || fail "no recovery within 30 s ($recovery)"
(( tail_errors == 0 )) || fail "$tail_errors failed answers in the last 12 s"
[[ "$(tail -n 1 <<<"$page")" == "503 text/html"* && "$page" == *系统暂时无法连接数据库* ]] || fail "page during the outage: $(tail -n 1 <<<"$page")"
[[ $(jq -r .detail <<<"$api_en" 2>/dev/null) == *"cannot reach its database"* ]] || fail "English problem detail: $api_en"
[[ $(jq -r .detail <<<"$api_zh" 2>/dev/null) == *数据库* ]] || fail "Chinese problem detail: $api_zh"
[[ "$readiness_down" == 503 && "$liveness_down" == 200 ]] || fail "probes during the outage: readiness $readiness_down, liveness $liveness_down"
[[ "$after" == 200 ]] || fail "the signed-in page after recovery: $after (the session lives in PostgreSQL)"
verify=$(audit_verify "$HTTP_PORT")
[[ $(jq -r .valid <<<"$verify") == true ]] || fail "audit chain: $verify"

summary db-restart "$failures" \
  "load: $CLIENTS readers + $CLIENTS writers, $total answers ($by_status)" \
  "outage: PostgreSQL down $(( (up_at - down_at) / 1000 ))s (pg_ctl stop -m fast, start after ${OUTAGE}s plus the samples below); first 503 $(( ${first_503:-$down_at} - down_at )) ms after the stop" \
  "answers during the outage: $during_total, of which 503: $during_503 (API problem+json: $during_problem of $during_read_503 reads)" \
  "answers other than 200/201/503 over the whole run: $unexpected" \
  "detail zh: $(jq -r .detail <<<"$api_zh" 2>/dev/null)" \
  "detail en: $(jq -r .detail <<<"$api_en" 2>/dev/null)" \
  "page during the outage: $(tail -n 1 <<<"$page"); probes: readiness $readiness_down, liveness $liveness_down" \
  "recovery: first success ${recovery}s after PostgreSQL was started again, without restarting the application; failures in the last 12 s: $tail_errors" \
  "signed-in page after recovery: $after; audit verify: $verify"
