#!/usr/bin/env bash
# Times `seed --scale region` (issue 5: with a term of journal for every school, at most 10 minutes on 2 cores) on a fresh SQLite file and,
# when a connection string is given, on a fresh PostgreSQL database, and prints the seconds.
#
#   bash bench/seed.sh
#   bash bench/seed.sh "Host=127.0.0.1;Port=5432;Username=postgres"
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Kabinet.Web -c Release -v q -nologo >/dev/null
app_dir=src/Kabinet.Web/bin/Release/net10.0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning

run() {
    local name=$1; shift
    local started ended
    started=$(date +%s%N)
    (cd "$app_dir" && dotnet Kabinet.Web.dll seed --scale region "$@") >"$work/$name.log" 2>&1 || { cat "$work/$name.log"; exit 1; }
    ended=$(date +%s%N)
    ms=$(( (ended - started) / 1000000 ))
    printf '%-12s %4d.%d s (whole command, process start included)\n' "$name" $((ms / 1000)) $((ms % 1000 / 100))
    tail -1 "$work/$name.log"
}

echo "seed --scale region on $(nproc) CPUs, $(date -u '+%Y-%m-%d %H:%M') UTC (limit: 600 s)"
run sqlite "--Kabinet:DataDirectory=$work/sqlite"
if [ $# -ge 1 ]; then
    db="kabinet_seed_$$"
    run postgresql --Database:Provider=PostgreSql "--Database:ConnectionString=$1;Database=$db" "--Kabinet:DataDirectory=$work/pg"
    echo "(the PostgreSQL database $db is left in place; drop it when done)"
fi
