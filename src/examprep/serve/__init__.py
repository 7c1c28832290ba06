"""The browser front: `examprep serve` runs the trainer for browsers through textual-serve, one app
process per browser session, each opening on the login screen."""
