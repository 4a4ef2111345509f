#!/usr/bin/env python3
"""Checks a screenshot is in dark mode: its top-left pixel (the page background) has a
luminance below 0.25. Usage: isdark.py shot.png"""
import os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "report"))
import png

width, height, channels, rows = png.read(sys.argv[1])
r, g, b = rows[0][:3]
luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255
print(f"{sys.argv[1]}: background luminance {luminance:.2f}")
sys.exit(0 if luminance < 0.25 else 1)
