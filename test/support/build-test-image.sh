#!/usr/bin/env bash
# Build the tiny LXD test image from busybox-static and import it under the alias
# `allowlist-test` (or $1). The capture tests launch it instead of downloading an image, so no
# test ever reaches an image server. Idempotent: the tarball is byte-reproducible, and an image
# with the same fingerprint is left alone.
#
# The container's init runs `udhcpc`, whose script sets the address and writes
# /etc/resolv.conf with the bridge's dnsmasq as nameserver. It deliberately sets no default
# route: a test workload can reach the bridge and nothing beyond it.
set -euo pipefail

alias_name="${1:-allowlist-test}"
# busybox-static installs /bin/busybox; a dynamically linked busybox would not run in the rootfs.
busybox=/bin/busybox
[[ -x "$busybox" ]] || { echo "build-test-image: install the Debian package busybox-static" >&2; exit 6; }

work="$(mktemp -d "${TMPDIR:-/tmp}/allowlist-image-XXXXXX")"
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"
mkdir -p "$rootfs"/{bin,sbin,usr/bin,usr/sbin,etc/init.d,dev,proc,sys,tmp,run,root,home/user,var/run}
chmod 1777 "$rootfs/tmp"
install -m 0755 "$busybox" "$rootfs/bin/busybox"
# One link per applet, at the path busybox itself reports (bin/sh, sbin/udhcpc, usr/bin/nslookup …).
"$busybox" --list-full | while read -r applet; do
  [[ "$applet" == bin/busybox ]] && continue
  depth="${applet//[^\/]/}"
  prefix=""
  for ((i = 0; i < ${#depth}; i++)); do prefix+="../"; done
  ln -sf "${prefix}bin/busybox" "$rootfs/$applet"
done

cat >"$rootfs/etc/inittab" <<'INITTAB'
::sysinit:/etc/init.d/rcS
::respawn:/etc/init.d/dhcp
INITTAB

cat >"$rootfs/etc/init.d/rcS" <<'RCS'
#!/bin/sh
ip link set lo up
RCS

# Send the hostname so the bridge's dnsmasq knows the lease by the instance name.
cat >"$rootfs/etc/init.d/dhcp" <<'DHCP'
#!/bin/sh
exec udhcpc -f -i eth0 -s /etc/udhcpc.script -x "hostname:$(hostname)"
DHCP

cat >"$rootfs/etc/udhcpc.script" <<'SCRIPT'
#!/bin/sh
# udhcpc hook: address and resolver only, never a default route (see build-test-image.sh).
case "$1" in
  deconfig)
    ip -4 addr flush dev "$interface"
    ip link set "$interface" up
    ;;
  bound | renew)
    ip -4 addr flush dev "$interface"
    ip addr add "$ip/${mask:-24}" dev "$interface"
    : >/etc/resolv.conf.new
    for server in $dns; do echo "nameserver $server" >>/etc/resolv.conf.new; done
    mv /etc/resolv.conf.new /etc/resolv.conf
    ;;
esac
exit 0
SCRIPT
chmod 0755 "$rootfs/etc/init.d/rcS" "$rootfs/etc/init.d/dhcp" "$rootfs/etc/udhcpc.script"

printf 'root:x:0:0:root:/root:/bin/sh\nuser:x:1000:1000:user:/home/user:/bin/sh\n' >"$rootfs/etc/passwd"
printf 'root:x:0:\nuser:x:1000:\n' >"$rootfs/etc/group"
printf '127.0.0.1 localhost\n' >"$rootfs/etc/hosts"
: >"$rootfs/etc/resolv.conf"
chown 1000:1000 "$rootfs/home/user"

cat >"$work/metadata.yaml" <<META
architecture: $(uname -m)
creation_date: 1700000000
properties:
  description: allowlist test image (busybox, DHCP, no default route)
  os: busybox
  release: "$("$busybox" | head -1 | awk '{print $2}')"
templates: {}
META

tarball="$work/image.tar.gz"
tar -C "$work" --sort=name --mtime=@1700000000 --owner=0 --group=0 --numeric-owner \
  -cf - metadata.yaml rootfs | gzip -n >"$tarball"
fingerprint="$(sha256sum "$tarball" | cut -d' ' -f1)"

# The alias's exact target (an image list filter would also match longer alias names).
current="$(lxc query "/1.0/images/aliases/$alias_name" 2>/dev/null |
  sed -n 's/.*"target": *"\([0-9a-f]*\)".*/\1/p' || true)"
if [[ "$fingerprint" == "$current" ]]; then
  echo "build-test-image: $alias_name is up to date ($current)"
  exit 0
fi
if lxc image info "$alias_name" >/dev/null 2>&1; then
  lxc image alias delete "$alias_name"
fi
if ! lxc image info "$fingerprint" >/dev/null 2>&1; then
  lxc image import "$tarball" >/dev/null
fi
lxc image alias create "$alias_name" "$fingerprint"
echo "build-test-image: imported $alias_name ($fingerprint)"
