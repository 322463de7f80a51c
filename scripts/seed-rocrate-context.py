#!/usr/bin/env python3
"""Puts the RO-Crate 1.1 JSON-LD context into rocrate-validator's HTTP cache, so that its offline mode can check a
crate on a machine that cannot reach w3id.org (rocrate-validator's own `cache warm` fetches it from there).

The context is taken from the ro-crate-py 0.10.0 wheel on PyPI, which ships it as rocrate/data/ro-crate.jsonld; the file
is checked to carry the "@id" https://w3id.org/ro/crate/1.1/context before it is stored under that address.
"""
import argparse
import io
import json
import pathlib
import subprocess
import sys
import tempfile
import zipfile

CONTEXT_URL = "https://w3id.org/ro/crate/1.1/context"


def context_bytes() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary", ":all:",
                        "-d", folder, "rocrate==0.10.0"], check=True)
        wheel = next(pathlib.Path(folder).glob("rocrate-0.10.0-*.whl"))
        data = zipfile.ZipFile(wheel).read("rocrate/data/ro-crate.jsonld")
    if json.loads(data).get("@id") != CONTEXT_URL:
        sys.exit("the wheel's context is not the RO-Crate 1.1 context")
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cache-path", help="the validator's cache name (default: its user cache)")
    args = parser.parse_args()
    import requests
    import requests_cache
    from urllib3 import HTTPResponse
    if args.cache_path:
        name = args.cache_path
    else:
        from rocrate_validator.utils.paths import get_default_http_cache_path
        name = str(get_default_http_cache_path())
    pathlib.Path(name).parent.mkdir(parents=True, exist_ok=True)
    session = requests_cache.CachedSession(cache_name=name, backend="sqlite", expire_after=-1,
                                           allowable_methods=("GET",), allowable_codes=(200, 302, 404))
    data = context_bytes()
    headers = {"Content-Type": "application/ld+json", "Content-Length": str(len(data))}
    response = requests.Response()
    response.status_code = 200
    response._content = data
    response.headers.update(headers)
    response.url = CONTEXT_URL
    response.encoding = "utf-8"
    response.request = requests.Request("GET", CONTEXT_URL).prepare()
    response.raw = HTTPResponse(body=io.BytesIO(data), headers=headers, status=200, preload_content=False,
                                request_url=CONTEXT_URL)
    session.cache.save_response(response)
    print(f"RO-Crate 1.1 context stored in {name}.sqlite")


if __name__ == "__main__":
    main()
