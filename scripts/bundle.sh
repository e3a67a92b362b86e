#!/usr/bin/env bash
# Builds the offline bundle for an intranet server (issue 19; docs/deploy.md), on a machine that reaches PyPI and
# the Debian archive and runs the same Debian release and architecture as the server:
#
#   bash scripts/bundle.sh [--with-office] [--python-only] [--worktree | --ref REF] [--out DIR] [--xz-level N]
#                          [--no-repack] [--print-fingerprint]
#
# It packs the committed HEAD (git archive), or the files as they are with --worktree (tests, trying changes), or
# an older commit with --ref REF (its name then ends in -<commit>; the installer and the lock come from the
# work tree when the commit has none: the upgrade test builds the version before the last migration this way).
# --print-fingerprint prints the hash of the sources and options the bundle would be built from and stops; the
# bundle's name.fingerprint file beside the .tar.gz holds the same hash, so that a caller can reuse a bundle.
# --no-repack keeps the wheels as downloaded in wheels/ (no wheels.tar.xz: ~100 MB larger than at -9, but no
# repacking or xz at the build and none to unpack at the install; the upgrade test's older version, which only
# has to install, is built so).
#
# writes DIR (default dist/)/riskdash-offline-<version>-<distro>-<arch>.tar.gz holding
#   wheels.tar.xz  the project's wheel and every Python dependency as a wheel, at the versions of uv.lock (binary
#                only; stored zips in one xz archive, see below)
#   app/         app.py and pages/ (the Streamlit entry point, not part of the wheel)
#   debs/        the Debian packages the server needs and a minimal Debian lacks: python3, chromium, fonts-noto-cjk,
#                nginx, openssl, and their dependencies (LibreOffice writer and impress with --with-office; none
#                with --python-only, for CI)
#   deploy/      the systemd unit, the nginx site and the config file templates; install.sh; docs/
#   BUNDLE_INFO  version, commit, distro, arch, Python, options; SHA256SUMS of every file
# The last line on stdout is the bundle's path.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

say() { printf 'bundle: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

office=0; python_only=0; worktree=0; fingerprint_only=0; repack=1; out="$root/dist"; ref=HEAD
# xz -9 packs the stored wheels 23 MB smaller than -3 (the 400 MB target; docs/deploy.md#bundle-size) for a few
# minutes of CPU and ~1.3 GB of memory on two threads; the tests, which check the mechanism, not the size, use -1
xz_level=9
while (($#)); do
  case "$1" in
    --with-office) office=1 ;;
    --python-only) python_only=1 ;;
    --worktree) worktree=1 ;;
    --ref) ref=$2; shift ;;
    --print-fingerprint) fingerprint_only=1 ;;
    --out) out=$(realpath -m "$2"); shift ;;
    --xz-level) xz_level=$2; shift; [[ $xz_level =~ ^[0-9]$ ]] || die "--xz-level: expected a digit 0-9, got $xz_level" ;;
    --no-repack) repack=0 ;;
    -h|--help) sed -n '2,26p' "$0"; exit 0 ;;
    *) die "unknown option $1 (expected --with-office, --python-only, --worktree, --ref REF, --out DIR, --xz-level N, --no-repack, --print-fingerprint)" ;;
  esac
  shift
done

version=$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
arch=$(dpkg --print-architecture 2>/dev/null || uname -m)
distro=$(. /etc/os-release && echo "${ID}${VERSION_ID:-}")
name="riskdash-offline-${version}-${distro}-${arch}"
((python_only)) && name="${name}-python-only"
commit=$(git rev-parse --short "$ref" 2>/dev/null || echo unknown)
if [ "$ref" != HEAD ]; then
  ((worktree)) && die "--ref and --worktree exclude each other"
  git rev-parse --verify -q "$ref^{commit}" >/dev/null || die "--ref $ref: no such commit"
  name="${name}-${commit}"
fi
sources=(pyproject.toml uv.lock README.md app.py pages src deploy docs/deploy.md scripts/bundle.sh)

