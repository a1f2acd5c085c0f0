#!/usr/bin/env bash
# Debian packages the test suite drives: Neovim (a real, independent LSP client) and what the VS Code
# end-to-end run needs (Chromium, CJK fonts, headers for code-server's native modules). Idempotent:
# does nothing when everything is present. Needs root (CI and these machines run as root).
set -euo pipefail
missing=()
command -v nvim >/dev/null || missing+=(neovim)
command -v chromium >/dev/null || missing+=(chromium)
command -v rg >/dev/null || missing+=(ripgrep)
command -v curl >/dev/null || missing+=(curl)
[ -e /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
[ -e /usr/include/X11/extensions/XKBfile.h ] || missing+=(libx11-dev libxkbfile-dev)
[ -e /usr/include/libsecret-1/libsecret/secret.h ] || missing+=(libsecret-1-dev)
command -v g++ >/dev/null || missing+=(build-essential)
command -v pkg-config >/dev/null || missing+=(pkg-config)
fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null || missing+=(fonts-noto-cjk fontconfig)
# the e2e run renders the exported 任务分工表 (docx, xlsx) to PNG: LibreOffice headless, then pdftoppm;
# the table tests have LibreOffice save plans as .doc, .docx, .odt, .xlsx and .xls (test/table/office-fixtures.ts)
command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui libreoffice-calc-nogui)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "fengong tests need these Debian packages: ${missing[*]}" >&2
  echo "install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "installing Debian packages: ${missing[*]}" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
