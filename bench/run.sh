#!/usr/bin/env bash
# Kabinet benchmark of the public pages on regional data.
#
#   bash bench/run.sh                                  # SQLite, region data in bench/.data
#   bash bench/run.sh postgresql "Host=127.0.0.1;Port=5432;Username=postgres;Database=kabinet_bench"
#
# Builds Kabinet in Release, loads `seed --scale region` once, starts Kabinet on 127.0.0.1:5099 in
# Production mode with its baseline page (/bench/bare: same layout, no database) and runs the load
# generator against it and the public pages. Environment: CONNECTIONS (32), SECONDS_PER_TARGET (10), SIGNED_IN_WARMUP (15),
# TARGETS (space-separated paths after /bench/bare, to measure only some pages), and KABINET_SETTINGS (extra
# --Key=value settings for Kabinet, e.g. "--Kindergarten:Statistics:CacheSeconds=0" to measure without the cache).
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
# Run from the app's folder so that its appsettings.json (Production logging) is the one in effect.
kabinet() { (cd "$app_dir" && dotnet Kabinet.Web.dll "$@"); }
if ! kabinet seed --scale region "${settings[@]}" 2>"$data/seed.err"; then
    if grep -q "уже содержит данные" "$data/seed.err"; then
        echo "(the database already holds data: reusing it)"
    else
        cat "$data/seed.err"; exit 1
    fi
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
targets=(/ "/organisations?q=%D1%88%D0%BA%D0%BE%D0%BB%D0%B0" /organisations/1
    "/api/v1/organisations?q=%D0%B3%D0%B8%D0%BC%D0%BD%D0%B0%D0%B7%D0%B8%D1%8F&pageSize=30" /api/v1/organisations/1
    /kindergarten/statistics "/kindergarten/statistics?municipality=1" /kindergarten/statistics.csv)
if [ -n "${TARGETS:-}" ]; then read -r -a targets <<<"$TARGETS"; fi
dotnet bench/Kabinet.Bench/bin/Release/net10.0/Kabinet.Bench.dll --base "http://127.0.0.1:$port" \
    --connections "${CONNECTIONS:-32}" --seconds "${SECONDS_PER_TARGET:-10}" /bench/bare "${targets[@]}"

# The parent's queue page under 50 concurrent users: 50 different parents of waiting children (the region seed
# creates bench.roditel.01 … 50), one connection each, each opening their own application; the bare page is
# measured signed in the same way. Each target is warmed up for SIGNED_IN_WARMUP seconds (15) first: these pages run
# more code than the public ones, and .NET was still compiling it (a sixth of the CPU) 10 s into a 3-s-warm-up run.
echo "Signed in as 50 parents (bench.roditel.01 … 50), one connection each:"
dotnet bench/Kabinet.Bench/bin/Release/net10.0/Kabinet.Bench.dll --base "http://127.0.0.1:$port" \
    --connections 50 --seconds "${SECONDS_PER_TARGET:-10}" --warmup "${SIGNED_IN_WARMUP:-15}" --users "bench.roditel.{n}:50:Kuzbass-demo-2026" \
    /bench/bare "/kindergarten/{my-application}" /kindergarten
