#!/bin/sh
# Debian's Chromium inside the lab's client namespace, for the Playwright `lab` project: the page it opens is the
# browser-mode server on that namespace's own 127.0.0.1, and everything the app searches stays in the lab.
exec ip netns exec nvrlab-client "${CHROMIUM_PATH:-/usr/bin/chromium}" "$@"
