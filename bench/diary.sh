#!/usr/bin/env bash
# Kabinet benchmark of the parent's diary week page on regional data (issue 5: ≥ 1,000 req/s, p95 ≤ 50 ms).
#
#   bash bench/diary.sh                                  # SQLite, region data in bench/.data/sqlite
#   bash bench/diary.sh postgresql "Host=127.0.0.1;Port=5432;Username=postgres;Database=kabinet_bench"
#
# Builds Kabinet in Release, loads `seed --scale region` once (a term of lessons, marks and homework for every
# school), starts Kabinet on 127.0.0.1:5099 in Production mode with its baseline page (/bench/bare) and signs in
# 50 parents of students of 50 different schools (bench.dnevnik.01 … 50, created by the region seed), one
# connection each; each opens the diary week of their own child (/diary/{my-child}: the first child /diary links
# to). The bare page is measured signed in the same way. Each target runs twice: a closed loop (every connection
# sends again as soon as it is answered: the ceiling, with the latency of a saturated server), then an open loop at
# RATE requests/s (the target's 1,000/s; latency counted from when each request was due). Environment:
# SECONDS_PER_TARGET (10), TARGETS (paths after /bench/bare), RATE (1000), KABINET_SETTINGS (extra --Key=value
# settings for Kabinet).
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:-sqlite}
connection=${2:-}
port=5099
data=bench/.data/$provider
mkdir -p "$data"

dotnet build src/Kabinet.Web -c Release -v q -nologo >/dev/null
dotnet build bench/Kabinet.Bench -c Release -v q -nologo >/dev/null
app_dir=src/Kabinet.Web/bin/Release/net10.0
settings=("--Kabinet:DataDirectory=$PWD/$data" "--Logging:LogLevel:Default=Warning" "--Logging:LogLevel:Microsoft.AspNetCore.HttpLogging=Warning")
if [ "$provider" = postgresql ]; then
    settings+=("--Database:Provider=PostgreSql" "--Database:ConnectionString=$connection")
fi

export ASPNETCORE_ENVIRONMENT=Production
kabinet() { (cd "$app_dir" && dotnet Kabinet.Web.dll "$@"); }
seed_started=$(date +%s)
if ! kabinet seed --scale region "${settings[@]}" 2>"$data/seed.err"; then
    if grep -q "уже содержит данные" "$data/seed.err"; then
        echo "(the database already holds data: reusing it)"
    else
        cat "$data/seed.err"; exit 1
    fi
else
    echo "seed --scale region: $(( $(date +%s) - seed_started )) s (limit 600 s)"
fi

# shellcheck disable=SC2086 # KABINET_SETTINGS is a list of separate settings
(cd "$app_dir" && exec dotnet Kabinet.Web.dll "${settings[@]}" ${KABINET_SETTINGS:-} --Kabinet:BenchmarkBaseline=true --urls "http://127.0.0.1:$port") >"$data/app.log" 2>&1 &
app_pid=$!
trap 'kill $app_pid 2>/dev/null || true' EXIT
ready=no
for _ in $(seq 1 60); do
    if curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null; then ready=yes; break; fi
    sleep 1
done
[ "$ready" = yes ] || { echo "Kabinet did not become ready:"; tail -20 "$data/app.log"; exit 1; }

echo "Provider: $provider; machine: $(nproc) CPUs, $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "Signed in as 50 parents of 50 schools (bench.dnevnik.01 … 50), one connection each:"
targets=("/diary/{my-child}")
if [ -n "${TARGETS:-}" ]; then read -r -a targets <<<"$TARGETS"; fi
dotnet bench/Kabinet.Bench/bin/Release/net10.0/Kabinet.Bench.dll --base "http://127.0.0.1:$port" \
    --connections 50 --seconds "${SECONDS_PER_TARGET:-10}" --rate "${RATE:-1000}" --users "bench.dnevnik.{n}:50:Kuzbass-demo-2026" \
    /bench/bare "${targets[@]}"
