"""The ruled lines a PDF draws around its table cells, and the row bands they make.

Word processors (LibreOffice, Word) draw a table's grid as path objects: stroked lines, thin filled
rectangles (one side under `THIN` points) or stroked boxes (a cell's frame). The text of a cell that
wraps stands on several baselines, and from the words alone a wrapped label (`2e BA –` / `JR`,
`1e` / `aanpassing` / `BA`) cannot be told from the label of the next row. The rules tell: the text
between two horizontal rules of a table is one row (a *band*), and the vertical rules crossing it
are its cells' edges (`model.Band`). The parser reads a table's rows by band where it has them
(`parse.tables`); a page without rules, or text outside a ruled grid, gets no band.

Only path objects are read (a few PDFium calls each, only on pages with a row of numbers), and
form XObjects are looked into with their matrix applied, so the cost stays a small share of
reading the text. Filled rectangles that are not thin are cell shading, not rules; curves are no rules.
"""

from __future__ import annotations

import ctypes
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

from ..model import Band

THIN = 4.0  # points: a rule is thinner than this (PDFium counts the line width in: a 1 pt line is 2 pt) ...
LONGER = 4.0  # ... and longer than this
TOUCH = 2.0  # points: rule pieces this close on one line are one rule; an edge this near a word still frames it
MIDDLE = 0.3  # a row's middle: this many font sizes above its baseline
FORM_DEPTH = 4  # form XObjects nested deeper than this are not looked into
BOX_SEGMENTS = (4, 5)  # a stroked rectangle: a move and three or four lines (the fourth may be a close)

Matrix = tuple[float, float, float, float, float, float]
# A row's band: (top, bottom, left) of the rules around it, and the x of its cells' edges.
BandKey = tuple[tuple[float, float, float], tuple[float, ...]]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@dataclass
class Rules:
    """A page's rules: horizontal ones as (y, x0, x1), vertical ones as (x, y0, y1), in PDF points (y up)."""

    horizontal: list[tuple[float, float, float]]
    vertical: list[tuple[float, float, float]]

    def __bool__(self) -> bool:
        return bool(self.horizontal) and len(self.vertical) >= 2


def read_rules(page: object) -> Rules:
    """Every rule drawn on a PDFium page (`FPDF_PAGE`), rule pieces on one line joined."""
    horizontal: list[tuple[float, float, float]] = []
    vertical: list[tuple[float, float, float]] = []
    objects = [pdfium_c.FPDFPage_GetObject(page, k) for k in range(pdfium_c.FPDFPage_CountObjects(page))]
    _collect(objects, IDENTITY, horizontal, vertical, 0)
    return Rules(_joined(horizontal), _joined(vertical))


_L, _B, _R, _T = (ctypes.c_float() for _ in range(4))
_FILL, _STROKE = ctypes.c_int(), ctypes.c_int()
_MATRIX = pdfium_c.FS_MATRIX()


def _collect(objects: Sequence[object], matrix: Matrix, horizontal: list[tuple[float, float, float]],
             vertical: list[tuple[float, float, float]], depth: int) -> None:  # fmt: skip
    for obj in objects:
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < FORM_DEPTH:
            inner = _times(_form_matrix(obj), matrix)
            children = [pdfium_c.FPDFFormObj_GetObject(obj, k) for k in range(pdfium_c.FPDFFormObj_CountObjects(obj))]
            _collect(children, inner, horizontal, vertical, depth + 1)
            continue
        if kind != pdfium_c.FPDF_PAGEOBJ_PATH or not pdfium_c.FPDFPageObj_GetBounds(obj, _L, _B, _R, _T):
            continue
        left, bottom, right, top = _box(matrix, _L.value, _B.value, _R.value, _T.value)
        width, height = right - left, top - bottom
        if min(width, height) < THIN and max(width, height) > LONGER:  # a line or a thin bar, stroked or filled
            if width >= height:
                horizontal.append(((bottom + top) / 2, left, right))
            else:
                vertical.append(((left + right) / 2, bottom, top))
        elif min(width, height) >= THIN and _stroked_box(obj):  # a cell's frame: its four sides
            horizontal.extend([(bottom, left, right), (top, left, right)])
            vertical.extend([(left, bottom, top), (right, bottom, top)])


