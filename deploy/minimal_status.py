"""Writes a dpkg status file holding only what a minimal Debian has: the installed packages of Priority required
or important (debootstrap's default set) and everything they depend on (as installed here), so that ``apt-get install --download-only`` against it fetches
exactly the packages a minimal system lacks. Usage: python3 minimal_status.py /var/lib/dpkg/status OUT"""

import re
import sys


def parse(text: str) -> dict[str, dict[str, str]]:
    packages = {}
    for stanza in text.split("\n\n"):
        fields, key = {}, None
        for line in stanza.splitlines():
            if line[:1] in (" ", "\t") and key:
                fields[key] += "\n" + line
            elif ":" in line:
                key, _, value = line.partition(":")
                fields[key] = value.strip()
        if fields.get("Package") and fields.get("Status", "").endswith(" installed"):
            fields["_text"] = stanza
            packages[fields["Package"]] = fields
    return packages


def main(source: str, out: str) -> int:
    with open(source, encoding="utf-8") as handle:
        packages = parse(handle.read())
    provides = {}
    for name, fields in packages.items():
        for item in fields.get("Provides", "").split(","):
            if item.strip():
                provides.setdefault(re.split(r"[ (:]", item.strip())[0], name)
    keep = {n for n, f in packages.items() if f.get("Priority") in ("required", "important") or f.get("Essential") == "yes"}
    todo = list(keep)
    while todo:
        fields = packages[todo.pop()]
        for group in (fields.get("Pre-Depends", "") + "," + fields.get("Depends", "")).split(","):
            for alternative in group.split("|"):
                dep = re.split(r"[ (:]", alternative.strip())[0]
                dep = dep if dep in packages else provides.get(dep, "")
                if dep:
                    if dep not in keep:
                        keep.add(dep)
                        todo.append(dep)
                    break
    with open(out, "w", encoding="utf-8") as handle:
        handle.write("\n\n".join(packages[n]["_text"].strip("\n") for n in sorted(keep)) + "\n")
    return 0 if len(keep) > 20 else 1


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:3]))
