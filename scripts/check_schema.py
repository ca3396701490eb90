#!/usr/bin/env python3
"""An independent check of `cssim schema`: every shipped scenario validates against it.

    python3 scripts/check_schema.py CSSIM_EXE [SCENARIOS_DIR]

The schema is generated from the same readers that validate scenarios, so a reader and its
schema could drift apart unseen; Debian's python3-jsonschema (another implementation of
JSON Schema draft 2020-12) is the second opinion. The schema describes a *resolved* scenario:
a preset that `extends` another file leaves out what it inherits (even `model`, which the
schema requires), so each file is validated after its `extends` chain is resolved here, as
cssim does it (JSON merge patch, RFC 7396, paths relative to the extending file). Sweep files
(scenarios/sweeps/), workshop and decision files (scenarios/workshops/) and the published-
statistics mappings of `cssim init` (scenarios/ees/) have their own formats and are not scenarios. Finally two broken copies of a
preset must fail, so that a schema that accepts everything cannot pass. Exit 0 when all hold.
"""
import copy
import json
import os
import pathlib
import subprocess
import sys

import jsonschema


def merge_patch(target, patch):
    """RFC 7396: objects merge key by key, null removes, anything else replaces."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    result = copy.deepcopy(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


def resolve(path, seen=()):
    """The document at `path` with its `extends` chain applied (and `extends` removed)."""
    path = path.resolve()
    if path in seen:
        raise ValueError(f"extends cycle through {path}")
    with open(path, encoding="utf-8") as f:
        document = json.load(f)
    base = document.pop("extends", None)
    if base is None:
        return document
    return merge_patch(resolve(path.parent / base, seen + (path,)), document)


def errors_of(validator, document):
    return [
        f"{'.'.join(str(p) for p in e.absolute_path) or '(root)'}: {e.message}"
        for e in validator.iter_errors(document)
    ]


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 64
    exe = sys.argv[1]
    if not (pathlib.Path(exe).is_file() and os.access(exe, os.X_OK)):
        print(f"check_schema.py: {exe} is not an executable file: give the path of the "
              "cssim binary (e.g. build/cli/cssim)", file=sys.stderr)
        return 66
    root = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else
                        pathlib.Path(__file__).resolve().parent.parent / "scenarios")
    run = subprocess.run([exe, "schema"], capture_output=True, text=True, check=False)
    if run.returncode != 0:
        print(f"cssim schema exited {run.returncode}: {run.stderr}", file=sys.stderr)
        return 1
    schema = json.loads(run.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)

    not_scenarios = {"sweeps", "workshops", "ees"}
    files = sorted(p for p in root.rglob("*.json")
                   if not_scenarios.isdisjoint(p.relative_to(root).parts))
    failures = 0
    for path in files:
        problems = errors_of(validator, resolve(path))
        status = "ok" if not problems else "INVALID"
        print(f"{status:8} {path.relative_to(root)}")
        for problem in problems:
            print(f"         {problem}")
        failures += bool(problems)

    # The check must be able to fail: two broken copies of the first preset are refused.
    preset = resolve(files[0])
    unknown_key = dict(preset, no_such_setting=1)
    no_model = {k: v for k, v in preset.items() if k != "model"}
    for label, broken in (("an unknown top-level key", unknown_key), ("no model", no_model)):
        if not errors_of(validator, broken):
            print(f"FAILED   the schema accepts {files[0].name} with {label}")
            failures += 1

    print(f"{len(files)} scenario files checked against `cssim schema` with jsonschema "
          f"(draft 2020-12); {failures} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
