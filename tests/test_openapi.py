"""schemathesis against the published OpenAPI schema: every API route, parameters generated from
the schema (valid ones and invalid ones), never a 5xx, every answer as the schema describes it
(status code, content type, headers, body), on SQLite and PostgreSQL (conftest `samples_db`)."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from begroot.app import create_app

EXAMPLES = 40  # per route and generation mode
PARTS = 4  # the routes in parts (every PARTS-th), so that test processes can share them


@pytest.mark.parametrize("part", range(PARTS))
def test_every_route_against_its_schema(samples_db: str, part: int) -> None:
    # TestClient-style calls send Host: testserver; allowing it is the only change from `serve`.
    app = create_app(samples_db, allowed_hosts=["testserver"])
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.path for op in operations} == {path for path in app.openapi()["paths"]}
    assert len(operations) >= 11
    for operation in operations[part::PARTS]:
        check_operation(operation, GenerationMode.POSITIVE)
        if len(operation.query) or len(operation.path_parameters):  # something that can be invalid
            check_operation(operation, GenerationMode.NEGATIVE)


def check_operation(operation: schemathesis.APIOperation, mode: GenerationMode) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def run(case: schemathesis.Case) -> None:
        case.call_and_validate()  # not_a_server_error, status/content-type/headers/schema conformance ...

    run()
