#!/usr/bin/env bash
# Runs what Tierboard generates, for real: generate every pattern starter, the 30-service stress
# design and the polyglot golden design; install each scaffolded service's pinned test
# dependencies; run its unit tests in its language's runner; then start every stub natively on
# a free loopback port and, where the project has a generated reverse proxy, start Debian's
# nginx with that proxy's nginx.conf and request every route through it. A stub that does not
# start, a failing unit test or a proxy route that does not reach its stub fails the run.
#
# The generated nginx.conf names compose hosts (`server api:8000;`) and container paths
# (/tmp); for the native run the script rewrites, in a copy, each upstream `server` to the
# loopback port its stub was started on (an upstream whose service is not started here gets a
# closed loopback port, so nginx still starts and that route is reported as not checked), the
# `listen` port to a free loopback port and /tmp to a private directory. Nothing else changes.
#
# Languages: Python (pytest, a venv per requirements hash), Node and static sites (node --test),
# Rust (cargo test, offline: the stub has no dependencies) always; Go when a go >= 1.25
# toolchain is installed (GOTOOLCHAIN=local: no toolchain download); Java with a JDK 21, or a
# JDK 17 on a marked copy (see below), and a JUnit console launcher. Skipped languages are
# listed with the reason.
#
# Installs are cached under target/generated-tests/ (venvs, npm cache, cargo target dirs), so a
# second run installs nothing.
#
# usage: scripts/run-generated-tests.sh [--keep]
#   --keep   keep the generated projects and logs (target/generated-tests/run)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

keep=0
for arg in "$@"; do
  case "$arg" in
    --keep) keep=1 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

started_at=$(date +%s)
cache="$root/target/generated-tests"
work="$cache/run"
rm -rf "$work"
mkdir -p "$work/logs" "$cache"

pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  pids=()
  if [ "$keep" = 0 ]; then
    rm -rf "$work"
  fi
}
trap cleanup EXIT

log() { echo "run-generated-tests: $*"; }
fail() { echo "run-generated-tests: FAILED: $*" >&2; failed=1; }
failed=0

# ---------------------------------------------------------------- toolchains

for tool in python3 node npm cargo nginx curl; do
  if ! command -v "$tool" > /dev/null; then
    echo "run-generated-tests: $tool is missing (scripts/setup.sh generated installs it)" >&2
    exit 2
  fi
done
skip_go=""
if ! command -v go > /dev/null; then
  skip_go="go is not installed"
elif ! GOTOOLCHAIN=local go version | grep -qE 'go1\.(2[5-9]|[3-9][0-9])'; then
  skip_go="$(GOTOOLCHAIN=local go version) is older than the stubs' go 1.25"
fi
# Java: JDK 21 runs the stub as generated. Without one (Debian bookworm ships JDK 17), a JDK 17
# runs a copy of the stub in which its only two Java 21 calls are replaced by their Java 17
# equivalents (a cached thread pool for virtual threads, a daemon Thread for Thread.ofPlatform):
# the JUnit suite and the rest of the stub run unchanged, and the run says "java (jdk17 copy)".
# JUnit: JUNIT_CONSOLE_JAR, else Debian's junit5 package (scripts/setup.sh generated).
skip_java=""
java_release=21
junit_jar="${JUNIT_CONSOLE_JAR:-/usr/share/java/junit-platform-console-standalone.jar}"
if ! command -v javac > /dev/null; then
  skip_java="no JDK installed"
elif ! javac --release 21 -version > /dev/null 2>&1; then
  if javac --release 17 -version > /dev/null 2>&1; then
    java_release=17
  else
    skip_java="no JDK 17 or 21"
  fi
fi
if [ -z "$skip_java" ] && [ ! -f "$junit_jar" ]; then
  skip_java="no junit-platform-console-standalone jar (set JUNIT_CONSOLE_JAR or install Debian's junit5)"
fi

# A free TCP port on 127.0.0.1 (the kernel's choice; closed again at once).
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Wait until http://127.0.0.1:$1/health answers 200, at most $2 seconds.
wait_health() {
  local port=$1 deadline=$(($(date +%s) + $2))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    if curl -fsS --max-time 2 "http://127.0.0.1:$port/health" > /dev/null 2>&1; then
      return 0
    fi
    sleep 0.2
  done
  return 1
}

# ---------------------------------------------------------------- projects

cargo build --quiet --bin tierboard
tierboard="${CARGO_TARGET_DIR:-$root/target}/debug/tierboard"
projects=()
while read -r id _; do
  [ -n "$id" ] || continue
  "$tierboard" new "$id" > "$work/$id.json"
  projects+=("$id")
