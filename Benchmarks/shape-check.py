#!/usr/bin/env python3
"""The baseline for Benchmarks/speed.sh: a shape-only check of recipes with PyYAML and jsonschema against
schemas/recipe.schema.json, as a script a lab might write instead of running anchorage.

Usage: shape-check.py SCHEMA RECIPE...   Exit 0 when every recipe conforms, 1 otherwise (the first error of each is printed).
"""
import json
import sys

import jsonschema
import yaml


def main(argv):
    with open(argv[1], encoding="utf-8") as handle:
        validator = jsonschema.Draft202012Validator(json.load(handle))
    failed = 0
    for path in argv[2:]:
        with open(path, encoding="utf-8") as handle:
            document = yaml.safe_load(handle)
        error = next(iter(validator.iter_errors(document)), None)
        if error is not None:
            failed += 1
            print(f"{path}: {error.message}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
