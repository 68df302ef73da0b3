#!/bin/sh
# busybox udhcpc hook for the simulators: apply the lease and write it as JSON to $SIM_LEASE_FILE.
case "$1" in
  deconfig)
    ip -4 addr flush dev "$interface" scope global 2>/dev/null
    ip link set "$interface" up
    ;;
  bound|renew)
    ip -4 addr flush dev "$interface" scope global
    ip addr add "$ip/${mask:-24}" dev "$interface"
    # Announce the address (unsolicited ARP, RFC 5227's announcement), as a real device's DHCP client does: a
    # neighbour that marked this address unreachable while it was free reaches the device at once.
    busybox arping -U -c 1 -w 1 -I "$interface" -s "$ip" "$ip" >/dev/null 2>&1 &
    ip route replace 224.0.0.0/4 dev "$interface"
    gw=""
    for r in $router; do gw="$r"; ip route replace default via "$r" dev "$interface"; break; done
    dnsj=""
    for d in $dns; do dnsj="$dnsj${dnsj:+,}\"$d\""; done
    if [ -n "$SIM_LEASE_FILE" ]; then
      printf '{"address":"%s","prefix":%s,"gateway":"%s","dns":[%s],"lease":%s,"server":"%s","domain":"%s"}\n' \
        "$ip" "${mask:-24}" "$gw" "$dnsj" "${lease:-0}" "$serverid" "$domain" > "$SIM_LEASE_FILE.tmp" && mv "$SIM_LEASE_FILE.tmp" "$SIM_LEASE_FILE"
    fi
    ;;
esac
exit 0
