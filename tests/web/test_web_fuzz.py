"""The API fuzzed from its own OpenAPI document with schemathesis, a bounded number of
examples per operation: never a 500, every answer conforms to the document (status codes,
content types, the contract's JSON shape, the one error shape, Retry-After on 503).
Schemathesis's "schema-valid data is accepted" check is left out: a schema cannot say "an
Excel workbook", and random bytes sent as the roster are rightly refused (422, as the CLI
refuses such a roster), while random bytes sent as unit files are D05 findings in a 200."""
from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the [web] extra is not installed")
schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed")

from hypothesis import HealthCheck, given, settings  # noqa: E402

from web.live import LiveServer  # noqa: E402

try:                                     # the check exists in the newer schemathesis 4 releases
    from schemathesis.specs.openapi.checks import positive_data_acceptance
    EXCLUDED = [positive_data_acceptance]
except ImportError:  # pragma: no cover
    EXCLUDED = []

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
ERROR_KEYS = {"status", "code", "message"}


@pytest.fixture(scope="module")
def server():
    with LiveServer(warm=False, max_upload_mb=1) as srv:
        yield srv


def _check(case):
    response = case.call(timeout=60)
    assert response.status_code < 500, response.text[:300]
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"error"} and set(body["error"]) == ERROR_KEYS
        assert body["error"]["status"] == response.status_code
    case.validate_response(response, excluded_checks=EXCLUDED)
    return response.status_code


def _fuzz(op, statuses: set) -> None:
    @given(case=op.as_strategy())
    @settings(max_examples=8, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case):
        statuses.add(_check(case))
    run()


def test_the_api_keeps_its_own_document(server):
    schema = schemathesis.openapi.from_url(server.url + "/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {(op.method.upper(), op.path) for op in operations} >= {("POST", "/api/check"), ("GET", "/api/health")}
    seen = {}
    for op in operations:
        _fuzz(op, seen.setdefault(op.path, set()))
    assert 200 in seen["/api/check"]               # the examples reached real checks too
