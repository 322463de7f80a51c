#!/usr/bin/env python3
"""Checks recipes against schemas/recipe.schema.json with an independent JSON Schema validator (python-jsonschema).

Usage: check-recipes-against-schema.py SCHEMA --valid FILE... --invalid FILE...
Every --valid file must conform; every --invalid file must be rejected. Exit 0 when all hold, 1 otherwise.
"""
import json
import sys

import jsonschema
import yaml


def main(argv):
    schema_path = argv[1]
    mode = None
    expectations = []
    for arg in argv[2:]:
        if arg in ("--valid", "--invalid"):
            mode = arg
        else:
            expectations.append((arg, mode == "--valid"))
    with open(schema_path, encoding="utf-8") as handle:
        schema = json.load(handle)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failures = 0
    for path, should_pass in expectations:
        with open(path, encoding="utf-8") as handle:
            document = yaml.safe_load(handle)
        errors = list(validator.iter_errors(document))
        if should_pass and errors:
            failures += 1
            print(f"{path}: does not conform: {errors[0].message}")
        elif not should_pass and not errors:
            failures += 1
            print(f"{path}: conforms, but should be rejected")
        else:
            print(f"{path}: {'conforms' if should_pass else 'rejected'} as expected")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
