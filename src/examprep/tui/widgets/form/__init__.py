"""Form controls with their keys described in Chinese."""
