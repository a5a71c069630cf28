#!/usr/bin/env bash
# The 1st-grade enrollment morning (issue 6) on regional data:
#   1. sustained acknowledged applications per second (closed loop, CONNECTIONS connections, after WARMUP s of warm-up),
#      with the signed-in bare page measured in the same run as the baseline;
#   2. a burst of 20,000 submissions in 10 s (open loop; each submission pressed 3 times with the same idempotency
#      key): every answer must be 201, 429 or 503 — no 500s, no timeouts — and every 201 must be in the database;
#   3. a crash test: families press again with their key until acknowledged while the server is killed with SIGKILL
#      KILLS times and restarted; then every acknowledged application must be in the database exactly once and every
#      campaign's numbers must run 1..N without gaps.
#
#   bash bench/enrollment.sh                                  # SQLite, region data in bench/.data/sqlite
#   bash bench/enrollment.sh postgresql "Host=127.0.0.1;Port=5432;Username=postgres;Database=kabinet_bench"
#
# Loads `seed --scale region` once (reused afterwards), then `bench enrollment-setup` gives FAMILIES region parents
# accounts (bench.zapis.00001 …) and opens the 1st-grade campaign of the coming school year today in their
# municipalities, as an operator would. Each run adds applications: every family applies to schools it has not
# applied to yet. For PostgreSQL, keep fsync and synchronous_commit on (the defaults): acknowledged = durable.
# Environment: FAMILIES (8000), CONNECTIONS (64), DURATION (10 s), WARMUP (60 s), BURST (20000), BURST_FAMILIES (3000),
# KILLS (3). The sustained run takes all the families: at ~700/s for 70 s, with 20 submissions a minute per account,
# fewer run out of schools or meet the per-account limit (429) instead of measuring the server. The burst comes from
# the first BURST_FAMILIES of them, the crash test from the first 1,000.
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:-sqlite}
connection=${2:-}
port=5099
data=bench/.data/$provider
mkdir -p "$data"
families=${FAMILIES:-8000}

dotnet build src/Kabinet.Web -c Release -v q -nologo >/dev/null
dotnet build bench/Kabinet.Bench -c Release -v q -nologo >/dev/null
app_dir=src/Kabinet.Web/bin/Release/net10.0
settings=("--Kabinet:DataDirectory=$PWD/$data" "--Logging:LogLevel:Default=Warning" "--Logging:LogLevel:Microsoft.AspNetCore.HttpLogging=Warning")
if [ "$provider" = postgresql ]; then
    settings+=("--Database:Provider=PostgreSql" "--Database:ConnectionString=$connection")
fi

export ASPNETCORE_ENVIRONMENT=Production
kabinet() { (cd "$app_dir" && dotnet Kabinet.Web.dll "$@"); }
if ! kabinet seed --scale region "${settings[@]}" 2>"$data/seed.err"; then
    if grep -q "уже содержит данные" "$data/seed.err"; then
        echo "(the database already holds data: reusing it)"
    else
        cat "$data/seed.err"; exit 1
    fi
fi

# The development mail transport writes every letter (one per application) into $data/mail; a folder of millions of
# files from earlier runs makes each new file cost more, so each run starts with an empty one.
rm -rf "$data/mail"

plan=$data/enrollment-plan.tsv
receipts=$data/enrollment-receipts.tsv
: >"$receipts"
kabinet bench enrollment-setup "${settings[@]}" "--Bench:Families=$families" "--Bench:Plan=$PWD/$plan"

app_pid=
start_app() {
    # shellcheck disable=SC2086 # KABINET_SETTINGS is a list of separate settings
    (cd "$app_dir" && exec dotnet Kabinet.Web.dll "${settings[@]}" ${KABINET_SETTINGS:-} --Kabinet:BenchmarkBaseline=true --urls "http://127.0.0.1:$port") >>"$data/app.log" 2>&1 &
    app_pid=$!
    for _ in $(seq 1 120); do
        if curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null; then return 0; fi
        sleep 0.5
    done
    echo "Kabinet did not become ready:"; tail -20 "$data/app.log"; exit 1
}
trap 'if [ -n "$app_pid" ]; then kill -9 $app_pid 2>/dev/null || true; fi' EXIT
start_app
bench() { dotnet bench/Kabinet.Bench/bin/Release/net10.0/Kabinet.Bench.dll enroll "$@" --base "http://127.0.0.1:$port" --plan "$plan" --receipts "$receipts"; }
check() { kabinet bench enrollment-check "${settings[@]}" "--Bench:Receipts=$PWD/$receipts"; }
status=0

echo "Provider: $provider; machine: $(nproc) CPUs, $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "== 1. Sustained: $families families, ${CONNECTIONS:-64} connections, ${DURATION:-10} s after ${WARMUP:-60} s of warm-up"
bench sustained --families "$families" --connections "${CONNECTIONS:-64}" --seconds "${DURATION:-10}" --warmup "${WARMUP:-60}" --submissions 1000000 || status=1

echo "== 2. Burst: ${BURST:-20000} requests in 10 s from ${BURST_FAMILIES:-3000} families"
bench burst --families "${BURST_FAMILIES:-3000}" --requests "${BURST:-20000}" --seconds 10 --attempts 3 || status=1
check || status=1

echo "== 3. Crash: SIGKILL ${KILLS:-3} times during a stream of submissions"
ready=$data/enrollment-ready
rm -f "$ready"
bench crash --families 1000 --submissions 1000 --requests 300 --seconds 1 --deadline 180 --ready-file "$PWD/$ready" &
client=$!
while [ ! -f "$ready" ]; do sleep 0.5; done
for kill in $(seq 1 "${KILLS:-3}"); do
    sleep "$(awk -v r="$RANDOM" 'BEGIN { printf "%.1f", 1 + (r % 20) / 10 }')"
    kill -9 "$app_pid"; wait "$app_pid" 2>/dev/null || true
    echo "   SIGKILL $kill at $(date +%T.%N | cut -c1-12); restarting"
    start_app
done
wait "$client" || status=1
check || status=1
exit $status
