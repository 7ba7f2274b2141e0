#!/usr/bin/env bash
# Make the node2 engine also answer over TCP inside its own namespace (idempotent):
#   tcp://198.18.0.2:2375  plain
#   tcp://198.18.0.2:2376  TLS, client certificate required (mutual TLS, as dockerd --tlsverify)
# Both are forwarders to node2's unix socket started in netns node2 (socat for plain TCP, stunnel
# for TLS: socat 1.7 sets no TLS session id context, so clients that resume sessions, as Java
# does, are refused), so a running engine need not restart; they listen only on node2's underlay
# address, never on a public one.
# Certificates (a CA, a server certificate for IP 198.18.0.2, a client certificate) are made
# with openssl in $NODE2_TLS_DIR: client/ holds ca.pem, cert.pem, key.pem (DOCKER_CERT_PATH).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"

ensure_tools() {
  command -v socat >/dev/null && command -v stunnel4 >/dev/null && command -v openssl >/dev/null && return 0
  log "installing socat stunnel4 openssl"
  DEBIAN_FRONTEND=noninteractive apt-get install -y socat stunnel4 openssl >/dev/null 2>&1 ||
    { apt-get update >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y socat stunnel4 openssl >/dev/null; }
}

# The certificates, made again when one is missing or expires within a day.
ensure_certs() {
  local dir=$NODE2_TLS_DIR
  if [[ -s $dir/client/key.pem && -s $dir/server/cert.pem ]] &&
    openssl x509 -checkend 86400 -noout -in "$dir/server/cert.pem" >/dev/null 2>&1 &&
    openssl x509 -checkend 86400 -noout -in "$dir/client/cert.pem" >/dev/null 2>&1; then
    return 0
  fi
  log "making TLS certificates in $dir"
  rm -rf "$dir"
  mkdir -p "$dir/ca" "$dir/server" "$dir/client"
  chmod 700 "$dir"
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=netlens lab CA" \
    -keyout "$dir/ca/key.pem" -out "$dir/ca/cert.pem" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=$N2_ADDR" \
    -keyout "$dir/server/key.pem" -out "$dir/server/req.pem" 2>/dev/null
  printf 'subjectAltName=IP:%s\nextendedKeyUsage=serverAuth\n' "$N2_ADDR" >"$dir/server/ext.cnf"
  openssl x509 -req -in "$dir/server/req.pem" -CA "$dir/ca/cert.pem" -CAkey "$dir/ca/key.pem" \
    -CAcreateserial -days 30 -extfile "$dir/server/ext.cnf" -out "$dir/server/cert.pem" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=netlens lab client" \
    -keyout "$dir/client/key.pem" -out "$dir/client/req.pem" 2>/dev/null
  printf 'extendedKeyUsage=clientAuth\n' >"$dir/client/ext.cnf"
  openssl x509 -req -in "$dir/client/req.pem" -CA "$dir/ca/cert.pem" -CAkey "$dir/ca/key.pem" \
    -CAcreateserial -days 30 -extfile "$dir/client/ext.cnf" -out "$dir/client/cert.pem" 2>/dev/null
  cp "$dir/ca/cert.pem" "$dir/client/ca.pem"
  cp "$dir/ca/cert.pem" "$dir/server/ca.pem"
  # Forwarders started with the old certificates must restart.
  stop_forwarder "$LAB_STATE_DIR/node2-tls.pid"
}

stop_forwarder() {
  local pid
  pid=$(read_pid "$1")
  if [[ -n $pid ]] && { pid_is "$pid" socat || pid_is "$pid" stunnel4; }; then kill -TERM "$pid" 2>/dev/null || true; fi
  rm -f "$1"
}

port_open() { (exec 3<>"/dev/tcp/$N2_ADDR/$1") 2>/dev/null; }

# start_forwarder NAME PIDFILE PORT PROGRAM [ARGS...]: PROGRAM runs in the foreground in netns node2
start_forwarder() {
  local name=$1 pidfile=$2 port=$3 program=$4 pid
  shift 3
  pid=$(read_pid "$pidfile")
  if [[ -n $pid ]] && pid_is "$pid" "$program" && port_open "$port"; then
    return 0
  fi
  stop_forwarder "$pidfile"
  log "node2: $name on $N2_ADDR:$port"
  nsenter --net="$NODE2_NETNS_PATH" "$@" >>"/tmp/netlens-lab-node2-$port.log" 2>&1 &
  echo $! >"$pidfile"
  wait_until 10 "node2 $name to listen" port_open "$port"
}

stunnel_config() {
  local s=$NODE2_TLS_DIR/server
  cat <<CONF
foreground = yes
pid =
[node2-docker]
accept = $N2_ADDR:$NODE2_TLS_PORT
connect = $NODE2_SOCK
cert = $s/cert.pem
key = $s/key.pem
CAfile = $s/ca.pem
verifyPeer = no
verifyChain = yes
requireCert = yes
CONF
}

main() {
  wait_until 60 "node2 engine socket $NODE2_SOCK (engines-up.sh starts it)" test -S "$NODE2_SOCK" || die "node2 engine is not up"
  mkdir -p "$LAB_STATE_DIR"
  ensure_tools
  ensure_certs
  start_forwarder "plain TCP" "$LAB_STATE_DIR/node2-tcp.pid" "$NODE2_TCP_PORT" \
    socat "TCP-LISTEN:$NODE2_TCP_PORT,bind=$N2_ADDR,reuseaddr,fork" "UNIX-CONNECT:$NODE2_SOCK"
  stunnel_config >"$NODE2_TLS_DIR/stunnel.conf"
  start_forwarder "TLS" "$LAB_STATE_DIR/node2-tls.pid" "$NODE2_TLS_PORT" \
    stunnel4 "$NODE2_TLS_DIR/stunnel.conf"
  log "node2 over TCP: tcp://$N2_ADDR:$NODE2_TCP_PORT, TLS tcp://$N2_ADDR:$NODE2_TLS_PORT (DOCKER_CERT_PATH=$NODE2_TLS_DIR/client)"
}

main "$@"
