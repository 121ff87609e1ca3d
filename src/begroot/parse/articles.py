"""The report's budget articles: a pass taking the report's lines and headings, returning the articles
(code, name, lines, summary and explanation, the goals the summary cites, the ISE, policy field and entity
they stand under) and a warning for each code printed otherwise than it reads."""

from __future__ import annotations

from ..model import Article, Line, ReaderWarning
from ..vocabulary import Vocabulary
from .codes import HEADING as ARTICLE_HEADING
from .codes import code_from_match
from .report_lines import ReportLines
from .text import paragraphs, prose_text, title_case


def read_articles(report: ReportLines, vocab: Vocabulary) -> tuple[list[Article], list[ReaderWarning]]:
    articles: list[Article] = []
    warnings: list[ReaderWarning] = []
    context_of = _context_by_line(report, vocab)
    for position, heading in enumerate(report.headings):
        if heading.section.kind != "article":
            continue
        match = ARTICLE_HEADING.match(report.lines[heading.index].text)
        assert match is not None
        parts = code_from_match(match)
        end = _article_end(report, position)
        article = Article(
            code=parts.code,
            parts=parts,
            name=heading.section.title,
            page=heading.section.page,
            line=heading.section.line,
            end_line=report.lines[end - 1].number,
        )
        printed = match.group("code").strip()
        if printed != parts.code:
            article.printed_code = printed
            warnings.append(
                ReaderWarning(f"article code {printed!r} read as {parts.code}", heading.section.page,
                        heading.section.line, "canonicalised_code")
            )  # fmt: skip
        context = context_of.get(heading.index, {})
        article.ise = context.get("ise")
        article.policy_field = context.get("policy_field")
        article.entity = context.get("entity")
        _read_article_text(article, report, heading.index + 1, end, vocab)
        articles.append(article)
    return articles, warnings


def _article_end(report: ReportLines, position: int) -> int:
    for heading in report.headings[position + 1 :]:
        if heading.level <= 8:
            return heading.index
    return len(report.lines)


def _read_article_text(article: Article, report: ReportLines, start: int, end: int, vocab: Vocabulary) -> None:
    part = None
    summary: list[Line] = []
    explanation: list[Line] = []
    for index in range(start, end):
        if index in report.skip:
            continue
        line = report.lines[index]
        text = line.text.strip()
        if vocab.summary_start.match(text):
            part = "summary"
            continue
        if vocab.explanation_start.match(text):
            part = "explanation"
            continue
        if vocab.execution_start.match(text):
            part = None
            continue
        if part == "summary":
            summary.append(line)
        elif part == "explanation":
            explanation.append(line)
    article.summary_paragraphs = paragraphs(summary)
    article.explanation_paragraphs = paragraphs(explanation)
    article.summary = prose_text(article.summary_paragraphs)
    article.explanation = prose_text(article.explanation_paragraphs)
    goals = [f"OD {int(n)}" for n in vocab.od_cited.findall(article.summary)]
    article.goals = list(dict.fromkeys(goals))


def _context_by_line(report: ReportLines, vocab: Vocabulary) -> dict[int, dict[str, str | None]]:
    """For each article heading: the policy field, ISE and entity headings it stands under."""
    context: dict[str, str | None] = {"policy_field": None, "ise": None, "entity": None}
    result: dict[int, dict[str, str | None]] = {}
    for heading in report.headings:
        section = heading.section
        if section.kind in {"chapter", "policy_field"}:
            field = field_name(section.title, vocab) if section.kind == "policy_field" else None
            context = {"policy_field": field, "ise": None, "entity": None}
        elif section.kind == "ise":
            context = {**context, "ise": section.title, "entity": None}
        elif section.kind == "heading" and heading.level >= 4 and vocab.entity_heading.match(section.title):
            context = {**context, "entity": section.title}
        elif section.kind == "article":
            result[heading.index] = dict(context)
    return result


def field_name(title: str, vocab: Vocabulary) -> str:
    """`BELEIDSVELD WELZIJN EN GEZIN` -> `Welzijn en Gezin` (a title cut after the word gives "")."""
    return title_case(vocab.policy_field.sub("", title).strip(), vocab)
