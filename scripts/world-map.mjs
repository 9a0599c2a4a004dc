#!/usr/bin/env node
// Writes themes/default/world-map.toml: the outline of every country of Natural Earth
// 1:110m as an SVG path, in the Equal Earth projection, by ISO 3166-1 alpha-2 code, and a
// dot for each Member State too small for that scale (at its place in Natural Earth
// 1:50m). Resolution pages colour it by vote.
//
// Sources: Natural Earth (public domain), through the npm package world-atlas 2.0.2
// (ISC), whose ids are ISO 3166-1 numeric codes; they become alpha-2 codes through
// Debian's iso-codes (/usr/share/iso-codes/json/iso_3166-1.json, `apt-get install
// iso-codes`). The Member States are themes/default/member-states.txt.
//
// Run it once, with world-atlas installed outside the repository:
//   (cd /tmp/wa && npm install world-atlas@2.0.2)
//   node scripts/world-map.mjs /tmp/wa/node_modules/world-atlas

import { readFileSync, writeFileSync } from "node:fs";

const atlas = process.argv[2];
if (!atlas) {
  console.error("usage: node scripts/world-map.mjs PATH/TO/node_modules/world-atlas");
  process.exit(2);
}
const root = new URL("..", import.meta.url).pathname;
const WIDTH = 1000;
// Members whose 1:110m outline is smaller than this many units across get a dot as well.
const SMALL = 6;
// Members that not even 1:50m draws: their capital's longitude and latitude.
const PLACES = { TV: [179.19, -8.52] };

const iso = JSON.parse(readFileSync("/usr/share/iso-codes/json/iso_3166-1.json", "utf8"));
const alpha2 = new Map(iso["3166-1"].map((c) => [c.numeric, c.alpha_2]));
const members = readFileSync(`${root}themes/default/member-states.txt`, "utf8")
  .split("\n")
  .filter((l) => l && !l.startsWith("#"));

// Equal Earth (Šavrič, Patterson, Jenny 2018), in radians, x in ±2.7064, y in ±1.3173.
const [A1, A2, A3, A4, M] = [1.340264, -0.081106, 0.000893, 0.003796, Math.sqrt(3) / 2];
const X_MAX = 2.7064;
const Y_MAX = 1.3173;
const SCALE = WIDTH / (2 * X_MAX);
const HEIGHT = Math.round(2 * Y_MAX * SCALE);
function project(point) {
  const [x, y] = exact(point);
  return [Math.round(x), Math.round(y)];
}

// A point in map units, unrounded.
function exact([lon, lat]) {
  const l = (lon * Math.PI) / 180;
  const t = Math.asin(M * Math.sin((lat * Math.PI) / 180));
  const t2 = t * t;
  const t6 = t2 * t2 * t2;
  const x = (l * Math.cos(t)) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)));
  const y = t * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
  return [(x + X_MAX) * SCALE, (Y_MAX - y) * SCALE];
}

// Douglas–Peucker on the map: the points of an arc within TOLERANCE map units of the line
// they lie between are left out. Arcs are shared by the countries on both sides, and their
// ends are kept, so borders stay shared.
const TOLERANCE = Number(process.env.TOLERANCE ?? 0.8);
function simplify(points) {
  if (points.length < 3) return points;
  const xy = points.map(exact);
  const keep = new Array(points.length).fill(false);
  keep[0] = keep[points.length - 1] = true;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [ax, ay] = xy[a];
    const [bx, by] = xy[b];
    const length = Math.hypot(bx - ax, by - ay);
    let far = -1;
    let most = TOLERANCE;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = xy[i];
      const d = length === 0
        ? Math.hypot(px - ax, py - ay)
        : Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length;
      if (d > most) {
        most = d;
        far = i;
      }
    }
    if (far >= 0) {
      keep[far] = true;
      stack.push([a, far], [far, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

// TopoJSON: quantized, delta-encoded arcs; a negative index is an arc reversed.
function decode(topology, thin) {
  const [sx, sy] = topology.transform.scale;
  const [tx, ty] = topology.transform.translate;
  const arcs = topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  }).map((arc) => (thin ? simplify(arc) : arc));
  const ring = (indexes) =>
    indexes.flatMap((i, k) => {
      const points = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
      return k === 0 ? points : points.slice(1);
    });
  return topology.objects.countries.geometries.map((g) => {
    const polygons =
      g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
    return { id: g.id, name: g.properties.name, rings: polygons.flat().map(ring) };
  });
}

// Rings that cross the antimeridian (Fiji, Russia): made continuous, then cut into the
// part west of it and the part east of it.
function cut(ring) {
  let shift = 0;
  const out = ring.map(([lon, lat], i) => {
    if (i > 0) {
      const prev = ring[i - 1][0];
      if (lon - prev > 180) shift -= 360;
      if (prev - lon > 180) shift += 360;
    }
    return [lon + shift, lat];
  });
  if (out.every(([lon]) => lon >= -180 && lon <= 180)) return [out];
  const offset = out.some(([lon]) => lon > 180) ? 360 : -360;
  return [clip(out, (lon) => Math.max(-180, Math.min(180, lon)) === lon),
    clip(out.map(([lon, lat]) => [lon - offset, lat]), (lon) => Math.abs(lon) <= 180)]
    .filter((r) => r.length > 2);
}

// Sutherland–Hodgman against the meridian ±180 that `inside` draws.
function clip(ring, inside) {
  const out = [];
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % ring.length];
    const [ia, ib] = [inside(a[0]), inside(b[0])];
    if (ia) out.push(a);
    if (ia !== ib) {
      const edge = Math.abs(a[0]) > 180 ? Math.sign(a[0]) * 180 : Math.sign(b[0]) * 180;
      const t = (edge - a[0]) / (b[0] - a[0]);
      out.push([edge, a[1] + t * (b[1] - a[1])]);
    }
  }
  return out;
}

