#!/usr/bin/env bash
# Installs what test/e2e/run.mjs needs: a real VS Code (code-server 4.100.3 = VS Code 1.100.3, the
# last line that runs on Node 20, from the npm registry), playwright-core, and Debian's Chromium
# and CJK fonts. Idempotent: each part is skipped when present.
# usage: scripts/install-e2e.sh [DIR]   (default: .cache/e2e in the repository; ~300 MB)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
W=${1:-$ROOT/.cache/e2e}
mkdir -p "$W" && W=$(cd "$W" && pwd)
CS_VERSION=4.100.3
PW_VERSION=1.65.1

# Debian packages: Chromium to drive, ripgrep (code-server's search, see below), CJK fonts so that
# screenshots show Chinese rather than boxes, and the headers code-server's native modules build against.
need_apt=0
command -v chromium >/dev/null || need_apt=1
command -v rg >/dev/null || need_apt=1
[ -e /usr/include/gssapi/gssapi.h ] || need_apt=1
[ -e /usr/include/X11/extensions/XKBfile.h ] || need_apt=1
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need_apt=1
if [ "$need_apt" = 1 ]; then
  echo "install-e2e: apt packages" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    build-essential python3 pkg-config libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev \
    ripgrep chromium fonts-noto-cjk fontconfig curl >/dev/null
fi

export TMPDIR=$W/tmp                        # @vscode/ripgrep looks for its download cache here
export npm_config_cache=$W/npm-cache
export npm_config_unsafe_perm=true          # code-server's postinstall refuses to run as root without it
export npm_config_nodedir=/usr              # node-gyp: use the installed Node headers, download nothing
export npm_config_yes=true                  # node-pty's postinstall runs `npx node-gyp`
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export XDG_CONFIG_HOME=$W/xdg/config XDG_DATA_HOME=$W/xdg/data XDG_CACHE_HOME=$W/xdg/cache
mkdir -p "$TMPDIR" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$W/code-server" "$W/tools"

if [ ! -x "$W/code-server/node_modules/.bin/code-server" ] || \
   ! grep -q "\"version\": \"$CS_VERSION\"" "$W/code-server/node_modules/code-server/package.json" 2>/dev/null; then
  echo "install-e2e: code-server $CS_VERSION" >&2
  # @vscode/ripgrep@1.15.11 downloads rg from GitHub unless this cache file exists: give it Debian's rg.
  RGC=$TMPDIR/vscode-ripgrep-cache-1.15.11
  mkdir -p "$RGC"
  tar czf "$RGC/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C /usr/bin rg
  cd "$W/code-server"
  [ -f package.json ] || echo '{"name":"code-server-host","private":true}' > package.json
  npm install --no-save "code-server@$CS_VERSION"
fi
if [ ! -d "$W/tools/node_modules/playwright-core" ]; then
  echo "install-e2e: playwright-core $PW_VERSION" >&2
  cd "$W/tools"
  [ -f package.json ] || echo '{"name":"e2e-tools","private":true}' > package.json
  npm install --no-save "playwright-core@$PW_VERSION"
fi
rm -rf "$W/npm-cache"
echo "install-e2e: ready in $W" >&2
