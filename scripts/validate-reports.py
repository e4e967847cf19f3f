#!/usr/bin/env python3
"""Validate `tierboard check --format sarif|junit` on every compose file of ../shared/corpus
and on every pattern starter's design file.

- SARIF: valid against the official SARIF 2.1.0 schema (schema/sarif-schema-2.1.0.json, OASIS),
  every result located in a file that exists, at a line that exists and holds a `key:`
  (the service's or the rule's key, or `services:`), or line 1 of a design file / a file
  without `services:`.
- JUnit: well-formed XML (xml.etree), one suite per category, counts that add up.

An override the CLI refuses alone is checked after the compose file of its directory (or the
one above), as compose merges them. Files the CLI refuses (exit 2: not compose, ...) are
skipped and listed with the CLI's reason. Needs Python's `jsonschema` (PyPI): the validators' venv has it
(scripts/setup.sh validators), or `pip install jsonschema`.

usage: scripts/validate-reports.py [--corpus DIR]   (default: ../shared/corpus beside the repo)
env:   TIERBOARD  the CLI binary (default: `cargo build` it, debug profile)
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

try:
    import jsonschema
except ImportError:
    sys.exit("validate-reports: Python's jsonschema is missing (pip install jsonschema, or run "
             "with ${VALIDATORS_HOME:-/opt/validators}/venv/bin/python)")

ROOT = Path(__file__).resolve().parent.parent
BASES = ("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml")
KEY_LINE = re.compile(r"""^\s*(?:"([^"]+)"|'([^']+)'|([^\s#'"{\[][^:]*?))\s*:(?:\s|$)""")


def slug(name):
    return re.sub(r"[^a-z0-9_-]", "-", name.strip().lower()).strip("-_")


def indent(line):
    return len(line) - len(line.lstrip(" "))


def key_of(line):
    m = KEY_LINE.match(line)
    return m and next(g for g in m.groups() if g is not None).strip()


def owning_service(lines, i):
    """The service whose block holds line i, when line i is one of its keys (walk up to the first
    line indented less: a service key directly under `services:`); None when line i is itself
    a service key."""
    key = key_of
    j = i - 1
    while j >= 0 and (not lines[j].strip() or lines[j].lstrip().startswith("#")
                      or indent(lines[j]) >= indent(lines[i])):
        j -= 1
    if j < 0 or key(lines[j]) == "services":
        return None
    return key(lines[j])


def cli_binary():
    if os.environ.get("TIERBOARD"):
        return os.environ["TIERBOARD"]
    subprocess.run(["cargo", "build", "--quiet", "--bin", "tierboard"], cwd=ROOT, check=True)
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    if not target.is_absolute():
        target = ROOT / target
    return str(target / "debug" / "tierboard")


def main():
    args = sys.argv[1:]
    corpus = ROOT.parent / "shared" / "corpus"
    if args[:1] == ["--corpus"] and len(args) == 2:
        corpus = Path(args[1]).resolve()
    elif args:
        sys.exit(__doc__)
    if not corpus.is_dir():
        sys.exit(f"validate-reports: no corpus at {corpus}")
    tierboard = cli_binary()
    schema = json.loads((ROOT / "schema" / "sarif-schema-2.1.0.json").read_text())
    validator = jsonschema.Draft4Validator(schema)

    inputs = sorted(p for p in corpus.rglob("*") if p.suffix in (".yml", ".yaml") and p.is_file())
    work = Path(tempfile.mkdtemp(prefix="tierboard-reports."))
    patterns = subprocess.run([tierboard, "patterns"], capture_output=True, text=True, check=True)
    for line in patterns.stdout.splitlines():
        pid = line.split()[0]
        design = work / f"{pid}.tierboard.json"
        design.write_text(subprocess.run([tierboard, "new", pid], capture_output=True, text=True,
                                         check=True).stdout)
        inputs.append(design)

    errors, skipped, checked = [], [], 0
    stats = {"results": 0, "service line": 0, "key line": 0, "line 1 / services:": 0,
             "service not found": 0}
    for path in inputs:
        shown = path.relative_to(corpus) if path.is_relative_to(corpus) else path.name
        # Run where the file is, as a pipeline would: URIs are then relative to that directory.
        cwd, files = path.parent, [path.name]

        def run(fmt):
            return subprocess.run([tierboard, "check", *files, "--format", fmt], cwd=cwd,
                                  capture_output=True, text=True)
        sarif = run("sarif")
        base = next((d / n for d in (path.parent, path.parent.parent) for n in BASES
                     if (d / n).is_file() and d / n != path), None)
        if sarif.returncode == 2 and "override file" in sarif.stderr and base:
            # An override alone is refused; checked with its base, as compose would merge them.
            cwd = base.parent
            files = [base.name, os.path.relpath(path, cwd)]
            sarif = run("sarif")
            shown = f"{shown} (with {base.name})"
        if sarif.returncode == 2:
            skipped.append((shown, sarif.stderr.strip().splitlines()[-1] if sarif.stderr else "?"))
            continue
        checked += 1
        if sarif.returncode not in (0, 1):
            errors.append(f"{shown}: exit {sarif.returncode}: {sarif.stderr.strip()}")
            continue
        try:
            log = json.loads(sarif.stdout)
        except json.JSONDecodeError as e:
            errors.append(f"{shown}: SARIF is not JSON: {e}")
            continue
        for e in validator.iter_errors(log):
            errors.append(f"{shown}: SARIF schema: {e.message} at {list(e.absolute_path)}")
        for result in log["runs"][0]["results"]:
            stats["results"] += 1
            where = result.get("locations", [{}])[0].get("physicalLocation", {})
            uri = where.get("artifactLocation", {}).get("uri", "")
            line = where.get("region", {}).get("startLine", 0)
            target = cwd / uri
            if not target.is_file():
                errors.append(f"{shown}: {result['ruleId']}: located in {uri!r}, not a file")
                continue
            lines = target.read_text(encoding="utf-8-sig").splitlines()
            if not 1 <= line <= max(len(lines), 1):
                errors.append(f"{shown}: {result['ruleId']}: line {line} of {len(lines)}")
                continue
            text = lines[line - 1]
            service = result["partialFingerprints"]["tierboard/v1"].split(":", 1)[1]
            if line == 1 or text.strip() == "services:":
                stats["line 1 / services:" if not service else "service not found"] += 1
            elif '"name":' in text:
                if json.loads("{" + text.strip().rstrip(",") + "}")["name"] != service:
                    errors.append(f"{shown}: {result['ruleId']}: line {line} is not {service}")
                stats["service line"] += 1
            elif KEY_LINE.match(text):
                owner = owning_service(lines, line - 1)
                here = owner if owner is not None else key_of(text)
                if slug(here) != slug(service):
                    errors.append(f"{shown}: {result['ruleId']} for {service}: line {line} "
                                  f"belongs to {here}")
                stats["service line" if owner is None else "key line"] += 1
            else:
                errors.append(f"{shown}: {result['ruleId']}: line {line} is not a key: "
                              f"{lines[line - 1]!r}")
        junit = run("junit")
        try:
            root = ET.fromstring(junit.stdout)
            suites = root.findall("testsuite")
            cases = root.findall("testsuite/testcase")
            failures = root.findall("testsuite/testcase/failure")
            if len(suites) != 5 or int(root.get("tests")) != len(cases) \
                    or int(root.get("failures")) != len(failures):
                errors.append(f"{shown}: JUnit counts do not add up")
        except (ET.ParseError, TypeError, ValueError) as e:
            errors.append(f"{shown}: JUnit: {e}")

    for name, reason in skipped:
        print(f"skipped {name}: {reason}")
    for e in errors:
        print(f"ERROR {e}")
    print(f"validate-reports: {checked} inputs checked (SARIF schema + locations, JUnit), "
          f"{len(skipped)} refused by the CLI and skipped; {stats['results']} SARIF results: "
          f"{stats['service line']} on the service's line, "
          f"{stats['key line']} on a key line inside that service, "
          f"{stats['line 1 / services:']} design-level on line 1 or `services:`, "
          f"{stats['service not found']} for a service not found in the files; {len(errors)} errors")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
