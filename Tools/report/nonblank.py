#!/usr/bin/env python3
"""Checks a PNG screenshot is not blank: at least 1% of its pixels differ from the colour of
its top-left pixel (the page background). Exit 0 when not blank. Usage: nonblank.py shot.png"""
import os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import png

width, height, channels, rows = png.read(sys.argv[1])
background = rows[0][:3]
different = sum(1 for r in rows for x in range(0, width * channels, channels) if r[x:x + 3] != background)
share = different / (width * height)
print(f"{sys.argv[1]}: {width}x{height}, {share:.1%} non-background pixels")
sys.exit(0 if share >= 0.01 else 1)
