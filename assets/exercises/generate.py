#!/usr/bin/env python3
"""Writes the exercise illustrations, assets/exercises/<exercise_id>.svg, from pose definitions.

Every picture is built from the same jointed figure (fixed segment lengths and radii), the same palette and the
same floor line, so the 29 pictures share one style. A pose is set in a small 3-D world (x to the right, y up from
the floor, z towards the viewer) by joint directions or by where a hand or an ankle should be (two-bone inverse
kinematics); an orthographic camera, optionally tilted down, projects it onto the 320 x 220 picture. Body parts are
tapered capsules; each limb is outlined as one piece and limbs are painted back to front.

Run with plain Python 3 (no packages): `python3 assets/exercises/generate.py`, then render the PNGs with
`cargo run --example render_diagrams`. See README.md in this folder.
"""

import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------- picture
W, H = 320, 220
FLOOR = 200.0  # screen y of the floor line (world y = 0, z = 0)

# ---------------------------------------------------------------- palette
OUT = "#7a6656"  # outline: warm brown-grey, never black
SW = 2.0  # outline width
SKIN = "#f3d5bf"
SHIRT = "#cfa683"
SHORTS = "#7e6b5d"
SHOE = "#ebe6df"
HAIR = "#8a6650"
PARTNER_SHIRT = "#c3cbc7"
ROSE = "#e0707c"  # working-muscle tint, drawn at ROSE_OPACITY
ROSE_OPACITY = 0.5
ARROW = "#1f6fb2"
FLOOR_COL = "#d9cec0"
MAT = "#c9d3d0"
MAT_EDGE = "#a4b2ae"
WOOD = "#dcc7a4"
WOOD_TOP = "#e9dabf"
WALL = "#ece5da"
WALL_EDGE = "#c2b4a2"
BAND = "#6f9c88"
STRAP = "#a8875f"
METAL = "#8f8b87"
METAL_DARK = "#6c6864"
MACHINE = "#b9bfc2"
PAD = "#8a8f94"
ROLLER = "#8fb0c2"
GHOST_OPACITY = 0.3

# ---------------------------------------------------------------- figure proportions (1 unit ~ 1 cm)
TORSO = 50.0  # pelvis centre to shoulder centre
HEAD_R = 11.0
HEAD_DIST = 17.0  # shoulder centre to head centre
HIP_HALF = 7.5
SH_HALF = 13.0
THIGH, SHIN = 44.0, 42.0
UPPER, FORE = 30.0, 27.0  # shoulder-elbow, elbow-hand centre
ANKLE_H = 5.5  # ankle joint above the sole
R_THIGH = (8.2, 6.0)
R_SHIN = (5.8, 4.0)
R_UPPER = (4.8, 4.0)
R_FORE = (4.0, 3.3)
R_HAND = 4.3
R_NECK = 4.6
R_HEEL, R_TOE = 4.0, 3.1
TORSO_LOW = (14.0, 12.0)  # half-width (side to side), half-depth (front to back) at the hips
TORSO_HIGH = (15.0, 12.0)  # ... at the chest


# ---------------------------------------------------------------- vectors
def add(a, b):
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def sub(a, b):
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def mul(a, k):
    return (a[0] * k, a[1] * k, a[2] * k)


def dot(a, b):
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def cross(a, b):
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def length(a):
    return math.sqrt(dot(a, a))


def unit(a):
    n = length(a)
    return (a[0] / n, a[1] / n, a[2] / n) if n > 1e-9 else (0.0, 0.0, 0.0)


def perp(a, axis):
    """The part of `a` at right angles to the unit vector `axis`, normalised."""
    return unit(sub(a, mul(axis, dot(a, axis))))


def lerp(a, b, t):
    return add(a, mul(sub(b, a), t))


def d(angle, elev=0.0):
    """Unit direction: `angle` degrees anticlockwise from +x in the picture plane, tilted `elev` degrees to +z."""
    a, e = math.radians(angle), math.radians(elev)
    return (math.cos(e) * math.cos(a), math.cos(e) * math.sin(a), math.sin(e))


def rotate(p, origin, axis, angle):
    """Rodrigues rotation of point `p` about the line through `origin` along `axis`, `angle` degrees."""
    k = unit(axis)
    v = sub(p, origin)
    c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    r = add(add(mul(v, c), mul(cross(k, v), s)), mul(k, dot(k, v) * (1 - c)))
    return add(origin, r)


def two_bone(root, target, l1, l2, hint):
    """Middle joint of a two-bone chain from `root` reaching `target`, bending towards `hint`."""
    v = sub(target, root)
    dist = min(length(v), l1 + l2 - 0.01)
    u = unit(v)
    a = (l1 * l1 - l2 * l2 + dist * dist) / (2 * dist)
    h = math.sqrt(max(l1 * l1 - a * a, 0.0))
    return add(add(root, mul(u, a)), mul(perp(hint, u), h))


def f2(x):
    s = f"{x:.1f}"
    return "0" if s in ("-0.0", "0.0") else (s[:-2] if s.endswith(".0") else s)


# ---------------------------------------------------------------- 2-D shapes
def capsule_path(c1, r1, c2, r2):
    """SVG path of the convex hull of two circles (a tapered capsule), screen coordinates."""
    dx, dy = c2[0] - c1[0], c2[1] - c1[1]
    dist = math.hypot(dx, dy)
    if dist <= abs(r1 - r2) + 0.05:
        c, r = (c1, r1) if r1 >= r2 else (c2, r2)
        return circle_path(c, r)
    phi = math.atan2(dy, dx)
    alpha = math.acos((r1 - r2) / dist)

    def pt(c, r, ang):
        return (c[0] + r * math.cos(ang), c[1] + r * math.sin(ang))

    a1, a2 = pt(c1, r1, phi + alpha), pt(c1, r1, phi - alpha)
    b1, b2 = pt(c2, r2, phi - alpha), pt(c2, r2, phi + alpha)
    large1 = 1 if (2 * math.pi - 2 * alpha) > math.pi else 0
    large2 = 1 if 2 * alpha > math.pi else 0
    return (
        f"M{f2(a1[0])} {f2(a1[1])}A{f2(r1)} {f2(r1)} 0 {large1} 1 {f2(a2[0])} {f2(a2[1])}"
        f"L{f2(b1[0])} {f2(b1[1])}A{f2(r2)} {f2(r2)} 0 {large2} 1 {f2(b2[0])} {f2(b2[1])}Z"
    )


def circle_path(c, r):
    x, y = c
    return (
        f"M{f2(x - r)} {f2(y)}A{f2(r)} {f2(r)} 0 1 0 {f2(x + r)} {f2(y)}"
        f"A{f2(r)} {f2(r)} 0 1 0 {f2(x - r)} {f2(y)}Z"
    )


def poly_path(pts):
    return "M" + "L".join(f"{f2(x)} {f2(y)}" for x, y in pts) + "Z"


def shade(hex_colour, k):
    """Darken (k < 1) or lighten (k > 1, towards white) a #rrggbb colour."""
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    if k <= 1:
        r, g, b = (round(c * k) for c in (r, g, b))
    else:
        t = k - 1
        r, g, b = (round(c + (255 - c) * t) for c in (r, g, b))
    return f"#{r:02x}{g:02x}{b:02x}"


