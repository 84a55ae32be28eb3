#!/usr/bin/env bash
# One entry point for people and CI. Every command first runs `setup`, which is idempotent:
# it installs only what is missing (Debian packages, the virtualenv, the bundled Mermaid).
#
#   ./dev.sh serve   set up, build the handbook and forms, serve on http://127.0.0.1:8000
#   ./dev.sh test    set up, run the whole test suite
#   ./dev.sh build   set up, build into site/
#   ./dev.sh setup   set up only
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
VENV=$ROOT/.venv
PY=$VENV/bin/python
MERMAID_VERSION=11.12.1
MERMAID=$ROOT/vendor/mermaid/mermaid.min.js
APT_PACKAGES=(python3 python3-venv python3-pip chromium fonts-noto-cjk fonts-dejavu-core poppler-utils
              libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b nodejs npm ca-certificates faketime)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

need_apt() {
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    case $pkg in
      python3|python3-venv|python3-pip) command -v python3 >/dev/null && python3 -m venv --help >/dev/null 2>&1 && continue ;;
      nodejs) command -v node >/dev/null && continue ;;
      npm) command -v npm >/dev/null && continue ;;
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
  local stamp=$VENV/.installed
  local want
  want=$(sha256sum pyproject.toml | cut -c1-16)
  if [ -x "$PY" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then return 0; fi
  say "creating the virtualenv and installing Python packages"
  [ -x "$PY" ] || python3 -m venv "$VENV"
  "$PY" -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null
  "$PY" -m pip install -q --disable-pip-version-check -e ".[test]"
  echo "$want" > "$stamp"
}

setup_mermaid() {
  [ -s "$MERMAID" ] && return 0
  say "bundling Mermaid $MERMAID_VERSION from the npm registry (the site must work offline)"
  local tmp
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "mermaid@$MERMAID_VERSION" >/dev/null && tar -xzf mermaid-*.tgz)
  mkdir -p "$(dirname "$MERMAID")"
  cp "$tmp/package/dist/mermaid.min.js" "$MERMAID"
  cp "$tmp/package/LICENSE" "$(dirname "$MERMAID")/LICENSE" 2>/dev/null || true
  rm -rf "$tmp"
}

setup_bytecode() {
  # PYTHONDONTWRITEBYTECODE (set in some CI images) would make every run compile huifang again
  "$PY" -m compileall -q generator >/dev/null
}

setup() { setup_apt; setup_venv; setup_bytecode; setup_mermaid; }

cmd=${1:-serve}
shift || true
case $cmd in
  setup) setup ;;
  build) setup; "$VENV/bin/huifang" build "$@" ;;
  serve) setup; "$VENV/bin/huifang" build "$@"; say "handbook: http://127.0.0.1:8000/  (Ctrl-C to stop)"
         exec "$VENV/bin/huifang" serve "$@" ;;
  test)  setup; exec "$VENV/bin/python" -m pytest "$@" ;;
  *) echo "usage: ./dev.sh [setup|build|serve|test] [args…]" >&2; exit 2 ;;
esac
