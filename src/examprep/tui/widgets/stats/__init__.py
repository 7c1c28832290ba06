"""Widgets of the stats area."""
