#!/usr/bin/env python3
"""Code bytes of a wasm file, and how many of them belong to functions whose name contains each
PATTERN (first match wins): what twiggy's `top` gives when grouped by crate, without installing it.
Use it on cargo's output before wasm-bindgen and wasm-opt, which still has its name section:
`make dist`, then
    scripts/code-by-name.py target/wasm32-unknown-unknown/wasm-release/baton.wasm leptos_router chrono
(BENCHMARKS.md, session 8)."""
import collections
import sys


def leb(b, i):
    result = shift = 0
    while True:
        x = b[i]
        i += 1
        result |= (x & 0x7F) << shift
        shift += 7
        if x < 0x80:
            return result, i


def text(b, i):
    n, i = leb(b, i)
    return b[i:i + n].decode("utf-8", "replace"), i + n


def limits(b, i):
    flags, i = leb(b, i)
    _, i = leb(b, i)
    return leb(b, i)[1] if flags & 1 else i


def main():
    data = open(sys.argv[1], "rb").read()
    patterns = sys.argv[2:]
    i, imported, bodies, names = 8, 0, [], {}
    while i < len(data):
        section = data[i]
        size, i = leb(data, i + 1)
        end = i + size
        if section == 2:  # imports: functions are numbered after the imported ones
            count, j = leb(data, i)
            for _ in range(count):
                _, j = text(data, j)
                _, j = text(data, j)
                kind, j = data[j], j + 1
                if kind == 0:
                    _, j = leb(data, j)
                    imported += 1
                elif kind == 1:
                    j = limits(data, j + 1)
                elif kind == 2:
                    j = limits(data, j)
                else:
                    j += 2
        elif section == 10:  # code: one body per defined function
            count, j = leb(data, i)
            for _ in range(count):
                body, k = leb(data, j)
                bodies.append(body + k - j)
                j = k + body
        elif section == 0:
            custom, j = text(data, i)
            while custom == "name" and j < end:
                sub, j = data[j], j + 1
                sub_size, j = leb(data, j)
                if sub == 1:
                    count, k = leb(data, j)
                    for _ in range(count):
                        index, k = leb(data, k)
                        names[index], k = text(data, k)
                j += sub_size
        i = end
    groups = collections.Counter()
    for n, size in enumerate(bodies):
        name = names.get(n + imported, "")
        match = next((p for p in patterns if p in name), None)
        if match:
            groups[match] += size
    print(f"code {sum(bodies)} bytes in {len(bodies)} functions ({len(names)} named)")
    for p in patterns:
        print(f"{p} {groups[p]}")


if __name__ == "__main__":
    main()
