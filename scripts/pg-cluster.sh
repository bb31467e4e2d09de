# Sourced by the benchmark scripts: starts a throw-away PostgreSQL cluster on 127.0.0.1 (as
# nobody when run as root), sets $url (postgres://ser@127.0.0.1:PORT/ser), $work (a scratch
# folder, removed at exit with the cluster), $pgbin and the function pg (runs a PostgreSQL
# tool as the cluster's owner). The caller names itself in $bench for messages.
pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$pgbin/initdb" ] || { echo "$bench: PostgreSQL is not installed (scripts/install-deps.sh)" >&2; exit 1; }
work="$(mktemp -d "/tmp/ser-$bench-XXXXXX")"
as=()
if [ "$(id -u)" = 0 ]; then
    chown 65534:65534 "$work"
    as=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
pg() { (cd / && "${as[@]}" "$@"); }
pg "$pgbin/initdb" -D "$work/pg" -A trust -U ser -E UTF8 --locale=C --no-sync >/dev/null
pg "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -o "-c listen_addresses=127.0.0.1 -p $port -k $work" start >/dev/null
trap 'pg "$pgbin/pg_ctl" -D "$work/pg" -m immediate -w stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
pg "$pgbin/createdb" -h 127.0.0.1 -p "$port" -U ser ser
url="postgres://ser@127.0.0.1:$port/ser"
