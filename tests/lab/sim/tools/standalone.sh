#!/bin/bash
# Throw-away harness for developing the simulators without the real lab: namespaces named simt-*, a bridge
# in simt-br (192.168.50.1, dnsmasq for DHCP), a client simt-client (192.168.50.10) and the devices you name.
#   standalone.sh up [hik dahua reolink cam rogue scale]   # builds and starts simulators
#   standalone.sh down                                     # stops them (by PID) and deletes simt-* namespaces
# Everything lives inside the simt-* namespaces; nothing is created in the host namespace.
set -u
HERE=$(cd "$(dirname "$0")/.." && pwd)
RUN=${SIMT_RUN:-/tmp/simt-run}
NODE=${NODE:-node}

topo() { # host -> "profile ip mac name upnp"
  node --input-type=module -e "
    import { SIMULATORS, ROGUE, SCALE, LAN } from '$HERE/../topology.mjs';
    const h = process.argv[1];
    const s = SIMULATORS.find((x) => x.host === h);
    if (s) console.log([s.profile, s.ip, s.mac, s.name, s.upnp ? 1 : 0].join(' '));
    else if (h === 'rogue') console.log(['rogue', ROGUE.ip, ROGUE.mac, 'rogue', 0].join(' '));
    else if (h === 'scale') console.log(['scale', 'none', SCALE.mac, 'scale', 0].join(' '));
  " "$1"
}

