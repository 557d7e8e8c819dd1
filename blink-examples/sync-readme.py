#!/usr/bin/env python3
"""Copies each tagged example region into the README block after its <!-- snippet:NAME --> marker.

ReadmeTest checks that the two agree; run this after changing an example:
    python3 blink-examples/sync-readme.py
"""
import pathlib
import re

root = pathlib.Path(__file__).resolve().parent.parent
tag = re.compile(r"// tag::([\w-]+)\[\]\n(.*?)^\s*// end::\1\[\]", re.S | re.M)
regions = {}
for source in root.glob("*/src/**/*.java"):
    for m in tag.finditer(source.read_text(encoding="utf-8")):
        lines = m.group(2).splitlines()
        indent = min((len(l) - len(l.lstrip()) for l in lines if l.strip()), default=0)
        regions[m.group(1)] = "".join((l[indent:] if l.strip() else "") + "\n" for l in lines)

readme = root / "README.md"
text = readme.read_text(encoding="utf-8")
missing = []


def fill(m):
    name = m.group(1)
    if name not in regions:
        missing.append(name)
        return m.group(0)
    return f"<!-- snippet:{name} -->\n```java\n{regions[name]}```"


text = re.sub(r"<!-- snippet:([\w-]+) -->\n```java\n.*?```", fill, text, flags=re.S)
readme.write_text(text, encoding="utf-8")
if missing:
    raise SystemExit("no tagged region for: " + ", ".join(missing))
