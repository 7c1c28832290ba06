"""Widgets of the study area."""
