"""The shapes of the API's answers, published in the OpenAPI schema.

The routes build their JSON from query rows themselves (with an ETag); these models only
describe it, and the schemathesis test checks every answer against them.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class Error(BaseModel):
    error: str = Field(description="what kind of error: 'not found', 'invalid parameter' ...")
    detail: Any = Field(description="a message, or a list of {loc, msg} per invalid parameter")


class Document(BaseModel):
    name: str = Field(description="the document's id, used by every `document` parameter")
    title: str = Field(description="composed from what the document is: 'BBT <domain> – <stage> <year>'")
    file_name: str = Field(description="the file it was read from")
    sha256: str
    kind: str
    stage: str
    year: int
    domain: str
    domain_letter: str
    format: str
    page_count: int
    ingested_at: str | None
    facts: int


class Program(BaseModel):
    code: str
    name: str
    document: str


class Ise(BaseModel):
    key: str
    name: str
    program: str
    policy_field: str
    perimeter: str
    document: str
    page: int
    line: int


class ArticleItem(BaseModel):
    document: str
    code: str
    name: str
    program: str
    ise: str | None
    suffix: str
    goals: list[str] | None
    entity: str | None
    page: int
    line: int


class ArticlePage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[ArticleItem]


class Fact(BaseModel):
    document: str
    scope: str
    subject: str
    row: str
    credit: str
    year: int
    stage: str
    value: int
    page: int
    source_line: int
    perimeter: str


class FactPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[Fact]


class GoalDetail(BaseModel):
    code: str
    level: str
    title: str
    parent: str | None
    page: int


class GenericTable(BaseModel):
    page: int
    line: int
    header: list[str]
    rows: list[list[str]]


class Article(BaseModel):
    document: str
    code: str
    name: str
    part_entity: str
    part_kind: str
    part_program: str
    part_middle: str
    part_suffix: str
    printed_code: str
    ise: str | None
    policy_field: str | None
    entity: str | None
    goals: list[str] | None
    summary: str
    explanation: str
    credit_evolution: dict[str, Any] | None
    page: int
    line: int
    end_line: int
    facts: list[Fact]
    goal_details: list[GoalDetail]
    generic_tables: list[GenericTable]


class TimelinePoint(BaseModel):
    year: int
    stage: str
    credit: str
    row: str
    perimeter: str
    value: int
    document: str
    page: int
    source_line: int
    subject: str
    scope: str


class GoalArticle(BaseModel):
    code: str
    name: str
    budget: dict[str, int]


class GoalFields(BaseModel):
    """What an SD and an OD both tell."""

    code: str
    level: str
    title: str
    parent: str | None
    themes: list[str] | None
    page: int


class OperationalGoal(GoalFields):
    articles: list[GoalArticle]


class StrategicGoal(GoalFields):
    document: str
    ods: list[OperationalGoal]


class Location(BaseModel):
    document: str | None
    page: int | None
    source_line: int | None


class Finding(BaseModel):
    finding_id: str = Field(description="the finding's one stable id (`begroot review FINDING_ID`)")
    document: str | None
    rule: str
    severity: str
    message: str
    numbers: dict[str, float] | list[float] | None
    expected: float | None
    actual: float | None
    locations: list[Location] | None
    subject: str | None
    verified: bool | None
    context: dict[str, Any] | None
    verdict: str | None = Field(None, description="the latest review verdict: confirmed | false-positive | fixed")
    verdict_note: str | None = None
    verdict_by: str | None = None
    verdict_at: Any = None


class FindingPage(BaseModel):
    total: int = Field(description="how many findings match the filters, over all pages")
    limit: int
    offset: int
    items: list[Finding]


class SearchHit(BaseModel):
    kind: str
    key: str
    document: str
    title: str
    page: int
    score: float
    snippet: str


class SearchResults(BaseModel):
    query: str
    total: int
    results: list[SearchHit]
