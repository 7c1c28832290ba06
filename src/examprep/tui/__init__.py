"""The trainer: a Textual app in simplified Chinese over the practice domain."""
