"""Mock papers: blueprints, question selection, rendering and marking reports."""
