#!/usr/bin/env python3
"""Builds the theme's only web font: a subset of Noto Sans Mongolian (SIL OFL 1.1).

The subset holds modern Mongolian in the traditional script (U+1800-180F punctuation and
variation selectors, U+1810-1819 digits, U+1820-1842 letters), the narrow no-break space
U+202F and ZWJ/ZWNJ, plus every other character of the Mongolian block that the sample
content and the theme's strings use, with all OpenType layout features (the script's
joining forms live there). So any Mongolian name an editor writes renders, in ~22 KB.

  pip install fonttools brotli
  python3 scripts/subset_mongolian_font.py            # writes themes/default/static/fonts/

Source: Debian's fonts-noto-core (/usr/share/fonts/truetype/noto/NotoSansMongolian-Regular.ttf).
Writes NotoSansMongolian-gigboard.woff2 and OFL.txt (the licence, which must travel with it).
"""
import argparse
import pathlib
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = "/usr/share/fonts/truetype/noto/NotoSansMongolian-Regular.ttf"
DEBIAN_COPYRIGHT = "/usr/share/doc/fonts-noto-core/copyright"
BASE = (
    list(range(0x1800, 0x1810))  # punctuation, FVS1-3, MVS, FVS4
    + list(range(0x1810, 0x181A))  # digits
    + list(range(0x1820, 0x1843))  # modern Mongolian letters
    + [0x202F, 0x200C, 0x200D]  # narrow no-break space (before suffixes), ZWNJ, ZWJ
)


def used_characters():
    """Mongolian-block characters in the content, the theme strings and the scaffold."""
    found = set()
    for folder in ["content", "themes", "src/scaffold/templates"]:
        for path in (ROOT / folder).rglob("*"):
            if path.suffix not in {".yaml", ".yml", ".md", ".html"} or not path.is_file():
                continue
            text = path.read_text(encoding="utf-8", errors="ignore")
            found |= {ord(c) for c in text if 0x1800 <= ord(c) <= 0x18AF}
    return found


def licence_text():
    """The OFL 1.1 with Noto's copyright line, from Debian's copyright file."""
    lines = pathlib.Path(DEBIAN_COPYRIGHT).read_text(encoding="utf-8").splitlines()
    # The stand-alone licence paragraph (the first mention only names it).
    start = next(
        i
        for i, line in enumerate(lines[:-1])
        if line == "License: OFL-1.1" and lines[i + 1].strip() == "PREAMBLE"
    )
    body = []
    for line in lines[start + 1 :]:
        if not line.startswith(" "):
            break
        body.append("" if line.strip() == "." else line[1:])
    head = [
        "Noto Sans Mongolian",
        "Copyright 2010, 2012-2020 Google Inc.; 2015-2020 Google LLC.",
        "",
        "This Font Software is licensed under the SIL Open Font License, Version 1.1.",
        "gigboard ships a subset of it (scripts/subset_mongolian_font.py),",
        "as NotoSansMongolian-gigboard.woff2.",
        "",
        "SIL OPEN FONT LICENSE Version 1.1 - 26 February 2007",
        "",
    ]
    return "\n".join(head + body).rstrip() + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--font", default=SOURCE)
    ap.add_argument("--out", default=str(ROOT / "themes/default/static/fonts"))
    args = ap.parse_args()
    used = used_characters()
    wanted = sorted(set(BASE) | used)
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    target = out / "NotoSansMongolian-gigboard.woff2"

    options = subset.Options()
    options.layout_features = ["*"]
    options.flavor = "woff2"
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    font = TTFont(args.font, recalcTimestamp=False)  # reproducible bytes
    sub = subset.Subsetter(options)
    sub.populate(unicodes=wanted)
    sub.subset(font)
    font.flavor = "woff2"
    font.save(str(target))

    cmap = TTFont(str(target)).getBestCmap()
    missing = [f"U+{c:04X}" for c in sorted(used) if c not in cmap]
    if missing:
        sys.exit(f"the font has no glyph for characters the site uses: {', '.join(missing)}")
    (out / "OFL.txt").write_text(licence_text(), encoding="utf-8")
    print(f"{target.relative_to(ROOT)}: {target.stat().st_size} bytes, "
          f"{len(wanted)} characters ({len(used)} used by the site)")


if __name__ == "__main__":
    main()
