"""Mock of the sample HTTP source the conformance suite is developed against.

API (a small, typical CRM):
  POST /oauth/token   form grant_type=client_credentials&client_id=..&client_secret=..
                      -> {"access_token", "token_type": "Bearer", "expires_in": 3600}
  GET  /api/v1/customers?updated_since=<iso>&cursor=<opaque>&limit=<1..50>
                      -> {"data": [{"id", "name", "email", "updated_at", "deleted"}],
                          "next_cursor": "<opaque>" | null}
     Results are ordered by (updated_at, id); `updated_since` is inclusive.
     An expired token answers 401 {"error": "token_expired"}; the `error_in_200`
     fault answers 200 {"error_code": "TOKEN_EXPIRED"} after expiring all tokens.
"""

import pathlib
import sys
from datetime import datetime, timedelta, timezone

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "fixtures"))

from mock_common import (MockRequest, MockResponse, VendorMock, iso_utc,  # noqa: E402
                         iso_with_offset, json_response, parse_iso)

CLIENT_ID = "sample-client"
CLIENT_SECRET = "sample-secret-7d1f"
PAGE_LIMIT_MAX = 50
PAGE_TOKEN_LIFETIME = 300
SEED_EPOCH = datetime(2026, 1, 1, tzinfo=timezone.utc)


class SampleMock(VendorMock):
    name = "sample_http_source"

    def register_routes(self) -> None:
        self.token_route("POST", r"/oauth/token", self._token)
        self.route("GET", r"/api/v1/customers", self._customers)

    def seed(self, rng, count: int) -> None:
        self.customers: dict[str, dict] = {}
        self.next_id = 1
        for _ in range(count):
            updated = SEED_EPOCH + timedelta(minutes=rng.randint(0, 60 * 24 * 30))
            self._create(updated, rng)

    def _create(self, updated: datetime, rng=None) -> dict:
        number = self.next_id
        self.next_id += 1
        record = {
            "id": f"C{number:05d}",
            "name": "王小明" if number % 7 == 0 else f"Customer {number}",
            # Some records carry no e-mail, some a null one.
            "email": None if number % 5 == 0 else f"customer{number}@example.com",
            "updated": updated,
            "deleted": False,
        }
        if number % 11 == 0:
            record.pop("email")
        self.customers[record["id"]] = record
        return record

    def expected_records(self) -> list[dict]:
        return [{"stream": "customers", "external_id": r["id"], "deleted": r["deleted"],
                 "updated_at": iso_utc(r["updated"])}
                for r in self.customers.values() if r["id"]]

    def mutate(self, created: int, updated: int, deleted: int) -> None:
        live = sorted(key for key, r in self.customers.items() if r["id"] and not r["deleted"])
        for key in live[:updated]:
            self.customers[key]["name"] += " (updated)"
            self.customers[key]["updated"] = self.clock.fresh_timestamp()
        for key in live[updated:updated + deleted]:
            self.customers[key]["deleted"] = True
            self.customers[key]["updated"] = self.clock.fresh_timestamp()
        for _ in range(created):
            self._create(self.clock.fresh_timestamp())

    def add_malformed(self, count: int) -> None:
        for index in range(count):
            key = f"malformed-{len(self.customers)}-{index}"
            self.customers[key] = {"id": "", "name": "No id", "updated": self.clock.fresh_timestamp(),
                                   "deleted": False}

    def answer_invalid_token(self, request: MockRequest) -> MockResponse:
        return json_response({"error": "token_expired", "message": "The access token expired"}, 401,
                             [("WWW-Authenticate", 'Bearer error="invalid_token"')])

    def answer_error_in_200(self, request: MockRequest) -> MockResponse:
        self.tokens.expire_all()
        return json_response({"error_code": "TOKEN_EXPIRED", "message": "Session expired"}, 200)

    def _token(self, request: MockRequest) -> MockResponse:
        form = request.form()
        if form.get("grant_type") != "client_credentials":
            return json_response({"error": "unsupported_grant_type"}, 400)
        if form.get("client_id") != CLIENT_ID or form.get("client_secret") != CLIENT_SECRET:
            return json_response({"error": "invalid_client"}, 401)
        token = self.tokens.issue(3600, prefix="sample")
        return json_response({"access_token": token.value, "token_type": "Bearer", "expires_in": 3600})

    def _customers(self, request: MockRequest) -> MockResponse:
        if not self.token_is_valid(request):
            return self.answer_invalid_token(request)
        try:
            limit = int(request.arg("limit", "20"))
        except ValueError:
            return self.answer_bad_request(request, "limit must be a number")
        if not 1 <= limit <= PAGE_LIMIT_MAX:
            return self.answer_bad_request(request, f"limit must be between 1 and {PAGE_LIMIT_MAX}")
        cursor = request.arg("cursor")
        if cursor:
            position = self.pages.resolve(cursor)
            if position is None:
                return json_response({"error": "invalid_cursor", "message": "cursor expired"}, 400)
            since, after_key = position
        else:
            since_text = request.arg("updated_since")
            try:
                since = parse_iso(since_text) if since_text else None
            except ValueError:
                return self.answer_bad_request(request, "updated_since is not an ISO 8601 time")
            after_key = None
        ordered = sorted(self.customers.values(), key=lambda r: (r["updated"], r["id"]))
        selected = [r for r in ordered
                    if (since is None or r["updated"] >= since)
                    and (after_key is None or (r["updated"], r["id"]) > after_key)]
        page = selected[:limit]
        next_cursor = None
        if len(selected) > limit:
            last = page[-1]
            next_cursor = self.pages.issue((since, (last["updated"], last["id"])), PAGE_TOKEN_LIFETIME)
        return json_response({"data": [self._render(r) for r in page], "next_cursor": next_cursor})

    def _render(self, record: dict) -> dict:
        number = len(record["id"])
        rendered = {key: value for key, value in record.items() if key != "updated"}
        if not record["id"]:
            rendered.pop("id")
        # Mixed offsets, as real vendors produce: the same instant in +08:00 now and then.
        rendered["updated_at"] = (iso_with_offset(record["updated"], 8) if number and record["id"][-1] == "3"
                                  else iso_utc(record["updated"]))
        return rendered


if __name__ == "__main__":
    SampleMock.main()
