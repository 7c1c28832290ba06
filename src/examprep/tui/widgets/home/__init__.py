"""Widgets of the home area."""
