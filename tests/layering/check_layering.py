#!/usr/bin/env python3
"""Fails when a stage's source includes the header of a later stage.

The stages and their order are LEDE_STAGES in the top CMakeLists.txt; a file
in src/<stage>/ may include "<earlier or same stage>/..." and "lede/..."
(the public API) only. The build enforces the same rule through include
roots (a later stage's headers are not on the include path), so this check
catches what a build would, and says which file and line in one pass.

  check_layering.py [ROOT]      exit 0 when clean, 1 with one line per violation
"""
import pathlib
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*"([a-z_]+)/[^"]+"', re.MULTILINE)
STAGES = re.compile(r'set\(LEDE_STAGES\s+([^)]*)\)')


def stages(root):
    cmake = (root / "CMakeLists.txt").read_text()
    m = STAGES.search(cmake)
    if not m:
        sys.exit(f"{root / 'CMakeLists.txt'}: no set(LEDE_STAGES ...)")
    return m.group(1).split()


def violations(root):
    order = stages(root)
    rank = {name: i for i, name in enumerate(order)}
    found = []
    for stage in order:
        for path in sorted((root / "src" / stage).glob("*")):
            if path.suffix not in (".h", ".cc", ".inc"):
                continue
            text = path.read_text(errors="replace")
            for m in INCLUDE.finditer(text):
                target = m.group(1)
                if target == "lede":
                    continue
                line = text.count("\n", 0, m.start()) + 1
                where = f"{path.relative_to(root)}:{line}"
                if target not in rank:
                    found.append(f"{where}: includes \"{target}/...\", which is not a stage")
                elif rank[target] > rank[stage]:
                    found.append(f"{where}: stage '{stage}' includes later stage '{target}'")
    return found


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    found = violations(root)
    for v in found:
        print(v)
    if found:
        print(f"{len(found)} upward include(s); stages in order: {' '.join(stages(root))}")
        return 1
    print(f"layering: {len(stages(root))} stages, no upward include")
    return 0


if __name__ == "__main__":
    sys.exit(main())
