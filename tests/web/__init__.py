"""Helpers of the web tests (tests/web/test_web_*.py)."""
