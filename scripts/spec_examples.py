#!/usr/bin/env python3
"""Replays the usage examples of the Audience Segmentation spec against a running server.

The requests are the spec's own (sections 4 to 9), made with httpx as written there; only the host
comes from BASE_URL (default http://localhost:3000) and the ids the spec leaves open (a user, a second
content item) are looked up in the demo data. The segments it creates are deleted at the end, and any
left by an interrupted run are deleted first, so it can run again and again.

    pip install httpx
    BASE_URL=http://localhost:3000 python scripts/spec_examples.py

Exits with status 1 when any response is not the one expected.
"""

import os
import sys

import httpx

BASE = os.environ.get("BASE_URL", "http://localhost:3000").rstrip("/")
API = f"{BASE}/api/v1"
PERSONA_ID = "123e4567-e89b-12d3-a456-426614174000"
CONTENT_ID = "456e4567-e89b-12d3-a456-426614174000"
SEGMENT_NAMES = ("Tech Enthusiasts", "Tech Enthusiasts A/B")

results: list[tuple[str, bool, str]] = []


def check(label: str, response: httpx.Response, status: int, condition: bool = True, note: str = "") -> bool:
    ok = response.status_code == status and condition
    detail = note or f"HTTP {response.status_code}"
    if response.status_code != status:
        detail = f"expected HTTP {status}, got {response.status_code}: {response.text[:300]}"
    elif not condition:
        detail = f"unexpected body: {response.text[:300]}"
    results.append((label, ok, detail))
    print(f"{'PASS' if ok else 'FAIL'}  {label}  ({detail})")
    return ok


def delete_example_segments() -> None:
    listing = httpx.get(f"{API}/segments/", params={"persona_id": PERSONA_ID, "search": "Tech Enthusiasts", "limit": 100})
    listing.raise_for_status()
    for item in listing.json()["items"]:
        if item["segment_name"] in SEGMENT_NAMES:
            httpx.delete(f"{API}/segments/{item['id']}").raise_for_status()


