#!/usr/bin/env bash
# Makes sure the browser tests have a headless browser: Debian's chromium and its chromedriver
# (package chromium-driver), with the fonts the screenshots are drawn in (fonts-liberation). Does nothing
# when both programs are on the PATH; otherwise installs them with
# apt-get (refreshing the package lists only if the first try fails), as root or through
# passwordless sudo. The build runs it before it starts the test stack (ear/pom.xml, execution
# install-chromium); run it by hand the same way.
set -euo pipefail

if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  exit 0
fi

fail() {
  cat >&2 <<MSG
[chromium] $1
[chromium] The browser tests need Debian's chromium and chromium-driver. Install them as root:
[chromium]     apt-get update && apt-get install -y chromium chromium-driver
[chromium] (on another system: any Chromium with the chromedriver of the same version, both on the PATH
[chromium] as 'chromium' and 'chromedriver'), then run the build again.
MSG
  exit 1
}

command -v apt-get >/dev/null || fail "chromium or chromedriver is missing and apt-get is not available here."
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  fail "chromium or chromedriver is missing, and installing them needs root (or passwordless sudo)."
fi

install() {
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -q --no-install-recommends \
    chromium chromium-driver fonts-liberation
}

echo "[chromium] chromium or chromedriver is missing: installing Debian's chromium and chromium-driver"
if ! install; then
  echo "[chromium] the install failed; refreshing the package lists and trying again"
  "${as_root[@]}" apt-get update -q || fail "apt-get update failed (see above)."
  install || fail "apt-get install chromium chromium-driver failed (see above)."
fi
command -v chromium >/dev/null && command -v chromedriver >/dev/null \
  || fail "apt-get finished, but chromium or chromedriver is still not on the PATH."
echo "[chromium] installed: $(chromium --version 2>/dev/null | head -1); $(chromedriver --version | head -1)"
