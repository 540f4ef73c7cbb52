#!/usr/bin/env bash
# One node and two nodes on one MariaDB, side by side: intakes/s, whole retirement cases/s (p50/p95) and
# messages/s through the HTTP sender.
#
#   mvn -B -DskipTests -Pbench clean package && src/bench/two-nodes.sh
#
# For each of the two set-ups the database is dropped and created afresh, the node(s) are started from the
# built jar (mysql profile, demo users, the HTTP sender pointed at a stand-in SMS gateway), and the jar's client
# mode (--bench.remote, which boots no Spring) opens and works the cases over HTTP, round robin over the nodes,
# as the hall's people would. The nodes are stopped after each set-up. Settings (environment):
#   BENCH_DB       scratch database, must contain "bench" (dropped!)   default yijianshi_bench_nodes
#   BENCH_CASES    timed cases (N intakes, then N whole cases)        default 30
#   BENCH_THREADS  client threads                                      default 4
#   BENCH_WARMUP   untimed whole cases per node first                  default 5
#   BENCH_JAR      default target/yijianshi.jar; BENCH_PORT1/2 default 18081/18082; BENCH_GATEWAY_PORT 18099
#   BENCH_RELAY_INTERVAL  each node's outbox relay schedule            default PT1S
#   MYSQL_HOST / MYSQL_PORT / MYSQL_USER                               default 127.0.0.1 / 3306 / root
# Node logs go to target/bench-nodes/. Needs java, curl, jq and the mysql client.
set -euo pipefail

cd "$(dirname "$0")/../.."
JAR=${BENCH_JAR:-target/yijianshi.jar}
DB=${BENCH_DB:-yijianshi_bench_nodes}
CASES=${BENCH_CASES:-30}
THREADS=${BENCH_THREADS:-4}
WARMUP=${BENCH_WARMUP:-5}
PORT1=${BENCH_PORT1:-18081}
PORT2=${BENCH_PORT2:-18082}
GATEWAY_PORT=${BENCH_GATEWAY_PORT:-18099}
RELAY_INTERVAL=${BENCH_RELAY_INTERVAL:-PT1S}
MYSQL_HOST=${MYSQL_HOST:-127.0.0.1}
MYSQL_PORT=${MYSQL_PORT:-3306}
MYSQL_USER=${MYSQL_USER:-root}
LOGS=target/bench-nodes

if [[ "$DB" != *bench* ]]; then
  echo "压测库名必须含 bench（它会被删除重建）/ the bench database's name must contain \"bench\" (it is dropped): $DB" >&2
  exit 2
fi
[[ -f "$JAR" ]] || { echo "找不到 $JAR，请先 mvn -B -DskipTests -Pbench clean package / $JAR not found: build the bench jar first" >&2; exit 2; }
mkdir -p "$LOGS"

sql() { mysql --protocol=TCP -h"$MYSQL_HOST" -P"$MYSQL_PORT" -u"$MYSQL_USER" "$@"; }

NODE_PIDS=()
stop_nodes() {
  for pid in "${NODE_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${NODE_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  NODE_PIDS=()
}
trap stop_nodes EXIT

start_node() { # port, log file
  YIJIANSHI_DB_URL="jdbc:mysql://$MYSQL_HOST:$MYSQL_PORT/$DB?characterEncoding=UTF-8&useUnicode=true&connectionCollation=utf8mb4_unicode_ci&sendFractionalSeconds=false&nullCatalogMeansCurrent=true&useCursorFetch=true&createDatabaseIfNotExist=true" \
  YIJIANSHI_DB_USER="$MYSQL_USER" \
    java -Xmx512m -jar "$JAR" --spring.profiles.active=mysql --yijianshi.demo-users=true --server.port="$1" \
      --yijianshi.notify.sender=http --yijianshi.notify.http.url="http://127.0.0.1:$GATEWAY_PORT/messages" \
      --yijianshi.notify.http.secret=bench --yijianshi.outbox.relay-interval="$RELAY_INTERVAL" >"$2" 2>&1 &
  NODE_PIDS+=($!)
}

await_node() { # port
  for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$1/actuator/health" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "节点 :$1 未能启动 / node :$1 did not come up, see $LOGS" >&2
  return 1
}

run_setup() { # number of nodes → prints the client's BENCH_RESULT json
  local nodes=$1 remote="http://127.0.0.1:$PORT1"
  trap stop_nodes EXIT  # $(...) runs this in a subshell, which does not inherit the script's trap
  sql -e "DROP DATABASE IF EXISTS \`$DB\`; CREATE DATABASE \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  # One at a time, so the second node finds the schema and the demo users in place.
  start_node "$PORT1" "$LOGS/node1-of-$nodes.log"
  await_node "$PORT1"
  if [[ "$nodes" == 2 ]]; then
    start_node "$PORT2" "$LOGS/node2-of-$nodes.log"
    await_node "$PORT2"
    remote="$remote,http://127.0.0.1:$PORT2"
  fi
  java -Xmx256m -jar "$JAR" --bench.remote="$remote" --bench.cases="$CASES" \
    --bench.threads="$THREADS" --bench.warmup="$WARMUP" --bench.gateway-port="$GATEWAY_PORT" \
    | tee "$LOGS/client-$nodes.log" >&2
  echo "outbox after $nodes node(s):" >&2
  sql -N -e "SELECT status, COUNT(*) FROM \`$DB\`.notification_outbox GROUP BY status" >&2
  stop_nodes
  grep '^BENCH_RESULT ' "$LOGS/client-$nodes.log" | sed 's/^BENCH_RESULT //'
}

ONE=$(run_setup 1)
TWO=$(run_setup 2)

printf '\n%-24s %12s %12s\n' "($(nproc) cores, $CASES cases)" "one node" "two nodes"
for field in intakes_per_s intake_p50_ms intake_p95_ms cases_per_s case_p50_ms case_p95_ms \
             messages_delivered messages_repeated messages_per_s; do
  printf '%-24s %12s %12s\n' "$field" "$(jq -r ".$field" <<<"$ONE")" "$(jq -r ".$field" <<<"$TWO")"
done
echo
jq -c -n --argjson one "$ONE" --argjson two "$TWO" --arg cores "$(nproc)" '{
  cores: ($cores | tonumber), cases: $one.cases, threads: $one.threads,
  one_node_intakes_per_s: $one.intakes_per_s, two_nodes_intakes_per_s: $two.intakes_per_s,
  one_node_cases_per_s: $one.cases_per_s, two_nodes_cases_per_s: $two.cases_per_s,
  one_node_case_p50_ms: $one.case_p50_ms, two_nodes_case_p50_ms: $two.case_p50_ms,
  one_node_case_p95_ms: $one.case_p95_ms, two_nodes_case_p95_ms: $two.case_p95_ms,
  one_node_messages_per_s: $one.messages_per_s, two_nodes_messages_per_s: $two.messages_per_s,
  two_nodes_messages_repeated: $two.messages_repeated}' | sed 's/^/BENCH /'
