"""Widgets of the question area."""
