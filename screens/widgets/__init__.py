"""Reusable widgets of the counter screens."""