link() { # ns ip/prefix mac
  local ns=$1 addr=$2 mac=$3 port=p-${1#simt-}
  ip netns add "$ns"
  ip -n simt-br link add "$port" type veth peer name eth0 netns "$ns"
  ip -n simt-br link set "$port" master br0 up
  ip -n "$ns" link set lo up
  ip -n "$ns" link set eth0 address "$mac"
  ip -n "$ns" link set eth0 up
  if [ "$addr" != dhcp ] && [ "$addr" != none ]; then
    ip -n "$ns" addr add "$addr" dev eth0
    ip -n "$ns" route add default via 192.168.50.1
  fi
}

up() {
  mkdir -p "$RUN"
  if ! ip netns list | grep -q '^simt-br\b'; then bridge_up; [ "${SIMT_IGD:-0}" = 1 ] && igd_up; fi
  up_hosts "$@"
}

# Optional (SIMT_IGD=1): a WAN namespace with the lab's STUN responder and miniupnpd on simt-br, configured with
# the lab's own ruleset/config generators, so the simulators' UPnP client can be tried against a real IGD.
igd_up() {
  ip netns add simt-wan
  ip -n simt-br link add wan0 type veth peer name eth0 netns simt-wan
  ip -n simt-br addr add 203.0.113.2/24 dev wan0
  ip -n simt-br link set wan0 up
  ip -n simt-br route add default via 203.0.113.1
  ip netns exec simt-br sysctl -qw net.ipv4.ip_forward=1
  ip -n simt-wan link set lo up
  ip -n simt-wan addr add 203.0.113.1/24 dev eth0
  ip -n simt-wan addr add 198.51.100.3/32 dev eth0
  ip -n simt-wan addr add 198.51.100.4/32 dev eth0
  ip -n simt-wan link set eth0 up
  ip netns exec simt-wan node "$HERE/../wan/stun.mjs" > "$RUN/stun.log" 2>&1 &
  echo $! > "$RUN/stun.nspid"
  node --input-type=module -e "
    import fs from 'node:fs';
    import { routerRuleset, miniupnpdConf } from '$HERE/../lib/router.mjs';
    fs.writeFileSync('$RUN/ruleset.nft', routerRuleset('wan0'));
    fs.writeFileSync('$RUN/miniupnpd.conf', miniupnpdConf({ wanIf: 'wan0', runDir: '$RUN' }));"
  ip netns exec simt-br nft -f "$RUN/ruleset.nft"
  sleep 0.5
  ip netns exec simt-br miniupnpd -d -f "$RUN/miniupnpd.conf" -P "$RUN/miniupnpd.pid" > "$RUN/miniupnpd.log" 2>&1 &
  echo $! > "$RUN/miniupnpd.nspid"
  sleep 1
}

bridge_up() {
  ip netns add simt-br
  for k in bridge-nf-call-iptables bridge-nf-call-ip6tables bridge-nf-call-arptables; do
    ip netns exec simt-br sysctl -qw net.bridge.$k=0 2>/dev/null || true
  done
  ip -n simt-br link set lo up
  ip -n simt-br link add br0 type bridge mcast_snooping 0 stp_state 0 forward_delay 0
  ip -n simt-br addr add 192.168.50.1/24 dev br0
  ip -n simt-br link set br0 up
  ip -n simt-br route add 224.0.0.0/4 dev br0
  ip netns exec simt-br dnsmasq --keep-in-foreground --bind-interfaces --interface=br0 --port=0 --no-ping \
    --dhcp-range=192.168.50.100,192.168.50.199,12h --dhcp-leasefile="$RUN/leases" --pid-file="$RUN/dnsmasq.pid" \
    --user=root --log-facility="$RUN/dnsmasq.log" &
  echo $! > "$RUN/dnsmasq.nspid"
  link simt-client 192.168.50.10/24 02:00:c0:a8:32:0a
}

up_hosts() {
  for h in "$@"; do
    read -r profile ip mac name upnp < <(topo "$h")
    [ -z "${profile:-}" ] && { echo "unknown host $h"; continue; }
    link "simt-$h" "$( [ "$ip" = dhcp ] || [ "$ip" = none ] && echo "$ip" || echo "$ip/24")" "$mac"
    if [ "$h" = scale ]; then
      node --input-type=module -e "import { scaleAddresses } from '$HERE/../topology.mjs'; console.log(scaleAddresses().join('\n'))" |
        while read -r a; do ip -n simt-scale addr add "$a/24" dev eth0; done
      ip -n simt-scale route add default via 192.168.50.1
    fi
    args=(--profile "$profile" --host "$h" --ip "$ip" --prefix 24 --gateway 192.168.50.1 --iface eth0 --mac "$mac" --name "$name" --state-dir "$RUN/$h")
    [ "$upnp" = 1 ] && args+=(--upnp)
    [ -n "${CLOCK_OFFSET:-}" ] && [ "$h" = "${CLOCK_HOST:-}" ] && args+=(--clock-offset "$CLOCK_OFFSET")
    mkdir -p "$RUN/$h"
    ip netns exec "simt-$h" $NODE "$HERE/nvr-sim.mjs" "${args[@]}" > "$RUN/$h.out" 2> "$RUN/$h.err" &
    echo $! > "$RUN/$h.pid"
  done
  for h in "$@"; do
    for _ in $(seq 1 100); do grep -q READY "$RUN/$h.out" 2>/dev/null && break; sleep 0.2; done
    grep -q READY "$RUN/$h.out" && echo "$h READY" || { echo "$h NOT READY"; tail -5 "$RUN/$h.err"; }
  done
}

stop_pid() { # pidfile ns
  local f=$1 ns=$2 pid
  [ -f "$f" ] || return 0
  pid=$(cat "$f")
  if [ -d "/proc/$pid" ] && [ "$(ip netns identify "$pid" 2>/dev/null)" = "$ns" ]; then
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 50); do [ -d "/proc/$pid" ] && ! grep -q ') Z' "/proc/$pid/stat" 2>/dev/null || break; sleep 0.1; done
    [ -d "/proc/$pid" ] && ! grep -q ') Z' "/proc/$pid/stat" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  fi
  rm -f "$f"
}

down() {
  for f in "$RUN"/*.pid; do
    [ -f "$f" ] || continue
    h=$(basename "$f" .pid)
    case "$h" in dnsmasq|miniupnpd) continue ;; esac
    stop_pid "$f" "simt-$h"
  done
  for f in stun miniupnpd; do
    [ -f "$RUN/$f.nspid" ] || continue
    p=$(cat "$RUN/$f.nspid"); ns=$(ip netns identify "$p" 2>/dev/null)
    case "$ns" in simt-*) kill "$p" ;; esac
    rm -f "$RUN/$f.nspid"
  done
  [ -f "$RUN/dnsmasq.pid" ] && { p=$(cat "$RUN/dnsmasq.pid"); [ "$(ip netns identify "$p" 2>/dev/null)" = simt-br ] && kill "$p"; rm -f "$RUN/dnsmasq.pid"; }
  for ns in $(ip netns list | awk '{print $1}' | grep '^simt-'); do ip netns del "$ns"; done
}

cmd=${1:-}; shift || true
case "$cmd" in
  up) up "$@" ;;
  down) down ;;
  *) echo "usage: $0 up [hosts…] | down"; exit 1 ;;
esac