done < <("$tierboard" patterns)
cp tests/fixtures/stress-30.json "$work/stress-30.json"
projects+=(stress-30)
cp tests/fixtures/golden/project/polyglot/polyglot-shop.tierboard.json "$work/polyglot.json"
projects+=(polyglot)
for id in "${projects[@]}"; do
  "$tierboard" generate "$work/$id.json" --out "$work/$id" > /dev/null
done

language_of() {
  local dir=$1
  if [ -f "$dir/requirements-dev.txt" ]; then echo python
  elif [ -f "$dir/server.js" ]; then echo node
  elif [ -f "$dir/dev-server.mjs" ]; then echo static
  elif [ -f "$dir/Cargo.toml" ]; then echo rust
  elif [ -f "$dir/go.mod" ]; then echo go
  elif [ -f "$dir/App.java" ]; then echo java
  elif [ -f "$dir/nginx.conf" ]; then echo proxy
  else echo none
  fi
}

# The venv for a Python service's requirements-dev.txt (+ requirements.txt), created once per
# content hash and interpreter.
python_venv() {
  local dir=$1 key venv
  key=$(cat "$dir/requirements-dev.txt" "$dir/requirements.txt" <(python3 --version) | sha256sum | cut -c1-16)
  venv="$cache/venv-$key"
  if [ ! -f "$venv/.complete" ]; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    (cd "$dir" && "$venv/bin/pip" install --quiet --disable-pip-version-check --requirement requirements-dev.txt) >&2
    touch "$venv/.complete"
  fi
  echo "$venv"
}

declare -A ran=() skipped=()
unit_tests() {
  local project=$1 name=$2 dir=$3 language=$4 logfile=$5 venv
  case "$language" in
    python)
      venv=$(python_venv "$dir")
      (cd "$dir" && "$venv/bin/python" -m pytest -q) ;;
    node | static)
      (cd "$dir" && npm ci --no-audit --no-fund --prefer-offline --cache "$cache/npm" --loglevel=error && npm test --silent) ;;
    rust)
      (cd "$dir" && CARGO_TARGET_DIR="$cache/cargo/$project-$name" cargo test --locked --offline --quiet) ;;
    go)
      (cd "$dir" && CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=-mod=mod go test ./...) ;;
    java)
      local out="$work/java/$project-$name"
      java_copy "$dir" "$out"
      (cd "$out" && javac --release "$java_release" -d classes App.java \
        && javac --release "$java_release" -cp "classes:$junit_jar" -d test-classes test/AppTest.java \
        && java -jar "$junit_jar" --disable-banner --details=summary --class-path classes:test-classes --scan-class-path) ;;
  esac > "$logfile" 2>&1
}

# The Java stub and its test in $2: as generated for JDK 21, with the two Java 21 calls
# replaced for JDK 17 (see above).
java_copy() {
  local dir=$1 out=$2
  mkdir -p "$out/test"
  cp "$dir/App.java" "$out/App.java"
  cp "$dir/test/AppTest.java" "$out/test/AppTest.java"
  if [ "$java_release" = 17 ]; then
    sed -i 's/Executors.newVirtualThreadPerTaskExecutor()/Executors.newCachedThreadPool()/; s/Thread.ofPlatform().daemon().start(/startDaemon(/' "$out/App.java"
    python3 - "$out/App.java" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
end = text.rindex("}")
helper = "    private static void startDaemon(Runnable task) {\n        Thread thread = new Thread(task);\n        thread.setDaemon(true);\n        thread.start();\n    }\n"
open(path, "w", encoding="utf-8").write(text[:end] + helper + text[end:])
PY
  fi
}

# Start the stub in $dir natively (its image's default mode) on $port and record its pid: the
# background subshell changes directory and then execs the stub, so the pid is the stub's.
start_stub() {
  local project=$1 name=$2 dir=$3 language=$4 port=$5 logfile=$6 venv=""
  [ "$language" = python ] && venv=$(python_venv "$dir")
  if [ "$language" = rust ]; then
    (cd "$dir" && CARGO_TARGET_DIR="$cache/cargo/$project-$name" cargo build --locked --offline --quiet) > "$logfile" 2>&1 || return 0
  fi
  {
    cd "$dir"
    export PORT=$port HEARTBEAT_FILE="$work/heartbeat-$project-$name"
    case "$language" in
      python) exec "$venv/bin/python" -m app ;;
      node) exec node server.js ;;
      static) exec node dev-server.mjs ;;
      rust) exec "$cache/cargo/$project-$name/debug/server" ;;
      java) cd "$work/java/$project-$name" && exec java -XX:-UsePerfData -cp classes App ;;
    esac
  } >> "$logfile" 2>&1 &
  pids+=("$!")
}

