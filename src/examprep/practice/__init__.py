"""Practice: spaced-repetition scheduling, drill queues, the 错题本, statistics, the mock exam and
the SQLite store that keeps a candidate's progress. Pure Python; knows nothing of Textual."""
