"""Mock papers: blueprints, question selection, rendering and marking reports.

`draw_paper` (papers.draw) is the pure entry point the CLI and the trainer's mock exam share; rendering
(papers.render), manifests (papers.manifest) and marking (papers.report) build on it.
"""
