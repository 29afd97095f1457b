"""Helpers of the web tests (tests/test_web*.py)."""