fingerprint() {  # the hash of the files packed and the options
  if ((worktree)); then
    { find "${sources[@]}" -type f ! -path '*/__pycache__/*' ! -name '*.pyc' 2>/dev/null || true; } | LC_ALL=C sort | xargs -d '\n' sha256sum
  else
    git rev-parse "$ref"
    [ "$ref" = HEAD ] || sha256sum deploy/* uv.lock
  fi | { cat; echo "office=$office python_only=$python_only distro=$distro arch=$arch xz=$xz_level repack=$repack"; } | sha256sum | cut -c1-16
}
if ((fingerprint_only)); then fingerprint; exit 0; fi

[ -f uv.lock ] || die "uv.lock is missing: run 'uv lock' and commit it"

# uv: on PATH, or in the project's venv (scripts/setup.sh puts it there)
if command -v uv >/dev/null 2>&1; then uv=(uv)
elif [ -x .venv/bin/uv ]; then uv=(.venv/bin/uv)
elif .venv/bin/python -m uv --version >/dev/null 2>&1; then uv=(.venv/bin/python -m uv)
else die "uv not found (bash scripts/setup.sh installs it into .venv)"; fi

# a folder of this run's own (two builds at once, e.g. a test's and a release's, never share their staging),
# removed when the script ends however it ends
mkdir -p "$root/build"
work=$(mktemp -d "$root/build/bundle.XXXXXX")
trap 'rm -rf "$work"' EXIT
stage="$work/$name"
mkdir -p "$stage"/{wheels,app,debs,deploy,docs} "$out"
print=$(fingerprint)

# the sources: HEAD as committed, or the work tree
if ((worktree)); then
  src=$root
  commit="$commit+worktree"
else
  [ -z "$(git status --porcelain -- "${sources[@]}" 2>/dev/null)" ] ||
    say "note: uncommitted changes are left out (the bundle packs $ref $commit; --worktree packs them)"
  src=$work/src
  rm -rf "$src"; mkdir -p "$src"
  git archive "$ref" | tar -x -C "$src"
  if [ ! -f "$src/deploy/install.sh" ]; then say "$ref has no installer: using the work tree's deploy/"; cp -r deploy "$src/"; fi
  if [ ! -f "$src/uv.lock" ]; then say "$ref has no uv.lock: using the work tree's (checked below)"; cp uv.lock "$src/"; fi
fi

# --- Python: the lock must match pyproject.toml; wheels for exactly the locked versions --------------------
if ! "${uv[@]}" lock --check --project "$src" >/dev/null 2>&1; then
  if [ "$ref" != HEAD ] && ! git cat-file -e "$ref:uv.lock" 2>/dev/null; then
    say "$ref predates uv.lock and its dependencies differ: locking them now (uv lock)"
    "${uv[@]}" lock --quiet --project "$src" >/dev/null 2>&1 || die "uv lock failed for $ref"
  else
    die "uv.lock is out of date with pyproject.toml: run 'uv lock' and commit it"
  fi
fi
"${uv[@]}" export --project "$src" --quiet --frozen --format requirements-txt --no-dev --no-emit-project --no-header \
  --python 3.11 -o "$stage/requirements.txt" >/dev/null
say "building the riskdash wheel"
"${uv[@]}" build --quiet --wheel --out-dir "$stage/wheels" "$src" >/dev/null 2>&1 || die "uv build failed"
rm -f "$stage/wheels/.gitignore"

# a throw-away venv with pip to download the wheels (pip download checks the lock's hashes)
tools="$work/tools"
if [ ! -x "$tools/bin/pip" ]; then
  "${uv[@]}" venv --quiet --python 3.11 "$tools" >/dev/null
  "${uv[@]}" pip install --quiet -p "$tools/bin/python" pip >/dev/null
fi
say "downloading $(grep -c '==' "$stage/requirements.txt") locked Python packages as wheels"
"$tools/bin/pip" download --quiet --disable-pip-version-check --only-binary=:all: --no-deps \
  --require-hashes -r "$stage/requirements.txt" -d "$stage/wheels" \
  --python-version 3.11 --implementation cp --platform manylinux_2_36_x86_64 --platform manylinux_2_28_x86_64 \
  --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 --platform linux_x86_64 --platform any \
  2> >(grep -v "^WARNING: Location" >&2) || die "pip download failed"
# uv itself, so that install.sh builds the venv in seconds without ensurepip (python3-venv)
"$tools/bin/pip" download --quiet --disable-pip-version-check --only-binary=:all: --no-deps \
  "uv==$("${uv[@]}" --version | awk '{print $2}')" pip -d "$stage/wheels/tools" >/dev/null \
  2> >(grep -v "^WARNING: Location" >&2) || die "uv wheel download failed"

# counted here, while they are files: counting them in wheels.tar.xz at the end unpacked all 560 MB again (~6 s of CPU)
wheels=$(find "$stage/wheels" -name '*.whl' | wc -l)

# --- the wheels packed tighter (the 400 MB target, docs/deploy.md#bundle-size) ------------------------------
# A wheel is a deflated zip, which xz cannot shrink further: each wheel is rewritten with its files stored (the
# same files, names, times and modes; a wheel may be stored), and the folder goes into one wheels.tar.xz that
# install.sh unpacks. The lock's hashes were checked by pip download above; the repacked files have other hashes,
# so the bundle's requirements.txt lists the versions only (requirements.hashes.txt keeps the lock's) and
# SHA256SUMS covers wheels.tar.xz. A --ref tree whose install.sh predates this keeps the folder, as --no-repack does.
if ((repack)) && grep -q "wheels.tar.xz" "$src/deploy/install.sh"; then
  say "repacking the wheels stored, then xz"
  "$tools/bin/python" - "$stage/wheels" <<'PY' || die "repacking the wheels failed"
import os, pathlib, sys, zipfile
for whl in sorted(pathlib.Path(sys.argv[1]).rglob("*.whl")):
    part = whl.with_name(whl.name + ".part")
    with zipfile.ZipFile(whl) as zin, zipfile.ZipFile(part, "w", zipfile.ZIP_STORED) as zout:
        for info in zin.infolist():
            zout.writestr(info, zin.read(info), compress_type=zipfile.ZIP_STORED)
    os.replace(part, whl)
PY
  cp "$stage/requirements.txt" "$stage/requirements.hashes.txt"
  sed -i -e '/--hash=/d' -e 's/ \\$//' "$stage/requirements.txt"
  tar -C "$stage" -cf - wheels | xz "-$xz_level" -T2 > "$stage/wheels.tar.xz" || die "packing the wheels with xz failed"
  rm -rf "$stage/wheels"
fi

# --- the app (not in the wheel), deploy templates, install.sh, docs ----------------------------------------
cp "$src/app.py" "$stage/app/"
cp -r "$src/pages" "$stage/app/pages"
find "$stage/app" -name __pycache__ -prune -exec rm -rf {} +
cp "$src"/deploy/* "$stage/deploy/"
cp "$src/deploy/install.sh" "$stage/install.sh"
chmod +x "$stage/install.sh"
cp "$src/README.md" "$stage/docs/"
if [ -f "$src/docs/deploy.md" ]; then cp "$src/docs/deploy.md" "$stage/docs/"; fi

# --- Debian packages: the closure of what the server needs, minus a minimal Debian (deploy/minimal_status.py) --------
if ((python_only)); then
  say "--python-only: no Debian packages (the server must have python3, chromium, fonts-noto-cjk, nginx)"
else
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found: build the bundle on Debian (or use --python-only)"
  roots=(python3 python3-venv chromium fonts-noto-cjk nginx openssl ca-certificates fontconfig)
  ((office)) && roots+=(libreoffice-writer libreoffice-impress libreoffice-calc)
  # a dpkg status that holds only the packages every Debian system has (debootstrap --variant=minbase)
  apt_work="$work/apt"
  rm -rf "$apt_work"; mkdir -p "$apt_work/archives/partial" "$apt_work/state"
  python3 "$src/deploy/minimal_status.py" /var/lib/dpkg/status "$apt_work/state/status" \
    || die "could not read the minimal package set from /var/lib/dpkg/status"
  if ! ls /var/lib/apt/lists/*Packages* >/dev/null 2>&1; then say "apt-get update"; apt-get update -qq; fi
  say "resolving and downloading ${roots[*]} and their dependencies"
  apt-get install --download-only --no-install-recommends -y -qq \
    -o Dir::State::status="$apt_work/state/status" -o Dir::Cache::archives="$apt_work/archives" \
    -o Debug::NoLocking=1 -o APT::Sandbox::User=root "${roots[@]}" >"$apt_work/apt.log" 2>&1 \
    || { tail -5 "$apt_work/apt.log" >&2; die "apt-get could not download the Debian packages"; }
  mv "$apt_work"/archives/*.deb "$stage/debs/"
  printf '%s\n' "${roots[@]}" >"$stage/debs/ROOTS"
fi

# --- manifest, checksums, archive -------------------------------------------------------------------------
cat >"$stage/BUNDLE_INFO" <<EOF
name=$name
version=$version
commit=$commit
distro=$distro
arch=$arch
python=3.11
office=$office
python_only=$python_only
xz_level=$xz_level
repack=$repack
fingerprint=$print
built=$(date -u +%Y-%m-%dT%H:%M:%SZ)
EOF
(cd "$stage" && find . -type f ! -name SHA256SUMS -printf '%P\n' | sort | xargs -d '\n' sha256sum >SHA256SUMS)
say "packing $(du -sh "$stage" | cut -f1) into $out/$name.tar.gz"
# a name of this run's own, so that two builds at once never move each other's half-written file
part="$out/$name.tar.gz.part.$$"
# gzip with stored blocks (level 0): what the bundle holds is compressed already (wheels.tar.xz, the .debs, the
# wheels), and tar -z (gzip -6) made a test bundle 0.07% smaller (426.39 → 426.10 MB) for 11 s of CPU; stored,
# 1.7 s. A .tar.gz all the same, which tar -xzf reads as before
tar -C "$work" -cf - "$name" | python3 -c 'import gzip, shutil, sys
with gzip.GzipFile(filename="", mode="wb", compresslevel=0, fileobj=sys.stdout.buffer) as out:
    shutil.copyfileobj(sys.stdin.buffer, out, 1 << 20)' >"$part" || die "packing $name.tar.gz failed"
mv "$part" "$out/$name.tar.gz"
echo "$print" >"$out/$name.fingerprint"
say "wheels $wheels, debs $(find "$stage/debs" -name '*.deb' | wc -l), size $(du -h "$out/$name.tar.gz" | cut -f1)"
echo "$out/$name.tar.gz"