def _stroked_box(obj: object) -> bool:
    """A stroked path with a rectangle's count of segments, straight (shading is filled, not stroked)."""
    if not pdfium_c.FPDFPath_GetDrawMode(obj, _FILL, _STROKE) or not _STROKE.value:
        return False
    if pdfium_c.FPDFPath_CountSegments(obj) not in BOX_SEGMENTS:
        return False
    # The segment after the move: a line in a rectangle, a curve in a circle (also a move and four segments).
    return bool(
        pdfium_c.FPDFPathSegment_GetType(pdfium_c.FPDFPath_GetPathSegment(obj, 1)) == pdfium_c.FPDF_SEGMENT_LINETO
    )


def _form_matrix(obj: object) -> Matrix:
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, _MATRIX):
        return IDENTITY
    m = _MATRIX
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _times(inner: Matrix, outer: Matrix) -> Matrix:
    """`inner` then `outer` (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _box(matrix: Matrix, left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
    """A box through a matrix: the bounds of its four corners."""
    if matrix == IDENTITY:
        return left, bottom, right, top
    a, b, c, d, e, f = matrix
    xs = [a * x + c * y + e for x in (left, right) for y in (bottom, top)]
    ys = [b * x + d * y + f for x in (left, right) for y in (bottom, top)]
    return min(xs), min(ys), max(xs), max(ys)


def _joined(rules: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Pieces of one rule (a cell's side each, as some writers draw them) joined: same line, touching."""
    lines: list[list[tuple[float, float, float]]] = []  # rules on one line (within TOUCH / 2 of its first)
    for rule in sorted(rules):
        if lines and rule[0] - lines[-1][0][0] <= TOUCH / 2:
            lines[-1].append(rule)
        else:
            lines.append([rule])
    joined: list[tuple[float, float, float]] = []
    for line in lines:
        at = line[0][0]
        pieces = sorted((start, end) for _, start, end in line)
        start, end = pieces[0]
        for piece_start, piece_end in pieces[1:]:
            if piece_start > end + TOUCH:
                joined.append((at, start, end))
                start = piece_start
            end = max(end, piece_end)
        joined.append((at, start, end))
    return joined


# --------------------------------------------------------------------------- bands


@dataclass
class Placed:
    """What the bands need of a rebuilt line: its baseline, font size and the x of its first and last word."""

    y: float
    size: float
    left: float
    right: float


def bands(rows: Sequence[Placed], rules: Rules) -> list[BandKey | None]:
    """For each row, the band it stands in: ((top, bottom, left) of the band, the x of its cells' edges),
    or None where the row is not inside a ruled grid of two cells or more (a separator line, a boxed paragraph)."""
    horizontal = sorted(rules.horizontal)
    heights = [rule[0] for rule in horizontal]
    edges_of: dict[tuple[float, float, float], tuple[float, ...]] = {}  # a band's edges, found once
    found: list[BandKey | None] = []
    low, high = min(rule[1] for rule in rules.vertical), max(rule[2] for rule in rules.vertical)
    for row in rows:
        middle = row.y + MIDDLE * row.size
        if not low <= middle <= high:  # above or below every grid (prose, headings): cheap
            found.append(None)
            continue
        above = bisect_right(heights, middle)
        top = next((horizontal[k] for k in range(above, len(horizontal)) if _covers(horizontal[k], row)), None)
        below = bisect_left(heights, middle) - 1
        bottom = next((horizontal[k] for k in range(below, -1, -1) if _covers(horizontal[k], row)), None)
        if top is None or bottom is None:
            found.append(None)
            continue
        key = (top[0], bottom[0], top[1])
        edges = edges_of.get(key)
        if edges is None:
            edges = edges_of[key] = tuple(sorted({round(x, 1) for x, y0, y1 in rules.vertical
                                                  if y0 - TOUCH <= middle <= y1 + TOUCH
                                                  and top[1] - TOUCH <= x <= top[2] + TOUCH}))  # fmt: skip
        inside = len(edges) >= 3 and edges[0] <= row.left + TOUCH and row.right <= edges[-1] + TOUCH
        found.append((key, edges) if inside else None)
    return found


def _covers(rule: tuple[float, float, float], row: Placed) -> bool:
    return rule[1] - TOUCH <= row.left and row.right <= rule[2] + TOUCH


def band_objects(keys: list[BandKey | None], page: int,
                 first: int) -> list[Band | None]:  # fmt: skip
    """One `Band` per distinct band of a page, numbered on from `first` (unique in the document)."""
    made: dict[tuple[float, float, float], Band] = {}
    out: list[Band | None] = []
    for key in keys:
        if key is None:
            out.append(None)
            continue
        band = made.get(key[0])
        if band is None:
            band = made[key[0]] = Band(first + len(made), page, key[1])
        out.append(band)
    return out
