#!/usr/bin/env bash
# Set up a fresh machine and build the example archive into output/.
# Installs Debian's Chromium (for PDFs) and poppler-utils (for the PDF tests)
# when they are missing, then the npm dependencies, then builds.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
if [ -z "${PUPPETEER_EXECUTABLE_PATH:-}" ] && ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null && ! command -v google-chrome >/dev/null; then
  missing+=(chromium)
fi
command -v pdfinfo >/dev/null || missing+=(poppler-utils)

if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing from Debian: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# puppeteer-core never downloads a browser; the system Chromium is used.
npm ci --no-audit --no-fund
npm run build