def run() -> None:
    health = httpx.get(f"{API}/segments/health")
    check("4: GET /segments/health", health, 200, health.json().get("status") == "ok")
    delete_example_segments()

    # 5. Creating a Segment
    response = httpx.post(
        f"{API}/segments/",
        json={
            "persona_id": "123e4567-e89b-12d3-a456-426614174000",
            "segment_name": "Tech Enthusiasts",
            "description": "Users interested in technology and gadgets",
            "criteria": {
                "age_range": [25, 45],
                "interests": ["technology", "gadgets", "AI"],
                "engagement_level": "high"
            },
            "strategy": "hybrid"
        }
    )
    segment = response.json()
    if not check("5: create segment", response, 201, segment.get("segment_name") == "Tech Enthusiasts"):
        return

    users = httpx.get(
        f"{API}/users",
        params={"interest": "technology", "engagement_level": "high", "min_age": 25, "max_age": 45, "limit": 1},
    ).json()
    user_id = users["items"][0]["id"]

    # 5. Adding Members to Segment
    response = httpx.post(
        f"{API}/segments/{segment['id']}/members/{user_id}",
        params={"confidence_score": 0.85}
    )
    check("5: add member with confidence_score", response, 201, response.json().get("confidence_score") == 0.85)

    # 5. Creating Personalized Content
    response = httpx.post(
        f"{API}/segments/personalized",
        json={
            "content_id": "456e4567-e89b-12d3-a456-426614174000",
            "segment_id": segment['id'],
            "variant_id": "variant_a",  # For A/B testing
            "is_control": False
        }
    )
    check("5: create personalized content", response, 201, response.json().get("variant_id") == "variant_a")

    # 5. Getting Segment Analytics
    response = httpx.get(
        f"{API}/segments/{segment['id']}/analytics"
    )
    analytics = response.json()
    if check("5: get analytics", response, 200, analytics.get("member_count") == 1):
        print(f"      Member count: {analytics['member_count']}")
        print(f"      Avg engagement: {analytics['performance_summary']['avg_engagement_rate']}%")
        print(f"      Top content: {len(analytics['top_performing_content'])} item(s)")
        print(f"      Recommendations: {[r['message'] for r in analytics['recommendations']]}")

    # 5. Running Segment Analysis
    response = httpx.post(
        f"{API}/segments/{segment['id']}/analyze"
    )
    check("5: run analysis", response, 200)

    # 6. Segment Criteria Examples, estimated against the audience
    examples = {
        "demographics": {"age_range": [18, 35], "location": ["US", "CA", "UK"], "gender": "any",
                         "interests": ["fitness", "wellness", "nutrition"]},
        "behavioral": {"purchase_history": {"min_purchases": 5, "total_spent_min": 100},
                       "engagement_frequency": "daily", "content_preferences": ["videos", "images"]},
        "engagement": {"engagement_level": "high", "avg_session_duration": 300, "last_active_days": 7,
                       "interaction_score_min": 0.7},
    }
    for name, criteria in examples.items():
        response = httpx.post(f"{API}/segments/estimate", json={"criteria": criteria})
        size = response.json().get("estimated_size") if response.status_code == 200 else None
        check(f"6: estimate {name} criteria", response, 200, isinstance(size, int) and size > 0, f"{size} users")

    # 7. A/B Testing Support, on a segment of its own (the one above already has a variant_a)
    response = httpx.post(f"{API}/segments/", json={
        "persona_id": PERSONA_ID,
        "segment_name": "Tech Enthusiasts A/B",
        "criteria": {"interests": ["technology"]},
    })
    if not check("7: create A/B test segment", response, 201):
        return
    segment_id = response.json()["id"]
    content_id = CONTENT_ID
    videos = httpx.get(f"{API}/content", params={"persona_id": PERSONA_ID, "content_type": "video"}).json()
    content_id_a = videos["items"][0]["id"]

    # Create control group
    control = httpx.post(
        f"{API}/segments/personalized",
        json={
            "content_id": content_id,
            "segment_id": segment_id,
            "variant_id": "control",
            "is_control": True
        }
    ).json()
    results.append(("7: create control", control.get("is_control") is True, str(control.get("id"))))
    print(f"{'PASS' if control.get('is_control') is True else 'FAIL'}  7: create control")

    # Create variant A
    variant_a = httpx.post(
        f"{API}/segments/personalized",
        json={
            "content_id": content_id_a,
            "segment_id": segment_id,
            "variant_id": "variant_a",
            "is_control": False
        }
    ).json()
    results.append(("7: create variant A", variant_a.get("variant_id") == "variant_a", str(variant_a.get("id"))))
    print(f"{'PASS' if variant_a.get('variant_id') == 'variant_a' else 'FAIL'}  7: create variant A")

    # 8. Updating Performance
    if variant_a.get("id"):
        response = httpx.post(
            f"{API}/segments/personalized/{variant_a['id']}/performance",
            json={"views": 1000, "engagement": 150, "conversions": 25},
        )
        rate = response.json().get("engagement_rate")
        check("8: update performance", response, 200, rate is not None and abs(rate - 15) < 1e-9, f"rate {rate}%")

    # 9. Segment Filtering
    response = httpx.get(
        f"{API}/segments/",
        params={
            "persona_id": "123e4567-e89b-12d3-a456-426614174000",
            "status": "active"
        }
    )
    items = response.json().get("items", [])
    check("9: active segments of the persona", response, 200,
          bool(items) and all(s["persona_id"] == PERSONA_ID and s["status"] == "active" for s in items),
          f"{len(items)} segment(s)")

    # Filter by strategy
    response = httpx.get(
        f"{API}/segments/",
        params={
            "persona_id": "123e4567-e89b-12d3-a456-426614174000",
            "strategy": "behavioral"
        }
    )
    items = response.json().get("items", [])
    check("9: behavioral segments of the persona", response, 200,
          bool(items) and all(s["strategy"] == "behavioral" for s in items), f"{len(items)} segment(s)")


def main() -> int:
    print(f"Replaying the spec's usage examples against {API}")
    try:
        run()
    except (httpx.HTTPError, KeyError, IndexError, ValueError) as error:
        results.append(("run", False, repr(error)))
        print(f"FAIL  run stopped: {error!r}")
    finally:
        try:
            delete_example_segments()
        except httpx.HTTPError as error:
            print(f"WARN  could not delete the example segments: {error!r}")
    failed = [label for label, ok, _ in results if not ok]
    print(f"\n{len(results) - len(failed)}/{len(results)} checks passed")
    if failed:
        print("Failed: " + ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
