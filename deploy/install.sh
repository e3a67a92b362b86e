#!/usr/bin/env bash
# riskdash offline installer (runs from the unpacked bundle; needs no network). docs/deploy.md has the steps.
#
#   sudo ./install.sh                      install or upgrade: Debian packages, /opt/riskdash, service user,
#                                          /var/lib/riskdash, /etc/riskdash/riskdash.toml, systemd unit, nginx HTTPS
#   sudo ./install.sh --rollback           back to the previous version and its database
#   ./install.sh --prefix DIR --data DIR --no-service
#                                          only the program (DIR/bin/riskdash) and its config files in DIR/etc;
#                                          nothing outside DIR is touched (a single PC, tests)
# Options: --prefix DIR (/opt/riskdash)  --data DIR (/var/lib/riskdash)  --port N (8501, loopback)
#          --https-port N (443)  --http-port N (80, redirects to HTTPS)  --cert FILE --key FILE (the site's
#          certificate; else a self-signed one is made once)  --user NAME (riskdash)  --skip-debs
# Safe to run again. An existing database is backed up (riskdash backup, plus a copy of the file) before the
# new version migrates it; --rollback puts that copy and the previous version back.
set -euo pipefail
umask 022
bundle=$(cd "$(dirname "$0")" && pwd)

say() { printf 'install: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

prefix=/opt/riskdash; data=/var/lib/riskdash; service=1; rollback=0; port=8501; https_port=443; http_port=80
cert=""; key=""; user=riskdash; skip_debs=0
while (($#)); do
  case "$1" in
    --prefix) prefix=$2; shift ;;
    --data) data=$2; shift ;;
    --no-service) service=0 ;;
    --rollback) rollback=1 ;;
    --port) port=$2; shift ;;
    --https-port) https_port=$2; shift ;;
    --http-port) http_port=$2; shift ;;
    --cert) cert=$(realpath "$2"); shift ;;
    --key) key=$(realpath "$2"); shift ;;
    --user) user=$2; shift ;;
    --skip-debs) skip_debs=1 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
  shift
