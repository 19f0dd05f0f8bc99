"""Build the offline world outline the story map draws on: ``serve/static/world.svg``.

Usage: python scripts/world_outline.py COUNTRIES_110M_JSON [OUT_SVG]

The input is ``countries-110m.json`` from the npm package ``world-atlas`` (Natural Earth 1:110m,
TopoJSON; get it with ``npm pack world-atlas`` and unpack the tarball).  The output is one SVG
path of every country in an equirectangular projection — x = longitude + 180, y = 90 - latitude,
so the viewBox is ``0 0 360 180`` and a place at (lat, lon) is drawn at (lon + 180, 90 - lat) —
rounded to 0.1 degree, in relative coordinates, so that it stays small (about 100 KB).  Rings that
cross the antimeridian are unwrapped and drawn twice, 360 degrees apart; the viewBox clips them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

Point = tuple[float, float]
OUT = Path(__file__).resolve().parents[1] / "src" / "newsparallax" / "serve" / "static" / "world.svg"


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """TopoJSON arcs: delta-encoded, quantized positions → longitude/latitude lists."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[Point]], indexes: list[int]) -> list[Point]:
    points: list[Point] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def rings(topology: dict[str, Any], arcs: list[list[Point]]) -> list[list[Point]]:
    out = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            out.extend(ring(arcs, indexes) for indexes in polygon)
    return out


def unwrap(points: list[Point]) -> list[Point]:
    """Longitudes made continuous (no jump over 180 degrees between neighbours)."""
    out = [points[0]]
    for lon, lat in points[1:]:
        previous = out[-1][0]
        while lon - previous > 180:
            lon -= 360
        while previous - lon > 180:
            lon += 360
        out.append((lon, lat))
    if abs(out[-1][0] - out[0][0]) > 180:  # a ring around a pole: close it along the pole
        pole = -90.0 if sum(lat for _, lat in out) < 0 else 90.0
        out += [(out[-1][0], pole), (out[0][0], pole)]
    return out


def copies(points: list[Point]) -> list[list[Point]]:
    lons = [lon for lon, _ in points]
    shifted = [points]
    if max(lons) > 180:
        shifted.append([(lon - 360, lat) for lon, lat in points])
    if min(lons) < -180:
        shifted.append([(lon + 360, lat) for lon, lat in points])
    return shifted


def path(points: list[Point]) -> str:
    """One closed subpath in relative coordinates at 0.1 degree (repeated points dropped)."""
    projected = [(round((lon + 180) * 10), round((90 - lat) * 10)) for lon, lat in points]
    parts = [f"M{projected[0][0] / 10:g} {projected[0][1] / 10:g}"]
    last = projected[0]
    for x, y in projected[1:]:
        if (x, y) != last:
            parts.append(f"{(x - last[0]) / 10:g} {(y - last[1]) / 10:g}".replace(" -", "-"))
            last = (x, y)
    return parts[0] + "l" + " ".join(parts[1:]) + "z" if len(parts) > 2 else ""


def svg(topology: dict[str, Any]) -> str:
    arcs = decode_arcs(topology)
    subpaths = [path(copy) for points in rings(topology, arcs) for copy in copies(unwrap(points))]
    data = "".join(p for p in subpaths if p)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 180" preserveAspectRatio="none">'
        "<!-- Natural Earth 1:110m countries via world-atlas (ISC); see world-LICENSE.txt -->"
        f'<path id="land" fill="#e4e0d6" stroke="#a39e90" stroke-width="0.15" d="{data}"/></svg>\n'
    )


def main() -> None:
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    topology = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else OUT
    out.write_text(svg(topology), encoding="utf-8")
    print(f"{out}: {out.stat().st_size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
