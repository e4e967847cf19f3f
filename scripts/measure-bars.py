#!/usr/bin/env python3
"""Worst cases at the caps, timed against issue 22's bars (a measurement, not a test: shared
machines are noisy). Each case runs the CLI once in a fresh process; wall time and the process's
peak RSS are printed.

  import / check of a compose file at the caps   <= 2 s, <= 256 MB
  open (decode) of a link at the caps            <= 1 s, <= 64 MB
  generate of a design at the caps               <= 5 s

usage: scripts/measure-bars.py [TIERBOARD]   (default: target/fuzz/tierboard, built with
       `cargo build --profile fuzz --bin tierboard`; any build of the CLI works)
"""
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLI = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target/fuzz/tierboard")
MAX_FILE_BYTES = 4 * 1024 * 1024


def run(args, stdin=None):
    """Wall seconds and peak RSS (MB) of one CLI run, measured by /usr/bin/time (a small parent:
    Linux keeps the high-water RSS across exec, so forking from this Python would count its pages)."""
    start = time.monotonic()
    p = subprocess.run(["/usr/bin/time", "-f", "%M", CLI] + args, input=stdin, capture_output=True)
    took = time.monotonic() - start
    err = p.stderr.decode("utf-8", "replace").rstrip().splitlines()
    rss = int(err[-1]) / 1024 if err and err[-1].isdigit() else float("nan")
    return [took, rss, p.returncode, p.stdout[-2000:].decode("utf-8", "replace"), "\n".join(err[:-1])[-300:]]


def compose_many_services(path):
    """1000 services (the import cap), each with environment, ports, volumes, healthcheck and
    depends_on, padded towards the 4 MiB file cap with environment entries."""
    lines = ["services:"]
    per = (MAX_FILE_BYTES - 100_000) // 1000
    for i in range(1000):
        lines += [f"  s{i}:", f"    image: example/s{i}:1.{i}", "    environment:"]
        size = 0
        j = 0
        while size < per - 600:
            line = f"      VAR_{j}: value-{i}-{j}"
            lines.append(line)
            size += len(line) + 1
            j += 1
        lines += [f"    ports: ['127.0.0.1:{10000 + i}:80']",
                  f"    volumes: ['data{i}:/data', './conf{i}:/etc/conf:ro']",
                  "    healthcheck: {test: [CMD, wget, -q, http://localhost/], interval: 10s}",
                  f"    depends_on: [s{(i + 1) % 1000}]" if i % 2 else "    restart: unless-stopped"]
    text = "\n".join(lines) + "\n"
    assert len(text) <= MAX_FILE_BYTES, len(text)
    open(path, "w").write(text)
    return len(text)


def compose_one_huge_environment(path):
    """One service whose environment fills the file cap (the quadratic case of issue 22)."""
    lines = ["services:", "  app:", "    image: example/app:1.0", "    environment:"]
    size, j = 100, 0
    while size < MAX_FILE_BYTES - 64:
        line = f"      V{j}: x"
        lines.append(line)
        size += len(line) + 1
        j += 1
    text = "\n".join(lines) + "\n"
    open(path, "w").write(text)
    return len(text)


def compose_alias_fanout(path):
    """Anchors and aliases that expand towards the expansion cap."""
    lines = ["x-e: &e"] + [f"  K{i}: v" for i in range(1000)]
    lines += ["x-l: &l [" + ", ".join(["*e"] * 100) + "]", "services:"]
    for i in range(19):
        lines += [f"  s{i}:", "    image: nginx:1.27", "    labels:", f"      x: 1", "    x-many: [" + ", ".join(["*l"] * 10) + "]"]
    open(path, "w").write("\n".join(lines) + "\n")
    return os.path.getsize(path)


def main():
    if not os.access(CLI, os.X_OK):
        sys.exit(f"no CLI at {CLI}: cargo build --profile fuzz --bin tierboard")
    tmp = tempfile.mkdtemp(prefix="tierboard-bars-")
    rows = []
    cases = [("1000 services", compose_many_services), ("300k variables", compose_one_huge_environment),
             ("alias fan-out", compose_alias_fanout)]
    design_at_caps = None
    for name, make in cases:
        path = os.path.join(tmp, name.replace(" ", "-") + ".yaml")
        size = make(path)
        took, rss, rc, out, err = run(["import", path])
        rows.append((f"import {name} ({size / 1048576:.1f} MiB)", took, rss, 2.0, 256, rc, err))
        took, rss, rc, _, err = run(["check", path])
        rows.append((f"check {name}", took, rss, 2.0, 256, rc if rc != 1 else 0, err))
        if name == "1000 services":
            imported = subprocess.run([CLI, "import", path], capture_output=True).stdout
            design_at_caps = os.path.join(tmp, "caps.json")
            open(design_at_caps, "wb").write(imported)
    # Links: the largest 1000-service design that still travels in a link (variables per service
    # trimmed until `share` accepts it), and a link at the length cap of junk.
    full = json.load(open(design_at_caps))
    for keep in (400, 200, 100, 50, 25, 10, 0):
        trimmed = json.loads(json.dumps(full))
        for s in trimmed["services"]:
            s["environment"] = s.get("environment", [])[:keep]
        path = os.path.join(tmp, f"link-{keep}.json")
        json.dump(trimmed, open(path, "w"))
        link = subprocess.run([CLI, "share", path], capture_output=True)
        if link.returncode == 0:
            took, rss, rc, _, err = run(["open", "-"], stdin=link.stdout)
            rows.append((f"open link: 1000 services x {keep} vars ({len(link.stdout) / 1024:.0f} KiB)",
                         took, rss, 1.0, 64, rc, err))
            break
    junk = b"#d=1." + b"A" * (2 * 1024 * 1024 - 10)
    took, rss, rc, _, err = run(["open", "-"], stdin=junk)
    rows.append(("open a 2 MiB junk link", took, rss, 1.0, 64, 0 if rc == 2 else rc, err))
    # Generate at the caps: 1000 services, the densest links the model allows.
    design = json.load(open(design_at_caps))
    ids = [s["id"] for s in design["services"]]
    design["links"] = [{"from": ids[i], "to": ids[(i + k) % len(ids)], "kind": "sync"}
                       for i in range(len(ids)) for k in range(1, 11)][:10_000]
    dense = os.path.join(tmp, "dense.json")
    json.dump(design, open(dense, "w"))
    out_dir = os.path.join(tmp, "out")
    took, rss, rc, _, err = run(["generate", dense, "--out", out_dir])
    rows.append(("generate 1000 services, 10,000 links", took, rss, 5.0, 10**6, rc, err))
    print(f"{'case':<52} {'wall s':>7} {'bar':>5} {'RSS MB':>7} {'bar':>5}  exit")
    worst = True
    for name, took, rss, bar_s, bar_mb, rc, err in rows:
        ok = took <= bar_s and rss <= bar_mb
        worst &= ok
        print(f"{name:<52} {took:7.2f} {bar_s:5.1f} {rss:7.1f} {bar_mb if bar_mb < 10**6 else '-':>5}  {rc}{'' if ok else '  OVER'}"
              + (f"  {err.strip()[:60]}" if rc not in (0,) and err else ""))
    print("all within the bars" if worst else "SOME CASE IS OVER ITS BAR")


if __name__ == "__main__":
    main()
