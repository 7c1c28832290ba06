"""Widgets of the exam area."""
