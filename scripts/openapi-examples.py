#!/usr/bin/env python3
"""Every example in spec/openapi.yaml validates against its schema (JSON Schema 2020-12).

Schema examples (`components.schemas.X.examples` / `.example`) and media-type examples
(`content.<type>.example` / `.examples.<name>.value`) of request bodies and responses.
Run by scripts/schemathesis.sh with the .venv-tools python (PyYAML and jsonschema_rs come with
schemathesis). Usage: openapi-examples.py [spec/openapi.yaml]; exit 1 on any invalid example.
"""
import sys

import jsonschema_rs
import yaml

path = sys.argv[1] if len(sys.argv) > 1 else "spec/openapi.yaml"
doc = yaml.safe_load(open(path, encoding="utf-8"))
components = doc.get("components", {})


def resolve(node):
    """A `$ref` into components, followed (responses and request bodies may be refs)."""
    while isinstance(node, dict) and "$ref" in node:
        parts = node["$ref"].lstrip("#/").split("/")
        node = doc
        for p in parts:
            node = node[p]
    return node


def check(where, schema, example, failures):
    validator = jsonschema_rs.Draft202012Validator({"components": components, **schema})
    errors = [e.message for e in validator.iter_errors(example)]
    if errors:
        failures.append(f"{where}: {errors[:3]}")
    return 1


failures, checked = [], 0
for name, schema in components.get("schemas", {}).items():
    for i, ex in enumerate(schema.get("examples", [])):
        checked += check(f"schemas.{name}.examples[{i}]", {"$ref": f"#/components/schemas/{name}"}, ex, failures)
    if "example" in schema:
        checked += check(f"schemas.{name}.example", {"$ref": f"#/components/schemas/{name}"}, schema["example"], failures)


def contents(op):
    body = resolve(op.get("requestBody", {}))
    yield "requestBody", body.get("content", {})
    for status, response in op.get("responses", {}).items():
        yield f"responses.{status}", resolve(response).get("content", {})


for route, item in doc.get("paths", {}).items():
    for method, op in item.items():
        if method not in ("get", "post", "put", "patch", "delete") or not isinstance(op, dict):
            continue
        for part, content in contents(op):
            for media, entry in content.items():
                schema = entry.get("schema")
                if schema is None or "json" not in media:
                    continue
                where = f"{method.upper()} {route} {part} {media}"
                if "example" in entry:
                    checked += check(where + " example", schema, entry["example"], failures)
                for key, ex in (entry.get("examples") or {}).items():
                    if "value" in resolve(ex):
                        checked += check(f"{where} examples.{key}", schema, resolve(ex)["value"], failures)

for f in failures:
    print("openapi-examples: invalid:", f, file=sys.stderr)
print(f"openapi-examples: {checked} examples checked, {len(failures)} invalid")
sys.exit(1 if failures else 0)
