"""Widgets of the questions area."""
