"""The audit: reviewed findings on the samples, and seeded mutations that the audit must catch."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from begroot.audit import Finding, audit_document, audit_documents, audit_file
from begroot.audit.findings import fmt
from begroot.model import Document, Fact
from begroot.parse import extract, parse
from begroot.sources import load_bytes

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
REPORT = SAMPLES / "000_487494d7f3174438.txt"
SLIDES = SAMPLES / "003_99a07576850413ae.txt"
SEED = 20261122


def raw(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def dutch(text: str) -> float:
    return float(text.replace(".", "").replace(",", "."))


def problems(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if not f.verified and f.severity != "info"]


@pytest.fixture(scope="module")
def report_findings() -> list[Finding]:
    return audit_file(REPORT)


@pytest.fixture(scope="module")
def slide_findings() -> list[Finding]:
    return audit_file(SLIDES)


# --------------------------------------------------------------------------- (a) reviewed findings


def _line_with(lines: list[str], needle: str) -> int:
    return next(i + 1 for i, text in enumerate(lines) if needle in text)


def test_report_rates_within_one_printed_unit_are_rounded_differently(report_findings: list[Finding]) -> None:
    """The report's three rates that differ from the table within one unit of their last printed digit are
    `info` "rounded differently", showing the exact value; the report has no error or warning left."""
    lines = raw(REPORT)
    assert not problems(report_findings)
    found = {(f.rule, f.subject, f.context.get("figure")): f for f in report_findings if f.context.get("rounding")}
    # Each expectation recomputes the ratio from the article's table row in the raw text.
    expected = {
        # JB0-1JDB2EA-PA: "bedroeg ... 102% van het beschikbare krediet", but BU 274.683 / BA-JR 270.659 = 101.49%
        ("prose-mismatch", "JB0-1JDB2EA-PA", "102%"): (274683, 270659, 101),
        # JB0-1JDB2EB-WT: "21.135 keuro VAK/VEK of 100,3 %", but 21.135 / 21.055 = 100.38% -> 100,4%
        ("prose-mismatch", "JB0-1JDB2EB-WT", "100,3%"): (21135, 21055, 100.4),
        # JB0-1JDB2AY-IS: "648 keuro VEK of 91,7% benutting", but 648 / 706 = 91.78% -> 91,8% (truncated, not rounded)
        ("prose-mismatch", "JB0-1JDB2AY-IS", "91,7%"): (648, 706, 91.8),
    }
    assert set(found) == set(expected)
    for key, (bu, available, percent) in expected.items():
        finding = found[key]
        assert finding.severity == "info" and "rounded differently" in finding.message
        sentence_line = finding.locations[0]["source_line"]
        assert key[2].replace("%", "") in lines[int(str(sentence_line)) - 1].replace(" %", "%")
        # the two table figures are printed on the article's table lines listed in the finding
        table_text = " ".join(lines[int(str(loc["source_line"])) - 1] for loc in finding.locations[1:])
        assert fmt(bu) in table_text and fmt(available) in table_text
        exact = bu / available * 100
        printed = dutch(key[2].rstrip("%"))
        assert round(exact, 1 if isinstance(percent, float) else 0) == percent != printed
        assert finding.expected == percent and abs(exact - printed) < (0.1 if "," in key[2] else 1)
        decimals = 3 if "," in key[2] else 2  # the exact value, two digits finer than printed
        assert fmt(round(exact, decimals), decimals) + "%" in finding.message


def test_difference_beyond_one_printed_unit_stays_an_error(tmp_path: Path) -> None:
    """In a generated report, each rate claim printed at the other side of its exact value (98% for 98,4%)
    is info "rounded differently"; two units off, an error; an amount thousands of keuro off, an error."""
    import math

    from begroot.testing.corpus import generate, plan
    from begroot.testing.mutations import audit_text, source_lines

    made = generate(plan(0, 3))
    path = tmp_path / f"{made.name}.txt"
    path.write_text(made.text, encoding="utf-8")
    lines = source_lines(path)
    claims = [f for f in audit_text(path)[1] if f.verified and f.context.get("claim") in ("rate", "execution")]
    rate = next(f for f in claims if f.context["claim"] == "rate" and "," not in f.context["figure"]
                and 0.05 < f.numbers[f.context["label"]] % 1 < 0.95)  # fmt: skip
    amount = next(f for f in claims if f.context["claim"] == "execution")
    exact = rate.numbers[rate.context["label"]]
    other_side = math.floor(exact) if rate.actual == math.ceil(exact) else math.ceil(exact)
    cases = [(rate, str(other_side) + "%", "info"), (rate, str(int(rate.actual or 0) + 2) + "%", "error"),
             (amount, fmt((amount.actual or 0) + 3000) + " keuro", "error")]  # fmt: skip
    for finding, replacement, severity in cases:
        line = int(str(finding.locations[0]["source_line"]))
        figure = finding.context["figure"].removesuffix("keuro").removesuffix("%")
        unit = "%" if finding.context["figure"].endswith("%") else " keuro"
        changed = list(lines)
        changed[line - 1] = re.sub(
            rf"(?<![\d.,]){re.escape(figure)}\s*{unit.strip()}", replacement, lines[line - 1], count=1
        )
        assert changed[line - 1] != lines[line - 1]
        path.write_text("\n".join(changed), encoding="utf-8")
        [found] = [
            f for f in audit_text(path)[1] if line in f.lines and f.context.get("offset") == finding.context["offset"]
        ]
        assert (found.rule, found.severity) == ("prose-mismatch", severity), (replacement, found.message)
        assert ("rounded differently" in found.message) == (severity == "info")


def test_slide_findings_are_all_real(slide_findings: list[Finding]) -> None:
    lines = raw(SLIDES)
    [finding] = problems(slide_findings)
    # "Totaal beleidskrediet 11,9 miljoen" for ISE duurzame arbeidsmarkt SE; the slide table row reads
    # BA 2021 11.909 / 12.037, BO 2022 11.988 / 12.116: 11,9 miljoen is the BA 2021 figure, BO 2022 rounds to 12,0.
    statement_line = _line_with(lines, "Totaal beleidskrediet 11,9 miljoen")
    row = next(i for i, text in enumerate(lines) if text.startswith("11.909 12.037"))
    numbers = [dutch(n) for n in lines[row].split()]
    assert numbers[4] == 11988 and round(numbers[4] / 1000, 1) == 12.0 != 11.9 == round(numbers[0] / 1000, 1)
    assert finding.rule == "statement-mismatch" and finding.expected == 11988
    assert statement_line in finding.lines and row + 1 in finding.lines
    assert "11.909" in finding.message


def test_verified_prose_examples(report_findings: list[Finding]) -> None:
    checks = {(f.subject, f.context.get("figure")): f for f in report_findings if f.rule == "prose-check"}
    # 82% <= 292.136 / 356.799 = 81.88%; 64.663 = 356.799 - 292.136; 105,53% quoted with two decimals
    assert checks[("JB0-1JDB2CA-WT", "82%")].verified
    assert checks[("JB0-1JDB2CA-WT", "64.663keuro")].expected == 356799 - 292136
    assert any(figure == "105,53%" for _, figure in checks)


def test_sums_hold_on_samples(report_findings: list[Finding], slide_findings: list[Finding]) -> None:
    sums = {
        "ise-frame-sum",
        "programs-sum-to-total",
        "program-vs-ise-frames",
        "articles-vs-frame",
        "apparatus-vs-articles",
        "evolution-delta",
        "slide-ise-sum",
        "slide-program-sum",
    }
    assert not [f for f in report_findings + slide_findings if f.rule in sums]
    assert any(f.rule == "execution" for f in report_findings)


def test_cross_document_conflict() -> None:
    doc = extract(SLIDES)
    other = extract(SLIDES)
    other.name = "copy"
    first = other.tables[0].facts[0]
    other.tables[0].facts[0] = Fact(**{**first.__dict__, "document": "copy", "value": first.value + 1})
    for table in other.tables:
        table.facts = [Fact(**{**f.__dict__, "document": "copy"}) for f in table.facts]
    conflicts = [f for f in audit_documents([doc, other]) if f.rule == "cross-document-conflict"]
    assert len(conflicts) == 1 and conflicts[0].subject == first.subject


def test_document_without_source_runs() -> None:
    doc: Document = extract(REPORT)
    assert audit_document(doc)


# --------------------------------------------------------------------------- (b) claims, at their own line

# Every execution, budget, available-credit, under-use and change sentence of the report about its
# article (or, in an ISE section, its frame), each figure with its role and whether it agrees with the
# table: (line of the figure, subject, role, figure as printed, agrees). The three that disagree are
# the rates rounded differently above. Sentences about one measure of an article (`het krediet voor de
# maatregel DAC`) or about other years are not claims about the table and are left out on purpose.
# Shares stated with their own amount, of a measure's own budget stated in the prose before (role `share`).
SHARE_CLAIMS = [
    (2361, "JB0-1JDB2CH-WT", "share", "22%", True),  # 1.861 / 8.590 (het beschikbare VAK bedroeg 8.590)
    (2362, "JB0-1JDB2CH-WT", "share", "24%", True),  # 1.696 / 7.025
    (2384, "JB0-1JDB2CH-WT", "share", "101%", True),  # 4.225 / 4.189 (DAC: het krediet bedroeg 4.189 VAK/VEK)
    (2385, "JB0-1JDB2CH-WT", "share", "97%", True),  # 4.068 / 4.189
    (2397, "JB0-1JDB2CH-WT", "share", "82%", True),  # 921 / 1.127 (GESCO)
]
REPORT_CLAIMS = [
    (1868, "JB0-1JDB2CA-WT", "budget", "356.797 keuro", True),
    (1873, "JB0-1JDB2CA-WT", "execution", "292.136 keuro", True),
    (1874, "JB0-1JDB2CA-WT", "difference", "64.663 keuro", True),
    (1874, "JB0-1JDB2CA-WT", "rate", "82%", True),
    (1999, "JB0-1JDB2CB-WT", "budget", "106.502 keuro", True),
    (2000, "JB0-1JDB2CB-WT", "available", "106.803 keuro", True),
    (2004, "JB0-1JDB2CB-WT", "execution", "112.710 keuro", True),
    (2005, "JB0-1JDB2CB-WT", "rate", "105,53%", True),
    (2058, "JB0-1JDB2CD-WT", "budget", "17.263 keuro", True),
    (2063, "JB0-1JDB2CD-WT", "execution", "5.787 keuro", True),
    (2064, "JB0-1JDB2CD-WT", "rate", "33%", True),
    (2127, "JB0-1JDB2CE-WT", "budget", "5.893 keuro", True),
    (2137, "JB0-1JDB2CE-WT", "underuse", "854 keuro", True),
    (2138, "JB0-1JDB2CE-WT", "rate", "86%", True),
    (2211, "JB0-1JDB2CF-WT", "execution", "930 keuro", True),
    (2212, "JB0-1JDB2CF-WT", "rate", "62%", True),
    (2257, "JB0-1JDB2CG-WT", "budget", "57.488 keuro", True),
    (2260, "JB0-1JDB2CG-WT", "execution", "59.716 keuro", True),
    (2260, "JB0-1JDB2CG-WT", "rate", "104%", True),
    (2448, "JB0-1JDB2CJ-WT", "budget", "14.782 keuro", True),
    (2448, "JB0-1JDB2CJ-WT", "budget", "18.562 keuro", True),
    (2467, "JB0-1JDB2CJ-WT", "underuse", "1.586 keuro", True),
    (2467, "JB0-1JDB2CJ-WT", "underuse", "12.612 keuro", True),
    (2520, "JB0-1JDB2CL-IS", "budget", "150 keuro", True),
    (2553, "JB0-1JDB2CX-IS", "budget", "3.379 keuro", True),
    (2559, "JB0-1JDB2CX-IS", "execution", "3.387 keuro", True),
    (2559, "JB0-1JDB2CX-IS", "rate", "100%", True),
    (2594, "JB0-1JDB2CY-IS", "budget", "568.744 keuro", True),
    (2616, "JB0-1JDB2CY-IS", "execution", "568.989 keuro", True),
    (2617, "JB0-1JDB2CY-IS", "execution", "571.389 keuro", True),
    (2617, "JB0-1JDB2CY-IS", "rate", "99%", True),
    (2617, "JB0-1JDB2CY-IS", "rate", "99%", True),
    (2618, "JB0-1JDB2CY-IS", "underuse", "6.324 keuro", True),
    (2649, "JB0-1JDB5CY-IS", "budget", "14.827 keuro", True),
    (2650, "JB0-1JDB5CY-IS", "budget", "15.134 keuro", True),
    (2664, "JB0-1JDB5CY-IS", "execution", "16.208 keuro", True),
    (2664, "JB0-1JDB5CY-IS", "rate", "100%", True),
    (3038, "JD:loopbanen", "budget", "1.949.416 keuro", True),
    (3046, "JD:loopbanen", "execution", "1.933.204 keuro", True),
    (3046, "JD:loopbanen", "execution", "1.934.556 keuro", True),
    (3047, "JD:loopbanen", "rate", "98,8%", True),
    (3208, "JB0-1JDB2EA-PA", "budget", "262.788 keuro", True),
    (3218, "JB0-1JDB2EA-PA", "available", "270.659 keuro", True),
    (3223, "JB0-1JDB2EA-PA", "rate", "102%", False),
    (3267, "JB0-1JDB2EA-WT", "budget", "1.581.119 keuro", True),
    (3270, "JB0-1JDB2EA-WT", "execution", "1.558.020 keuro", True),
    (3271, "JB0-1JDB2EA-WT", "execution", "1.556.668 keuro", True),
    (3271, "JB0-1JDB2EA-WT", "rate", "98%", True),
    (3271, "JB0-1JDB2EA-WT", "rate", "99%", True),
    (3348, "JB0-1JDB2EB-WT", "budget", "21.055 keuro", True),
    (3350, "JB0-1JDB2EB-WT", "execution", "21.135 keuro", True),
    (3350, "JB0-1JDB2EB-WT", "rate", "100,3%", False),
    (3414, "JB0-1JDB2EC-WT", "budget", "29.744 keuro", True),
    (3419, "JB0-1JDB2EC-WT", "available", "29.843 keuro", True),
    (3424, "JB0-1JDB2EC-WT", "execution", "29.216 keuro", True),
    (3424, "JB0-1JDB2EC-WT", "rate", "98%", True),
    (3427, "JB0-1JDB2EC-WT", "underuse", "627 keuro", True),
    (3427, "JB0-1JDB2EC-WT", "underuse-rate", "2%", True),
    (3492, "JB0-1JDB2ED-WT", "budget", "47.388 keuro", True),
    (3497, "JB0-1JDB2ED-WT", "available", "47.546 keuro", True),
    (3502, "JB0-1JDB2ED-WT", "execution", "44.211 keuro", True),
    (3502, "JB0-1JDB2ED-WT", "rate", "93%", True),
    (3505, "JB0-1JDB2ED-WT", "underuse", "3.335 keuro", True),
    (3505, "JB0-1JDB2ED-WT", "underuse-rate", "7%", True),
    (3566, "JB0-1JDB2EE-WT", "budget", "7.322 keuro", True),
    (3569, "JB0-1JDB2EE-WT", "execution", "7.291 keuro", True),
    (3569, "JB0-1JDB2EE-WT", "rate", "99.6%", True),
    (3952, "JD:duurzame-arbeidsmarkt", "budget", "20.288 keuro", True),
    (3952, "JD:duurzame-arbeidsmarkt", "budget", "31.732 keuro", True),
    (4075, "JB0-1JDB2IB-WT", "budget", "22.877 keuro", True),
    (4075, "JB0-1JDB2IB-WT", "budget", "9.447 keuro", True),
    (4079, "JB0-1JDB2IB-WT", "available", "11.239 keuro", True),
    (4079, "JB0-1JDB2IB-WT", "change", "1.792 keuro", True),
    (4090, "JB0-1JDB2IB-WT", "execution", "23.912 keuro", True),
    (4090, "JB0-1JDB2IB-WT", "rate", "101,9%", True),
    (4091, "JB0-1JDB2IB-WT", "execution", "11.076 keuro", True),
    (4091, "JB0-1JDB2IB-WT", "rate", "98,5%", True),
    (4168, "JB0-1JDB2IC-WT", "budget", "8.855 keuro", True),
    (4169, "JB0-1JDB2IC-WT", "budget", "10.841 keuro", True),
    (4173, "JB0-1JDB2IC-WT", "available", "16.101 keuro", True),
    (4187, "JB0-1JDB2IC-WT", "execution", "14.896 keuro", True),
    (4187, "JB0-1JDB2IC-WT", "rate", "93%", True),
    (4188, "JB0-1JDB2IC-WT", "execution", "6.668 keuro", True),
    (4188, "JB0-1JDB2IC-WT", "rate", "62%", True),
    (4276, "JB0-1JDB2IC-WT", "underuse", "1.205 keuro", True),
    (4276, "JB0-1JDB2IC-WT", "underuse", "4.173 keuro", True),
    (4276, "JB0-1JDB2IC-WT", "underuse-rate", "7,5%", True),
    (4277, "JB0-1JDB2IC-WT", "underuse-rate", "38,5%", True),
    (4811, "JB0-9JDBAAE-OW", "execution", "1.008 keuro", True),
    (5063, "JB0-1JDB2AA-WT", "budget", "1.312 keuro", True),
    (5063, "JB0-1JDB2AA-WT", "budget", "1.665 keuro", True),
    (5072, "JB0-1JDB2AA-WT", "execution", "1.226 keuro", True),
    (5072, "JB0-1JDB2AA-WT", "rate", "93,4%", True),
    (5098, "JB0-1JDB2AA-WT", "execution", "1.947 keuro", True),
    (5098, "JB0-1JDB2AA-WT", "rate", "96,4%", True),
    (5219, "JB0-1JDB2AD-WT", "budget", "20.598 keuro", True),
    (5219, "JB0-1JDB2AD-WT", "budget", "27.114 keuro", True),
    (5277, "JB0-1JDB2AD-WT", "execution", "17.469 keuro", True),
    (5278, "JB0-1JDB2AD-WT", "available", "17.514 keuro", True),
    (5278, "JB0-1JDB2AD-WT", "rate", "100%", True),
    (5280, "JB0-1JDB2AD-WT", "available", "35.167 keuro", True),
    (5280, "JB0-1JDB2AD-WT", "rate", "95%", True),
    (5324, "JB0-1JDB4AD-WT", "available", "19.589 keuro", True),
    (5324, "JB0-1JDB4AD-WT", "available", "33.932 keuro", True),
    (5403, "JB0-1JDB2AH-WT", "execution", "1.426 keuro", True),
    (5403, "JB0-1JDB2AH-WT", "execution", "282 keuro", True),
    (5403, "JB0-1JDB2AH-WT", "rate", "98,4%", True),
    (5404, "JB0-1JDB2AH-WT", "rate", "101,4%", True),
    (5450, "JB0-1JDB2AY-IS", "budget", "546 keuro", True),
    (5456, "JB0-1JDB2AY-IS", "execution", "648 keuro", True),
    (5456, "JB0-1JDB2AY-IS", "execution", "694 keuro", True),
    (5456, "JB0-1JDB2AY-IS", "rate", "91,7%", False),
    (5456, "JB0-1JDB2AY-IS", "rate", "98,3%", True),
    (6070, "JF:competenties", "execution", "268.175 keuro", True),
    (6070, "JF:competenties", "execution", "274.245 keuro", True),
    (6071, "JF:competenties", "rate", "100,3%", True),
    (6159, "JB0-1JFB2FB-WT", "budget", "64.955 keuro", True),
    (6166, "JB0-1JFB2FB-WT", "execution", "68.277 keuro", True),
    (6166, "JB0-1JFB2FB-WT", "execution", "68.447 keuro", True),
    (6167, "JB0-1JFB2FB-WT", "rate", "105%", True),
    (6273, "JB0-1JFB2FC-WT", "budget", "1.885 keuro", True),
    (6277, "JB0-1JFB2FC-WT", "execution", "1.799 keuro", True),
    (6277, "JB0-1JFB2FC-WT", "execution", "764 keuro", True),
    (6277, "JB0-1JFB2FC-WT", "rate", "95,4%", True),
    (6278, "JB0-1JFB2FC-WT", "rate", "86,9%", True),
    (6348, "JB0-1JFB2FD-WT", "budget", "4.689 keuro", True),
    (6354, "JB0-1JFB2FD-WT", "underuse", "742 keuro", True),
    (6354, "JB0-1JFB2FD-WT", "underuse-rate", "16%", True),
    (6422, "JB0-1JFB2FE-WT", "budget", "4.783 keuro", True),
    (6426, "JB0-1JFB2FE-WT", "execution", "3.245 keuro", True),
    (6427, "JB0-1JFB2FE-WT", "rate", "68%", True),
    (6525, "JB0-1JFB2FY-IS", "budget", "186.161 keuro", True),
    (6544, "JB0-1JFB2FY-IS", "execution", "188.537 keuro", True),
    (6544, "JB0-1JFB2FY-IS", "rate", "100%", True),
    (6545, "JB0-1JFB2FY-IS", "execution", "195.812 keuro", True),
    (6545, "JB0-1JFB2FY-IS", "rate", "100%", True),
    (6821, "JB0-1JAB2ZZ-LO", "budget", "27.956 keuro", True),
    (6822, "JB0-1JAB2ZZ-LO", "available", "29.458 keuro", True),
    (6843, "JB0-1JAB2ZZ-LO", "execution", "28.381 keuro", True),
    (6843, "JB0-1JAB2ZZ-LO", "rate", "96,3%", True),
    (6844, "JB0-1JAB2ZZ-LO", "execution", "28.464 keuro", True),
    (6844, "JB0-1JAB2ZZ-LO", "rate", "96,6%", True),
    (6845, "JB0-1JAB2ZZ-LO", "underuse", "1.077 keuro", True),
    (6895, "JB0-1JAB4ZZ-LO", "execution", "90 keuro", True),
    (6900, "JB0-1JAB4ZZ-LO", "available", "1.667 keuro", True),
    (6942, "JB0-1JAB2ZZ-WT", "budget", "28.000 keuro", True),
    (6943, "JB0-1JAB2ZZ-WT", "budget", "25.255 keuro", True),
    (6944, "JB0-1JAB2ZZ-WT", "available", "28.334 keuro", True),
    (6944, "JB0-1JAB2ZZ-WT", "available", "28.476 keuro", True),
    (6944, "JB0-1JAB2ZZ-WT", "change", "3.221 keuro", True),
    (6944, "JB0-1JAB2ZZ-WT", "change", "334 keuro", True),
    (6968, "JB0-1JAB2ZZ-WT", "execution", "28.311 keuro", True),
    (6968, "JB0-1JAB2ZZ-WT", "rate", "99,9%", True),
    (6969, "JB0-1JAB2ZZ-WT", "execution", "28.295 keuro", True),
    (6969, "JB0-1JAB2ZZ-WT", "rate", "99,4%", True),
    (7010, "JB0-1JAB4ZZ-WT", "execution", "19 keuro", True),
    (7019, "JB0-1JAB4ZZ-WT", "available", "1.465 keuro", True),
    (7138, "JB0-1JBB2AC-PR", "available", "3.739 keuro", True),
    (7138, "JB0-1JBB2AC-PR", "available", "5.021 keuro", True),
]
# Every Begrotingsinfo statement of the slides: (line, subject, figure, agrees).
SLIDE_STATEMENTS = [
    (157, "JD:activering", "1,2 miljard", True),
    (158, "JD:activering", "18,3 miljoen", True),
    (173, "JE:activering", "520 miljoen", True),
    (174, "JE:activering", "5,5 miljoen", True),
    (238, "JD:loopbanen", "1,7 miljard", True),
    (238, "JD:loopbanen", "57,7 miljoen", True),
    (261, "JF:competenties", "243 miljoen", True),
    (262, "JF:competenties", "2,7 miljoen", True),
    (308, "JD:duurzame-arbeidsmarkt", "13,4 miljoen", True),
    (309, "JD:duurzame-arbeidsmarkt", "15,2 miljoen", True),
    (323, "JE:duurzame-arbeidsmarkt", "11,9 miljoen", False),
    (324, "JE:duurzame-arbeidsmarkt", "0,08 miljoen", True),
    (348, "JD:thema-overschrijdend", "25,8 miljoen", True),
    (348, "JD:thema-overschrijdend", "3,8 miljoen", True),
]


def test_every_claim_of_the_report_is_checked(report_findings: list[Finding]) -> None:
    lines = raw(REPORT)
    found = sorted(
        (int(str(f.locations[0]["source_line"])), f.subject, f.context["claim"],
         f.context["figure"].replace("keuro", " keuro"), f.verified)
        for f in report_findings if f.context.get("claim")
    )  # fmt: skip
    assert found == sorted(REPORT_CLAIMS + SHARE_CLAIMS)
    for line, _, _, figure, _ in REPORT_CLAIMS + SHARE_CLAIMS:  # each figure stands on the line given
        number = figure.removesuffix(" keuro").removesuffix("%")
        assert re.search(rf"(?<![\d.,]){re.escape(number)}(?!\d)", lines[line - 1]), (line, figure)
    roles = {role for _, _, role, _, _ in REPORT_CLAIMS}
    assert {"budget", "available", "execution", "rate", "underuse", "underuse-rate", "difference", "change"} <= roles
    mismatches = [f for f in report_findings if f.context.get("claim") and not f.verified]
    assert mismatches and all(f.rule == "prose-mismatch" for f in mismatches)
    # each is an error, or info when within one printed unit (the three reviewed rates above)
    assert all((f.severity == "info") == (f.context.get("rounding") == "yes") for f in mismatches)


def test_every_statement_of_the_slides_is_checked(slide_findings: list[Finding]) -> None:
    lines = raw(SLIDES)
    found = sorted(
        (int(str(f.locations[0]["source_line"])), f.subject, f.message.split("'")[1], f.verified)
        for f in slide_findings if f.rule.startswith("statement")
    )  # fmt: skip
    assert found == sorted(SLIDE_STATEMENTS)
    for line, _, figure, _ in SLIDE_STATEMENTS:  # the number stands on the line (its unit may wrap to the next)
        assert re.search(rf"(?<![\d,]){re.escape(figure.split()[0])}(?![\d,])", lines[line - 1]), (line, figure)


def test_claims_recompute_from_the_table(report_findings: list[Finding]) -> None:
    """Each verified claim's expected value is what its table's facts give, recomputed here."""
    for finding in (f for f in report_findings if f.context.get("claim") and f.verified):
        role, printed = finding.context["claim"], finding.actual
        if role == "share":  # the amount over the base it is a share of, both printed
            numbers = finding.numbers
            assert round(numbers["amount"] / numbers["base"] * 100) == printed, finding.message
            continue
        values = [v for k, v in finding.numbers.items() if k != "printed"]
        assert len(values) == 1, finding.numbers
        if role in {"rate", "underuse-rate"}:
            decimals = len(finding.context["figure"].rstrip("%").replace(".", ",").partition(",")[2])
            assert round(values[0] + 1e-9, decimals) == pytest.approx(printed), finding.message
        elif role in {"change", "difference"}:
            assert abs(values[0]) == printed, finding.message
        else:
            assert values[0] == printed, finding.message


def _article_lines(code: str) -> tuple[list[str], int]:
    lines = raw(REPORT)
    start = next(i for i, text in enumerate(lines) if text.startswith(code))
    return lines, start


def test_same_figure_in_two_sentences_is_placed_at_its_own_line(tmp_path: Path) -> None:
    # JB0-1JDB2CA-WT: "... bedraagt 292.136 keuro. Dit is 82% of 64.663 keuro minder dan het voorziene
    # budget." Two lines on, a second sentence quotes 64.663 keuro again, wrongly as the execution.
    lines, start = _article_lines("JB0-1JDB2CA-WT")
    first = next(i for i in range(start, len(lines)) if "64.663 keuro minder" in lines[i])
    changed = [*lines[: first + 1], "De uitvoering op dit begrotingsartikel bedraagt dus 64.663 keuro VAK/VEK.",
               *lines[first + 1 :]]  # fmt: skip
    target = tmp_path / REPORT.name
    target.write_text("\n".join(changed) + "\n", encoding="utf-8")
    findings = [
        f for f in audit_file(target) if f.subject == "JB0-1JDB2CA-WT" and f.context.get("figure") == "64.663keuro"
    ]
    by_line = {int(str(f.locations[0]["source_line"])): f for f in findings}
    assert set(by_line) == {first + 1, first + 2}
    assert by_line[first + 1].verified and by_line[first + 1].context["claim"] == "difference"
    wrong = by_line[first + 2]
    assert (wrong.rule, wrong.severity, wrong.context["claim"], wrong.expected) == (
        "prose-mismatch", "error", "execution", 292136)  # fmt: skip
    assert int(wrong.context["offset"]) > int(by_line[first + 1].context["offset"])


def test_marks_follow_the_figure_not_its_text(tmp_path: Path) -> None:
    from begroot.web.marks import by_figure, marked

    lines, start = _article_lines("JB0-1JDB2CA-WT")
    first = next(i for i in range(start, len(lines)) if "64.663 keuro minder" in lines[i])
    changed = [*lines[: first + 1], "De uitvoering op dit begrotingsartikel bedraagt dus 64.663 keuro VAK/VEK.",
               *lines[first + 1 :]]  # fmt: skip
    target = tmp_path / REPORT.name
    target.write_text("\n".join(changed) + "\n", encoding="utf-8")
    doc = extract(target)
    article = doc.article("JB0-1JDB2CA-WT")
    assert article is not None
    rows = [{**f.as_dict(), "id": n} for n, f in enumerate(audit_file(target)) if f.subject == article.code
            and f.rule.startswith("prose")]  # fmt: skip
    html = str(marked(article.explanation, by_figure(rows), set()))
    assert re.findall(r'<mark class="fig (\w+)">64\.663 keuro', html) == ["ok", "bad"]


def test_spans_know_every_line_of_the_prose() -> None:
    doc = extract(REPORT)
    source = raw(REPORT)
    checked = 0
    for article in doc.articles:
        for paragraph in article.explanation_paragraphs:
            assert article.explanation[paragraph.start : paragraph.start + len(paragraph.text)] == paragraph.text
            for sentence in paragraph.sentences:
                assert article.explanation[sentence.start : sentence.start + len(sentence.text)] == sentence.text
                assert paragraph.line <= sentence.line <= sentence.end_line <= paragraph.end_line
                for span in sentence.lines:  # each line's text starts (or goes on) where the span says
                    words = sentence.text[span.offset :].split()
                    assert (words and words[0].rstrip("-") in " ".join(source[span.line - 1].split()) + " ") or words[
                        0
                    ][:3] in source[span.line - 1]
                    checked += 1
    assert checked > 1000


# --------------------------------------------------------------------------- (c) seeded mutations (a fixed subset)


def test_sample_mutations_are_caught_at_their_line(tmp_path: Path) -> None:
    from begroot.testing.mutations import mutate_document

    for path, count in ((REPORT, 12), (SLIDES, 8)):
        outcome = mutate_document(path, random.Random(SEED), count, tmp_path)
        assert outcome.tried["table"] == count
        assert not outcome.missed, outcome.missed
    assert outcome.tried["claim"] == 0  # the slides' statements are tables' figures rounded: see below


def test_every_kind_of_claim_mutation_is_caught(report_findings: list[Finding], tmp_path: Path) -> None:
    from begroot.testing.mutations import audit_text, caught, change_digit, problems

    lines = raw(REPORT)
    before = {(f.finding_id, f.message) for f in problems(report_findings)}
    rng = random.Random(SEED)
    by_role: dict[str, list[Finding]] = {}
    for finding in report_findings:
        if finding.context.get("claim") and finding.verified:
            by_role.setdefault(finding.context["claim"], []).append(finding)
    for role, claims in sorted(by_role.items()):  # one figure of each role, changed by one digit
        finding = rng.choice(claims)
        line = int(str(finding.locations[0]["source_line"]))
        number = finding.context["figure"].removesuffix("keuro").removesuffix("%")
        match = re.search(rf"(?<![\d.,]){re.escape(number)}(?!\d)", lines[line - 1])
        assert match
        changed = list(lines)
        changed[line - 1] = change_digit(lines[line - 1], match.start(), match.end(), rng)
        target = tmp_path / REPORT.name
        target.write_text("\n".join(changed) + "\n", encoding="utf-8")
        assert caught(audit_text(target)[1], before, line), (role, lines[line - 1], changed[line - 1])


def test_generated_document_mutations_are_caught(tmp_path: Path) -> None:
    from begroot.testing.corpus import generate, plan
    from begroot.testing.mutations import mutate_document

    for number in (0, 1):  # a BU report and a BO report
        made = generate(plan(number, 3))
        path = tmp_path / f"{made.name}.txt"
        path.write_text(made.text, encoding="utf-8")
        (tmp_path / "m").mkdir(exist_ok=True)
        outcome = mutate_document(path, random.Random(SEED), 6, tmp_path / "m")
        assert outcome.tried["claim"] == 6
        assert outcome.caught["claim"] == 6, [m for m in outcome.missed if m.kind == "claim"]
        assert not [f for f in outcome.unmutated if f.rule == "prose-mismatch"]


CAUSES = """\
 GB0-1GCF2BA-WT – WERKING EN TOELAGEN