done
mkdir -p "$prefix" "$data"
prefix=$(realpath "$prefix"); data=$(realpath "$data")
if ((service)); then conf=/etc/riskdash; else conf=$prefix/etc; fi
state=$prefix/state
mkdir -p "$state"
[ -n "$cert" ] && [ -z "$key" ] && die "--cert needs --key"
if ((service)) && [ "$(id -u)" != 0 ]; then die "run as root (or use --no-service for a program-only install)"; fi
systemd_up() { ((service)) && [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; }

render() {  # render TEMPLATE OUT: fill the @NAME@ fields
  sed -e "s|@PREFIX@|$prefix|g" -e "s|@DATA@|$data|g" -e "s|@CONF@|$conf|g" -e "s|@PORT@|$port|g" \
      -e "s|@HTTPS_PORT@|$https_port|g" -e "s|@HTTP_PORT@|$http_port|g" -e "s|@USER@|$user|g" \
      -e "s|@CERT@|${cert_path:-}|g" -e "s|@KEY@|${key_path:-}|g" -e "s|@UPLOAD_MB@|${upload_mb:-200}|g" \
      "$1" >"$2.tmp"
  mv "$2.tmp" "$2"
}

config_value() {  # config_value SECTION KEY DEFAULT: a value of riskdash.toml
  "$python" - "$conf/riskdash.toml" "$1" "$2" "$3" <<'PY'
import sys, tomllib
try:
    print(tomllib.load(open(sys.argv[1], "rb")).get(sys.argv[2], {}).get(sys.argv[3], sys.argv[4]))
except (OSError, tomllib.TOMLDecodeError):
    print(sys.argv[4])
PY
}

service_stop() { if systemd_up && systemctl is-active --quiet riskdash; then say "stopping riskdash"; systemctl stop riskdash; fi; }
service_start() {
  if systemd_up; then
    systemctl daemon-reload
    systemctl enable --quiet riskdash
    for timer in "$conf"/systemd/riskdash-*.timer; do
      if [ -f "$timer" ]; then systemctl enable --quiet --now "$(basename "$timer")"; fi
    done
    systemctl restart riskdash
    systemctl reload nginx 2>/dev/null || systemctl restart nginx
  elif ((service)); then
    say "systemd is not running here: start it later with 'systemctl enable --now riskdash'"
  fi
}

# --- rollback ----------------------------------------------------------------------------------------------
if ((rollback)); then
  [ -f "$state/previous" ] || die "nothing to roll back to ($state/previous is missing)"
  previous=$(cat "$state/previous")
  [ -d "$previous/venv" ] || die "the previous version $previous is gone"
  current=$(readlink -f "$prefix/current")
  python=$previous/venv/bin/python
  db_path=$(config_value database path "$data/riskdash.duckdb")
  service_stop
  if [ -f "$state/previous_db" ] && [ -f "$(cat "$state/previous_db")" ]; then
    saved=$(cat "$state/previous_db")
    if [ -f "$db_path" ]; then
      mv "$db_path" "$db_path.pre-rollback-$(date +%Y%m%d%H%M%S)"
      rm -f "$db_path.wal"
    fi
    cp -p "$saved" "$db_path"
    say "database restored from $saved"
  fi
  ln -sfn "$previous" "$prefix/current.tmp" && mv -T "$prefix/current.tmp" "$prefix/current"
  echo "$current" >"$state/previous"   # a second --rollback goes forward again (its database copy is kept)
  rm -f "$state/previous_db"
  service_start
  say "rolled back to $(basename "$previous")"
  exit 0
fi

# --- check the bundle --------------------------------------------------------------------------------------
[ -f "$bundle/BUNDLE_INFO" ] || die "run install.sh from the unpacked bundle (BUNDLE_INFO is missing)"
# shellcheck disable=SC1091
. "$bundle/BUNDLE_INFO"
say "riskdash $version ($commit) for $distro $arch"
(cd "$bundle" && sha256sum --quiet -c SHA256SUMS) || die "the bundle is damaged (SHA256SUMS does not match): copy it again"
bundle_arch=$arch
host_arch=$(dpkg --print-architecture 2>/dev/null || echo "$bundle_arch")
[ "$host_arch" = "$bundle_arch" ] || die "this bundle is for $bundle_arch, this machine is $host_arch"

# --- Debian packages (not with --no-service) -----------------------------------------------------------------
if ((service)) && ((!skip_debs)) && compgen -G "$bundle/debs/*.deb" >/dev/null; then
  todo=()
  for deb in "$bundle"/debs/*.deb; do
    name=$(dpkg-deb -f "$deb" Package); ver=$(dpkg-deb -f "$deb" Version)
    have=$(dpkg-query -W -f='${db:Status-Status} ${Version}' "$name" 2>/dev/null || true)
    if [[ "$have" == installed\ * ]] && dpkg --compare-versions "${have#installed }" ge "$ver"; then continue; fi
    todo+=("$deb")
  done
  if ((${#todo[@]})); then
    say "installing ${#todo[@]} Debian packages"
    # apt orders the packages (pre-dependencies first) from the local files only: no package lists, no download
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      -o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts=/dev/null -o Dpkg::Options::=--force-confold \
      "${todo[@]}" >"$state/dpkg.log" 2>&1 ||
      { tail -5 "$state/dpkg.log" >&2; die "installing the Debian packages failed (log: $state/dpkg.log); the system may be older than the bundle's Debian release"; }
  else
    say "Debian packages already installed"
  fi
fi

# --- Python: a venv from the bundle's wheels only ------------------------------------------------------------
python=""
for candidate in python3.11 python3.12 python3.13 python3; do
  for dir in /usr/bin /usr/local/bin; do
    if [ -x "$dir/$candidate" ] && "$dir/$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
      python=$dir/$candidate; break 2
    fi
  done
done
[ -n "$python" ] || die "Python 3.11 not found (/usr/bin/python3.11): install the bundle's Debian packages first (run without --skip-debs)"

vdir=$prefix/versions/$version-$commit
if [ -f "$vdir/COMPLETE" ] && cmp -s "$vdir/BUNDLE_INFO" "$bundle/BUNDLE_INFO"; then
  say "version $version-$commit already installed"
else
  say "installing riskdash $version into $vdir"
  tmp=$vdir.partial
  rm -rf "$tmp"; mkdir -p "$tmp"
  # the wheels travel as one xz archive (stored, not deflated, inside: xz packs them ~70 MB smaller); a bundle
  # built before that, or with --ref from an older tree, has the folder wheels/
  wheels=$bundle/wheels
  if [ -f "$bundle/wheels.tar.xz" ]; then
    # Debian 12's Python 3.11.2 predates tarfile's extraction filters (3.11.4): use one where there is
    "$python" -c 'import sys, tarfile; a = tarfile.open(sys.argv[1], "r:xz")
a.extractall(sys.argv[2], **({"filter": "data"} if hasattr(tarfile, "data_filter") else {}))' \
      "$bundle/wheels.tar.xz" "$tmp" || die "unpacking the wheels (wheels.tar.xz) failed: nothing installed (a damaged bundle or a full disk under $prefix)"
    wheels=$tmp/wheels
  fi
  uvbin=""
  uvwheel=$(compgen -G "$wheels/tools/uv-*.whl" | head -1 || true)
  if [ -n "$uvwheel" ]; then
    mkdir -p "$tmp/.uv"
    "$python" - "$uvwheel" "$tmp/.uv" <<'PY' && uvbin=$tmp/.uv/uv
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    name = next(n for n in z.namelist() if n.endswith("/scripts/uv"))
    with z.open(name) as src, open(os.path.join(sys.argv[2], "uv"), "wb") as out:
        out.write(src.read())
os.chmod(os.path.join(sys.argv[2], "uv"), 0o755)
PY
  fi
  wheel=$(compgen -G "$wheels/riskdash-*.whl" | head -1) || die "the bundle has no riskdash wheel"
  export UV_OFFLINE=1 UV_NO_CACHE=1 UV_PYTHON_DOWNLOADS=never PIP_NO_INDEX=1
  # --no-deps: requirements.txt is the whole locked set (uv export of uv.lock), so nothing is resolved here;
  # the lock leaves out what is never imported (pydeck: pyproject.toml [tool.uv], docs/deploy.md#bundle-size)
  if [ -n "$uvbin" ]; then
    "$uvbin" venv --quiet --python "$python" "$tmp/venv" >/dev/null
    "$uvbin" pip install --quiet --offline --no-index --no-deps --find-links "$wheels" \
      -p "$tmp/venv/bin/python" -r "$bundle/requirements.txt" "$wheel" || die "installing the wheels failed"
  else
    "$python" -m venv --without-pip "$tmp/venv"
    pipwheel=$(compgen -G "$wheels/tools/pip-*.whl" | head -1) || die "the bundle has neither uv nor pip"
    "$tmp/venv/bin/python" "$pipwheel/pip" install --quiet --no-index --no-deps --find-links "$wheels" \
      -r "$bundle/requirements.txt" "$wheel" || die "installing the wheels failed"
  fi
  rm -rf "$tmp/.uv" "$tmp/wheels"
  cp -r "$bundle/app" "$tmp/app"
  mkdir -p "$tmp/docs" "$tmp/deploy"
  cp "$bundle"/docs/* "$tmp/docs/"; cp "$bundle"/deploy/* "$tmp/deploy/"
  cp "$bundle/BUNDLE_INFO" "$tmp/BUNDLE_INFO"
  # app.py and pages/ are not in the wheel: link them where the installed riskdash looks for app.py
  app_path=$("$tmp/venv/bin/python" -c 'import riskdash.cli as c; print(c.APP_PATH)') ||
    die "the new venv does not import riskdash"
  case "$app_path" in "$tmp"/*) ;; *) die "riskdash looks for app.py outside its venv ($app_path)" ;; esac
  mkdir -p "$(dirname "$app_path")"
  ln -sfnr "$tmp/app/app.py" "$app_path"
  ln -sfnr "$tmp/app/pages" "$(dirname "$app_path")/pages"
  touch "$tmp/COMPLETE"
  # a venv records its own path: build in place of the final name
  rm -rf "$vdir"
  mv "$tmp" "$vdir"
  # venv scripts name the interpreter by path: point them at the final folder
  grep -rlF "$tmp/venv" "$vdir/venv/bin" 2>/dev/null | xargs -r sed -i "s|$tmp/venv|$vdir/venv|g"
fi

# --- the command: PREFIX/bin/riskdash reads the config, runs the current version ----------------------------
mkdir -p "$prefix/bin" "$conf"
cat >"$prefix/bin/riskdash.tmp" <<EOF
#!/bin/sh
# written by install.sh: runs the current version with the database of $conf/riskdash.toml
RISKDASH_CONFIG=\${RISKDASH_CONFIG:-$conf/riskdash.toml}

export RISKDASH_CONFIG
if [ -z "\${RISKDASH_DB:-}" ] && [ -f "\$RISKDASH_CONFIG" ]; then
  RISKDASH_DB=\$("$prefix/current/venv/bin/python" -c 'import sys, tomllib; print(tomllib.load(open(sys.argv[1], "rb")).get("database", {}).get("path", ""))' "\$RISKDASH_CONFIG") || exit 1
  [ -n "\$RISKDASH_DB" ] && export RISKDASH_DB
fi
exec "$prefix/current/venv/bin/riskdash" "\$@"
EOF
chmod 755 "$prefix/bin/riskdash.tmp"; mv "$prefix/bin/riskdash.tmp" "$prefix/bin/riskdash"

# --- the config file (kept when it exists), then its values ---------------------------------------------------
if [ ! -f "$conf/riskdash.toml" ]; then
  render "$vdir/deploy/riskdash.toml" "$conf/riskdash.toml"
  say "wrote $conf/riskdash.toml"
fi
python=$vdir/venv/bin/python
db_path=$(config_value database path "$data/riskdash.duckdb")
port=$(config_value server port "$port")
backup_dir=$(config_value backup dir "$data/backups")
cert_path=$(config_value tls certificate "$conf/tls/riskdash.crt")
key_path=$(config_value tls key "$conf/tls/riskdash.key")

# --- the database: back up with the running version, migrate with the new one --------------------------------
current=$(readlink -f "$prefix/current" 2>/dev/null || true)
if [ -f "$db_path" ]; then
  service_stop
  stamp=$(date +%Y%m%d-%H%M%S)
  from=$(basename "${current:-none}")
  saved=$backup_dir/pre-upgrade-$stamp-from-$from
  n=1; while [ -e "$saved" ]; do saved=$backup_dir/pre-upgrade-$stamp-$n-from-$from; n=$((n + 1)); done
  mkdir -p "$backup_dir"
  old=$vdir/venv/bin/riskdash
  [ -n "$current" ] && [ -x "$current/venv/bin/riskdash" ] && old=$current/venv/bin/riskdash
  say "backing up $db_path into $saved"
  RISKDASH_DB=$db_path "$old" backup --out "$saved" >/dev/null || die "the backup failed: nothing was changed"
  cp -p "$db_path" "$saved/riskdash.duckdb"
  if [ -n "$current" ] && [ "$current" != "$vdir" ]; then
    echo "$current" >"$state/previous"
    echo "$saved/riskdash.duckdb" >"$state/previous_db"
  fi
  "$python" -c 'import sys; from riskdash import db; db.migrate_file(sys.argv[1])' "$db_path" ||
    die "migrating $db_path failed; the copy before is $saved/riskdash.duckdb (install.sh --rollback)"
  say "database at schema $("$python" -c 'import sys; from riskdash import db; c = db.connect(sys.argv[1], read_only=True); print(db.schema_version(c))' "$db_path")"
elif [ -n "$current" ] && [ "$current" != "$vdir" ]; then
  echo "$current" >"$state/previous"; rm -f "$state/previous_db"
fi
ln -sfn "$vdir" "$prefix/current.tmp" && mv -T "$prefix/current.tmp" "$prefix/current"

# --- upload limit (nginx's client_max_body_size) from the database's settings ------------------------------------
upload_mb=$("$python" - "$db_path" <<'PY' 2>/dev/null || echo 200
import sys
from pathlib import Path
from riskdash import db
path = Path(sys.argv[1])
limit = 200
if path.exists():
    con = db.connect(path, read_only=True)
    try:
        frame = db.query(con, "data/upload_limit_mb")
        text = "" if frame.empty else str(frame.iloc[0, 0]).strip()
        limit = int(text) if text.isdigit() and int(text) > 0 else 200
    finally:
        con.close()
print(limit)
PY
)

# --- certificate: the site's, or a self-signed one made once -------------------------------------------------
mkdir -p "$(dirname "$cert_path")" "$(dirname "$key_path")"
if [ -n "$cert" ]; then
  install -m 644 "$cert" "$cert_path"; install -m 600 "$key" "$key_path"
  say "installed the site's certificate as $cert_path"
elif [ ! -f "$cert_path" ] || [ ! -f "$key_path" ]; then
  if command -v openssl >/dev/null 2>&1; then
    host=$(hostname -f 2>/dev/null || hostname)
    ips=$(hostname -I 2>/dev/null | tr ' ' '\n' | grep -E '^[0-9.]+$' | sed 's/^/IP:/' | paste -sd, - || true)
    san="DNS:$host,DNS:localhost,IP:127.0.0.1${ips:+,$ips}"
    openssl req -x509 -newkey rsa:2048 -sha256 -days 825 -nodes -subj "/CN=$host/O=riskdash" \
      -addext "subjectAltName=$san" -keyout "$key_path.tmp" -out "$cert_path.tmp" >/dev/null 2>&1 ||
      die "openssl could not make a self-signed certificate"
    chmod 600 "$key_path.tmp"; mv "$key_path.tmp" "$key_path"; mv "$cert_path.tmp" "$cert_path"
    say "made a self-signed certificate for $host ($cert_path, 825 days)"
  else
    say "openssl is missing: no certificate made (give one with --cert/--key)"
  fi
fi

# --- service files: rendered into $conf; installed into systemd and nginx unless --no-service -------------------
render "$vdir/deploy/riskdash.service" "$conf/riskdash.service"
render "$vdir/deploy/nginx-riskdash.conf" "$conf/nginx-riskdash.conf"
# the scheduled jobs' .service and .timer files (riskdash schedule units: one list of jobs, in the program)
mkdir -p "$conf/systemd"
if "$vdir/venv/bin/riskdash" schedule --help >/dev/null 2>&1; then
  "$vdir/venv/bin/riskdash" schedule units --out "$conf/systemd" --prefix "$prefix" --conf "$conf" --user "$user" >/dev/null ||
    die "could not write the timers' unit files"
else
  say "this version has no scheduled jobs (riskdash schedule): no timers"
fi
if ((service)); then
  if ! id "$user" >/dev/null 2>&1; then
    useradd --system --home-dir "$data" --no-create-home --shell /usr/sbin/nologin "$user"
    say "created the service user $user"
  fi
  mkdir -p "$backup_dir"
  chown -R "$user:$user" "$data"
  chmod 750 "$data"
  chgrp "$user" "$key_path" && chmod 640 "$key_path"
  install -m 644 "$conf/riskdash.service" /etc/systemd/system/riskdash.service
  if compgen -G "$conf/systemd/riskdash-*.timer" >/dev/null; then
    install -m 644 "$conf"/systemd/riskdash-*.service "$conf"/systemd/riskdash-*.timer /etc/systemd/system/
  fi
  if [ -d /etc/nginx ]; then
    install -m 644 "$conf/nginx-riskdash.conf" /etc/nginx/sites-available/riskdash
    ln -sfn /etc/nginx/sites-available/riskdash /etc/nginx/sites-enabled/riskdash
    rm -f /etc/nginx/sites-enabled/default
    nginx -t >/dev/null 2>&1 || { nginx -t; die "nginx rejects the site (above)"; }
  else
    say "nginx is not installed: the dashboard is on http://127.0.0.1:$port only"
  fi
  service_start
  say "done: https://$(hostname -f 2>/dev/null || hostname)$([ "$https_port" = 443 ] || echo ":$https_port")/ (check with: $prefix/bin/riskdash doctor)"
else
  say "done: $prefix/bin/riskdash (config $conf/riskdash.toml; service files rendered in $conf, not installed)"
fi