// A ring as relative path commands over whole units, repeated points left out.
function path(rings) {
  let d = "";
  for (const ring of rings) {
    const points = [];
    for (const p of ring.map(project)) {
      const last = points[points.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) points.push(p);
    }
    if (points.length > 1 && points[0].join() === points[points.length - 1].join()) points.pop();
    if (points.length < 3) continue;
    d += `M${points[0][0]} ${points[0][1]}l`;
    const steps = [];
    for (let i = 1; i < points.length; i++) {
      steps.push(points[i][0] - points[i - 1][0], points[i][1] - points[i - 1][1]);
    }
    // A minus sign parts two numbers as well as a space does.
    d += steps.map((n, i) => (i > 0 && n >= 0 ? ` ${n}` : `${n}`)).join("");
    d += "z";
  }
  return d;
}

function size(rings) {
  const points = rings.flat().map(project);
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
}

// The place of a dot: the middle of the largest ring's bounding box.
function centre(rings) {
  const largest = rings
    .map((r) => r.map(project))
    .sort((a, b) => b.length - a.length)[0];
  const xs = largest.map((p) => p[0]);
  const ys = largest.map((p) => p[1]);
  return [
    Math.round((Math.min(...xs) + Math.max(...xs)) / 2),
    Math.round((Math.min(...ys) + Math.max(...ys)) / 2),
  ];
}

const coarse = decode(JSON.parse(readFileSync(`${atlas}/countries-110m.json`, "utf8")), true);
const fine = decode(JSON.parse(readFileSync(`${atlas}/countries-50m.json`, "utf8")), false);
const shapes = new Map();
for (const c of coarse) {
  const code = alpha2.get(c.id);
  // Antarctica votes on nothing; features without an ISO code (Kosovo, Northern Cyprus,
  // Somaliland) are drawn as land of no code.
  if (code === "AQ") continue;
  const rings = c.rings.flatMap(cut);
  const key = code ?? `_${c.name.replace(/[^A-Za-z]/g, "")}`;
  shapes.set(key, { rings, d: path(rings) });
}
const dots = new Map();
const unplaced = [];
for (const code of members) {
  const shape = shapes.get(code);
  if (shape && size(shape.rings) >= SMALL) continue;
  const detailed = fine.find((c) => alpha2.get(c.id) === code);
  if (!detailed) {
    if (PLACES[code]) dots.set(code, project(PLACES[code]));
    else unplaced.push(code);
    continue;
  }
  dots.set(code, centre(detailed.rings.flatMap(cut)));
}
if (unplaced.length) {
  console.error(`no outline at 1:50m for: ${unplaced.join(" ")}`);
  process.exit(1);
}

const quote = (s) => JSON.stringify(s);
let toml = `# The world map of resolution pages: every country of Natural Earth 1:110m (public domain)
# as an SVG path in the Equal Earth projection, by ISO 3166-1 alpha-2 code (land without a
# code under a name starting with "_"), and a dot for each Member State too small for that
# scale, at its place in Natural Earth 1:50m. Generated by scripts/world-map.mjs from the
# npm package world-atlas 2.0.2. Do not edit by hand.

width = ${WIDTH}
height = ${HEIGHT}

[shapes]
`;
for (const [code, { d }] of [...shapes].sort()) toml += `${code} = ${quote(d)}\n`;
toml += `\n[dots]\n`;
for (const [code, [x, y]] of [...dots].sort()) toml += `${code} = [${x}, ${y}]\n`;
writeFileSync(`${root}themes/default/world-map.toml`, toml);
console.log(`${shapes.size} shapes, ${dots.size} dots, ${toml.length} bytes`);
