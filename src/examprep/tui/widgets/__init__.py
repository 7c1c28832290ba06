"""Widgets, grouped by the area of the app they serve."""