# Run the project's generated reverse proxy ($dir/nginx.conf) on loopback and request each
# route. $2 is a file of "host port" lines: the stubs started for this project.
check_proxy() {
  local project=$1 dir=$2 started=$3 name prefix conf port upstream host target why
  name=$(basename "$dir")
  prefix="$work/nginx-$project-$name"
  mkdir -p "$prefix/logs"
  conf="$prefix/nginx.conf"
  port=$(free_port)
  cp "$dir/nginx.conf" "$conf"
  # Upstream hosts → the loopback ports of their stubs (or a closed port).
  while read -r upstream; do
    host=${upstream%:*}
    target=$(awk -v h="$host" '$1 == h { print $2 }' "$started")
    [ -n "$target" ] || target=$(free_port)
    sed -i "s|server $upstream;|server 127.0.0.1:$target;|" "$conf"
  done < <(grep -oE 'server [A-Za-z0-9._-]+:[0-9]+;' "$dir/nginx.conf" | sed -E 's/^server //; s/;$//' | sort -u)
  sed -i -E "s|listen [0-9]+ default_server;|listen 127.0.0.1:$port default_server;|; s|/tmp/|$prefix/|g; s|access_log /dev/stdout|access_log $prefix/logs/access.log|" "$conf"
  if ! nginx -t -q -p "$prefix" -c "$conf" > "$prefix/logs/nginx-t.log" 2>&1; then
    fail "$project/$name: nginx -t rejects the loopback copy of nginx.conf"; cat "$prefix/logs/nginx-t.log" >&2; return
  fi
  (exec nginx -p "$prefix" -c "$conf" -g 'daemon off;') > "$prefix/logs/nginx.log" 2>&1 &
  pids+=("$!")
  local deadline=$(($(date +%s) + 10))
  until curl -fsS --max-time 2 "http://127.0.0.1:$port/healthz" > /dev/null 2>&1; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      fail "$project/$name: nginx does not answer /healthz"; cat "$prefix/logs/nginx.log" >&2; return
    fi
    sleep 0.2
  done
  printf '  %-14s %-28s %s\n' "$name" "/healthz" "200 (nginx)"
  echo "$name $port" >> "$started"
  # Routes: `location <prefix> {` followed by `proxy_pass http://<upstream>;`; the upstream's
  # first `server` line names the compose host.
  local route up
  while read -r route up; do
    host=$(awk -v u="$up" '$1 == "upstream" && $2 == u { getline; sub(/:.*/, "", $2); print $2; exit }' "$dir/nginx.conf")
    if ! awk -v h="$host" '$1 == h { found = 1 } END { exit !found }' "$started"; then
      why=$(awk -v h="$host" '$1 == h { $1 = ""; print substr($0, 2) }' "$work/not-started-$project.txt")
      printf '  %-14s %-28s %s\n' "$name" "${route}health" "not checked: $host not started (${why:-not built here})"
      continue
    fi
    if curl -fsS --max-time 5 "http://127.0.0.1:$port${route}health" | grep -q '"status": *"ok"'; then
      printf '  %-14s %-28s %s\n' "$name" "${route}health" "200 from $host"
    else
      fail "$project/$name: ${route}health does not reach $host through nginx"
    fi
  done < <(awk '/location [^=]/ { p = $2 } /proxy_pass http:\/\// { u = $2; sub(/^http:\/\//, "", u); sub(/;$/, "", u); print p, u }' "$dir/nginx.conf")
}

# The project's tests/integration suite (pytest from tests/requirements.txt, a cached venv)
# against what runs natively, with a fake `docker` on PATH: it lists the designed services,
# reports every container in the state $FAKE_STATE and answers `docker compose port` with the
# loopback port of the stub or proxy started here. So the HTTP checks are real (through nginx),
# the container states are not. Run once with healthy states (must pass) and once with a crashed
# container (must fail: the suite can fail). Skipped when an endpoint's service is not running.
integration_suite() {
  local project=$1 dir="$work/$1" venv key fake="$work/fake-docker" endpoints service
  endpoints=$(python3 -c 'import json, sys; print(" ".join(e["service"] for e in json.load(open(sys.argv[1]))["endpoints"]))' "$dir/tests/fixtures/services.json")
  for service in $endpoints; do
    if ! awk -v h="$service" '$1 == h { found = 1 } END { exit !found }' "$work/started-$project.txt"; then
      printf '  %-14s %s\n' tests/ "integration suite not run: $service is not running natively"
      return
    fi
  done
  key=$(cat "$dir/tests/requirements.txt" <(python3 --version) | sha256sum | cut -c1-16)
  venv="$cache/venv-$key"
  if [ ! -f "$venv/.complete" ]; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check --requirement "$dir/tests/requirements.txt"
    touch "$venv/.complete"
  fi
  mkdir -p "$fake"
  cat > "$fake/docker" <<'FAKE'
#!/bin/sh
for arg in "$@"; do last="$arg"; done
case " $* " in
  *" config --services "*) python3 -c 'import json, sys; print("\n".join(json.load(open(sys.argv[1]))["services"]))' tests/fixtures/services.json ;;
  *" ps --all --quiet "*) echo "id-$last" ;;
  " inspect "*) echo "$FAKE_STATE" ;;
  *" port "*)
    for arg in "$@"; do prev="$service"; service="$arg"; done
    echo "127.0.0.1:$(awk -v h="$prev" '$1 == h { print $2 }' "$FAKE_PORTS")" ;;
  *) echo "fake docker: unexpected call: $*" >&2; exit 99 ;;
