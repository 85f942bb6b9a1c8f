"""Sources: every input form yields Pages through the same interface."""
