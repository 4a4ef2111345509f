#!/usr/bin/env python3
"""Checks a screenshot is in dark mode: its top-left pixel (the page background) has a
luminance below 0.25. Usage: isdark.py shot.png"""
import struct, sys, zlib

data = open(sys.argv[1], "rb").read()
pos, idat = 8, b""
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    chunk = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
    elif kind == b"IDAT":
        idat += chunk
    pos += 12 + length
channels = {2: 3, 6: 4}[colour]
raw = zlib.decompress(idat)
# The first pixel of the first row: filter types 0-4 leave it as stored (no left or upper neighbour) except Paeth/avg/up use zeros.
r, g, b = raw[1], raw[2], raw[3]
luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255
print(f"{sys.argv[1]}: background luminance {luminance:.2f}")
sys.exit(0 if luminance < 0.25 else 1)