esac
FAKE
  chmod +x "$fake/docker"
  local args="-f docker-compose.yml -f docker-compose.ci.yml"
  if (cd "$dir" && PATH="$fake:$PATH" FAKE_PORTS="$work/started-$project.txt" FAKE_STATE="running healthy 0" \
      COMPOSE_ARGS="$args" "$venv/bin/python" -m pytest -q -p no:cacheprovider tests/integration) > "$work/logs/$project-integration.log" 2>&1; then
    printf '  %-14s %s\n' tests/ "integration suite passes ($(grep -oE '[0-9]+ passed' "$work/logs/$project-integration.log"); fake docker, real HTTP)"
  else
    fail "$project: tests/integration fails against the native run"; tail -n 30 "$work/logs/$project-integration.log" >&2
  fi
  if (cd "$dir" && PATH="$fake:$PATH" FAKE_PORTS="$work/started-$project.txt" FAKE_STATE="exited none 1" SMOKE_TIMEOUT=5 \
      COMPOSE_ARGS="$args" "$venv/bin/python" -m pytest -q -p no:cacheprovider tests/integration) > "$work/logs/$project-integration-crashed.log" 2>&1; then
    fail "$project: tests/integration passes although a container crashed"
  else
    printf '  %-14s %s\n' tests/ "integration suite fails on a crashed container, as it should"
  fi
}

printf '%-16s %-14s %-8s %-7s %s\n' project service language unit native
for project in "${projects[@]}"; do
  started="$work/started-$project.txt"
  not_started="$work/not-started-$project.txt"
  : > "$started"
  : > "$not_started"
  for dir in "$work/$project"/docker/*/; do
    dir=${dir%/}
    name=$(basename "$dir")
    language=$(language_of "$dir")
    case "$language" in
      none | proxy) continue ;;
      go) if [ -n "$skip_go" ]; then skipped[go]=$skip_go; echo "$name $skip_go" >> "$not_started"; continue; fi ;;
      java) if [ -n "$skip_java" ]; then skipped[java]=$skip_java; echo "$name $skip_java" >> "$not_started"; continue; fi ;;
    esac
    unit_log="$work/logs/$project-$name-unit.log"
    t0=$(date +%s)
    if unit_tests "$project" "$name" "$dir" "$language" "$unit_log"; then
      unit="ok $(($(date +%s) - t0))s"
      label=$language
      [ "$language" = java ] && [ "$java_release" = 17 ] && label="java (jdk17 copy)"
      ran[$label]=$((${ran[$label]:-0} + 1))
    else
      unit="FAILED"
      fail "$project/$name: $language unit tests"; tail -n 30 "$unit_log" >&2
    fi
    native="-"
    case "$language" in
      python | node | static | rust | java)
        port=$(free_port)
        start_stub "$project" "$name" "$dir" "$language" "$port" "$work/logs/$project-$name-native.log"
        if wait_health "$port" 60; then
          native="up :$port"
          echo "$name $port" >> "$started"
        else
          native="DID NOT START"
          fail "$project/$name: the $language stub does not answer /health natively"
          tail -n 30 "$work/logs/$project-$name-native.log" >&2
        fi ;;
    esac
    printf '%-16s %-14s %-8s %-7s %s\n' "$project" "$name" "$language" "$unit" "$native"
  done
  for dir in "$work/$project"/docker/*/; do
    dir=${dir%/}
    if [ "$(language_of "$dir")" = proxy ]; then
      check_proxy "$project" "$dir" "$started"
    fi
  done
  integration_suite "$project"
  # Stop this project's processes before the next project starts its own.
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  pids=()
done

for language in "${!ran[@]}"; do
  log "$language: ${ran[$language]} services tested"
done
for language in "${!skipped[@]}"; do
  log "$language: skipped, ${skipped[$language]}"
done
log "took $(($(date +%s) - started_at))s"
if [ "$keep" = 1 ]; then
  log "projects and logs kept in $work"
fi
if [ "$failed" != 0 ]; then
  echo "run-generated-tests: FAILED (see above)" >&2
  exit 1
fi
log "all generated tests passed"
