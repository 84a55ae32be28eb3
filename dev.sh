#!/usr/bin/env bash
# One entry point for people and CI. Every command first runs `setup`, which is idempotent:
# it installs only what is missing (Debian packages, the virtualenv from requirements.lock).
#
#   ./dev.sh serve   set up, build the handbook and forms, serve on http://127.0.0.1:8000
#   ./dev.sh test    set up, run the whole test suite (ruff check and format, mypy, pytest)
#   ./dev.sh build   set up, build into site/
#   ./dev.sh setup   set up only
#   ./dev.sh lock    refresh requirements.lock from pyproject.toml (then commit both)
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
VENV=$ROOT/.venv
PY=$VENV/bin/python
UV_VERSION=0.13.8  # the installer itself, pinned by hash in requirements-uv.lock
LOCK=$ROOT/requirements.lock
APT_PACKAGES=(python3 python3-venv python3-pip chromium fonts-noto-cjk fonts-dejavu-core poppler-utils
              libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b ca-certificates faketime)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

need_apt() {
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    case $pkg in
      python3|python3-venv|python3-pip) command -v python3 >/dev/null && python3 -m venv --help >/dev/null 2>&1 && continue ;;
      chromium) command -v chromium >/dev/null && continue ;;
    esac
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  printf '%s\n' "${missing[@]}"
}

setup_apt() {
  mapfile -t missing < <(need_apt | sed '/^$/d')
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    say "missing Debian packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})"; exit 1
  fi
  say "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

setup_venv() {
  # Exactly the versions in requirements.lock (hashes checked), installed by uv; then huifang itself, editable.
  # uv compiles no bytecode unless asked (pip does); without it, and with PYTHONDONTWRITEBYTECODE set as in some CI
  # images, every process would compile MkDocs, WeasyPrint, jieba … again: about twice the start-up of each subprocess.
  local stamp=$VENV/.installed
  local want
  want=$( (cat pyproject.toml "$LOCK" requirements-uv.lock; echo bytecode compiled) | sha256sum | cut -c1-16)
  if [ -x "$PY" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then return 0; fi
  say "creating the virtualenv and installing the locked Python packages"
  [ -x "$PY" ] || python3 -m venv "$VENV"
  [ -x "$VENV/bin/uv" ] && "$VENV/bin/uv" --version 2>/dev/null | grep -q " $UV_VERSION" \
    || "$PY" -m pip install -q --disable-pip-version-check --require-hashes -r "$ROOT/requirements-uv.lock"
  "$VENV/bin/uv" pip install -q --python "$PY" --require-hashes -r "$LOCK"
  "$VENV/bin/uv" pip install -q --python "$PY" --no-deps -e .
  say "compiling the installed packages' bytecode"
  "$PY" -m compileall -q -j 0 "$("$PY" -c 'import sysconfig; print(sysconfig.get_path("purelib"))')" >/dev/null || true
  echo "$want" > "$stamp"
}

lock() {
  setup_venv
  "$VENV/bin/uv" pip compile -q pyproject.toml --extra test --generate-hashes --universal --python-version 3.11 \
    -o requirements.lock
  echo "uv==$UV_VERSION" > "$ROOT/requirements-uv.in"
  (cd "$ROOT" && "$VENV/bin/uv" pip compile -q requirements-uv.in --generate-hashes --universal --python-version 3.11 \
    -o requirements-uv.lock)
}

setup_bytecode() {
  # PYTHONDONTWRITEBYTECODE (set in some CI images) would make every run compile huifang again
  "$PY" -m compileall -q generator >/dev/null
}

setup() { setup_apt; setup_venv; setup_bytecode; }

cmd=${1:-serve}
shift || true
case $cmd in
  setup) setup ;;
  build) setup; "$VENV/bin/huifang" build "$@" ;;
  serve) setup; "$VENV/bin/huifang" build "$@"; say "handbook: http://127.0.0.1:8000/  (Ctrl-C to stop)"
         exec "$VENV/bin/huifang" serve "$@" ;;
  test)  setup
         say "ruff (lint and format) and mypy"
         "$VENV/bin/ruff" check generator templates tests bench
         "$VENV/bin/ruff" format --check --quiet generator templates tests bench
         "$VENV/bin/mypy"  # checks the package huifang (pyproject.toml [tool.mypy])
         exec "$VENV/bin/python" -m pytest "$@" ;;
  lock)  lock ;;
  *) echo "usage: ./dev.sh [setup|build|serve|test|lock] [args…]" >&2; exit 2 ;;
esac
