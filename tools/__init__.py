"""Evaluation tools: `make eval` (they read tests/data, so they live outside the package)."""
