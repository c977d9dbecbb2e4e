"""Renderers behind the CLI commands: they print, the CLI wires options to them."""
