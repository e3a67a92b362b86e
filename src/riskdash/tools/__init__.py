"""Developer tools that read the tree (never imported by the application)."""
