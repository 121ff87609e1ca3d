"""Numbers written the Flemish way, 1.581.119 and 98,8: the one formatter of every layer (audit messages,
exports, the dashboard, the CLI, the generator). It imports nothing of begroot, so any step may use it."""

from __future__ import annotations

DUTCH = (".", ",")  # thousands, decimal point
ENGLISH = (",", ".")


def format_number(value: float, decimals: int = 0, trim: bool = False, separators: tuple[str, str] = DUTCH) -> str:
    """`value` with `decimals` decimals and its thousands grouped: 1581119 -> '1.581.119', 98.76 (1) -> '98,8'.

    `trim`: as precise as the value is, up to `decimals`: no trailing zeros, a whole number without
    decimals (1234.50 -> '1.234,5', 12.0 -> '12').
    """
    if trim and float(value).is_integer():
        value, decimals = int(value), 0
    # An int is grouped as it is: 'f' would go through a float.
    text = f"{value:,}" if isinstance(value, int) and not decimals else f"{value:,.{decimals}f}"
    if trim and decimals:
        text = text.rstrip("0").rstrip(".")
    thousands, point = separators
    return text.replace(",", "\0").replace(".", point).replace("\0", thousands)
