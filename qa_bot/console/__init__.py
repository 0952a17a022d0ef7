"""What the two faces share: answers rendered for people, lines read from stdin, progress, and
terminal helpers. Imports the core, never prompt-toolkit or argparse."""