# ---------------------------------------------------------------- scene
class Scene:
    """A picture: equipment and figures, each item with a depth; painted back (small depth) to front."""

    def __init__(self, elev=0.0, zfront=0.0):
        self.elev = math.radians(elev)
        self.zfront = zfront  # world z that lands on the floor line when the camera is tilted
        self.items = []
        self.defs = []
        self.uid = 0

    # projection ---------------------------------------------------
    def P(self, p):
        """World point -> screen (x, y)."""
        x, y, z = p
        c, s = math.cos(self.elev), math.sin(self.elev)
        return (x, FLOOR - (y * c - (z - self.zfront) * s))

    def depth(self, p):
        x, y, z = p
        c, s = math.cos(self.elev), math.sin(self.elev)
        return y * s + z * c

    def screen_dir(self, v):
        """A world direction's 2-D screen direction (y down), not normalised."""
        c, s = math.cos(self.elev), math.sin(self.elev)
        return (v[0], -(v[1] * c - v[2] * s))

    def world_of_screen(self, n2):
        """The world direction in the picture plane that shows as screen direction n2 (y down)."""
        c, s = math.cos(self.elev), math.sin(self.elev)
        return (n2[0], -n2[1] * c, n2[1] * s)

    def clip_id(self, paths):
        self.uid += 1
        cid = f"c{self.uid}"
        body = "".join(f'<path d="{p}"/>' for p in paths)
        self.defs.append(f'<clipPath id="{cid}">{body}</clipPath>')
        return cid

    def add(self, depth, svg):
        self.items.append((depth, len(self.items), svg))

    # output -------------------------------------------------------
    def svg(self, comment):
        out = [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W}" height="{H}">',
            f"  <!-- {comment} Generated by generate.py: edit the pose there, not here. -->",
        ]
        if self.defs:
            out.append("  <defs>" + "".join(self.defs) + "</defs>")
        out.append(
            f'  <line x1="10" y1="{f2(FLOOR)}" x2="310" y2="{f2(FLOOR)}" stroke="{FLOOR_COL}" '
            f'stroke-width="2.5" stroke-linecap="round"/>'
        )
        for _, _, s in sorted(self.items, key=lambda it: (it[0], it[1])):
            out.append("  " + s)
        out.append("</svg>")
        return "\n".join(out) + "\n"

    # equipment ----------------------------------------------------
    def box(self, x0, x1, y0, y1, z0=-30.0, z1=30.0, fill=WOOD, top=WOOD_TOP, depth=-100.0, rx=2.0):
        """A box; with a tilted camera its top face shows too."""
        parts = []
        front = [self.P((x0, y0, z1)), self.P((x1, y0, z1)), self.P((x1, y1, z1)), self.P((x0, y1, z1))]
        if self.elev > 0.01:
            tp = [self.P((x0, y1, z1)), self.P((x1, y1, z1)), self.P((x1, y1, z0)), self.P((x0, y1, z0))]
            parts.append(f'<path d="{poly_path(tp)}" fill="{top}" stroke="{OUT}" stroke-width="{SW}" stroke-linejoin="round"/>')
            parts.append(f'<path d="{poly_path(front)}" fill="{fill}" stroke="{OUT}" stroke-width="{SW}" stroke-linejoin="round"/>')
        else:
            (ax, ay), (bx, by) = front[3], front[1]
            parts.append(
                f'<rect x="{f2(ax)}" y="{f2(ay)}" width="{f2(bx - ax)}" height="{f2(by - ay)}" rx="{f2(rx)}" '
                f'fill="{fill}" stroke="{OUT}" stroke-width="{SW}"/>'
            )
            parts.append(
                f'<line x1="{f2(ax + 3)}" y1="{f2(ay + 3.5)}" x2="{f2(bx - 3)}" y2="{f2(ay + 3.5)}" '
                f'stroke="{top}" stroke-width="2" stroke-linecap="round"/>'
            )
        self.add(depth, "".join(parts))

    def mat(self, x0, x1, z0=-30.0, z1=30.0, depth=-200.0):
        """An exercise mat 4 units thick; with a tilted camera its top shows too."""
        t = 4.0
        if self.elev > 0.01:
            tp = [self.P((x0, t, z1)), self.P((x1, t, z1)), self.P((x1, t, z0)), self.P((x0, t, z0))]
            fr = [self.P((x0, 0, z1)), self.P((x1, 0, z1)), self.P((x1, t, z1)), self.P((x0, t, z1))]
            s = (
                f'<path d="{poly_path(tp)}" fill="{shade(MAT, 1.3)}" stroke="{MAT_EDGE}" stroke-width="1.5" stroke-linejoin="round"/>'
                f'<path d="{poly_path(fr)}" fill="{MAT}" stroke="{MAT_EDGE}" stroke-width="1.5" stroke-linejoin="round"/>'
            )
        else:
            (ax, ay), (bx, by) = self.P((x0, t, 0)), self.P((x1, 0, 0))
            s = (
                f'<rect x="{f2(ax)}" y="{f2(ay)}" width="{f2(bx - ax)}" height="{f2(by - ay)}" rx="2" '
                f'fill="{MAT}" stroke="{MAT_EDGE}" stroke-width="1.5"/>'
            )
        self.add(depth, s)

    def wall(self, x0, x1, top=190.0, depth=-300.0):
        (ax, ay), (bx, by) = self.P((x0, top, 0)), self.P((x1, 0, 0))
        self.add(
            depth,
            f'<rect x="{f2(ax)}" y="{f2(ay)}" width="{f2(bx - ax)}" height="{f2(by - ay)}" rx="2" '
            f'fill="{WALL}" stroke="{WALL_EDGE}" stroke-width="{SW}"/>',
        )

    def backdrop(self, x0, x1, top=185.0, depth=-300.0):
        """A wall seen face-on behind the figure (the figure stands side-on to it)."""
        (ax, ay), (bx, by) = self.P((x0, top, 0)), self.P((x1, 0, 0))
        self.add(
            depth,
            f'<rect x="{f2(ax)}" y="{f2(ay)}" width="{f2(bx - ax)}" height="{f2(by - ay)}" rx="4" '
            f'fill="{WALL}" stroke="{WALL_EDGE}" stroke-width="1.5"/>'
            f'<line x1="{f2(ax)}" y1="{f2(by - 9)}" x2="{f2(bx)}" y2="{f2(by - 9)}" stroke="{WALL_EDGE}" stroke-width="1.5"/>',
        )

    def outlined_line(self, p, q, colour, width, depth):
        (ax, ay), (bx, by) = self.P(p), self.P(q)
        self.add(
            depth,
            f'<path d="{capsule_path((ax, ay), width / 2, (bx, by), width / 2)}" fill="{colour}" '
            f'stroke="{OUT}" stroke-width="{SW}"/>',
        )

    def band_path(self, pts, colour=BAND, width=3.0, depth=0.0):
        s = [self.P(p) for p in pts]
        d_ = "M" + "L".join(f"{f2(x)} {f2(y)}" for x, y in s)
        self.add(
            depth,
            f'<path d="{d_}" fill="none" stroke="{colour}" stroke-width="{f2(width)}" '
            f'stroke-linecap="round" stroke-linejoin="round"/>',
        )

    def disc(self, c, r, fill, depth, stroke=OUT, width=SW):
        x, y = self.P(c)
        self.add(
            depth,
            f'<circle cx="{f2(x)}" cy="{f2(y)}" r="{f2(r)}" fill="{fill}" stroke="{stroke}" stroke-width="{f2(width)}"/>',
        )

    def roller(self, c, r, half_len, depth):
        """A foam roller lying along z (towards the viewer): a cylinder with its near end showing."""
        back, front = self.P(add(c, (0, 0, -half_len))), self.P(add(c, (0, 0, half_len)))
        self.add(
            depth,
            f'<path d="{capsule_path(back, r, front, r)}" fill="{ROLLER}" stroke="{OUT}" stroke-width="{SW}"/>'
            f'<ellipse cx="{f2(front[0])}" cy="{f2(front[1])}" rx="{f2(r)}" ry="{f2(r)}" fill="{shade(ROLLER, 1.3)}" '
            f'stroke="{OUT}" stroke-width="{SW}"/>',
        )

    def dumbbell_end_on(self, c, depth):
        """A dumbbell seen along its handle: a hexagonal head."""
        x, y = self.P(c)
        pts = [(x + 8 * math.cos(math.radians(30 + 60 * i)), y + 8 * math.sin(math.radians(30 + 60 * i))) for i in range(6)]
        self.add(
            depth,
            f'<path d="{poly_path(pts)}" fill="{METAL}" stroke="{OUT}" stroke-width="{SW}" stroke-linejoin="round"/>'
            f'<circle cx="{f2(x)}" cy="{f2(y)}" r="2.6" fill="{METAL_DARK}"/>',
        )

    # arrows -------------------------------------------------------
    def _arrow_head(self, tip, direction):
        dx, dy = direction
        n = math.hypot(dx, dy)
        dx, dy = dx / n, dy / n
        size = 7.0
        bx, by = tip[0] - dx * size, tip[1] - dy * size
        px, py = -dy * size * 0.55, dx * size * 0.55
        return poly_path([tip, (bx + px, by + py), (bx - px, by - py)])

    def arc_arrow(self, centre, r, a0, a1, depth=500.0, both=False):
        """Arrow along a circle (screen coords, degrees clockwise from +x on screen) from a0 to a1."""
        cx, cy = centre
        steps = max(8, int(abs(a1 - a0) / 4))
        pts = []
        for i in range(steps + 1):
            a = math.radians(a0 + (a1 - a0) * i / steps)
            pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
        self._arrow_through(pts, depth, both)

    def curve_arrow(self, p0, c, p1, depth=500.0, both=False):
        """Arrow along a quadratic Bezier (screen coords)."""
        pts = []
        for i in range(25):
            t = i / 24
            x = (1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * c[0] + t * t * p1[0]
            y = (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * c[1] + t * t * p1[1]
            pts.append((x, y))
        self._arrow_through(pts, depth, both)

    def ellipse_arrow(self, centre, rx, ry, a0, a1, depth=500.0):
        cx, cy = centre
        pts = []
        steps = 60
        for i in range(steps + 1):
            a = math.radians(a0 + (a1 - a0) * i / steps)
            pts.append((cx + rx * math.cos(a), cy + ry * math.sin(a)))
        self._arrow_through(pts, depth, False)

    def _arrow_through(self, pts, depth, both):
        # shorten the shaft so it ends inside the head
        def trimmed(points):
            tip = points[-1]
            prev = points[-2]
            dx, dy = tip[0] - prev[0], tip[1] - prev[1]
            n = math.hypot(dx, dy)
            return points[:-1] + [(tip[0] - dx / n * 4, tip[1] - dy / n * 4)], tip, (dx, dy)

        shaft, tip, dirn = trimmed(pts)
        heads = [self._arrow_head(tip, dirn)]
        if both:
            rev, tip2, dir2 = trimmed(list(reversed(shaft)))
            shaft = list(reversed(rev))
            heads.append(self._arrow_head(tip2, dir2))
        d_ = "M" + "L".join(f"{f2(x)} {f2(y)}" for x, y in shaft)
        s = (
            f'<path d="{d_}" fill="none" stroke="{ARROW}" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/>'
            + "".join(f'<path d="{h}" fill="{ARROW}" stroke="{ARROW}" stroke-width="1" stroke-linejoin="round"/>' for h in heads)
        )
        self.add(depth, s)

    # figures ------------------------------------------------------
    def figure(self, pose, ghost=False, tints=(), shirt=SHIRT, depth_bias=None, ghost_depth=-50.0):
        groups = pose.groups(self, shirt, [] if ghost else tints)
        bias = depth_bias or {}
        if ghost:
            body = "".join(g["svg"] for g in sorted(groups, key=lambda g: g["depth"] + bias.get(g["name"], 0.0)))
            self.add(ghost_depth, f'<g opacity="{GHOST_OPACITY}">{body}</g>')
        else:
            for g in groups:
                self.add(g["depth"] + bias.get(g["name"], 0.0), g["svg"])


# ---------------------------------------------------------------- the figure
class Pose:
    """Joint positions of one figure. `right` is the person's right side; `facing` follows from torso x right."""

    def __init__(self, pelvis, torso, right=(0.0, 0.0, 1.0), head=None, face=None):
        self.C = pelvis
        self.T = unit(torso)
        self.r = perp(right, self.T)
        self.f = cross(self.T, self.r)  # the way the chest faces
        self.S = add(self.C, mul(self.T, TORSO))
        self.head_dir = unit(head) if head is not None else self.T
        self.H = add(self.S, mul(self.head_dir, HEAD_DIST))
        self.face = unit(face) if face is not None else perp(self.f, self.head_dir)
        self.legs = {}
        self.arms = {}
        self.separate = {}  # group name -> segment paint order, for limbs folded over themselves

    def side(self, s):
        return 1.0 if s == "R" else -1.0

    def hip(self, s):
        return add(self.C, mul(self.r, HIP_HALF * self.side(s)))

    def shoulder(self, s):
        return add(sub(self.S, mul(self.T, 2.0)), mul(self.r, SH_HALF * self.side(s)))

    # legs -----------------------------------------------------------
    def leg(self, s, thigh, shin, foot=None):
        h = self.hip(s)
        k = add(h, mul(unit(thigh), THIGH))
        a = add(k, mul(unit(shin), SHIN))
        self._set_leg(s, h, k, a, foot)
        return self

    def leg_to(self, s, ankle, knee=None, foot=None):
        h = self.hip(s)
        k = two_bone(h, ankle, THIGH, SHIN, knee if knee is not None else self.f)
        a = add(k, mul(unit(sub(ankle, k)), SHIN))
        self._set_leg(s, h, k, a, foot)
        return self

    def _set_leg(self, s, h, k, a, foot):
        shin = unit(sub(a, k))
        fd = unit(foot) if foot is not None else perp(self.f, shin)
        self.legs[s] = {"H": h, "K": k, "A": a, "fd": fd}

    def foot_points(self, s):
        leg = self.legs[s]
        a, fd = leg["A"], leg["fd"]
        up = cross(self.r, fd)
        if length(up) < 0.3:
            up = perp(sub(leg["K"], a), fd)
        up = perp(up, fd)
        heel = add(sub(a, mul(fd, 2.0)), mul(up, -1.5))
        toe = add(add(a, mul(fd, 13.5)), mul(up, -2.2))
        return heel, toe

    # arms -----------------------------------------------------------
    def arm(self, s, upper, fore):
        sh = self.shoulder(s)
        e = add(sh, mul(unit(upper), UPPER))
        h = add(e, mul(unit(fore), FORE))
        self.arms[s] = {"S": sh, "E": e, "W": h}
        return self

    def arm_to(self, s, hand, elbow=None):
        sh = self.shoulder(s)
        e = two_bone(sh, hand, UPPER, FORE, elbow if elbow is not None else mul(self.f, -1.0))
        h = add(e, mul(unit(sub(hand, e)), FORE))
        self.arms[s] = {"S": sh, "E": e, "W": h}
        return self

    def rotate_leg(self, s, axis_from, axis_to, angle):
        """Rotates a leg's knee, ankle and foot about the line between two points (e.g. the clamshell)."""
        leg = self.legs[s]
        ax = sub(axis_to, axis_from)
        tip = add(leg["A"], leg["fd"])
        leg["K"] = rotate(leg["K"], axis_from, ax, angle)
        leg["A"] = rotate(leg["A"], axis_from, ax, angle)
        leg["fd"] = unit(sub(rotate(tip, axis_from, ax, angle), leg["A"]))
        return self

    def hands_on_hips(self):
        for s in "RL":
            sgn = self.side(s)
            hand = add(add(add(self.C, mul(self.T, 9.0)), mul(self.f, 3.0)), mul(self.r, sgn * 13.0))
            self.arm_to(s, hand, elbow=add(mul(self.f, -1.0), mul(self.r, sgn * 0.8)))
        return self

    # drawing ----------------------------------------------------------
    def groups(self, sc, shirt, tints):
        """The figure as paint groups [{name, depth, svg}], each group outlined as one piece."""
        tint_by_group = {}
        for t in tints:
            tint_by_group.setdefault(self._tint_group(t), []).append(t)
        torso_depth = sc.depth(self.C)
        groups = []

        # torso -------------------------------------------------------
        torso_shape, torso_axis = self._torso_shape(sc)
        parts = [_outline(torso_shape), _fill(torso_shape, shirt)]
        waist = add(self.C, mul(self.T, 13.0))
        parts.append(_clipped(sc, [torso_shape], _half_plane(sc.P(waist), torso_axis, toward=-1), SHORTS))
        parts += [self._tint_svg(sc, t, {"torso": torso_shape}) for t in tint_by_group.get("torso", [])]
        groups.append({"name": "torso", "depth": torso_depth, "svg": "<g>" + "".join(parts) + "</g>"})

        # head + neck ---------------------------------------------------
        neck = capsule_path(sc.P(self.S), R_NECK, sc.P(self.H), R_NECK)
        head = circle_path(sc.P(self.H), HEAD_R)
        hp = [_outline(neck), _outline(head), _fill(neck, SKIN), _fill(head, HAIR)]
        face_c = add(add(self.H, mul(self.face, 6.5)), mul(self.head_dir, -3.0))
        hp.append(_clipped(sc, [head], circle_path(sc.P(face_c), 10.0), SKIN))
        view = (0.0, math.sin(sc.elev), math.cos(sc.elev))
        side_dir = perp(self.r, self.head_dir)
        for sgn in (1.0, -1.0):
            eye = add(add(add(self.H, mul(self.face, 8.5)), mul(self.head_dir, 0.5)), mul(side_dir, 4.0 * sgn))
            if dot(sub(eye, self.H), view) > 1.0:
                ex, ey = sc.P(eye)
                hp.append(f'<circle cx="{f2(ex)}" cy="{f2(ey)}" r="1.3" fill="{OUT}"/>')
        groups.append({"name": "head", "depth": sc.depth(self.H) + 0.5, "svg": "<g>" + "".join(hp) + "</g>"})

        # legs ----------------------------------------------------------
        for s, leg in self.legs.items():
            far = sc.depth(leg["H"]) < torso_depth - 2.0
            k = 0.93 if far else 1.0
            thigh = capsule_path(sc.P(leg["H"]), R_THIGH[0], sc.P(leg["K"]), R_THIGH[1])
            shin = capsule_path(sc.P(leg["K"]), R_SHIN[0], sc.P(leg["A"]), R_SHIN[1])
            heel, toe = self.foot_points(s)
            foot = capsule_path(sc.P(heel), R_HEEL, sc.P(toe), R_TOE)
            shapes = {"thigh": thigh, "shin": shin, "foot": foot}
            fills = {"thigh": shade(SKIN, k), "shin": shade(SKIN, k), "foot": shade(SHOE, k)}
            extra = {"thigh": [], "shin": [], "foot": []}
            hem = lerp(leg["H"], leg["K"], 0.42)
            axis = _norm2(sc.screen_dir(sub(leg["K"], leg["H"])))
            if axis is None:
                extra["thigh"].append(_fill(thigh, shade(SHORTS, k)))
            else:
                extra["thigh"].append(_clipped(sc, [thigh], _half_plane(sc.P(hem), axis, toward=-1), shade(SHORTS, k)))
            for t in tint_by_group.get("leg" + s, []):
                extra[t[0]].append(self._tint_svg(sc, t, shapes))
            order = self.separate.get("leg" + s)
            if order:  # each segment outlined on its own, painted in the given order (folded legs)
                lp = []
                for seg in order:
                    lp += [_outline(shapes[seg]), _fill(shapes[seg], fills[seg])] + extra[seg]
            else:
                segs = ("thigh", "shin", "foot")
                lp = [_outline(shapes[g]) for g in segs] + [_fill(shapes[g], fills[g]) for g in segs]
                lp += [x for g in segs for x in extra[g]]
            depth = sum(sc.depth(p) for p in (leg["H"], leg["K"], leg["A"])) / 3.0
            groups.append({"name": "leg" + s, "depth": depth, "svg": "<g>" + "".join(lp) + "</g>"})

        # arms ----------------------------------------------------------
        for s, arm in self.arms.items():
            far = sc.depth(arm["S"]) < torso_depth - 2.0
            k = 0.93 if far else 1.0
            upper = capsule_path(sc.P(arm["S"]), R_UPPER[0], sc.P(arm["E"]), R_UPPER[1])
            fore = capsule_path(sc.P(arm["E"]), R_FORE[0], sc.P(arm["W"]), R_FORE[1])
            hand = circle_path(sc.P(arm["W"]), R_HAND)
            ap = [_outline(upper), _outline(fore), _outline(hand)]
            ap += [_fill(upper, shade(SKIN, k)), _fill(fore, shade(SKIN, k)), _fill(hand, shade(SKIN, k))]
            sleeve = lerp(arm["S"], arm["E"], 0.38)
            axis = _norm2(sc.screen_dir(sub(arm["E"], arm["S"])))
            if axis is not None:
                ap.append(_clipped(sc, [upper], _half_plane(sc.P(sleeve), axis, toward=-1), shade(shirt, k)))
            depth = sum(sc.depth(p) for p in (arm["S"], arm["E"], arm["W"])) / 3.0
            groups.append({"name": "arm" + s, "depth": depth, "svg": "<g>" + "".join(ap) + "</g>"})
        return groups

    def _torso_shape(self, sc):
        lo = add(self.C, mul(self.T, 2.0))
        hi = sub(self.S, mul(self.T, 7.0))
        axis2 = _norm2(sc.screen_dir(sub(hi, lo)))
        if axis2 is None:
            r_lo, r_hi = max(TORSO_LOW), max(TORSO_HIGH)
            return circle_path(sc.P(lo), r_hi), (0.0, -1.0)
        n3 = sc.world_of_screen((-axis2[1], axis2[0]))

        def half(ab):
            a, b = ab
            return math.sqrt((a * dot(self.r, n3)) ** 2 + (b * dot(self.f, n3)) ** 2 + 1e-9)

        return capsule_path(sc.P(lo), half(TORSO_LOW), sc.P(hi), half(TORSO_HIGH)), axis2

    # working-muscle tints ---------------------------------------------
    @staticmethod
    def _tint_group(t):
        kind = t[0]
        if kind in ("glutes", "core", "hip_front", "abductor_hip"):
            return "torso"
        return "leg" + t[1]

    def _tint_svg(self, sc, t, shapes):
        kind = t[0]
        if kind == "glutes":
            c = add(add(self.C, mul(self.f, -7.0)), mul(self.T, -3.0))
            if len(t) > 1:
                c = add(c, mul(self.r, 5.0 * self.side(t[1])))
            return _clipped(sc, [shapes["torso"]], circle_path(sc.P(c), 10.0), ROSE, ROSE_OPACITY)
        if kind == "core":  # the abdominals: a soft patch on the front of the belly
            c = add(add(self.C, mul(self.T, 23.0)), mul(self.f, 9.0))
            return _clipped(sc, [shapes["torso"]], circle_path(sc.P(c), 13.0), ROSE, ROSE_OPACITY)
        if kind == "hip_front":  # hip flexors, front of the pelvis on side t[1]
            c = add(add(self.C, mul(self.f, 8.0)), mul(self.T, 2.0))
            return _clipped(sc, [shapes["torso"]], circle_path(sc.P(c), 8.0), ROSE, ROSE_OPACITY)
        if kind == "abductor_hip":  # side of the pelvis on side t[1]
            c = add(add(self.C, mul(self.r, 14.0 * self.side(t[1]))), mul(self.T, 1.0))
            return _clipped(sc, [shapes["torso"]], circle_path(sc.P(c), 9.0), ROSE, ROSE_OPACITY)
        # ("thigh"|"shin", side, which) with which in front/back/lateral/full or a world vector
        seg, s, which = t[0], t[1], t[2]
        leg = self.legs[s]
        if seg == "thigh":
            p, q = leg["H"], leg["K"]
            shape = shapes["thigh"]
            shin = unit(sub(leg["A"], leg["K"]))
            thigh = unit(sub(q, p))
            bend = perp(shin, thigh)
            if dot(shin, thigh) > 0.985:
                front = perp(self.f, thigh)
            else:
                front = mul(bend, -1.0)
        else:
            p, q = leg["K"], leg["A"]
            shape = shapes["shin"]
            front = perp(leg["fd"], unit(sub(q, p)))  # shin front faces the way the toes point
        if which == "front":
            v = front
        elif which == "back":
            v = mul(front, -1.0)
        elif which == "lateral":
            v = mul(self.r, self.side(s))
        elif which == "full":
            v = None
        else:
            v = which
        upto = t[3] if len(t) > 3 else 1.0
        axis2 = _norm2(sc.screen_dir(sub(q, p)))
        n2 = sc.screen_dir(v) if v is not None else (0.0, 0.0)
        if v is None or math.hypot(*n2) < 0.35 or axis2 is None:
            region = None
        else:
            n2 = _norm2(n2)
            # make it square to the segment on screen
            dp = n2[0] * axis2[0] + n2[1] * axis2[1]
            n2 = _norm2((n2[0] - dp * axis2[0], n2[1] - dp * axis2[1])) or n2
            mid = sc.P(lerp(p, q, 0.5))
            region = _half_plane2(mid, n2, offset=-1.0)
        if upto < 1.0 and axis2 is not None:
            cut = _half_plane(sc.P(lerp(p, q, upto)), axis2, toward=-1)
            inner = _clipped(sc, [shape], cut, ROSE, ROSE_OPACITY)
            if region is None:
                return inner
            cid = sc.clip_id([region])
            return f'<g clip-path="url(#{cid})">{inner}</g>'
        if region is None:
            return f'<path d="{shape}" fill="{ROSE}" opacity="{ROSE_OPACITY}"/>'
        return _clipped(sc, [shape], region, ROSE, ROSE_OPACITY)


def _norm2(v):
    n = math.hypot(v[0], v[1])
    return (v[0] / n, v[1] / n) if n > 1e-3 else None


def _outline(path):
    return f'<path d="{path}" fill="{OUT}" stroke="{OUT}" stroke-width="{f2(2 * SW)}" stroke-linejoin="round"/>'


def _fill(path, colour):
    return f'<path d="{path}" fill="{colour}"/>'


def _clipped(sc, clip_paths, region, colour, opacity=None):
    cid = sc.clip_id(clip_paths)
    op = f' opacity="{opacity}"' if opacity is not None else ""
    return f'<path d="{region}" fill="{colour}"{op} clip-path="url(#{cid})"/>'


def _half_plane(point, axis, toward):
    """A big square covering the screen half-plane on side `toward` (-1 = before) of `point` along `axis`."""
    ax, ay = axis
    nx, ny = -ay, ax
    big = 400.0
    px, py = point
    s = toward
    pts = [
        (px + nx * big, py + ny * big),
        (px - nx * big, py - ny * big),
        (px - nx * big + s * ax * big, py - ny * big + s * ay * big),
        (px + nx * big + s * ax * big, py + ny * big + s * ay * big),
    ]
    return poly_path(pts)


def _half_plane2(point, normal, offset=0.0):
    """A big square covering the half-plane on the `normal` side of `point` (moved by `offset` along it)."""
    nx, ny = normal
    return _half_plane((point[0] + nx * offset, point[1] + ny * offset), (nx, ny), toward=1)


# ---------------------------------------------------------------- helpers for poses
def standing_hip(x, z=0.0, bend=0.0):
    return (x, ANKLE_H + THIGH + SHIN - bend, z)


def flat_ankle(x, z=0.0, surface=0.0):
    return (x, surface + ANKLE_H, z)


def ankle_on_slope(contact, fd, up, along=4.0):
    """Ankle position for a foot pointing along `fd` whose sole touches `contact` `along` units before the ankle."""
    return add(add(contact, mul(up, ANKLE_H)), mul(fd, -along))


def tiptoe_ankle(toe_x, surface, fd, z=0.0):
    """Ankle position for a foot pointing along `fd` (side view, facing +x) standing on its toes at `toe_x`."""
    up = cross((0.0, 0.0, 1.0), fd)
    off = sub(mul(fd, 13.5), mul(up, 2.2))  # ankle -> toe-capsule centre
    return (toe_x - off[0], surface + R_TOE - off[1], z)


# ================================================================= the exercises
PICTURES = {}


def picture(fn):
    PICTURES[fn.__name__] = fn
    return fn


@picture
def glute_bridge():
    sc = Scene()
    sc.mat(50, 270)
    top = 4.0
    ankle = flat_ankle(213, surface=top)
    shoulder_floor = (100.0, top + 10.5, 0.0)

    def lying(c, t):
        p = Pose(c, t, right=(0, 0, 1), head=(-1, 0.06, 0))
        p.leg_to("R", ankle, knee=(0.3, 1, 0), foot=(1, 0, 0))
        p.leg_to("L", add(ankle, (0, 0, -2)), knee=(0.3, 1, 0), foot=(1, 0, 0))
        for s in "RL":
            sh = p.shoulder(s)
            dy = sh[1] - (top + R_UPPER[1])
            p.arm(s, unit((math.sqrt(max(UPPER**2 - dy * dy, 0.0)), -dy, 0.0)), (1, 0, 0))
        return p

    start = lying((shoulder_floor[0] + 50, top + 11, 0), (-1, 0, 0))
    # lift: shoulders stay down, hips rise until shoulder, hip and knee are in line
    best = None
    for i in range(0, 400):
        ang = math.radians(i * 0.1)
        u = (math.cos(ang), math.sin(ang), 0.0)
        c = add(shoulder_floor, mul(u, TORSO))
        k = add(add(c, (0, 0, HIP_HALF)), mul(u, THIGH))
        err = abs(length(sub(ankle, k)) - SHIN)
        if best is None or err < best[0]:
            best = (err, u, c)
    _, u, c = best
    end = lying(c, mul(u, -1.0))
    sc.figure(start, ghost=True)
    sc.figure(end, tints=[("glutes",), ("thigh", "R", "back")])
    cx, cy = sc.P(c)
    sc.curve_arrow((cx - 4, cy - 16), (cx - 12, cy - 30), (cx - 2, cy - 44))
    return sc, "Glute bridge: lying on the back, knees bent, hips lifted into a straight line (start pose faint)."


@picture
def clamshell():
    sc = Scene(elev=26, zfront=30)
    top = 4.0
    c = (185.0, top + 15.0, 0.0)
    t = unit((-1, 0.02, 0))
    sc.mat(40, 290, z0=-26, z1=30)

    def base():
        p = Pose(c, t, right=(0, -1, 0), head=(-1, 0.28, 0))
        hip_flex, knee_flex = 45.0, 70.0
        thigh = d(0, hip_flex)  # along the body towards the feet, turned forwards
        shin = d(0, hip_flex - knee_flex)
        p.leg("R", thigh, shin, foot=(0.55, 0, 0.8))
        p.leg("L", thigh, shin, foot=(0.55, 0, 0.8))
        # lower arm under the head, upper hand on the mat in front of the chest
        p.arm("R", (-1, 0.05, 0.15), (0.1, 0.0, 1))
        p.arm_to("L", (p.S[0] + 12, top + R_HAND, 26), elbow=(0.3, 1, -0.3))
        return p

    start = base()
    end = base()
    heel = end.legs["L"]["A"]
    end.rotate_leg("L", end.hip("L"), heel, -50)
    sc.figure(start, ghost=True, ghost_depth=-5)
    sc.figure(end, tints=[("abductor_hip", "L"), ("thigh", "L", "lateral", 0.6)])
    kx, ky = sc.P(end.legs["L"]["K"])
    k0x, k0y = sc.P(start.legs["L"]["K"])
    sc.curve_arrow((k0x + 16, k0y + 2), (k0x + 26, (k0y + ky) / 2), (kx + 14, ky - 4))
    return sc, "Clamshell: side-lying, hips and knees bent, heels together, top knee lifting (start pose faint)."


@picture
def side_leg_raise():
    sc = Scene(elev=22, zfront=34)
    sc.mat(30, 290, z0=-28, z1=34)
    top = 4.0
    c = (150.0, top + 15.0, 0.0)
    t = unit((-1, 0.03, 0))

    def base(lift):
        p = Pose(c, t, right=(0, -1, 0), head=(-1, 0.28, 0))
        # bottom leg bent for balance
        thigh = unit((math.cos(math.radians(40)), 0, math.sin(math.radians(40))))
        shin = unit((math.cos(math.radians(-45)), 0, math.sin(math.radians(-45))))
        p.leg("R", thigh, shin, foot=(0.5, 0, 0.8))
        # top leg straight, in line with the body and slightly behind it, raised by `lift`
        dirn = unit((math.cos(math.radians(lift)), math.sin(math.radians(lift)), -0.08))
        p.leg("L", dirn, dirn, foot=(0.0, -0.15, 1.0))
        p.arm("R", (-1, 0.05, 0.15), (0.1, 0.0, 1))
        p.arm_to("L", (p.S[0] + 14, top + R_HAND, 24), elbow=(0.3, 1, -0.3))
        return p

    start = base(3)
    end = base(33)
    sc.figure(start, ghost=True, ghost_depth=-5)
    sc.figure(end, tints=[("abductor_hip", "L"), ("thigh", "L", "lateral", 0.55)])
    fx, fy = sc.P(end.legs["L"]["A"])
    sx, sy = sc.P(start.legs["L"]["A"])
    hx, hy = sc.P(end.hip("L"))
    r = math.hypot(fx - hx, fy - hy) + 16
    a1 = math.degrees(math.atan2(fy - hy, fx - hx))
    a0 = math.degrees(math.atan2(sy - hy, sx - hx))
    sc.arc_arrow((hx, hy), r, a0 - 2, a1 + 4)
    return sc, "Side-lying leg raise: top leg straight and lifted, bottom knee bent (start pose faint)."


@picture
def single_leg_squat():
    sc = Scene()
    ax = 158.0
    start = Pose(standing_hip(ax - 2, bend=0.5), d(90))
    start.leg_to("R", flat_ankle(ax), knee=(1, 0, 0))
    start.leg_to("L", (ax + 38, 24, -HIP_HALF), knee=(1, 0.2, 0), foot=d(-20))
    start.arm("R", d(-5), d(0))
    start.arm("L", d(-5), d(0))
    c = (ax - 22, 66.0, 0.0)
    end = Pose(c, d(62))
    end.leg_to("R", flat_ankle(ax), knee=(1, 0, 0))
    end.leg_to("L", (ax + 36, 16, -HIP_HALF), knee=(1, 0.4, 0), foot=d(-10))
    end.arm("R", d(0), d(0))
    end.arm("L", d(2), d(2))
    sc.figure(start, ghost=True)
    sc.figure(end, tints=[("thigh", "R", "front"), ("glutes",)])
    hx, hy = sc.P(end.C)
    sc.arc_arrow((hx + 40, hy - 22), 44, 215, 178)
    return sc, "Single-leg squat: standing on one leg, hips back, knee bent over the toes, free foot off the floor."


@picture
def deadlift():
    sc = Scene()
    ax = 158.0
    start = Pose(standing_hip(ax - 3, bend=1.0), d(90))
    for s, z in (("R", 0.0), ("L", -2.0)):
        start.leg_to(s, flat_ankle(ax, z=z - HIP_HALF * (s == "L") + HIP_HALF * (s == "R") * 0), knee=(1, 0, 0))
    start.arm_to("R", (ax + 8, 78, SH_HALF), elbow=(-1, 0, 0))
    start.arm_to("L", (ax + 8, 78, -SH_HALF), elbow=(-1, 0, 0))
    c = (ax - 30, 80.0, 0.0)
    end = Pose(c, d(22), head=d(10))
    end.leg_to("R", flat_ankle(ax), knee=(1, 0.1, 0))
    end.leg_to("L", flat_ankle(ax, z=-HIP_HALF), knee=(1, 0.1, 0))
    end.arm_to("R", (ax + 16, 40, SH_HALF), elbow=(-1, 0, 0))
    end.arm_to("L", (ax + 16, 40, -SH_HALF), elbow=(-1, 0, 0))
    sc.figure(start, ghost=True)
    hand_r = start.arms["R"]["W"]
    sc.add(-49, _ghost_wrap(sc, lambda s2: s2.dumbbell_end_on(hand_r, 0)))
    sc.figure(end, tints=[("thigh", "R", "back"), ("glutes",)])
    sc.dumbbell_end_on(end.arms["L"]["W"], sc.depth(end.arms["L"]["W"]) + 0.1)
    sc.dumbbell_end_on(end.arms["R"]["W"], sc.depth(end.arms["R"]["W"]) + 0.1)
    hx, hy = sc.P(end.C)
    sc.arc_arrow((hx, hy), 64, -100, -58)
    return sc, "Romanian deadlift: hinge at the hips with a flat back, knees softly bent, dumbbells down the legs."


def _ghost_wrap(sc, draw):
    """Runs a drawing call into a temporary list and wraps its output at ghost opacity."""
    keep = sc.items
    sc.items = []
    draw(sc)
    inner = "".join(s for _, _, s in sorted(sc.items, key=lambda it: (it[0], it[1])))
    sc.items = keep
    return f'<g opacity="{GHOST_OPACITY}">{inner}</g>'


@picture
def squat():
    sc = Scene()
    ax = 150.0
    start = Pose(standing_hip(ax - 2, bend=0.5), d(90))
    start.leg_to("R", flat_ankle(ax), knee=(1, 0, 0))
    start.leg_to("L", flat_ankle(ax - 1, z=-HIP_HALF), knee=(1, 0, 0))
    start.arm("R", d(-10), d(0))
    start.arm("L", d(-10), d(0))
    c = (ax - 28, 52.0, 0.0)
    end = Pose(c, d(52), head=d(75))
    end.leg_to("R", flat_ankle(ax), knee=(1, 0.1, 0))
    end.leg_to("L", flat_ankle(ax - 1, z=-HIP_HALF), knee=(1, 0.1, 0))
    end.arm("R", d(2), d(2))
    end.arm("L", d(4), d(4))
    sc.figure(start, ghost=True)
    sc.figure(end, tints=[("thigh", "R", "front"), ("glutes",)])
    hx, hy = sc.P(end.C)
    sc.curve_arrow((hx - 30, hy - 58), (hx - 40, hy - 30), (hx - 24, hy - 4))
    return sc, "Squat: hips back and down, knees over the toes, arms forward (standing start faint)."


@picture
def lunge():
    sc = Scene()
    start = Pose(standing_hip(150, bend=0.5), d(90))
    start.leg_to("R", flat_ankle(152), knee=(1, 0, 0))
    start.leg_to("L", flat_ankle(150, z=-HIP_HALF), knee=(1, 0, 0))
    start.hands_on_hips()
    c = (150.0, 54.0, 0.0)
    end = Pose(c, d(88))
    end.leg_to("R", flat_ankle(191), knee=(1, 0.2, 0))
    back_knee = (134.0, 13.0, -HIP_HALF)
    k_dir = unit(sub(back_knee, end.hip("L")))
    end.leg("L", k_dir, d(186), foot=d(-58))
    # move the back foot so the toes touch the floor
    heel, toe = end.foot_points("L")
    end.legs["L"]["A"] = end.legs["L"]["A"]
    end.hands_on_hips()
    sc.figure(start, ghost=True)
    sc.figure(end, tints=[("thigh", "R", "front"), ("glutes",)])
    hx, hy = sc.P(end.C)
    sc.curve_arrow((hx - 32, hy - 66), (hx - 40, hy - 40), (hx - 30, hy - 8))
    return sc, "Lunge: long step forward, both knees bent to about a right angle, trunk upright (start faint)."


@picture
def step_up():
    sc = Scene()
    top = 22.0
    sc.box(150, 225, 0, top)
    # start: front foot on the step, back foot on the floor
    start = Pose((135.0, 80.0, 0.0), d(80))
    start.leg_to("R", flat_ankle(172, surface=top), knee=(1, 0.3, 0))
    start.leg_to("L", flat_ankle(118, z=-HIP_HALF), knee=(1, 0, 0), foot=d(-12))
    for s in "RL":
        start.arm_to(s, (140, 84, start.shoulder(s)[2] * 1.1), elbow=(-1, 0, 0))
    # end: standing up on the step leg, the other foot rising towards the step
    end = Pose(standing_hip(170, bend=0.5), d(86))
    end.C = add(end.C, (0, top, 0))
    end = Pose(end.C, d(86))
    end.leg_to("R", flat_ankle(172, surface=top), knee=(1, 0, 0))
    end.leg_to("L", (150, top + 14, -HIP_HALF), knee=(1, 0, 0), foot=d(-35))
    for s in "RL":
        end.arm_to(s, (end.C[0] + 6, end.C[1] - 6, end.shoulder(s)[2] * 1.15), elbow=(-1, 0, 0))
    sc.figure(start, ghost=True)
    sc.figure(end, tints=[("thigh", "R", "front"), ("glutes",)])
    hx, hy = sc.P(end.C)
    sc.curve_arrow((hx - 42, hy + 40), (hx - 52, hy + 4), (hx - 22, hy - 10))
    return sc, "Step-up: one foot on a low step, stand up on it without pushing off the floor (start faint)."


@picture
def hamstring_curl():
    sc = Scene()
    sc.mat(40, 295)
    top = 4.0
    # lying face down, head to the right
    c = (172.0, top + 11.0, 0.0)
    t = (1.0, 0.0, 0.0)

    def prone(curl):
        p = Pose(c, t, right=(0, 0, 1), head=unit((1, 0.42, 0)), face=(0.25, -1, 0))
        p.leg("L", d(180), d(180), foot=d(-92))
        if curl:
            p.leg("R", d(181), d(75), foot=d(160))
        else:
            p.leg("R", d(180), d(180), foot=d(-92))
        # forearms folded under the forehead
        for s in "RL":
            sgn = p.side(s)
            elbow = (p.S[0] + 12, top + R_UPPER[1], sgn * 26)
            sh = p.shoulder(s)
            p.arm(s, sub(elbow, sh), unit((0.8, 0.0 if s == "R" else 0.25, -sgn * 0.9)))
        return p

    start = prone(False)
    end = prone(True)
    sc.figure(start, ghost=True)
    sc.figure(end, tints=[("thigh", "R", "back")])
    # band from the ankle to a low anchor
    post_x = 22.0
    sc.box(post_x - 6, post_x + 6, 0, 40, depth=-90, fill=WOOD)
    ank = end.legs["R"]["A"]
    sc.band_path([(post_x + 4, 12, 0), add(ank, (-2, 0, 2))], depth=sc.depth(ank) + 1)
    sc.arc_arrow(sc.P(end.legs["R"]["K"]), 52, 200, 262)
    return sc, "Hamstring curl: lying face down, heel curled towards the bottom against a band (start faint)."


@picture
def nordic_curl():
    sc = Scene()
    sc.mat(15, 280)
    top = 4.0
    knee = (150.0, top + 6.0, 0.0)

    def kneel(lean):
        u = d(90 - lean)
        c = add(knee, mul(u, THIGH))
        p = Pose(c, u, head=d(90 - lean + 4))
        for s, z in (("R", HIP_HALF), ("L", -HIP_HALF)):
            k = add(knee, (0, 0, z))
            p.legs[s] = {"H": p.hip(s), "K": k, "A": add(k, mul(d(182), SHIN)), "fd": d(194)}
        for s in "RL":
            sh = p.shoulder(s)
            hand = add(add(sh, mul(p.f, 16)), mul(p.T, -16))
            p.arm_to(s, hand, elbow=mul(p.T, -1.0))
        return p

    start = kneel(0)
    end = kneel(42)
    # a partner kneels behind and holds the ankles down
    pk = (60.0, top + 6.0, 0.0)
    pc = add(pk, mul(d(62), THIGH * 0.95))
    partner = Pose(pc, d(30), head=d(10))
    for s, z in (("R", HIP_HALF), ("L", -HIP_HALF)):
        k = add(pk, (0, 0, z))
        partner.legs[s] = {"H": partner.hip(s), "K": k, "A": add(k, mul(d(182), SHIN)), "fd": d(194)}
    ank = end.legs["R"]["A"]
    for s in "RL":
        partner.arm_to(s, (ank[0] + 3, ank[1] + 9, partner.shoulder(s)[2] * 0.6), elbow=(-1, 0, 0))
    sc.figure(partner, shirt=PARTNER_SHIRT, depth_bias={"head": 0})
    sc.figure(start, ghost=True, ghost_depth=-60)
    sc.figure(end, tints=[("thigh", "R", "back")])
    kx, ky = sc.P(knee)
    sc.arc_arrow((kx, ky), 132, -88, -58)
    return sc, "Nordic hamstring curl: kneeling, a partner holds the ankles, the straight body leans forward slowly."


@picture
def calf_raise():
    sc = Scene()
    top = 18.0
    sc.box(142, 186, 0, top)
    sc.wall(192, 204)
    ball = (150.0, top, 0.0)

    def on_edge(angle, hip_dx):
        fd = d(angle)
        up = cross((0, 0, 1), fd)
        a = ankle_on_slope(ball, fd, up, along=10.0) if angle > 0 else tiptoe_ankle(ball[0] + 4, ball[1], fd)
        p = Pose((a[0] + hip_dx, a[1] + SHIN + THIGH - 0.5, 0.0), d(90))
        p.leg_to("R", a, knee=(1, 0, 0), foot=fd)
        p.leg_to("L", add(a, (0, 0, -HIP_HALF)), knee=(1, 0, 0), foot=fd)
        p.arm_to("R", (191.0, p.S[1] - 14, 8), elbow=(0, -1, 0))
        p.arm_to("L", (p.C[0] + 5, p.C[1] - 4, -SH_HALF * 1.15), elbow=(-1, 0, 0))
        return p

    start = on_edge(14, 2)
    end = on_edge(-38, 4)
    sc.figure(start, ghost=True)
    sc.figure(end, tints=[("shin", "R", "back")])
    hx, hy = sc.P(end.legs["R"]["A"])
    sc.curve_arrow((hx - 14, hy + 16), (hx - 20, hy + 2), (hx - 14, hy - 14))
    return sc, "Calf raise: balls of the feet on a step edge, rising onto the toes, a hand on the wall (start faint)."


@picture
def plank():
    sc = Scene()
    sc.mat(40, 285)
    top = 4.0
    elbow = (222.0, top + 4.2, 0.0)
    sh = (222.0, elbow[1] + UPPER, 0.0)
    ankle = (92.0, top + 15.0, 0.0)
    u = unit(sub(sh, ankle))
    s_centre = add(sh, mul(u, 2.0))
    c = sub(s_centre, mul(u, TORSO))
    p = Pose(c, u, head=unit(add(u, (0, 0.05, 0))))
    p.leg("R", mul(u, -1), mul(u, -1), foot=d(-100))
    p.leg("L", mul(u, -1), mul(u, -1), foot=d(-100))
    for s in "RL":
        shj = p.shoulder(s)
        p.arm_to(s, (shj[0] + 26, top + R_HAND, shj[2] * 0.7), elbow=(0, -1, 0))
    sc.figure(p, tints=[("core",), ("glutes",)])
    return sc, "Plank: on the forearms and toes, body in a straight line from heels to head."


@picture
def bird_dog():
    sc = Scene()
    sc.mat(30, 290)
    top = 4.0
    c = (148.0, top + 6.0 + THIGH, 0.0)
    sh_target = (198.0, top + R_HAND + UPPER + FORE - 1, 0.0)
    u = unit(sub(sh_target, c))

    def base():
        p = Pose(c, u, head=unit(add(u, (0, -0.15, 0))))
        for s in "RL":
            k = (c[0] + 2, top + 6.0, p.hip(s)[2])
            p.leg_to(s, add(k, mul(d(180), SHIN)), knee=(0, -1, 0), foot=d(184))
            shj = p.shoulder(s)
            p.arm_to(s, (shj[0] + 1, top + R_HAND, shj[2]), elbow=(-1, 0, 0))
        return p

    start = base()
    end = base()
    end.leg("R", d(181), d(181), foot=d(-88))
    end.arm("L", d(4), d(4))
    sc.figure(start, ghost=True)
    sc.figure(end, tints=[("glutes",), ("core",)])
    fx, fy = sc.P(end.legs["R"]["A"])
    sc.curve_arrow((fx + 10, fy + 40), (fx - 8, fy + 30), (fx - 4, fy + 8))
    hx, hy = sc.P(end.arms["L"]["W"])
    sc.curve_arrow((hx - 34, hy + 38), (hx - 12, hy + 36), (hx + 2, hy + 10))
    return sc, "Bird-dog: on hands and knees, one arm reaches forward and the opposite leg back."


@picture
def pallof_press():
    sc = Scene()
    yaw = 50.0  # the figure faces the viewer, turned this far to the picture's right
    f = unit((math.sin(math.radians(yaw)), 0, math.cos(math.radians(yaw))))
    right = cross(f, (0, 1, 0))  # person's right
    right = mul(right, -1.0) if dot(cross((0, 1, 0), right), f) < 0 else right
    cx = 185.0
    anchor = (34.0, 130.0, 30.0)

    def base(push):
        p = Pose(standing_hip(cx, bend=2.0), (0, 1, 0), right=right)
        for s in "RL":
            h = p.hip(s)
            p.leg_to(s, (h[0], ANKLE_H, h[2]), knee=f, foot=f)
        chest = add(add(p.S, mul(p.T, -14)), mul(p.f, 14 + push))
        for s in "RL":
            p.arm_to(s, add(chest, mul(p.r, 2.0 * p.side(s))), elbow=mul(p.T, -1.0))
        return p

    start = base(0)
    end = base(38)
    sc.figure(start, ghost=True)
    sc.figure(end, tints=[("core",)])
    # anchor post and band
    sc.box(22, 34, 0, 185, depth=-300, fill=MACHINE, top=shade(MACHINE, 1.2))
    hand = lerp(end.arms["R"]["W"], end.arms["L"]["W"], 0.5)
    sc.band_path([anchor, hand], depth=sc.depth(hand) + 5)
    sc.band_path([anchor, lerp(start.arms["R"]["W"], start.arms["L"]["W"], 0.5)], depth=-49, colour=shade(BAND, 1.6))
    sc.disc(anchor, 4, METAL_DARK, -290)
    sx, sy = sc.P(lerp(start.arms["R"]["W"], start.arms["L"]["W"], 0.5))
    hx, hy = sc.P(hand)
    sc.curve_arrow((sx + 2, sy + 16), ((sx + hx) / 2, sy + 22), (hx + 4, hy + 14))
    return sc, "Pallof press: standing side-on to a band anchored at chest height, pressing the hands straight out."


@picture
def wall_sit():
    sc = Scene()
    sc.wall(70, 84)
    c = (84 + 2 + TORSO_LOW[1] + 0.5, 52.0, 0.0)
    p = Pose(c, d(90))
    p.leg_to("R", flat_ankle(140), knee=(1, 0.2, 0))
    p.leg_to("L", flat_ankle(139, z=-HIP_HALF), knee=(1, 0.2, 0))
    for s in "RL":
        shj = p.shoulder(s)
        p.arm_to(s, (c[0] + 14, c[1] + 4, shj[2] * 1.15), elbow=(-1, -0.3, 0))
    sc.figure(p, tints=[("thigh", "R", "front")])
    return sc, "Wall sit: back against the wall, knees bent above a right angle, feet a foot-length forward."


@picture
def spanish_squat():
    sc = Scene()
    post_x = 262.0
    sc.box(post_x - 6, post_x + 6, 0, 150, depth=-300, fill=MACHINE, top=shade(MACHINE, 1.2))
    sc.box(post_x - 22, post_x + 22, 0, 5, depth=-299, fill=MACHINE, top=shade(MACHINE, 1.2))
    ank = flat_ankle(150)
    knee = (153.0, ANKLE_H + SHIN - 0.2, 0.0)
    c = add(knee, mul(d(168), THIGH))
    p = Pose(c, d(82), head=d(88))
    p.leg_to("R", ank, knee=(1, 0, 0))
    p.leg_to("L", add(ank, (-1, 0, -HIP_HALF)), knee=(1, 0, 0))
    for s in "RL":
        p.arm("R" if s == "R" else "L", d(-8 if s == "R" else -4), d(2))
    sc.figure(p, tints=[("thigh", "R", "front")])
    k = p.legs["R"]["K"]
    behind = add(k, (-5.0, -6.0, 8.0))
    sc.band_path([(post_x - 6, k[1] - 2, 8.0), behind], colour=STRAP, width=4.5, depth=sc.depth(k) + 20)
    sc.band_path([(post_x - 6, k[1] - 9, 8.0), add(behind, (-0.5, -2, 0))], colour=shade(STRAP, 0.85), width=3, depth=sc.depth(k) + 19)
    return sc, "Spanish squat: a strap behind the knees tied to a post, sitting back with upright shins."


@picture
def decline_squat():
    sc = Scene()
    x0, x1 = 112.0, 182.0
    slope = math.radians(25)
    high = (x1 - x0) * math.tan(slope)
    sc.add(-100, f'<path d="{poly_path([sc.P((x0, 0, 0)), sc.P((x1, 0, 0)), sc.P((x0, high, 0))])}" fill="{WOOD}" stroke="{OUT}" stroke-width="{SW}" stroke-linejoin="round"/>')
    sc.box(198, 208, 0, 112, depth=-300, fill=MACHINE, top=shade(MACHINE, 1.2))
    fd = d(-25)
    up = cross((0, 0, 1), fd)
    contact_x = 143.0
    contact = (contact_x, (x1 - contact_x) * math.tan(slope), 0.0)
    a = ankle_on_slope(contact, fd, up, along=4.0)

    def pose(c, tdir, free):
        p = Pose(c, tdir)
        p.leg_to("R", a, knee=(1, 0, 0), foot=fd)
        p.leg_to("L", free, knee=(1, 0.3, 0), foot=d(-25))
        p.arm_to("R", (197.0 - R_HAND + 1.5, p.S[1] - 16, 8), elbow=(0, -1, 0))
        p.arm_to("L", (p.C[0] + 8, p.C[1] - 2, -SH_HALF * 1.15), elbow=(-1, 0, 0))
        return p

    start = pose((a[0] - 2, a[1] + SHIN + THIGH - 1.0, 0.0), d(90), add(a, (16, 8, -HIP_HALF)))
    end = pose((a[0] - 10, a[1] + 62, 0.0), d(80), add(a, (34, 8, -HIP_HALF)))
    sc.figure(start, ghost=True)
    sc.figure(end, tints=[("thigh", "R", "front")])
    hx, hy = sc.P(end.C)
    sc.curve_arrow((hx - 26, hy - 56), (hx - 38, hy - 30), (hx - 24, hy - 6))
    return sc, "Decline squat: standing on a 25-degree decline board, slowly bending the knee (start faint)."


@picture
def hsr_leg_press():
    sc = Scene()
    rail = d(42)
    seat = (95.0, 34.0, 0.0)
    # machine frame
    sc.box(40, 300, 0, 8, depth=-300, fill=MACHINE, top=shade(MACHINE, 1.2))
    back_lo, back_hi = (100.0, 24.0, 0.0), (36.0, 94.0, 0.0)
    sc.outlined_line(back_lo, back_hi, PAD, 14, -250)
    sc.outlined_line((92, 8, 0), (112, 24, 0), MACHINE, 8, -260)
    hip = (106.0, 36.0, 0.0)
    t = unit(sub(back_hi, back_lo))
    t_dir = unit(add(t, (0.03, 0, 0)))
    c = add(hip, mul(cross(t_dir, (0, 0, 1)), -1.0))
    rail_start = add(hip, mul(d(33), 60.0))

    def pose(dist):
        p = Pose(c, t_dir, head=unit(add(t_dir, (0.25, 0, 0))))
        a = add(rail_start, mul(rail, dist))
        p.leg_to("R", a, knee=(-0.4, 1, 0), foot=d(132))
        p.leg_to("L", add(a, (0, 0, -HIP_HALF)), knee=(-0.4, 1, 0), foot=d(132))
        for s in "RL":
            shj = p.shoulder(s)
            p.arm_to(s, add(p.C, (14, 4, shj[2] * 1.2)), elbow=(-0.5, 1, 0))
        return p

    # how far the platform travels: legs nearly straight at the top
    travel = 0.0
    while length(sub(add(rail_start, mul(rail, travel + 1)), add(c, (0, 0, HIP_HALF)))) < THIGH + SHIN - 5:
        travel += 1
    end = pose(0.0)
    start = pose(travel)

    def platform(a):
        n = rail
        centre = add(a, mul(n, ANKLE_H + 2.5))
        side = cross((0, 0, 1), n)
        p0 = add(centre, mul(side, 22))
        p1 = add(centre, mul(side, -18))
        return p0, p1, centre

    rail_a = add(rail_start, mul(rail, -10))
    rail_b = add(rail_start, mul(rail, travel + 60))
    sc.outlined_line(add(rail_a, (10, -14, 0)), add(rail_b, (10, -14, 0)), MACHINE, 8, -280)
    sc.outlined_line((rail_a[0] + 10, 0, 0), add(rail_a, (10, -14, 0)), MACHINE, 8, -281)
    for a, dep, ghost in ((start.legs["R"]["A"], -55, True), (end.legs["R"]["A"], -20, False)):
        p0, p1, centre = platform(a)
        s = (
            f'<path d="{capsule_path(sc.P(p0), 3.5, sc.P(p1), 3.5)}" fill="{METAL_DARK}" stroke="{OUT}" stroke-width="{SW}"/>'
        )
        plate_c = add(centre, mul(rail, 16))
        s += f'<circle cx="{f2(sc.P(plate_c)[0])}" cy="{f2(sc.P(plate_c)[1])}" r="15" fill="{METAL}" stroke="{OUT}" stroke-width="{SW}"/>'
        s += f'<circle cx="{f2(sc.P(plate_c)[0])}" cy="{f2(sc.P(plate_c)[1])}" r="3.5" fill="{METAL_DARK}"/>'
        if ghost:
            s = f'<g opacity="{GHOST_OPACITY}">{s}</g>'
        sc.add(dep, s)
    sc.figure(start, ghost=True)
    sc.figure(end, tints=[("thigh", "R", "front"), ("glutes",)])
    ax_, ay_ = sc.P(end.legs["R"]["A"])
    bx_, by_ = sc.P(start.legs["R"]["A"])
    sc.curve_arrow((bx_ + 18, by_ + 14), ((ax_ + bx_) / 2 + 24, (ay_ + by_) / 2 + 14), (ax_ + 22, ay_ + 16))
    return sc, "Heavy slow leg press: back on the pad, lowering the platform until the knees are about a right angle."


def front_figure(x, yaw=0.0):
    """A standing figure facing the viewer (turned `yaw` degrees to the picture's right)."""
    f = unit((math.sin(math.radians(yaw)), 0, math.cos(math.radians(yaw))))
    right = cross(f, (0, 1, 0))
    return Pose(standing_hip(x, bend=1.0), (0, 1, 0), right=right)


@picture
def banded_hip_abduction():
    sc = Scene(elev=8, zfront=10)
    sc.wall(86, 98)
    cx = 165.0

    def pose(abduct):
        p = front_figure(cx)
        hr, hl = p.hip("R"), p.hip("L")
        p.leg_to("R", (hr[0] - 1, ANKLE_H, hr[2]), knee=(0, 0, 1), foot=(0, 0, 1))
        p.leg("L", d(-90 + abduct), d(-90 + abduct), foot=(0.1, 0, 1))
        shr = p.shoulder("R")
        p.arm_to("R", (99.0 + R_HAND, shr[1] - 20, 0), elbow=(0, -1, -0.3))
        p.arm_to("L", add(hl, (9, 4, 0)), elbow=(1, 0, -0.5))
        return p

    start = pose(2)
    end = pose(24)
    sc.figure(start, ghost=True)
    sc.figure(end, tints=[("thigh", "L", "lateral", 0.7)])
    ar, al = end.legs["R"]["A"], end.legs["L"]["A"]
    sc.band_path([add(ar, (0, 3, 6)), add(al, (0, 3, 6))], depth=50)
    sc.band_path([add(ar, (0, -1, 6)), add(al, (0, -1, 6))], depth=50)
    hx, hy = sc.P(end.hip("L"))
    fx, fy = sc.P(al)
    r = math.hypot(fx - hx, fy - hy) + 12
    sc.arc_arrow((hx, hy), r, 88, 60)
    return sc, "Standing banded hip abduction: band round the ankles, the outside leg pushed out to the side."


@picture
def step_down():
    sc = Scene(elev=10, zfront=30)
    yaw = 35.0
    top = 20.0
    sc.box(95, 165, 0, top, z0=-30, z1=30)
    cx = 150.0

    def pose(drop):
        p = front_figure(cx, yaw)
        p.C = (cx, ANKLE_H + THIGH + SHIN + top - 1 - drop, 0.0)
        p = Pose(p.C, (0, 1, 0), right=p.r)
        hr = p.hip("R")
        stance = (hr[0] - 5, top + ANKLE_H, hr[2])
        p.leg_to("R", stance, knee=p.f, foot=p.f)
        hl = p.hip("L")
        free = (hl[0] + 14, max(hl[1] - THIGH - SHIN + 2, ANKLE_H + 2), hl[2] + 4)
        p.leg_to("L", free, knee=p.f, foot=add(p.f, (0, -0.35, 0)))
        for s in "RL":
            h = p.hip(s)
            p.arm_to(s, add(h, (p.side(s) * -10, 6, 12)), elbow=mul(p.r, p.side(s)))
        return p

    start = pose(0)
    end = pose(22)
    sc.figure(start, ghost=True)
    sc.figure(end, tints=[("thigh", "R", "front"), ("abductor_hip", "R")])
    fx, fy = sc.P(end.legs["L"]["A"])
    sx, sy = sc.P(start.legs["L"]["A"])
    sc.curve_arrow((sx + 16, sy - 6), (sx + 26, (sy + fy) / 2), (fx + 14, fy + 2))
    return sc, "Side step-down: standing on a low step, bending the standing knee to lower the free heel to the floor."


@picture
def side_plank():
    sc = Scene(elev=20, zfront=34)
    sc.mat(30, 290, z0=-28, z1=34)
    top = 4.0
    elbow = (95.0, top + R_FORE[1] + 0.5, 6.0)

    def pose(lift):
        sh = add(elbow, (0, UPPER, -4))
        ankle = (250.0, top + 5.0, 0.0)
        if lift:
            s_centre = add(sh, (0, SH_HALF - 1, 0))
            u = unit(sub(s_centre, ankle))
            c = sub(s_centre, mul(u, TORSO))
        else:
            c = (95.0 + TORSO, top + 14.0, 0.0)
            s_centre = add(sh, (0, SH_HALF - 1, 0))
            u = unit(sub(s_centre, c))
        p = Pose(c, u, right=(0, -1, 0), head=unit(add(u, (0, 0.05, 0))))
        legdir = unit(sub(ankle, p.hip("R")))
        p.leg("R", legdir, legdir, foot=(0.2, 0, 1))
        p.leg("L", unit(sub(add(ankle, (2, 3, 0)), p.hip("L"))), unit(sub(add(ankle, (2, 3, 0)), p.hip("L"))), foot=(0.2, 0, 1))
        p.arm_to("R", add(elbow, (4, 0, 24)), elbow=(0, -1, 0))
        p.arms["R"]["E"] = elbow
        p.arms["R"]["S"] = p.shoulder("R")
        p.arms["R"]["E"] = add(p.arms["R"]["S"], mul(unit(sub(elbow, p.arms["R"]["S"])), UPPER))
        p.arms["R"]["W"] = add(p.arms["R"]["E"], mul(unit((0.15, 0, 1)), FORE))
        p.arm("L", d(95), d(95))
        return p

    start = pose(False)
    end = pose(True)
    sc.figure(start, ghost=True, ghost_depth=-5)
    sc.figure(end, tints=[("core",), ("abductor_hip", "R")])
    hx, hy = sc.P(end.C)
    sx, sy = sc.P(start.C)
    sc.curve_arrow((hx + 2, hy - 20), (hx - 6, hy - 32), (hx + 4, hy - 46))
    return sc, "Side plank: on one forearm and the side of the feet, hips lifted into a straight line (start faint)."


@picture
def leg_swings():
    sc = Scene()
    sc.backdrop(52, 268)
    cx = 150.0

    def pose(swing):
        p = Pose(standing_hip(cx, bend=0.5), d(90))
        p.leg_to("L", flat_ankle(cx + 2, z=-HIP_HALF), knee=(1, 0, 0))
        p.leg("R", d(-90 + swing), d(-90 + swing - (14 if swing > 0 else 0)), foot=d(swing * 0.6))
        p.arm_to("L", (cx + 36, 132, -40), elbow=(0, -1, -1))
        p.arm_to("R", (cx - 4, 96, SH_HALF * 1.2), elbow=(1, 0, 1))
        return p

    back = pose(-28)
    front = pose(52)
    sc.figure(back, ghost=True)
    sc.figure(front, tints=[("thigh", "R", "full")])
    hx, hy = sc.P(front.C)
    sc.arc_arrow((hx, hy), 98, 118, 48)
    return sc, "Leg swings: standing side-on to a wall, one hand on it, the outside leg swinging forwards and back."


@picture
def hip_circles():
    sc = Scene()
    sc.backdrop(52, 268)
    cx = 145.0
    p = Pose(standing_hip(cx, bend=0.5), d(90))
    p.leg_to("L", flat_ankle(cx + 2, z=-HIP_HALF), knee=(1, 0, 0))
    p.leg("R", d(-2, 20), d(-95), foot=d(-40))
    p.arm_to("L", (cx + 36, 132, -40), elbow=(0, -1, -1))
    p.arm_to("R", (cx - 4, 96, SH_HALF * 1.2), elbow=(1, 0, 1))
    sc.figure(p, tints=[("hip_front", "R"), ("glutes",)])
    kx, ky = sc.P(p.legs["R"]["K"])
    sc.ellipse_arrow((kx - 6, ky + 2), 22, 14, -150, 170)
    return sc, "Standing hip circles: one hand on the wall, knee lifted to hip height and drawn round in a circle."


@picture
def high_knee_march():
    sc = Scene()
    cx = 150.0
    toe_fd = d(-42)
    a = tiptoe_ankle(cx + 14, 0.0, toe_fd, z=-HIP_HALF)
    p = Pose((a[0] - 3, a[1] + THIGH + SHIN - 1.0, 0.0), d(90))
    p.leg_to("L", a, knee=(1, 0, 0), foot=toe_fd)
    p.leg("R", d(-2), d(-95), foot=d(-30))
    p.arm("L", d(-62), d(22))
    p.arm("R", d(-118), d(-35))
    sc.figure(p, tints=[("hip_front", "R"), ("thigh", "R", "front", 0.5), ("shin", "L", "back")])
    kx, ky = sc.P(p.legs["R"]["K"])
    sc.curve_arrow((kx + 4, ky + 44), (kx + 16, ky + 24), (kx + 12, ky + 10))
    return sc, "High-knee march: standing tall on the toes of one foot, the other knee lifted to hip height."


@picture
def stretch_hamstring():
    sc = Scene()
    sc.mat(30, 290)
    top = 4.0
    c = (150.0, top + 11.0, 0.0)
    p = Pose(c, (-1, 0, 0), head=(-1, 0.06, 0))
    p.leg("L", (1, -0.02, 0), (1, -0.02, 0), foot=d(85))
    raise_dir = d(72)
    p.leg("R", raise_dir, raise_dir, foot=d(72 - 90 + 180))
    heel, toe = p.foot_points("R")
    sole = add(lerp(heel, toe, 0.55), mul(raise_dir, 4.5))
    for s in "RL":
        shj = p.shoulder(s)
        hand = lerp(shj, sole, 0.5)
        hand = add(hand, (0, 0, -shj[2] * 0.3))
        p.arm_to(s, (hand[0] - 6, hand[1], hand[2]), elbow=(-1, -0.2, 0))
    sc.figure(p, tints=[("thigh", "R", "back")])
    for s, dep in (("L", -10), ("R", 40)):
        w = p.arms[s]["W"]
        sc.band_path([w, add(sole, (0, 0, w[2] * 0.3))], colour=STRAP, width=3, depth=dep)
    sx, sy = sc.P(sole)
    sc.curve_arrow((sx + 30, sy + 26), (sx + 30, sy - 6), (sx + 6, sy - 16))
    return sc, "Hamstring stretch: lying on the back, one straight leg raised with a strap round the foot."


@picture
def stretch_quad():
    sc = Scene()
    sc.wall(206, 218)
    cx = 150.0
    p = Pose(standing_hip(cx, bend=0.5), d(91))
    p.leg_to("L", flat_ankle(cx + 2, z=-HIP_HALF), knee=(1, 0, 0))
    p.leg("R", d(-95), d(103), foot=d(165))
    p.separate["legR"] = ["thigh", "shin", "foot"]
    ank = p.legs["R"]["A"]
    p.arm_to("R", add(add(ank, mul(p.legs["R"]["fd"], 4.0)), (0, -1, 7)), elbow=(-1, -0.3, 0.6))
    p.arm_to("L", (205.0 - R_HAND, p.S[1] - 6, -10), elbow=(0, -1, 0))
    sc.figure(p, tints=[("thigh", "R", "front"), ("hip_front", "R")])
    return sc, "Standing quadriceps stretch: one hand on the wall, the other holding the ankle, heel to the bottom."


@picture
def stretch_hip_flexor():
    sc = Scene()
    sc.mat(40, 280)
    top = 4.0
    c = (142.0, top + 6.0 + THIGH - 1.5, 0.0)
    p = Pose(c, d(92))
    back_knee = (122.0, top + 6.0, HIP_HALF)
    p.leg("R", unit(sub(back_knee, p.hip("R"))), d(182), foot=d(188))
    p.leg_to("L", flat_ankle(190, z=-HIP_HALF, surface=top), knee=(1, 0.5, 0))
    for s in "RL":
        p.arm_to(s, (c[0] + 2, c[1] + 8, p.shoulder(s)[2] * 1.25), elbow=(-1, 0, 0))
    sc.figure(p, tints=[("thigh", "R", "front"), ("hip_front", "R")])
    hx, hy = sc.P(p.C)
    sc.curve_arrow((hx + 22, hy - 46), (hx + 34, hy - 52), (hx + 48, hy - 46))
    return sc, "Kneeling hip flexor stretch: back knee on the mat, front foot flat, pelvis tucked under."


@picture
def foam_roll_it_band():
    sc = Scene(elev=20, zfront=34)
    sc.mat(30, 290, z0=-28, z1=34)
    top = 4.0
    roller_c = (172.0, top + 8.0, 0.0)
    elbow = (88.0, top + R_FORE[1] + 0.5, 6.0)

    def pose(dx):
        c = (172.0 - 16 + dx, roller_c[1] + 8 + 7.5 + HIP_HALF, 0.0)
        sh = add(elbow, (2, UPPER - 2, -4))
        s_centre = add(sh, (0, SH_HALF - 1, 0))
        u = unit(sub(s_centre, c))
        p = Pose(c, u, right=(0, -1, 0), head=unit(add(u, (0, 0.1, 0))))
        hr = p.hip("R")
        leg_dir = unit(sub((hr[0] + 86, top + 9, 0), hr))
        p.leg("R", leg_dir, leg_dir, foot=(0.2, 0, 1))
        hl = p.hip("L")
        p.leg_to("L", (hl[0] + 20, ANKLE_H + top, 30), knee=(0.4, 0.7, 0.5), foot=(0.6, -0.1, 0.8))
        p.arms["R"] = {"S": p.shoulder("R")}
        p.arms["R"]["E"] = add(p.arms["R"]["S"], mul(unit(sub(elbow, p.arms["R"]["S"])), UPPER))
        p.arms["R"]["W"] = add(p.arms["R"]["E"], mul(unit((0.2, 0, 1)), FORE))
        p.arm_to("L", (p.S[0] + 18, top + R_HAND, 26), elbow=(0.3, 1, -0.3))
        return p

    p = pose(0)
    # the roller, seen end-on, under the outer thigh
    sc.roller(roller_c, 8.0, 24.0, sc.depth(p.hip("R")) - 1)
    sc.figure(p, tints=[("thigh", "R", (0, -1, 0))])
    hx, hy = sc.P(p.hip("R"))
    kx, ky = sc.P(p.legs["R"]["K"])
    sc.curve_arrow((hx + 4, hy - 24), ((hx + kx) / 2 + 4, (hy + ky) / 2 - 30), (kx - 8, ky - 22), both=True)
    return sc, "Foam rolling the outer thigh: side-lying on a roller, top foot on the floor in front, forearm support."


@picture
def stretch_calf():
    sc = Scene()
    sc.wall(240, 252)
    c = (160.0, ANKLE_H + THIGH + SHIN - 4, 0.0)
    p = Pose(c, d(72), head=d(78))
    p.leg_to("L", flat_ankle(196, z=-HIP_HALF), knee=(1, 0.2, 0))
    p.leg_to("R", flat_ankle(102), knee=(1, 0, 0), foot=d(0))
    for s in "RL":
        shj = p.shoulder(s)
        p.arm_to(s, (239.0 - R_HAND, shj[1] + 8, shj[2] * 1.0), elbow=(0, -1, 0))
    sc.figure(p, tints=[("shin", "R", "back")])
    return sc, "Wall calf stretch: hands on the wall, front knee bent, back leg straight with the heel down."


def main():
    wanted = sys.argv[1:] or list(PICTURES)
    for name in wanted:
        sc, comment = PICTURES[name]()
        with open(os.path.join(HERE, f"{name}.svg"), "w", encoding="utf-8") as fh:
            fh.write(sc.svg(comment))
    print(f"wrote {len(wanted)} SVG files to {HERE}")


if __name__ == "__main__":
    main()
