"""Widgets of the feedback area."""
