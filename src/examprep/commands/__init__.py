"""One module per command of the CLI; each has `run(args) -> exit code`. Thin layers over the domain."""
