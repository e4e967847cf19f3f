#!/usr/bin/env python3
"""Check schema/tierboard.schema.json, the JSON Schema of design files:

- it is what the model produces now (`tierboard schema`; the Rust test
  model::json_schema::the_committed_schema_is_current checks the same);
- it is a valid draft-07 schema;
- it accepts every pattern starter (`tierboard new`), every design file among the fixtures
  (tests/fixtures/**/*.json that the CLI's `validate` accepts) and the import of every corpus
  compose file the CLI imports;
- it rejects known bad design files (unknown keys, wrong types, unknown enum values, no name).

Needs Python's `jsonschema` (PyPI): the validators' venv has it, or `pip install jsonschema`.
usage: scripts/validate-schema.py        env: TIERBOARD  the CLI binary (default: cargo build)
"""
import json
import os
import subprocess
import sys
from pathlib import Path

try:
    import jsonschema
except ImportError:
    sys.exit("validate-schema: Python's jsonschema is missing (pip install jsonschema)")

ROOT = Path(__file__).resolve().parent.parent

# Each is refused by `tierboard validate` and must be refused by the schema.
BAD = {
    "unknown top-level key": {"name": "x", "servces": []},
    "no name": {"services": []},
    "name not a string": {"name": 3},
    "$schema not a string": {"$schema": 1, "name": "x"},
    "unknown service key": {"name": "x", "services": [
        {"id": 1, "name": "a", "kind": "custom", "tier": "backend", "imagee": "nginx"}]},
    "unknown tier": {"name": "x", "services": [
        {"id": 1, "name": "a", "kind": "custom", "tier": "middle"}]},
    "negative id": {"name": "x", "services": [
        {"id": -1, "name": "a", "kind": "custom", "tier": "backend"}]},
    "port as text": {"name": "x", "services": [
        {"id": 1, "name": "a", "kind": "custom", "tier": "backend", "ports": ["80"]}]},
    "unknown link kind": {"name": "x", "links": [{"from": 1, "to": 2, "kind": "carrier-pigeon"}]},
    "unknown settings key": {"name": "x", "settings": {"budgett": {}}},
    "unknown documentation language": {"name": "x", "settings": {"docs_lang": "tlh"}},
}


def cli_binary():
    if os.environ.get("TIERBOARD"):
        return os.environ["TIERBOARD"]
    subprocess.run(["cargo", "build", "--quiet", "--bin", "tierboard"], cwd=ROOT, check=True)
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    return str((target if target.is_absolute() else ROOT / target) / "debug" / "tierboard")


def cli(tierboard, *args, stdin=None, cwd=ROOT):
    return subprocess.run([tierboard, *args], input=stdin, capture_output=True, text=True, cwd=cwd)


def main():
    tierboard = cli_binary()
    committed = (ROOT / "schema" / "tierboard.schema.json").read_text()
    errors = []
    if cli(tierboard, "schema").stdout != committed:
        errors.append("schema/tierboard.schema.json is stale: run "
                      "`tierboard schema > schema/tierboard.schema.json`")
    schema = json.loads(committed)
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)

    good = []
    for line in cli(tierboard, "patterns").stdout.splitlines():
        pid = line.split()[0]
        good.append((f"pattern {pid}", cli(tierboard, "new", pid).stdout))
    for path in sorted((ROOT / "tests" / "fixtures").rglob("*.json")):
        text = path.read_text()
        if cli(tierboard, "validate", "-", stdin=text).returncode == 0:
            good.append((str(path.relative_to(ROOT)), text))
    corpus = ROOT.parent / "shared" / "corpus"
    imported = 0
    if corpus.is_dir():
        for path in sorted(corpus.rglob("*")):
            if path.suffix in (".yml", ".yaml") and path.is_file():
                out = cli(tierboard, "import", path.name, cwd=path.parent)
                if out.returncode == 0:
                    good.append((f"import of {path.relative_to(corpus)}", out.stdout))
                    imported += 1
    else:
        print(f"validate-schema: no corpus at {corpus}; imports not checked")

    for name, text in good:
        for e in validator.iter_errors(json.loads(text)):
            errors.append(f"{name}: refused: {e.message} at {list(e.absolute_path)}")
    for name, design in BAD.items():
        text = json.dumps(design)
        if cli(tierboard, "validate", "-", stdin=text).returncode == 0:
            errors.append(f"bad case {name!r} is accepted by the CLI: not a bad case")
        if validator.is_valid(design):
            errors.append(f"bad case {name!r} is accepted by the schema")

    for e in errors:
        print(f"ERROR {e}")
    print(f"validate-schema: {len(good)} design files accepted as they should be "
          f"({imported} corpus imports), {len(BAD)} bad ones checked; {len(errors)} errors")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
