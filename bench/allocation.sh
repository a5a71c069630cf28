#!/usr/bin/env bash
# Times комплектование on regional data: for every municipality, the preview and the confirm (referrals,
# statuses, history, notifications in one transaction) of its earliest admission year in the queue.
# The issue's figure: preview and confirm of the whole region ≤ 5 s each.
#
#   bash bench/allocation.sh                                   # SQLite, a fresh file
#   bash bench/allocation.sh "Host=127.0.0.1;Port=5432;Username=postgres"   # and a fresh PostgreSQL database
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Kabinet.Web -c Release -v q -nologo >/dev/null
app_dir=src/Kabinet.Web/bin/Release/net10.0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
kabinet() { (cd "$app_dir" && dotnet Kabinet.Web.dll "$@"); }

echo "== SQLite"
kabinet seed --scale region "--Kabinet:DataDirectory=$work/sqlite" | tail -1
kabinet bench allocation "--Kabinet:DataDirectory=$work/sqlite"
if [ $# -ge 1 ]; then
    db="kabinet_alloc_$$"
    echo "== PostgreSQL ($db)"
    pg=("--Database:Provider=PostgreSql" "--Database:ConnectionString=$1;Database=$db")
    kabinet seed --scale region "${pg[@]}" | tail -1
    kabinet bench allocation "${pg[@]}"
fi
