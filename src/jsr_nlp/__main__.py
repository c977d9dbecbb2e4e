"""``python -m jsr_nlp`` runs the command line."""

from jsr_nlp.cli import main

main()
