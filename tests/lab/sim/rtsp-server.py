#!/usr/bin/python3
"""RTSP server for the NVR simulators (gst-rtsp-server through python3-gi).

Usage: rtsp-server.py --port 554 --mount /a --mount /b [--user admin:pw ...] [--auth digest|basic|none] [--codec h264|jpeg]
Prints "RTSP READY <port>" on stdout once listening. Stops on SIGTERM/SIGINT.
gst-rtsp-server matches mounts on the URL path only: a query (Dahua's ?channel=1&subtype=0) is ignored.
"""
import argparse
import signal
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
gi.require_version("GstRtsp", "1.0")
from gi.repository import GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402


def pipeline(codec, width, height):
    caps = f"video/x-raw,format=I420,width={width},height={height},framerate=10/1"
    if codec == "jpeg":
        enc = "jpegenc quality=50 ! rtpjpegpay name=pay0 pt=26"
    else:
        enc = ("x264enc tune=zerolatency speed-preset=ultrafast bitrate=256 key-int-max=20 ! "
               "video/x-h264,profile=main ! rtph264pay name=pay0 pt=96 config-interval=1")
    return f"( videotestsrc is-live=true pattern=ball ! {caps} ! {enc} )"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--mount", action="append", required=True)
    ap.add_argument("--user", action="append", default=[])
    ap.add_argument("--auth", choices=["digest", "basic", "none"], default="digest")
    ap.add_argument("--realm", default="IP Camera")
    ap.add_argument("--codec", choices=["h264", "jpeg"], default="h264")
    args = ap.parse_args()

    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("0.0.0.0")
    server.set_service(str(args.port))

    perms = None
    if args.auth != "none" and args.user:
        auth = GstRtspServer.RTSPAuth()
        token = GstRtspServer.RTSPToken()
        token.set_string("media.factory.role", "viewer")
        for up in args.user:
            user, _, pw = up.partition(":")
            if args.auth == "digest":
                auth.add_digest(user, pw, token)
            else:
                auth.add_basic(GstRtspServer.RTSPAuth.make_basic(user, pw), token)
        if args.auth == "digest":
            auth.set_supported_methods(GstRtsp.RTSPAuthMethod.DIGEST)
            try:
                auth.set_realm(args.realm)
            except AttributeError:
                pass
        server.set_auth(auth)
        perms = GstRtspServer.RTSPPermissions()
        perms.add_permission_for_role("viewer", "media.factory.access", True)
        perms.add_permission_for_role("viewer", "media.factory.construct", True)

    mounts = server.get_mount_points()
    for i, m in enumerate(args.mount):
        f = GstRtspServer.RTSPMediaFactory()
        w, h = (640, 360) if i == 0 else (320, 180)
        f.set_launch(pipeline(args.codec, w, h))
        f.set_shared(True)
        if perms is not None:
            f.set_permissions(perms)
        mounts.add_factory(m.split("?")[0], f)

    if server.attach(None) == 0:
        print(f"RTSP FAILED {args.port}", flush=True)
        sys.exit(1)
    loop = GLib.MainLoop()

    def stop(*_):
        loop.quit()

    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGTERM, stop)
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGINT, stop)
    print(f"RTSP READY {server.get_bound_port()}", flush=True)
    loop.run()


if __name__ == "__main__":
    main()