Korte inhoud begrotingsartikel:
Middelen.
Kredietevolutie:
(duizend euro)
VAK VEK
BA 2024 1.000 900
Index 20 18
Compensaties -5 -5
Andere bijstellingen 235 87
BO 2025 1.250 1.000
Inhoudelijke toelichting:
Het krediet steeg met 250 keuro tot 1.250 keuro VAK. De index bedraagt 20 keuro VAK.
Door compensaties daalde het krediet met 7 keuro VAK.
"""


def test_credit_evolution_causes_are_claims_checked_at_their_line() -> None:
    from begroot.sources import load_bytes

    source = load_bytes("causes.txt", CAUSES.encode())
    findings = audit_document(parse(source), source)
    causes = {f.message.split("printed ")[1].split(" keuro")[0]: f for f in findings if "Kredietevolutie" in f.message}
    assert causes["20"].rule == "prose-check" and causes["20"].locations[0]["source_line"] == 13
    wrong = causes["7"]
    assert (wrong.rule, wrong.severity) == ("prose-mismatch", "error") and "compensaties = 5 keuro" in wrong.message
    assert [place["source_line"] for place in wrong.locations] == [14, 9]  # the sentence's line, then the table's


def test_claim_hints_hold_wherever_their_pattern_matches() -> None:
    """A sentence is searched with a claim pattern only when it holds one of the pattern's hints
    (`ClaimWords.hints`): every sentence a pattern matches, in the samples and in generated documents
    of every kind of prose, must hold one, or claims would go unchecked."""
    from begroot.audit.prose import scopes
    from begroot.testing.corpus import fixed_set
    from begroot.vocabulary import VOCABULARY

    claims = VOCABULARY.claims
    docs = [extract(REPORT)] + [parse(load_bytes(f"{made.name}.txt", made.text.encode())) for made in fixed_set(12)]
    sentences = [CAUSES] + [sentence.text for doc in docs for scope in scopes(doc) for paragraph in scope.paragraphs
                            for sentence in paragraph.sentences]  # fmt: skip
    matched = dict.fromkeys(claims.hints, 0)
    for name, words in claims.hints.items():
        for text in sentences:
            if getattr(claims, name).search(text):
                matched[name] += 1
                assert any(word in text.lower() for word in words), (name, text)
    assert all(matched.values()), matched  # every pattern was met: the test read what it checks


@pytest.mark.parametrize(
    ("line", "before", "after"), [(2361, "22%", "27%"), (2397, "82%", "88%"), (2384, "4.225", "4.925")]
)
def test_a_changed_share_is_an_error(tmp_path: Path, line: int, before: str, after: str) -> None:
    """`1.861 keuro VAK of 22% van het beschikbare VAK-krediet`: the percentage against its own amount and the
    credit it is a share of (here a measure's budget stated in the prose); a change of either is an error."""
    from begroot.testing.mutations import audit_text, source_lines

    lines = source_lines(REPORT)
    assert before in lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(before, after, 1)
    target = tmp_path / REPORT.name
    target.write_text("\n".join(lines), encoding="utf-8")
    wrong = [f for f in audit_text(target)[1] if line in f.lines and f.context.get("claim") == "share"]
    assert wrong and all((f.rule, f.severity) == ("prose-mismatch", "error") for f in wrong), [f.message for f in wrong]


def test_a_changed_receipt_is_an_error(tmp_path: Path) -> None:
    """A receipt article's AO changed by 7%: its program's summary row no longer adds up (`program-receipts`)."""
    from begroot.testing.mutations import audit_text, source_lines

    doc = extract(REPORT)
    lines = source_lines(REPORT)
    fact = next(f for t in doc.tables if t.layout == "article_receipt" for f in t.facts
                if f.credit == "AO" and f.stage == "BU" and f.value > 1000 and fmt(f.value) in lines[f.source_line - 1])  # fmt: skip
    changed = round(fact.value * 1.07)
    lines[fact.source_line - 1] = lines[fact.source_line - 1].replace(fmt(fact.value), fmt(changed), 1)
    target = tmp_path / REPORT.name
    target.write_text("\n".join(lines), encoding="utf-8")
    found = [f for f in audit_text(target)[1] if f.rule == "program-receipts"]
    assert found and all(f.severity == "error" and fact.source_line in f.lines for f in found)
    assert not [f for f in audit_file(REPORT) if f.rule == "program-receipts"]  # the document as it is adds up


# --------------------------------------------------------------------------- the registry is the truth


def documented_kinds() -> dict[str, list[str]]:
    """docs/audit.md's rule table: id -> the severities its second column names, in order."""
    text = (Path(__file__).resolve().parent.parent / "docs" / "audit.md").read_text(encoding="utf-8")
    table = text.split("## Rules", 1)[1].split("\n\n", 2)[1]
    found = {}
    for row in table.splitlines():
        match = re.match(r"^\| `([a-z-]+)` \| ([^|]+) \|", row)
        if match:
            found[match.group(1)] = re.findall(r"\b(error|warning|info)\b", match.group(2))
    return found


def test_docs_list_every_registered_kind_and_no_other() -> None:
    from begroot.audit import KINDS

    documented = documented_kinds()
    assert set(documented) == set(KINDS), set(documented) ^ set(KINDS)
    for kind in KINDS.values():
        assert documented[kind.id] == list(kind.severities), kind.id
        assert kind.description, kind.id


def test_every_emitted_finding_is_registered_with_its_severity() -> None:
    """On the samples and generated documents of every style: every finding's id is registered and its
    severity one its kind allows (`registered` would have stopped the audit otherwise: this proves it ran)."""
    from begroot.audit import KINDS
    from begroot.sources import load
    from begroot.testing import random_budget, random_style, render_text

    docs, seen = [], set()
    for path in (REPORT, SLIDES):
        source = load(path)
        docs.append(parse(source))
        seen |= {(f.rule, f.severity) for f in audit_document(docs[-1], source)}
    for seed, (kind, stage) in enumerate([("report", "BU"), ("report", "BO"), ("report", "BA"), ("slides", "BO")] * 2):
        budget = random_budget(seed + 40)
        text = render_text(budget, kind, stage, budget.years[1], random_style(random.Random(seed))).text
        source = load_bytes(f"generated-{seed}.txt", text.encode("utf-8"))
        docs.append(parse(source))
        seen |= {(f.rule, f.severity) for f in audit_document(docs[-1], source)}
    seen |= {(f.rule, f.severity) for f in audit_documents(docs)}
    assert all(severity in KINDS[rule_id].severities for rule_id, severity in seen)
    assert {"prose-check", "prose-mismatch", "cross-document-conflict"} <= {rule_id for rule_id, _ in seen}


def test_an_unregistered_id_or_severity_is_a_bug_not_a_finding() -> None:
    from begroot.audit import Finding, registered

    with pytest.raises(LookupError):
        registered(Finding(rule="no-such-rule", severity="error", message=""))
    with pytest.raises(ValueError):
        registered(Finding(rule="execution", severity="error", message=""))
    assert registered(Finding(rule="ise-frame-sum", severity="", message="")).severity == "error"
